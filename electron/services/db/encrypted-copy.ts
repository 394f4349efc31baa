/**
 * A copy of an encrypted database, made off the main thread. SQLite3 Multiple Ciphers refuses
 * the online backup into a file without its cipher, and VACUUM INTO (which writes the copy
 * encrypted with the same key) runs in one call: on the main thread it would hold every other
 * call for as long as a gigabyte takes. So a worker thread opens its own read-only connection
 * with the key and runs VACUUM INTO there; the app goes on answering meanwhile (WAL lets a reader
 * and the writer work at once).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain CommonJS evaluated in the worker: no bundler step, and the driver is the app's own
// (resolved here, where node_modules is known, and handed over as a path).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.source, {
    readonly: true,
    fileMustExist: true,
    ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
  });
  db.pragma("cipher = 'chacha20'");
  db.pragma('key = "x' + "'" + workerData.keyHex + "'" + '"');
  db.pragma('busy_timeout = 5000');
  db.prepare('VACUUM INTO ?').run(workerData.target);
  parentPort.postMessage({ ok: true });
} catch (err) {
  parentPort.postMessage({ ok: false, message: String((err && err.message) || err) });
} finally {
  if (db) db.close();
}
`;

const driverPath = (): string => createRequire(__filename).resolve('better-sqlite3-multiple-ciphers');

export function copyEncryptedDatabase(options: {
  source: string;
  target: string;
  key: Buffer;
  nativeBinding?: string;
}): Promise<void> {
  return new Promise((resolveCopy, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: driverPath(),
        source: options.source,
        target: options.target,
        keyHex: options.key.toString('hex'),
        nativeBinding: options.nativeBinding,
      },
    });
    let settled = false;
    worker.once('message', (reply: { ok: boolean; message?: string }) => {
      settled = true;
      if (reply.ok) resolveCopy();
      else reject(new Error(reply.message ?? 'The copy failed.'));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The copy stopped before it finished (exit ${code}).`));
    });
  });
}
