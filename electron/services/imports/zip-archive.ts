/**
 * Zip archives (a CMS quarterly bundle, or the container of an .xlsx) read in memory with yauzl.
 * Policy, the same for every zip the app opens:
 * - An archive with any entry whose name escapes its folder ("../evil.csv", "/etc/x", "C:\x",
 *   backslashes) is refused as a whole, since a well-made CMS or payer zip never has one; entries
 *   are never written to disk anyway.
 * - Before anything is unpacked, every entry's declared size is checked (FILE_TOO_LARGE, naming
 *   the entry): at most MAX_ENTRY_BYTES unpacked, at most MAX_RATIO times its packed size once it
 *   is over RATIO_CHECKED_ABOVE (a sheet of 50,000 prices packs about 10:1; a run of zeros packs
 *   1,000:1), at most MAX_TOTAL_BYTES for all entries together and MAX_ENTRIES entries. A zip bomb
 *   is refused from its directory, whatever the entry is called.
 * - Declared sizes can lie, so unpacking counts the bytes and stops at the declared size (yauzl's
 *   validateEntrySizes) and at the limit.
 * - An XLSX is unpacked by exceljs, which reads every entry with its own zip reader. It is given
 *   `rebuilt()`: every entry listed here, each unpacked once (and thrown away) to prove its size,
 *   written into a new archive with the same packed bytes. So exceljs sees exactly the entries
 *   checked here, never one that a different reading of a crafted directory would find.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { clipQuoted } from '../../../shared/domain/quoted-text';
import { ReadError } from './table';
import { writeZip, type PackedEntry } from './zip-writer';

const MB = 1024 * 1024;
export const MAX_ENTRY_BYTES = 64 * MB;
export const MAX_TOTAL_BYTES = 256 * MB;
export const MAX_ENTRIES = 10_000;
export const MAX_RATIO = 200;
export const RATIO_CHECKED_ABOVE = 4 * MB;

export type ZipArchive = {
  names: string[];
  read: (name: string) => Promise<Buffer>;
  /** The archive written anew from the checked entries (see above): what exceljs may open. */
  rebuilt: () => Promise<Buffer>;
  close: () => void;
};

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const tooLarge = (message: string): ReadError => new ReadError('FILE_TOO_LARGE', message);
const megabytes = (bytes: number): string => `${Math.ceil(bytes / MB)} MB`;

/** Why an entry is refused from its declared sizes alone, or null. */
function declaredSizeRefusal(entry: Entry, source: string): ReadError | null {
  const name = clipQuoted(entry.fileName);
  const size = entry.uncompressedSize;
  if (size > MAX_ENTRY_BYTES) {
    return tooLarge(
      `${name} inside ${source} is ${megabytes(size)} unpacked; the limit is ${megabytes(MAX_ENTRY_BYTES)} per file, so nothing was read from it.`,
    );
  }
  if (size > RATIO_CHECKED_ABOVE && size > MAX_RATIO * entry.compressedSize) {
    const ratio = Math.floor(size / Math.max(entry.compressedSize, 1));
    return tooLarge(
      `${name} inside ${source} unpacks to ${ratio} times its packed size (${megabytes(size)}); no real workbook or pricing file packs that tightly, so nothing was read from it.`,
    );
  }
  return null;
}

export async function openZip(buffer: Buffer, source: string): Promise<ZipArchive> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (err) {
    throw new ReadError('FILE_UNREADABLE', `${source} is not a readable zip archive (${(err as Error).message}).`);
  }
  const tooMany = tooLarge(`${source} holds more than ${MAX_ENTRIES} files; it is not a pricing bundle or a workbook.`);
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw tooMany;
  }
  const all: Entry[] = [];
  const byName = new Map<string, Entry>();
  try {
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        total += entry.uncompressedSize;
        const refusal =
          all.length >= MAX_ENTRIES
            ? tooMany
            : (declaredSizeRefusal(entry, source) ??
              (total > MAX_TOTAL_BYTES
                ? tooLarge(
                    `${source} unpacks to more than ${megabytes(MAX_TOTAL_BYTES)} in all; the limit is ${megabytes(MAX_TOTAL_BYTES)}, so nothing was read from it.`,
                  )
                : null));
        if (refusal) {
          reject(refusal);
          return;
        }
        all.push(entry);
        byName.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', (err: Error) => reject(unsafeOr(err, source)));
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw err;
  }

  /** An entry's bytes unpacked (kept, or only counted), refused past its declared size or the limit. */
  async function unpack(entry: Entry, keep: boolean): Promise<Buffer> {
    const name = clipQuoted(entry.fileName);
    const refusal = declaredSizeRefusal(entry, source);
    if (refusal) throw refusal;
    let stream: Readable;
    try {
      stream = await zip.openReadStreamPromise(entry);
    } catch (err) {
      throw new ReadError(
        'FILE_UNREADABLE',
        `${name} inside ${source} could not be unpacked (${(err as Error).message}).`,
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    return new Promise<Buffer>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ENTRY_BYTES) {
          stream.destroy();
          reject(tooLarge(`${name} inside ${source} unpacks to more than ${megabytes(MAX_ENTRY_BYTES)}.`));
          return;
        }
        if (keep) chunks.push(chunk);
      });
      stream.once('end', () => resolve(keep ? Buffer.concat(chunks, size) : Buffer.alloc(0)));
      stream.once('error', (err: Error) =>
        reject(new ReadError('FILE_UNREADABLE', `${name} inside ${source} could not be unpacked (${err.message}).`)),
      );
    });
  }

  /** An entry's bytes as packed in the archive, untouched. */
  async function packed(entry: Entry): Promise<Buffer> {
    if (entry.compressedSize === 0) return Buffer.alloc(0);
    const stream = await zip.openReadStreamPromise(entry, { decodeFileData: false });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  return {
    names: [...byName.keys()].filter((n) => !n.endsWith('/')),
    close: () => zip.close(),
    read: async (name) => {
      const entry = byName.get(name);
      if (!entry) throw new ReadError('FILE_UNREADABLE', `${source} has no file named ${clipQuoted(name)}.`);
      return unpack(entry, true);
    },
    rebuilt: async () => {
      const entries: PackedEntry[] = [];
      for (const entry of all) {
        // One entry at a time: at most one entry's inflate is in flight, and nothing is kept of it.
        await unpack(entry, false);
        let bytes: Buffer;
        try {
          bytes = await packed(entry);
        } catch (err) {
          throw new ReadError(
            'FILE_UNREADABLE',
            `${clipQuoted(entry.fileName)} inside ${source} could not be read (${(err as Error).message}).`,
          );
        }
        entries.push({
          name: entry.fileName,
          method: entry.compressionMethod,
          crc32: entry.crc32,
          packed: bytes,
          unpackedSize: entry.uncompressedSize,
          dosTime: entry.lastModFileTime,
          dosDate: entry.lastModFileDate,
        });
      }
      return writeZip(entries);
    },
  };
}

function unsafeOr(err: Error, source: string): ReadError {
  if (err instanceof ReadError) return err;
  if (/invalid relative path|absolute path|invalid characters in fileName/.test(err.message)) {
    return new ReadError(
      'ZIP_UNSAFE',
      `${source} was refused: it contains a file whose name points outside the archive (${clipQuoted(err.message.replace(/^.*?: /, ''))}). Nothing was read from it.`,
    );
  }
  return new ReadError('FILE_UNREADABLE', `${source} is not a readable zip archive (${clipQuoted(err.message)}).`);
}
