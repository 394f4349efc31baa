/**
 * A copy of an encrypted database, made off the main thread. SQLite3 Multiple Ciphers refuses
 * the online backup into a file without its cipher, and VACUUM INTO (which writes the copy
 * encrypted with the same key) runs in one call: on the main thread it would hold every other
 * call for as long as a gigabyte takes. So a worker thread opens its own read-only connection
 * with the key and runs VACUUM INTO there; the app goes on answering meanwhile (WAL lets a reader
 * and the writer work at once).
 */
import { Worker } from 'node:worker_threads';
import { driverPath, OPEN_READ_ONLY_SOURCE, type WorkerOpen } from './worker-open';

// Plain CommonJS evaluated in the worker (worker-open.ts).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${OPEN_READ_ONLY_SOURCE}
let db;
try {
  db = openReadOnly(workerData);
  db.prepare('VACUUM INTO ?').run(workerData.target);
  parentPort.postMessage({ ok: true });
} catch (err) {
  parentPort.postMessage({ ok: false, message: String((err && err.message) || err) });
} finally {
  if (db) db.close();
}
`;

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
        file: options.source,
        target: options.target,
        keyHex: options.key.toString('hex'),
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      } satisfies WorkerOpen & { target: string },
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
