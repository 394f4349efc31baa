/**
 * `j3490 report NAME --format csv|xlsx --out FILE [--from D] [--to D] [--payer ID|NAME] [--status S]`:
 * a worklist or report exported the way the app's Export button does it (the same contract call),
 * written where the person said, never over an existing file.
 */
import { EXPORTABLE } from '../shared/api/report-channels';
import { fail, ok, type Reply } from '../shared/api/reply';
import { optionText, payerIdOf, writeNewFile, type Call } from './cli-common';

const USAGE = `Usage: j3490 report ${EXPORTABLE.join('|')} --format csv|xlsx --out FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--payer ID|NAME] [--status S]`;

export async function reportCommand(
  name: string | undefined,
  options: Map<string, string | true>,
  call: Call,
): Promise<Reply<unknown>> {
  const text = (key: string): string | undefined => optionText(options, key);
  const bare = ['format', 'out', 'from', 'to', 'payer', 'status', 'search'].find((k) => options.get(k) === true);
  if (bare) return fail('ARGUMENT_MISSING', `--${bare} needs a value. ${USAGE}`);
  const report = EXPORTABLE.find((r) => r === name);
  if (!report) return fail('ARGUMENT_MISSING', `Say which report. ${USAGE}`);
  const out = text('out');
  if (!out) return fail('ARGUMENT_MISSING', `Say where to write it: --out FILE. ${USAGE}`);
  const format = text('format') ?? (out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');

  const payer = text('payer');
  let payerId: number | undefined;
  if (payer !== undefined) {
    const found = await payerIdOf(call, payer);
    if (!found.ok) return found;
    payerId = found.value;
  }
  const made = await call('reports:export', {
    report,
    format,
    ...(text('from') ? { from: text('from') } : {}),
    ...(text('to') ? { to: text('to') } : {}),
    ...(payerId !== undefined ? { payerId } : {}),
    ...(text('status') ? { status: text('status') } : {}),
    ...(text('search') ? { search: text('search') } : {}),
  });
  if (!made.ok) return made;
  const { contentBase64, rows } = made.value as { contentBase64: string; rows: number };
  const written = writeNewFile(out, Buffer.from(contentBase64, 'base64'));
  if (!written.ok) return written;
  return ok({ file: written.value, format, rows });
}
