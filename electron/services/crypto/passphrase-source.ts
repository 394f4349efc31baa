/**
 * Where browser mode and the CLI get the practice's passphrase: a file named with
 * --passphrase-file (its first line), else the J3490_PASSPHRASE environment variable. Never an
 * argument of its own: a command line is visible to every account through the process list.
 * The desktop app asks the operating system's key store instead (electron/main).
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../app-error';

export const PASSPHRASE_ENV = 'J3490_PASSPHRASE';
export const PASSPHRASE_FILE_OPTION = 'passphrase-file';

export function passphraseFrom(file: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new AppError('PASSPHRASE_FILE_UNREADABLE', `The passphrase file ${file} cannot be read.`);
    }
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    if (firstLine === '') throw new AppError('PASSPHRASE_FILE_EMPTY', `The passphrase file ${file} is empty.`);
    return firstLine;
  }
  const fromEnv = env[PASSPHRASE_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined;
}
