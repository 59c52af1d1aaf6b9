import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** TCP state LISTEN in /proc/net/tcp{,6} (include/net/tcp_states.h: TCP_LISTEN = 10). */
const listenState = '0A';

/** The socket inodes listening on `port` (any address, IPv4 or IPv6), from this network namespace's tables. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch (error) {
      // IPv6 may be off; without the IPv4 table nothing here can say who listens.
      if (table.endsWith('6')) continue;
      throw new Error(`cannot read ${table} to find who listens on port ${port}: ${(error as Error).message} (the port checks need Linux /proc)`);
    }
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (local === undefined || fields[3] !== listenState) continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) inodes.add(fields[9] as string);
    }
  }
  return inodes;
}

function socketInodesOf(pid: string): string[] {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  const inodes: string[] = [];
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.push(match[1] as string);
    } catch {
      // the descriptor closed while being read
    }
  }
  return inodes;
}

/**
 * The pids of every process holding a socket that listens on TCP `port` (Linux /proc: the listening socket's
 * inode, then the processes whose descriptors point at it). Empty when nothing listens. A socket shared by
 * several processes (inherited across fork) names each of them.
 */
export function listenerPids(port: number): number[] {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return [];
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  return pids.filter((pid) => socketInodesOf(pid).some((inode) => inodes.has(inode))).map(Number);
}
