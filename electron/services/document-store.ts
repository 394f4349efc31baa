/**
 * Generated documents (cost attachments, worksheets, merged batches), kept beside the database in
 * `<dataDir>/documents/<sha256>.pdf`. Content-addressed like the scans: a file is written once,
 * durably, and never changed; reading checks the bytes against their hash, so a document damaged
 * on disk is reported instead of being sent to a payer.
 */
import { join } from 'node:path';
import { AppError } from './app-error';
import { readContent, saveContent } from './content-file';

/** `key`: the data key when the folder is encrypted (documents are then sealed on disk). */
export function documentStore(dataDir: string, key?: Buffer) {
  const folder = join(dataDir, 'documents');

  return {
    save(bytes: Uint8Array): { sha256: string; path: string } {
      const { sha256, path } = saveContent(folder, bytes, 'pdf', key);
      return { sha256, path };
    },

    load(sha256: string, describe: string): Buffer {
      const bytes = readContent(folder, sha256, 'pdf', key);
      if (bytes === 'missing') {
        throw new AppError(
          'DOCUMENT_NOT_FOUND',
          `${describe} is missing from the data folder (documents/${sha256.slice(0, 12)}…); generate it again.`,
        );
      }
      if (bytes === 'damaged') {
        throw new AppError(
          'DOCUMENT_DAMAGED',
          `${describe} has changed on disk since it was generated, so it is not used; generate it again.`,
        );
      }
      return bytes;
    },
  };
}
