/**
 * Stored files (invoice scans, generated documents, 835 files) sealed with the data key:
 * AES-256-GCM, a fresh 12-byte nonce per file, the tag checked on every read so a changed file is
 * refused, never used. Layout: MAGIC (8 bytes) | nonce (12) | ciphertext | tag (16).
 *
 * Files stay named by the SHA-256 of their clear bytes (content-file.ts), so the same scan is
 * still stored once; a hash names no patient. A file without MAGIC is from before encryption (or
 * a folder that is not encrypted) and is read as it is; encryptStoredFiles seals them.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('J3490E1\n', 'latin1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The size of `clearSize` bytes once sealed. */
export const sealedSize = (clearSize: number): number => MAGIC.length + NONCE_BYTES + clearSize + TAG_BYTES;

export const isSealed = (bytes: Uint8Array): boolean =>
  bytes.length >= MAGIC.length + NONCE_BYTES + TAG_BYTES && MAGIC.equals(Buffer.from(bytes.subarray(0, MAGIC.length)));

export function sealBytes(clear: Uint8Array, key: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(clear), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, body, cipher.getAuthTag()]);
}

/** The clear bytes, or null when the tag does not match (a changed file, or another key). */
export function openSealed(sealed: Uint8Array, key: Buffer): Buffer | null {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const nonce = bytes.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES);
  const body = bytes.subarray(MAGIC.length + NONCE_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * What a stored file holds in clear: sealed files are opened with `key`; a file from before
 * encryption is taken as it is. null when a sealed file cannot be opened (no key, wrong key, changed).
 */
export function clearBytes(stored: Uint8Array, key: Buffer | undefined): Buffer | null {
  if (!isSealed(stored)) return Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  return key ? openSealed(stored, key) : null;
}
