/**
 * Picks a listen port outside the ephemeral range 32768-60999 (TOOLS.md): random in 20000-32000.
 * The caller tries to listen and asks again on EADDRINUSE.
 */
export function randomListenPort(random: () => number = Math.random): number {
  return 20000 + Math.floor(random() * 12000);
}
