/**
 * A zip archive written from entries whose packed bytes are already at hand (see
 * zip-archive.ts `rebuilt`). Only what a reader needs: a local header with the sizes in it (no
 * data descriptor), the packed bytes as they were, and a central directory that lists exactly
 * these entries, in this order. Names are written as UTF-8 and flagged so. No zip64: the callers'
 * limits keep every size and offset far below 4 GB and the count below 65,535.
 */
export type PackedEntry = {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  packed: Buffer;
  unpackedSize: number;
  dosTime: number;
  dosDate: number;
};

const UTF8_NAMES = 0x0800;
const VERSION = 20;

export function writeZip(entries: readonly PackedEntry[]): Buffer {
  if (entries.length > 0xffff) throw new RangeError('A zip without zip64 holds at most 65,535 entries.');
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, e, name.length);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(VERSION, 4); // version made by; the central header's fields then follow as the local one's
    writeEntryFields(header, 6, e, name.length);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, e.packed);
    central.push(header, name);
    offset += local.length + name.length + e.packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * The fields a local file header and its central directory header share, in the same order
 * (version needed, flags, method, time, date, CRC-32, sizes, name length), from byte `at`.
 */
function writeEntryFields(buf: Buffer, at: number, e: PackedEntry, nameLength: number): void {
  buf.writeUInt16LE(VERSION, at);
  buf.writeUInt16LE(UTF8_NAMES, at + 2);
  buf.writeUInt16LE(e.method, at + 4);
  buf.writeUInt16LE(e.dosTime, at + 6);
  buf.writeUInt16LE(e.dosDate, at + 8);
  buf.writeUInt32LE(e.crc32, at + 10);
  buf.writeUInt32LE(e.packed.length, at + 14);
  buf.writeUInt32LE(e.unpackedSize, at + 18);
  buf.writeUInt16LE(nameLength, at + 22);
}
