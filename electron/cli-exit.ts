/**
 * Ending the `j3490` process without cutting its output short. Into a pipe, stdout is written
 * asynchronously: process.exit() right after printing a 1.3 MB answer left all but the first
 * 64 KiB unwritten, with exit 0. So the exit code is set first, and the process exits once stdout
 * and stderr have handed every byte to the operating system, or their reader has gone away
 * (`j3490 … | head`). It still exits then, even if something left a handle open.
 */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    // EPIPE and the like: nobody reads any more, so there is nothing left to wait for.
    stream.on('error', () => resolve());
    // Queued behind every earlier write, so its callback runs once they are all written.
    stream.write('', () => resolve());
  });
}

export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit(code));
}
