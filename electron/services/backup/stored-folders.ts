/**
 * Copying the stored-files folders (scans, documents, remittances) into a backup and back. Their
 * files are content-addressed and never changed once written (content-file.ts writes a new file
 * and renames it into place), so a hard link is as good as a copy and costs no space; a drive
 * without hard links, or another drive, gets a real copy. Files are checked against the SHA-256
 * in their names before a restore uses them.
 */
import { createHash } from 'node:crypto';
import { createReadStream, copyFileSync, existsSync, linkSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../content-file';
import { clearBytes } from '../crypto/file-cipher';
import { makePrivateFile, makePrivateFolder } from '../private-files';

const CONTENT_NAME = /^([0-9a-f]{64})\.[a-z0-9]{1,5}$/;

/** The regular files of a folder that are stored content (temp files and strays are left out). */
export function storedFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && CONTENT_NAME.test(e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * Link (or copy) every stored file of `from` into `to`, all private (0700/0600: a link shares the
 * original's mode, which is private too); the count and bytes taken.
 */
export function copyStoredFolder(from: string, to: string): { count: number; bytes: number } {
  makePrivateFolder(to);
  let bytes = 0;
  const names = storedFiles(from);
  for (const name of names) {
    const source = join(from, name);
    const target = join(to, name);
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
    makePrivateFile(target);
    bytes += statSync(source).size;
  }
  return { count: names.length, bytes };
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  // Streamed: a 1 GB database is hashed without holding it in memory or blocking the UI.
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Stored files whose bytes no longer match the SHA-256 in their name; a sealed file (an encrypted
 * folder) is opened with `key` first, and one that does not open is damaged too.
 */
export async function damagedFiles(folder: string, key?: Buffer): Promise<string[]> {
  const damaged: string[] = [];
  for (const name of storedFiles(folder)) {
    const expected = CONTENT_NAME.exec(name)?.[1];
    const clear = clearBytes(await readFile(join(folder, name)), key);
    if (!clear || sha256Hex(clear) !== expected) damaged.push(name);
  }
  return damaged;
}
