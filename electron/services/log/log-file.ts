/**
 * The log file: `<dataDir>/logs/j3490.log`, rotated by size to j3490.log.1 … .N (1 newest).
 *
 * Lines are appended synchronously (appendFileSync), not through a buffered stream: the app logs
 * little (start-up, failures, import and backup summaries), so the cost is a few microseconds per
 * entry, and a synchronous line is already in the file when the process is killed (the crash
 * harness SIGKILLs it; a buffer would lose exactly the lines support needs) — there is nothing to
 * flush on exit. The size is read from the file before each write, so the app and a CLI run
 * writing the same folder both see the real size and rotate at the limit.
 *
 * Writing never throws: a full disk, a read-only folder or a failed rotation loses the log line,
 * never the caller's save. The folder is created (0700, file 0600) on the first write.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOGS_FOLDER = 'logs';
export const LOG_FILE_NAME = 'j3490.log';
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_KEEP = 5;

export type LogFile = {
  path: string;
  append: (line: string) => void;
  /** Lines that could not be written since the start (disk full, no permission). */
  dropped: () => number;
};

export function logFile(dataDir: string, options: { maxBytes?: number; keep?: number } = {}): LogFile {
  const folder = join(dataDir, LOGS_FOLDER);
  const path = join(folder, LOG_FILE_NAME);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP);
  let dropped = 0;

  function rotate(): void {
    rmSync(`${path}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(`${path}.${n}`, `${path}.${n + 1}`);
      } catch {
        // A missing older file is normal until the log has rotated `keep` times.
      }
    }
    renameSync(path, `${path}.1`);
  }

  function currentSize(): number {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  }

  return {
    path,
    append(line) {
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        const bytes = Buffer.byteLength(line);
        const size = currentSize();
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(path, line, { mode: 0o600 });
      } catch {
        dropped++;
      }
    },
    dropped: () => dropped,
  };
}
