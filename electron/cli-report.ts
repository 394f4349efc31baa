/**
 * `j3490 report NAME --format csv|xlsx --out FILE [--from D] [--to D] [--payer ID|NAME] [--status S]`:
 * a worklist or report exported the way the app's Export button does it (the same contract call),
 * written where the person said, never over an existing file.
 */
import { isAbsolute, resolve } from 'node:path';
import { EXPORTABLE } from '../shared/api/report-channels';
import { fail, ok, type Reply } from '../shared/api/reply';
import { writeFileDurably } from './services/durable-file';

type Call = (channel: string, args: unknown) => Promise<Reply<unknown>>;

const USAGE = `Usage: j3490 report ${EXPORTABLE.join('|')} --format csv|xlsx --out FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--payer ID|NAME] [--status S]`;

export async function reportCommand(
  name: string | undefined,
  options: Map<string, string | true>,
  call: Call,
): Promise<Reply<unknown>> {
  const text = (key: string): string | undefined => {
    const v = options.get(key);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
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
    if (/^\d{1,9}$/.test(payer)) payerId = Number(payer);
    else {
      const found = await call('payers:get', { name: payer });
      if (!found.ok) return found;
      payerId = (found.value as { payer: { id: number } }).payer.id;
    }
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
  const path = isAbsolute(out) ? out : resolve(out);
  try {
    writeFileDurably(path, Buffer.from(contentBase64, 'base64'), { exclusive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'EEXIST'
      ? fail('FILE_EXISTS', `${path} already exists; nothing was overwritten. Choose another name.`)
      : fail('SAVE_FAILED', `${path} could not be written: ${(err as Error).message}`);
  }
  return ok({ file: path, format, rows });
}
