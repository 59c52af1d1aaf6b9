/**
 * Toxiproxy's log level (its LOG_LEVEL variable), for every Toxiproxy thap starts: a process, a container or a pod.
 * Unset, its logger writes every level down to trace: five lines or more per connection, ~150 MB for one O1 run
 * of retry-storm, which opens a connection per NIC call, written on the run's own cores. `info` keeps what a
 * reader looks for (each proxy started, each client accepted and its connection's end, warnings and errors): two
 * lines a connection, ~70 MB for retry-storm's O2, a few KB for a client that keeps its connections;
 * THAP_TOXIPROXY_LOG_LEVEL (trace, debug, info, warn, error) asks for more or less.
 */
export function toxiproxyLogLevel(env: NodeJS.ProcessEnv = process.env): string {
  return env.THAP_TOXIPROXY_LOG_LEVEL ?? 'info';
}
