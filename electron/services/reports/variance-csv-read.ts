/**
 * Where the variance CSV's lines are read: by worker threads, day ranges at once, when the report
 * is large and the database is a file they can open (db/parallel-ordered-read.ts); on this thread
 * otherwise. Either way variance-csv.ts writes every line, so both give the same bytes.
 */
import { readOrderedInParallel, readerCount, type DatabaseFileAccess } from '../db/parallel-ordered-read';
import type { VarianceService } from '../remittances/variance-service';
import type { VarianceQuery } from '../repositories/variance-repository';
import { varianceCsvChunks, varianceCsvChunksOf, type CsvChunk } from './variance-csv';

/** Below this many lines starting the readers costs more than they save. */
const PARALLEL_FROM_LINES = 20_000;

export type ParallelCsvOptions = {
  /** The database file the readers open; without it the lines are read on this thread. */
  database?: DatabaseFileAccess | undefined;
  /** How many lines a report needs before it is read on worker threads (tests set it low). */
  parallelFrom?: number | undefined;
  /** How many day ranges each reader takes on average; more evens out the readers' shares. */
  rangesPerReader?: number | undefined;
};

export function varianceCsvRead(
  variance: VarianceService,
  q: Omit<VarianceQuery, 'limit' | 'offset'>,
  options: ParallelCsvOptions,
): Iterable<CsvChunk> | AsyncIterable<CsvChunk> {
  const { database } = options;
  if (!database) return varianceCsvChunks(variance.eachForCsv(q), variance.names);
  return inParallel(variance, q, { ...options, database });
}

async function* inParallel(
  variance: VarianceService,
  q: Omit<VarianceQuery, 'limit' | 'offset'>,
  {
    database,
    parallelFrom = PARALLEL_FROM_LINES,
    rangesPerReader = 4,
  }: ParallelCsvOptions & {
    database: DatabaseFileAccess;
  },
): AsyncGenerator<CsvChunk> {
  const readers = readerCount();
  const { read, lines } = variance.csvReadInRanges(q, readers * rangesPerReader);
  if (lines < parallelFrom) {
    yield* varianceCsvChunks(variance.eachForCsv(q), variance.names);
    return;
  }
  yield* varianceCsvChunksOf(readOrderedInParallel(database, read, readers), variance.names);
}
