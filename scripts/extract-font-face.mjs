// One face of a TrueType collection (.ttc) as a standalone .ttf, its tables copied unchanged:
//   node scripts/extract-font-face.mjs in.ttc INDEX out.ttf
// Used once to make resources/fonts/WenQuanYiMicroHei.ttf (see resources/fonts/README.md): pdf-lib
// embeds a font file, not a collection, and the collection's second face is not needed.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, indexArg, output] = process.argv.slice(2);
if (!input || !indexArg || !output) {
  console.error('usage: node scripts/extract-font-face.mjs in.ttc INDEX out.ttf');
  process.exit(2);
}
const ttc = readFileSync(input);
if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error(`${input} is not a TrueType collection`);
const faces = ttc.readUInt32BE(8);
const index = Number(indexArg);
if (!(index >= 0 && index < faces)) throw new Error(`${input} has ${faces} faces`);
const start = ttc.readUInt32BE(12 + 4 * index);

const sfntVersion = ttc.readUInt32BE(start);
const numTables = ttc.readUInt16BE(start + 4);
const tables = [];
for (let i = 0; i < numTables; i++) {
  const record = start + 12 + 16 * i;
  const offset = ttc.readUInt32BE(record + 8);
  const length = ttc.readUInt32BE(record + 12);
  tables.push({
    tag: ttc.toString('latin1', record, record + 4),
    data: Buffer.from(ttc.subarray(offset, offset + length)),
  });
}
tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));

/** The OpenType checksum: the sum of the data as big-endian 32-bit words, zero-padded. */
function checksum(data) {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

const head = tables.find((t) => t.tag === 'head');
if (!head) throw new Error('no head table');
head.data.writeUInt32BE(0, 8); // checkSumAdjustment, recomputed below

const entrySelector = Math.floor(Math.log2(numTables));
const searchRange = 2 ** entrySelector * 16;
const header = Buffer.alloc(12 + 16 * numTables);
header.writeUInt32BE(sfntVersion, 0);
header.writeUInt16BE(numTables, 4);
header.writeUInt16BE(searchRange, 6);
header.writeUInt16BE(entrySelector, 8);
header.writeUInt16BE(numTables * 16 - searchRange, 10);
const body = [];
let offset = header.length;
tables.forEach((t, i) => {
  const record = 12 + 16 * i;
  header.write(t.tag, record, 'latin1');
  header.writeUInt32BE(checksum(t.data), record + 4);
  header.writeUInt32BE(offset, record + 8);
  header.writeUInt32BE(t.data.length, record + 12);
  const padded = Buffer.concat([t.data, Buffer.alloc((4 - (t.data.length % 4)) % 4)]);
  body.push(padded);
  offset += padded.length;
});
const file = Buffer.concat([header, ...body]);
const headOffset = header.readUInt32BE(12 + 16 * tables.indexOf(head) + 8);
file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headOffset + 8);
writeFileSync(output, file);
console.log(`${output}: face ${index} of ${faces}, ${numTables} tables, ${file.length} bytes`);
