/**
 * What the CLI's own commands (attachments, reports) share: reading an option's text, naming a
 * payer by id or name, and writing a file where the person said, never over one that exists.
 */
import { isAbsolute, resolve } from 'node:path';
import { fail, ok, type Reply } from '../shared/api/reply';
import { writeFileDurably } from './services/durable-file';

export type Call = (channel: string, args: unknown) => Promise<Reply<unknown>>;

/** An option's value, trimmed; undefined when absent, bare or blank. */
export function optionText(options: Map<string, string | true>, name: string): string | undefined {
  const v = options.get(name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** A payer given as its id or its name (looked up the way `payers show` does). */
export async function payerIdOf(call: Call, payer: string): Promise<Reply<number>> {
  if (/^\d{1,9}$/.test(payer)) return ok(Number(payer));
  const found = await call('payers:get', { name: payer });
  if (!found.ok) return found;
  return ok((found.value as { payer: { id: number } }).payer.id);
}

/** Write `bytes` to `file` (relative to the working folder) only if no such file exists yet. */
export function writeNewFile(file: string, bytes: Buffer): Reply<string> {
  const path = isAbsolute(file) ? file : resolve(file);
  try {
    writeFileDurably(path, bytes, { exclusive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'EEXIST'
      ? fail('FILE_EXISTS', `${path} already exists; nothing was overwritten. Choose another name.`)
      : fail('SAVE_FAILED', `${path} could not be written: ${(err as Error).message}`);
  }
  return ok(path);
}
