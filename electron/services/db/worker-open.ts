/**
 * What the worker threads that read the database share (encrypted-copy.ts, parallel-ordered-read.ts):
 * the app's own driver, resolved here where node_modules is known and handed to the worker as a
 * path, and the source of `openReadOnly(workerData)`, pasted into each eval'd worker (electron-vite
 * builds one main bundle, so a worker has no file of its own). It opens read-only, keyed with
 * `keyHex` when the data folder is encrypted, and waits out a writer's lock like the app does.
 */
import { createRequire } from 'node:module';

export const driverPath = (): string => createRequire(__filename).resolve('better-sqlite3-multiple-ciphers');

/** What a worker needs to open the file: workerData carries these fields. */
export type WorkerOpen = { driver: string; file: string; keyHex?: string; nativeBinding?: string };

export const OPEN_READ_ONLY_SOURCE = `
function openReadOnly(data) {
  const Database = require(data.driver);
  const db = new Database(data.file, {
    readonly: true,
    fileMustExist: true,
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  });
  if (data.keyHex) {
    db.pragma("cipher = 'chacha20'");
    db.pragma('key = "x' + "'" + data.keyHex + "'" + '"');
  }
  db.pragma('busy_timeout = 5000');
  return db;
}
`;
