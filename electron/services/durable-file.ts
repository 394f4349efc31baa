/**
 * Writing a file so that a crash leaves either no file or the whole file: the bytes go to a
 * temporary file in the same folder, are flushed, then renamed over the final name (a rename within
 * one folder is atomic), and the folder itself is flushed so the rename survives a power cut.
 * Used by the content-addressed stores (scans, generated documents, 835 files), which ask for a
 * private file (private-files.ts), and by saving documents out to a folder the person chose, which
 * keeps that folder's usual modes.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makePrivateFile, makePrivateFolder, PRIVATE_FILE_MODE } from './private-files';

/**
 * Write `bytes` at `path`. With `exclusive`, an existing file at `path` is never replaced: the
 * final step is a hard link, which fails with EEXIST instead of overwriting. With `private`, the
 * folder is 0700 and the file 0600 from the moment it exists (the data folder's files).
 */
export function writeFileDurably(
  path: string,
  bytes: Uint8Array,
  opts: { exclusive?: boolean; private?: boolean } = {},
): void {
  const folder = dirname(path);
  if (opts.private) makePrivateFolder(folder);
  else mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = opts.private ? openSync(temp, 'wx', PRIVATE_FILE_MODE) : openSync(temp, 'wx');
    try {
      if (opts.private) makePrivateFile(temp);
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.exclusive) placeWithoutReplacing(temp, path);
    else renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  syncFolder(folder);
}

/**
 * A rename would silently replace a file someone put there meanwhile; a hard link fails with
 * EEXIST instead. Drives without hard links (FAT/exFAT USB sticks) get an exclusive copy.
 */
function placeWithoutReplacing(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw err;
    copyFileSync(temp, path, constants.COPYFILE_EXCL);
  }
  rmSync(temp, { force: true });
}

/** The size of a regular file, or null when there is none. */
export function fileSize(path: string): number | null {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/** Make a rename durable. Folders cannot be opened for fsync on Windows; skip it there. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the file's own bytes were already flushed before the rename.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
