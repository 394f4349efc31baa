/**
 * Generated documents (cost attachments, worksheets, merged batches), kept beside the database in
 * `<dataDir>/documents/<sha256>.pdf`. Content-addressed like the scans: a file is written once,
 * durably, and never changed; reading checks the bytes against their hash, so a document damaged
 * on disk is reported instead of being sent to a payer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from './app-error';
import { fileSize, writeFileDurably } from './durable-file';
import { sha256Hex } from './scan-store';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function documentStore(dataDir: string) {
  const folder = join(dataDir, 'documents');

  const pathOf = (sha256: string): string => {
    if (!SHA256_HEX.test(sha256)) throw new RangeError(`"${sha256}" is not a SHA-256 in hex.`);
    return join(folder, `${sha256}.pdf`);
  };

  return {
    folder,
    pathOf,

    save(bytes: Uint8Array): { sha256: string; path: string } {
      const sha256 = sha256Hex(bytes);
      const path = pathOf(sha256);
      if (fileSize(path) !== bytes.length) writeFileDurably(path, bytes);
      return { sha256, path };
    },

    load(sha256: string, describe: string): Buffer {
      let bytes: Buffer;
      try {
        bytes = readFileSync(pathOf(sha256));
      } catch {
        throw new AppError(
          'DOCUMENT_NOT_FOUND',
          `${describe} is missing from the data folder (documents/${sha256.slice(0, 12)}…); generate it again.`,
        );
      }
      if (sha256Hex(bytes) !== sha256) {
        throw new AppError(
          'DOCUMENT_DAMAGED',
          `${describe} has changed on disk since it was generated, so it is not used; generate it again.`,
        );
      }
      return bytes;
    },
  };
}
export type DocumentStore = ReturnType<typeof documentStore>;
