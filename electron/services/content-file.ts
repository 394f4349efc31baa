/**
 * Content-addressed files: `<folder>/<sha256>.<extension>`, written once (durably) and checked
 * against their hash when read. The scans and the generated documents are both kept this way;
 * each store words its own refusals. They hold health information: folder 0700, files 0600.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearBytes, sealBytes, sealedSize } from './crypto/file-cipher';
import { fileSize, writeFileDurably } from './durable-file';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The file's path; the hash comes from our own database, but a path is built from it: keep it plain hex. */
export function contentPath(folder: string, sha256: string, extension: string): string {
  if (!SHA256_HEX.test(sha256)) throw new RangeError(`"${sha256}" is not a SHA-256 in hex.`);
  return join(folder, `${sha256}.${extension}`);
}

/**
 * Store the bytes under their hash, sealed with `key` when the data folder is encrypted
 * (crypto/file-cipher.ts); `written` is false when that content was already there.
 */
export function saveContent(
  folder: string,
  bytes: Uint8Array,
  extension: string,
  key?: Buffer,
): { sha256: string; path: string; written: boolean } {
  const sha256 = sha256Hex(bytes);
  const path = contentPath(folder, sha256, extension);
  // Same name means same content; the size check only guards against a file someone truncated.
  const size = fileSize(path);
  if (size === bytes.length || (key && size === sealedSize(bytes.length))) return { sha256, path, written: false };
  writeFileDurably(path, key ? sealBytes(bytes, key) : bytes, { private: true });
  return { sha256, path, written: true };
}

/**
 * The stored bytes in clear, or why there are none: the file is gone, or its bytes no longer
 * match the hash (or, sealed, no longer pass their tag).
 */
export function readContent(
  folder: string,
  sha256: string,
  extension: string,
  key?: Buffer,
): Buffer | 'missing' | 'damaged' {
  let stored: Buffer;
  try {
    stored = readFileSync(contentPath(folder, sha256, extension));
  } catch {
    return 'missing';
  }
  const bytes = clearBytes(stored, key);
  return bytes && sha256Hex(bytes) === sha256 ? bytes : 'damaged';
}
