/**
 * Closing the database when the process is told to stop (Ctrl+C, `kill`, a service manager, the
 * OS shutting down): SQLite then checkpoints its WAL into the database file and removes the -wal
 * and -shm, instead of leaving them for the next start to replay. Signals arrive between
 * statements (every write is one synchronous transaction), never in the middle of one.
 */
const TERMINATION_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Exit status of a process stopped by a signal, as shells report it (128 + signal number). */
export const signalExitCode = (signal: NodeJS.Signals): number => (signal === 'SIGINT' ? 130 : 143);

/** Run `stop` on the first SIGINT or SIGTERM; the function returned takes the handlers off again. */
export function onTerminationSignals(stop: (signal: NodeJS.Signals) => void): () => void {
  let stopped = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopped) return;
    stopped = true;
    stop(signal);
  };
  for (const signal of TERMINATION_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of TERMINATION_SIGNALS) process.off(signal, handler);
  };
}
