import { Socket } from 'node:net';

/** The environment variable that tells a child which of its file descriptors is its lifeline from thap. */
export const LIFELINE_FD_ENV = 'THAP_LIFELINE_FD';
/** The descriptor thap gives each child it starts as its lifeline (stdio index 3). */
export const LIFELINE_FD = 3;

/**
 * In a process thap started (the mocks, the reference clients): watches the lifeline pipe named by
 * THAP_LIFELINE_FD and, when it ends (thap is gone, however it died), calls `onLost`, by default a SIGTERM
 * to itself so the process's own graceful stop runs (the mocks flush their ledger), then a hard exit after
 * `hardExitMs` if that stop hangs. Does nothing without the variable (a user started the process). Neither
 * the pipe nor the timer keeps the process alive.
 */
export function watchLifeline({
  env = process.env,
  hardExitMs = 1_500,
  onLost = () => {
    setTimeout(() => process.exit(1), hardExitMs).unref();
    process.kill(process.pid, 'SIGTERM');
  },
}: { env?: NodeJS.ProcessEnv; hardExitMs?: number; onLost?: () => void } = {}): boolean {
  const fd = Number(env[LIFELINE_FD_ENV]);
  if (!Number.isInteger(fd) || fd < 3) return false;
  let socket: Socket;
  try {
    socket = new Socket({ fd, readable: true, writable: false });
  } catch {
    return false;
  }
  let lost = false;
  const lose = () => {
    if (lost) return;
    lost = true;
    onLost();
  };
  socket.on('data', () => undefined);
  socket.on('end', lose);
  socket.on('close', lose);
  socket.on('error', lose);
  socket.unref();
  return true;
}
