/**
 * Sealing the stored files that are still in clear: a folder from before encryption, or scans and
 * documents put back by restoring a backup made before it. Each file is replaced whole (written
 * aside, flushed, renamed: durable-file.ts), so a crash leaves it either clear or sealed, and both
 * read back the same (content-file.ts). A clear file whose bytes no longer match its name is left
 * as it is, to be reported as damaged where it is used, not silently blessed by sealing it.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { STORED_FOLDERS } from '../backup/backup-manifest';
import { storedFiles } from '../backup/stored-folders';
import { sha256Hex } from '../content-file';
import { writeFileDurably } from '../durable-file';
import { isSealed, sealBytes, sealedSize } from './file-cipher';

const HEAD_BYTES = sealedSize(0);

function head(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, bytes, 0, HEAD_BYTES, 0);
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Seal every clear stored file of `dataDir` with `key`; how many were sealed and left (damaged). */
export function sealStoredFiles(dataDir: string, key: Buffer): { sealed: number; damaged: number } {
  let sealed = 0;
  let damaged = 0;
  for (const name of STORED_FOLDERS) {
    const folder = join(dataDir, name);
    for (const file of storedFiles(folder)) {
      const path = join(folder, file);
      // Only the head is read for a file already sealed: start-up stays quick with thousands of scans.
      if (isSealed(head(path))) continue;
      const clear = readFileSync(path);
      if (sha256Hex(clear) !== file.slice(0, 64)) {
        damaged += 1;
        continue;
      }
      writeFileDurably(path, sealBytes(clear, key), { private: true });
      sealed += 1;
    }
  }
  return { sealed, damaged };
}
