/**
 * The support log of every door (desktop, browser mode, CLI). One line per entry:
 *   2026-12-07T14:03:11.412Z INFO  startup Services opened {"version":"0.9.0","mode":"cli",…}
 * ISO time, level, area, a message the code built from safe parts (codes, ids, counts,
 * durations — never text a person typed), then the fields as JSON after redaction
 * (log-redaction.ts), which always runs. Logging never throws into the caller.
 */
import { errorFields, oneLine, redactFields, type LogFields } from './log-redaction';
import { logFile, type LogFile } from './log-file';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Write = (area: string, message: string, fields?: LogFields) => void;
export type Log = Record<LogLevel, Write> & { level: LogLevel; file?: string };

export function parseLogLevel(value: string | undefined, fallback: LogLevel = 'info'): LogLevel {
  const v = (value ?? '').trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(v) ? (v as LogLevel) : fallback;
}

/** A logger writing lines to `sink` (the log file in the app; an array in tests). */
export function createLogger(options: {
  sink: (line: string) => void;
  level?: LogLevel;
  now?: () => string;
  file?: string;
}): Log {
  const level = options.level ?? 'info';
  const rank = LOG_LEVELS.indexOf(level);
  const now = options.now ?? (() => new Date().toISOString());
  const at =
    (entryLevel: LogLevel): Write =>
    (area, message, fields) => {
      if (LOG_LEVELS.indexOf(entryLevel) > rank) return;
      try {
        const safe = redactFields(fields);
        const json = Object.keys(safe).length > 0 ? ` ${JSON.stringify(safe)}` : '';
        options.sink(`${now()} ${entryLevel.toUpperCase().padEnd(5)} ${oneLine(area)} ${oneLine(message)}${json}\n`);
      } catch {
        // A field that cannot be serialised, or a failing sink, loses the line, never the call.
      }
    };
  return {
    level,
    ...(options.file ? { file: options.file } : {}),
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
  };
}

/** The logger of a data folder: `<dataDir>/logs/j3490.log`, level from J3490_LOG_LEVEL (info). */
export function dataDirLogger(
  dataDir: string,
  options: { level?: LogLevel; now?: () => string; maxBytes?: number; keep?: number } = {},
): Log {
  const file: LogFile = logFile(dataDir, options);
  return createLogger({
    sink: file.append,
    level: options.level ?? parseLogLevel(process.env.J3490_LOG_LEVEL),
    file: file.path,
    ...(options.now ? { now: options.now } : {}),
  });
}

export const silentLog: Log = createLogger({ sink: () => undefined, level: 'error' });

/**
 * The small logger the doors hand to dispatch and the host (`dispatch.ts` Logger): an error
 * object is reduced to name, code and stack frames before it reaches the file.
 */
export function doorLogger(log: Log, area: string) {
  return {
    error: (message: string, err?: unknown) => log.error(area, message, err === undefined ? {} : errorFields(err)),
    warn: (message: string, fields?: LogFields) => log.warn(area, message, fields),
    info: (message: string, fields?: LogFields) => log.info(area, message, fields),
  };
}

export { errorFields, type LogFields };
