/**
 * The variance report as CSV lines, fast enough for a million claim lines: the repository hands
 * each line's few varying values and one run of amounts SQLite already wrote (eachForCsv); names,
 * labels and reasons repeat from line to line, so each distinct one is made safe (export-cells.ts)
 * once. The lines are the same, field for field, as csvRecord(varianceCells(row)) writes
 * (tests/integration/reports-service.test.ts compares both on hostile names).
 */
import { csvField } from '../../../shared/domain/export-cells';
import type { LineKind } from '../../../shared/domain/remittance';
import { VARIANCE_STATUS_LABELS, type VarianceStatus } from '../../../shared/domain/variance';
import type { VarianceCsvParts } from '../repositories/variance-repository';
import { drugNameOf } from '../repositories/administrations/administration-rows';
import { lineLabel, reasonsText } from './variance-labels';

export type CsvNames = {
  patient: (id: number) => string;
  payer: (id: number) => string;
  drug: (id: number) => { genericName: string; brandName: string };
};

/** A CSV field per key, each made once. */
function fieldsBy<K>(make: (key: K) => string): (key: K) => string {
  const made = new Map<K, string>();
  return (key) => {
    let field = made.get(key);
    if (field === undefined) made.set(key, (field = csvField(make(key))));
    return field;
  };
}

/** The lines of `parts`, in chunks of about 64 KB (one string per line would mean a million). */
export function* varianceCsvChunks(
  parts: Iterable<VarianceCsvParts>,
  names: CsvNames,
): Generator<{ text: string; rows: number }> {
  const patient = fieldsBy(names.patient);
  const payer = fieldsBy(names.payer);
  const drug = fieldsBy((id: number) => drugNameOf(names.drug(id)));
  const same = fieldsBy((s: string) => s);
  const modifiers = fieldsBy((m: string) => m.replaceAll(',', ' '));
  const line = fieldsBy((kind: LineKind) => lineLabel(kind));
  const status = fieldsBy((s: VarianceStatus) => VARIANCE_STATUS_LABELS[s]);
  const reasons = fieldsBy(reasonsText);
  let text = '';
  let rows = 0;
  for (const [dos, claim, patientId, payerId, drugId, hcpcs, mods, kind, st, amounts, why] of parts) {
    text += `${same(dos)},${csvField(claim)},${patient(patientId)},${payer(payerId)},${drug(drugId)},${same(hcpcs)},${modifiers(mods)},${line(kind)},${status(st)},${amounts},${reasons(why)}\r\n`;
    rows += 1;
    if (text.length > 65_536) {
      yield { text, rows };
      text = '';
      rows = 0;
    }
  }
  if (rows > 0) yield { text, rows };
}
