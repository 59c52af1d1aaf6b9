/**
 * Toxiproxy's log level (its LOG_LEVEL variable), for every Toxiproxy thap starts: a process, a container or a pod.
 * Unset, its logger writes every level down to trace: a line or more per connection opened and closed, ~150 MB
 * for one O1 run of a client that opens a connection per NIC call, written on the run's own cores. `info` keeps
 * what a reader looks for (proxies and toxics made and removed, each client accepted, errors);
 * THAP_TOXIPROXY_LOG_LEVEL (trace, debug, info, warn, error) asks for more or less.
 */
export function toxiproxyLogLevel(env: NodeJS.ProcessEnv = process.env): string {
  return env.THAP_TOXIPROXY_LOG_LEVEL ?? 'info';
}
