/**
 * The variance report as CSV lines, fast enough for a million claim lines: the repository hands
 * each line's few varying values and one run of amounts SQLite already wrote (eachForCsv); names,
 * labels and reasons repeat from line to line, so each distinct one is made safe (export-cells.ts)
 * once. Parts read on this thread and batches read by workers (variance-csv-read.ts) are written
 * by the same `line`. The lines are the same, field for field, as csvRecord(varianceCells(row))
 * writes (tests/integration/variance-csv-parallel.test.ts compares them on hostile values).
 */
import { csvField } from '../../../shared/domain/export-cells';
import { VARIANCE_STATUS_LABELS } from '../../../shared/domain/variance';
import type { RowBatch } from '../db/parallel-ordered-read';
import type { VarianceCsvParts, VarianceLineFacts } from '../repositories/variance-repository';
import { drugNameOf } from '../repositories/administrations/administration-rows';
import { lineLabel, reasonsText } from './variance-labels';

export type CsvNames = {
  patient: (id: number) => string;
  payer: (id: number) => string;
  drug: (id: number) => { genericName: string; brandName: string };
};

export type CsvChunk = { text: string; rows: number };

// The fields made once are kept with the comma that follows them: a line is then nine pieces
// joined, not seventeen, which over a million lines is a good part of the time spent on this thread.

/** A CSV field and its comma per row id, each made once (an array: ids are small whole numbers, quicker than a Map). */
function fieldsById(make: (id: number) => string): (id: number) => string {
  const made: string[] = [];
  return (id) => (made[id] ??= `${csvField(make(id))},`);
}

/** The fields a key stands for, each made once. */
function madeOnce<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

type LineFields = { middle: string; end: string };

/**
 * The line's code, modifiers, line and status as CSV fields with their commas, and its end: the
 * reasons after the amounts, and the line break.
 */
function lineFields(factsJson: string): LineFields {
  const [hcpcs, modifiers, kind, status, reasons] = JSON.parse(factsJson) as VarianceLineFacts;
  const middle = [hcpcs, modifiers.replaceAll(',', ' '), lineLabel(kind), VARIANCE_STATUS_LABELS[status]]
    .map((text) => `${csvField(text)},`)
    .join('');
  return { middle, end: `,${csvField(reasonsText(reasons))}\r\n` };
}

/**
 * Fields made of a reader's codes (parallel-ordered-read.ts) for the parts kept behind a Map;
 * patients, payers and drugs are already kept by id (fieldsById).
 */
type FieldsByCode = { date: string[]; facts: LineFields[] };

export type VarianceCsvWriter = {
  /** The lines of parts read on this thread, in chunks of about 64 KB (not one string per line). */
  lines: (parts: Iterable<VarianceCsvParts>) => Generator<CsvChunk>;
  /** The lines of a batch read by a worker (VarianceCsvParts packed: CSV_PARTS_REPEATED). */
  linesOf: (batch: RowBatch) => CsvChunk;
};

/**
 * The writer of variance lines. The fields made once are kept from call to call, so the parts
 * can come in batches as well as all at once; both ways give a line by `line` below.
 */
export function varianceCsvWriter(names: CsvNames): VarianceCsvWriter {
  const patient = fieldsById(names.patient);
  const payer = fieldsById(names.payer);
  const drug = fieldsById((id) => drugNameOf(names.drug(id)));
  const date = madeOnce((dos: string) => `${csvField(dos)},`);
  const facts = madeOnce(lineFields);
  const line = (
    dateField: string,
    claim: string,
    patientField: string,
    payerField: string,
    drugField: string,
    { middle, end }: LineFields,
    amounts: string,
  ): string => dateField + csvField(claim) + ',' + patientField + payerField + drugField + middle + amounts + end;

  // A repeated value from a worker is a code: its field is an array read once made, not a Map look-up.
  const byReader = new WeakMap<unknown[], FieldsByCode>();

  return {
    *lines(parts) {
      let text = '';
      let rows = 0;
      for (const [dos, claim, patientId, payerId, drugId, factsJson, amounts] of parts) {
        text += line(date(dos), claim, patient(patientId), payer(payerId), drug(drugId), facts(factsJson), amounts);
        rows += 1;
        if (text.length > 65_536) {
          yield { text, rows };
          text = '';
          rows = 0;
        }
      }
      if (rows > 0) yield { text, rows };
    },
    linesOf({ rows, codes, varied, values }) {
      let made = byReader.get(values);
      if (!made) byReader.set(values, (made = { date: [], facts: [] }));
      const { date: dates, facts: lineFacts } = made;
      let text = '';
      // Five codes a row (date, patient, payer, drug, line facts), then two values (claim, amounts).
      for (let r = 0, c = 0, v = 0; r < rows; r++, c += 5, v += 2) {
        const d = codes[c]!;
        const p = codes[c + 1]!;
        const y = codes[c + 2]!;
        const g = codes[c + 3]!;
        const f = codes[c + 4]!;
        text += line(
          (dates[d] ??= date(values[d] as string)),
          varied[v] as string,
          patient(values[p] as number),
          payer(values[y] as number),
          drug(values[g] as number),
          (lineFacts[f] ??= facts(values[f] as string)),
          varied[v + 1] as string,
        );
      }
      return { text, rows };
    },
  };
}

/** The lines of `parts`, read on this thread. */
export function varianceCsvChunks(parts: Iterable<VarianceCsvParts>, names: CsvNames): Generator<CsvChunk> {
  return varianceCsvWriter(names).lines(parts);
}

/** The lines of batches read by workers and handed over in order. */
export async function* varianceCsvChunksOf(
  batches: AsyncIterable<RowBatch>,
  names: CsvNames,
): AsyncGenerator<CsvChunk> {
  const { linesOf } = varianceCsvWriter(names);
  for await (const batch of batches) yield linesOf(batch);
}
