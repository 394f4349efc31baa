/**
 * The passphrase a long-running host (browser mode, the practice server) opens its data folder
 * with: from --passphrase-file or J3490_PASSPHRASE, else asked at an interactive terminal.
 */
import { resolve } from 'node:path';
import { hasKeyFile, MIN_PASSPHRASE_LENGTH } from '../services/crypto/key-file';
import { passphraseFrom } from '../services/crypto/passphrase-source';
import { askHidden } from './ask-passphrase';

/**
 * The passphrase from --passphrase-file or J3490_PASSPHRASE, else asked at an interactive
 * terminal: to open an encrypted folder, or to encrypt a new or older one (Enter alone keeps it
 * in clear). Without a terminal, an encrypted folder is refused by openServices.
 */
export async function hostPassphrase(dataDir: string, file: string | undefined): Promise<string | undefined> {
  const given = passphraseFrom(file === undefined ? undefined : resolve(file));
  if (given !== undefined || !process.stdin.isTTY) return given;
  if (hasKeyFile(dataDir)) return askHidden('Passphrase of this practice’s data: ');
  const chosen = await askHidden(
    `Choose a passphrase to encrypt the data in ${dataDir} (at least ${MIN_PASSPHRASE_LENGTH} characters; Enter alone keeps it unencrypted): `,
  );
  return chosen === '' ? undefined : chosen;
}
