/**
 * One ordered query read by worker threads, range by range, and handed back in order. A million
 * rows of a report cost mostly SQLite's stepping and the driver turning each row into JavaScript
 * values, both on one core; cut at its ORDER BY key into ranges (the caller knows where), each
 * range is read by a worker with its own read-only connection (WAL lets readers work beside the
 * app's writer), so two cores read at once while the main thread only assembles.
 *
 * Each range is one snapshot of its own: a save made while the export runs may show in a later
 * range and not an earlier one, as it would in an export started a moment later. No row is ever
 * half written.
 *
 * Rows cross from the worker packed, not as arrays (copying a million small arrays between
 * threads costs about what reading them did): columns whose values repeat (dates, ids, codes)
 * are sent as numbers into a list of the distinct values, each value sent once; the others as a
 * flat list. Values come back as the driver gave them, so the rows are the ones the query would
 * give on the main connection.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { driverPath, OPEN_READ_ONLY_SOURCE } from './worker-open';

/** How a worker reaches the database file: the app's own, keyed when the folder is encrypted. */
export type DatabaseFileAccess = { file: string; key?: Buffer; nativeBinding?: string };

export type OrderedRead = {
  /** One SELECT whose named parameters include each range's; rows in the order they are wanted. */
  sql: string;
  /** The parameters of each range, in output order; together they cover the query once. */
  ranges: readonly Record<string, string | number>[];
  /** Per column: true when its values repeat from row to row (sent once each). */
  repeated: readonly boolean[];
};

/**
 * A batch of rows as read: each repeated column as a code into `values`, the other columns in
 * `varied`. `values` is one list per reader that only grows, so whatever a consumer makes of a
 * code (a CSV field) can be kept for the reader's later batches; rowsOf gives plain rows.
 */
export type RowBatch = {
  rows: number;
  /** Per row, one code per repeated column, in column order. */
  codes: Uint32Array;
  /** Per row, the values of the other columns, in column order. */
  varied: unknown[];
  values: unknown[];
};

/** A batch of packed rows, as a worker posts it. */
type Packed = {
  range: number;
  rows: number;
  /** Per row, per repeated column, the index of its value in the worker's list of values. */
  codes: Uint32Array;
  /** Per row, the values of the other columns in order. */
  varied: unknown[];
  /** Values met for the first time, appended to the worker's list in order. */
  fresh: unknown[];
  /** The range's last batch. */
  done: boolean;
};
type Reply = Packed | { range: number; error: string };

const ROWS_PER_BATCH = 4096;

// Plain CommonJS evaluated in the worker; the driver and openReadOnly come from worker-open.ts.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const repeated = workerData.repeated;
const repeatedCount = repeated.filter(Boolean).length;
const perBatch = workerData.rowsPerBatch;
const codeOf = new Map();
let db = null;
let statement = null;
// Opened with the first range, so a failure to open is told like any other: with its message.
${OPEN_READ_ONLY_SOURCE}
function prepare() {
  db = openReadOnly(workerData);
  db.pragma('cache_size = -65536');
  return db.prepare(workerData.sql).raw(true);
}
parentPort.on('message', (task) => {
  if (task === null) {
    if (db) db.close();
    parentPort.close();
    return;
  }
  let codes = new Uint32Array(perBatch * repeatedCount);
  let varied = [];
  let fresh = [];
  let rows = 0;
  let at = 0;
  const post = (done) => {
    parentPort.postMessage({ range: task.range, rows, codes, varied, fresh, done }, [codes.buffer]);
    codes = new Uint32Array(perBatch * repeatedCount);
    varied = [];
    fresh = [];
    rows = 0;
    at = 0;
  };
  try {
    statement = statement || prepare();
    for (const row of statement.iterate(task.params)) {
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (!repeated[c]) {
          varied.push(value);
          continue;
        }
        let code = codeOf.get(value);
        if (code === undefined) {
          code = codeOf.size;
          codeOf.set(value, code);
          fresh.push(value);
        }
        codes[at++] = code;
      }
      if (++rows === perBatch) post(false);
    }
    post(true);
  } catch (err) {
    parentPort.postMessage({ range: task.range, error: String((err && err.message) || err) });
  }
});
`;

/** Two readers where the machine has two cores or fewer (the main thread assembles meanwhile), at most four. */
export const readerCount = (): number => Math.max(2, Math.min(4, availableParallelism()));

/** The rows of `read`, a batch at a time, in range order and within each range in the query's order. */
export async function* readOrderedInParallel(
  access: DatabaseFileAccess,
  read: OrderedRead,
  workers: number = readerCount(),
): AsyncGenerator<RowBatch> {
  const { ranges } = read;
  const queues = ranges.map(() => ({ batches: [] as RowBatch[], done: false }));
  let current = 0;
  let next = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    wake?.();
    wake = null;
  };

  const pool = Array.from({ length: Math.min(workers, ranges.length) }, () => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: driverPath(),
        file: access.file,
        keyHex: access.key?.toString('hex'),
        nativeBinding: access.nativeBinding,
        sql: read.sql,
        repeated: read.repeated,
        rowsPerBatch: ROWS_PER_BATCH,
      },
    });
    // The distinct values this worker has sent, in the order of their codes.
    const values: unknown[] = [];
    const reader = { worker, busy: false, finished: false };
    worker.on('message', (reply: Reply) => {
      if ('error' in reply) failure = new Error(reply.error);
      else {
        for (const v of reply.fresh) values.push(v);
        const queue = queues[reply.range]!;
        queue.batches.push({ rows: reply.rows, codes: reply.codes, varied: reply.varied, values });
        if (reply.done) {
          queue.done = true;
          reader.busy = false;
          assign();
        }
      }
      signal();
    });
    worker.on('error', (err) => {
      failure = err;
      signal();
    });
    worker.on('exit', (code) => {
      if (!reader.finished) failure ??= new Error(`A report reader stopped before it finished (exit ${code}).`);
      signal();
    });
    return reader;
  });

  // A reader takes the next range only a few ranges ahead of the one being written, so the rows
  // waiting in memory stay a few ranges' worth whichever reader is slower.
  function assign(): void {
    for (const reader of pool) {
      if (reader.busy || reader.finished) continue;
      if (next < ranges.length && next <= current + pool.length) {
        reader.busy = true;
        reader.worker.postMessage({ range: next, params: ranges[next] });
        next += 1;
      } else if (next >= ranges.length) {
        reader.finished = true;
        reader.worker.postMessage(null);
      }
    }
  }

  try {
    assign();
    while (current < ranges.length) {
      if (failure) throw failure;
      const queue = queues[current]!;
      const batch = queue.batches.shift();
      if (batch) yield batch;
      else if (queue.done) {
        current += 1;
        assign();
      } else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // Stopped early (an error, or the consumer gave up): readers still at work are ended.
    for (const reader of pool) {
      if (!reader.finished) {
        reader.finished = true;
        void reader.worker.terminate();
      }
    }
  }
}

/** The rows of a batch as the driver gives them (raw arrays), for consumers that want rows. */
export function rowsOf({ rows: count, codes, varied, values }: RowBatch, repeated: readonly boolean[]): unknown[][] {
  const rows: unknown[][] = new Array(count);
  let c = 0;
  let v = 0;
  for (let r = 0; r < count; r++) {
    const row = new Array(repeated.length);
    for (let i = 0; i < repeated.length; i++) row[i] = repeated[i] ? values[codes[c++]!] : varied[v++];
    rows[r] = row;
  }
  return rows;
}
