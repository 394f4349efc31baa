/**
 * `j3490 import crosswalk|hcpcs|fda-ndc FILE [FILE2] [--release R] [--accept-errors]` and
 * `j3490 check NDC --date D [--hcpcs CODE] [--dose "25 mg"]` (issue 13): the reference imports the
 * Reference data page makes (preview, then commit; refused rows refuse the file unless
 * --accept-errors leaves them out) and the code check, through the same contract calls.
 */
import { readFileSync } from 'node:fs';
import { fail, ok, type Reply } from '../shared/api/reply';
import { optionText, type Call } from './cli-common';

export const REFERENCE_IMPORT_KINDS = ['crosswalk', 'hcpcs', 'fda-ndc'] as const;

const IMPORT_USAGE =
  'Usage: j3490 import crosswalk|hcpcs|fda-ndc FILE [FILE2] [--release 2025Q3|YYYY-MM-DD] [--accept-errors]';
const CHECK_USAGE = 'Usage: j3490 check NDC --date YYYY-MM-DD [--hcpcs CODE] [--dose "25 mg"]';

export async function referenceImportCommand(
  kind: string,
  files: string[],
  options: Map<string, string | true>,
  call: Call,
  err: (text: string) => void,
): Promise<Reply<unknown>> {
  if (files.length === 0) return fail('ARGUMENT_MISSING', `Say which file. ${IMPORT_USAGE}`);
  const read: { fileName: string; contentBase64: string }[] = [];
  for (const file of files) {
    try {
      read.push({ fileName: file.replace(/^.*[\\/]/, ''), contentBase64: readFileSync(file).toString('base64') });
    } catch {
      return fail('FILE_UNREADABLE', `Cannot read ${file}.`);
    }
  }
  const release = optionText(options, 'release');
  const preview = await call('reference:preview', { kind, files: read, ...(release ? { release } : {}) });
  if (!preview.ok) return preview;
  const p = preview.value as {
    stagedId: string;
    refusedRows: number;
    validRows: number;
    errors: { row: number; column: string; message: string }[];
    changes: string[];
  };
  const accept = options.has('accept-errors');
  if (accept && p.refusedRows > 0) {
    err(`Leaving out ${p.refusedRows} refused row(s):`);
    for (const e of p.errors) err(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
  }
  const committed = await call('reference:commit', { stagedId: p.stagedId, acceptRefused: accept });
  if (!committed.ok) return { ...committed, taken: 0, refused: p.refusedRows, errors: p.errors } as Reply<unknown>;
  return ok({ ...(committed.value as object), changes: p.changes, errors: p.errors });
}

export async function checkCommand(
  ndc: string | undefined,
  options: Map<string, string | true>,
  call: Call,
): Promise<Reply<unknown>> {
  if (!ndc) return fail('ARGUMENT_MISSING', `Say which NDC. ${CHECK_USAGE}`);
  const date = optionText(options, 'date');
  if (!date) return fail('ARGUMENT_MISSING', `Say the date of service: --date YYYY-MM-DD. ${CHECK_USAGE}`);
  const hcpcs = optionText(options, 'hcpcs');
  const doseText = optionText(options, 'dose');
  let dose: { amount: string; unit: string } | undefined;
  if (doseText !== undefined) {
    const m = /^(\d+(?:\.\d+)?)\s*(mg|mcg|g|mL|ml|units?)$/i.exec(doseText);
    if (!m) return fail('ARGUMENT_INVALID', `--dose is an amount and a unit, e.g. --dose "25 mg". ${CHECK_USAGE}`);
    const unit = (m[2] ?? '').toLowerCase();
    dose = { amount: m[1] ?? '', unit: unit === 'ml' ? 'mL' : unit.startsWith('unit') ? 'units' : unit };
  }
  const checked = await call('reference:check', {
    ndc,
    date,
    ...(hcpcs ? { hcpcs } : {}),
    ...(dose ? { dose } : {}),
  });
  if (!checked.ok) return checked;
  // The issue's shape: the specific code's own fields, without the units of a dose not given.
  const v = checked.value as {
    ndc11: string;
    date: string;
    hcpcs: string;
    specificCode: null | Record<string, unknown>;
    upcoming: null | Record<string, unknown>;
    warnings: { code: string; message: string }[];
  };
  const code = (c: null | Record<string, unknown>) =>
    c === null
      ? null
      : {
          hcpcs: c.hcpcs,
          descriptor: c.descriptor,
          effectiveFrom: c.effectiveFrom,
          billingUnit: c.billingUnit,
          source: c.source,
          ...(dose ? { unitsForDose: c.unitsForDose } : {}),
          ...(c.effectiveFromConfirmed === false ? { effectiveFromConfirmed: false } : {}),
        };
  return ok({
    ndc11: v.ndc11,
    date: v.date,
    hcpcs: v.hcpcs,
    specificCode: code(v.specificCode),
    ...(v.upcoming ? { upcoming: code(v.upcoming) } : {}),
    warnings: v.warnings,
  });
}
