/**
 * Zip archives (a CMS quarterly bundle, or the container inside an .xlsx) read in memory with
 * yauzl. Policy: an archive with any entry whose name escapes its folder ("../evil.csv", "/etc/x",
 * "C:\x", backslashes) is refused as a whole, since a well-made CMS or payer zip never has one;
 * entries are never written to disk anyway. An entry larger than MAX_ENTRY_BYTES, or whose
 * inflated size disagrees with its header, is refused (a zip bomb cannot fill memory).
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ReadError } from './table';

export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export type ZipArchive = {
  names: string[];
  read: (name: string) => Promise<Buffer>;
  close: () => void;
};

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function openZip(buffer: Buffer, source: string): Promise<ZipArchive> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (err) {
    throw new ReadError('FILE_UNREADABLE', `${source} is not a readable zip archive (${(err as Error).message}).`);
  }
  const entries = new Map<string, Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (entries.size >= MAX_ENTRIES) {
          reject(
            new ReadError(
              'FILE_TOO_LARGE',
              `${source} holds more than ${MAX_ENTRIES} files; it is not a pricing bundle.`,
            ),
          );
          return;
        }
        entries.set(entry.fileName, entry);
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

  return {
    names: [...entries.keys()].filter((n) => !n.endsWith('/')),
    close: () => zip.close(),
    read: async (name) => {
      const entry = entries.get(name);
      if (!entry) throw new ReadError('FILE_UNREADABLE', `${source} has no file named ${name}.`);
      if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
        throw new ReadError(
          'FILE_TOO_LARGE',
          `${name} inside ${source} is ${Math.round(entry.uncompressedSize / 1048576)} MB unpacked; the limit is ${MAX_ENTRY_BYTES / 1048576} MB.`,
        );
      }
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      let total = 0;
      return new Promise<Buffer>((resolve, reject) => {
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > MAX_ENTRY_BYTES) {
            stream.destroy();
            reject(
              new ReadError(
                'FILE_TOO_LARGE',
                `${name} inside ${source} unpacks to more than ${MAX_ENTRY_BYTES / 1048576} MB.`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        });
        stream.once('end', () => resolve(Buffer.concat(chunks, total)));
        stream.once('error', (err: Error) =>
          reject(new ReadError('FILE_UNREADABLE', `${name} inside ${source} could not be unpacked (${err.message}).`)),
        );
      });
    },
  };
}

function unsafeOr(err: Error, source: string): ReadError {
  if (err instanceof ReadError) return err;
  if (/invalid relative path|absolute path|invalid characters in fileName/.test(err.message)) {
    return new ReadError(
      'ZIP_UNSAFE',
      `${source} was refused: it contains a file whose name points outside the archive (${err.message.replace(/^.*?: /, '')}). Nothing was read from it.`,
    );
  }
  return new ReadError('FILE_UNREADABLE', `${source} is not a readable zip archive (${err.message}).`);
}
