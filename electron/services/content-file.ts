/**
 * Content-addressed files: `<folder>/<sha256>.<extension>`, written once (durably) and checked
 * against their hash when read. The scans and the generated documents are both kept this way;
 * each store words its own refusals.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSize, writeFileDurably } from './durable-file';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The file's path; the hash comes from our own database, but a path is built from it: keep it plain hex. */
export function contentPath(folder: string, sha256: string, extension: string): string {
  if (!SHA256_HEX.test(sha256)) throw new RangeError(`"${sha256}" is not a SHA-256 in hex.`);
  return join(folder, `${sha256}.${extension}`);
}

/** Store the bytes under their hash; `written` is false when that content was already there. */
export function saveContent(
  folder: string,
  bytes: Uint8Array,
  extension: string,
): { sha256: string; path: string; written: boolean } {
  const sha256 = sha256Hex(bytes);
  const path = contentPath(folder, sha256, extension);
  // Same name means same content; the size check only guards against a file someone truncated.
  if (fileSize(path) === bytes.length) return { sha256, path, written: false };
  writeFileDurably(path, bytes);
  return { sha256, path, written: true };
}

/** The stored bytes, or why there are none: the file is gone, or its bytes no longer match the hash. */
export function readContent(folder: string, sha256: string, extension: string): Buffer | 'missing' | 'damaged' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(contentPath(folder, sha256, extension));
  } catch {
    return 'missing';
  }
  return sha256Hex(bytes) === sha256 ? bytes : 'damaged';
}
