/**
 * Draws the app's icon: a vial on a teal square. One list of shapes is written both as the SVG
 * source and, through a small anti-aliased rasteriser (4×4 samples a pixel) and a PNG encoder on
 * node:zlib, as the PNG sizes: no image package is installed, and the shapes are simple enough
 * not to need one. Run `node scripts/make-icons.mjs` after changing a shape; it writes
 *   resources/icon.svg, resources/icon.png (512×512, for electron-builder), resources/icon-<n>.png,
 *   renderer/favicon.svg and renderer/favicon.png (32×32).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 512;

/** Rounded rectangles in a 512×512 box, drawn in order. */
const SHAPES = [
  // The tile: Mantine's teal 8, the app's primary colour in a darker shade so the white reads.
  { x: 0, y: 0, w: 512, h: 512, r: 112, fill: '#099268' },
  // The vial: cap, neck, body.
  { x: 188, y: 84, w: 136, h: 64, r: 16, fill: '#c3fae8' },
  { x: 212, y: 140, w: 88, h: 44, r: 6, fill: '#ffffff' },
  { x: 148, y: 176, w: 216, h: 256, r: 44, fill: '#ffffff' },
  // The dose in it.
  { x: 172, y: 292, w: 168, h: 116, r: 26, fill: '#38d9a9' },
  // The graduation marks.
  { x: 176, y: 214, w: 64, h: 14, r: 7, fill: '#099268' },
  { x: 176, y: 250, w: 40, h: 14, r: 7, fill: '#099268' },
];

function svg() {
  const rects = SHAPES.map(
    (s) => `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${s.fill}"/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">`,
    '  <title>J3490 Desk</title>',
    ...rects,
    '</svg>',
    '',
  ].join('\n');
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Whether (px, py) in the 512 box is inside the rounded rectangle. */
function inside(s, px, py) {
  if (px < s.x || px > s.x + s.w || py < s.y || py > s.y + s.h) return false;
  const cx = Math.min(Math.max(px, s.x + s.r), s.x + s.w - s.r);
  const cy = Math.min(Math.max(py, s.y + s.r), s.y + s.h - s.r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= s.r ** 2;
}

/** RGBA pixels of the icon at `size`×`size`, each the average of 4×4 samples (colour premultiplied by coverage). */
function raster(size) {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  const scale = SIZE / size;
  const colours = SHAPES.map((s) => rgb(s.fill));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const px = (x + (sx + 0.5) / n) * scale;
          const py = (y + (sy + 0.5) / n) * scale;
          // The topmost shape at this sample; shapes are opaque.
          for (let i = SHAPES.length - 1; i >= 0; i--) {
            if (inside(SHAPES[i], px, py)) {
              const c = colours[i];
              r += c[0];
              g += c[1];
              b += c[2];
              a += 1;
              break;
            }
          }
        }
      }
      const o = (y * size + x) * 4;
      // Un-premultiply: an edge pixel keeps its colour and takes its coverage as alpha.
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), every row with filter 0. */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const source = svg();
writeFileSync(join(ROOT, 'resources/icon.svg'), source);
writeFileSync(join(ROOT, 'renderer/favicon.svg'), source);
writeFileSync(join(ROOT, 'resources/icon.png'), png(512, raster(512)));
for (const size of [16, 32, 48, 64, 128, 256]) {
  writeFileSync(join(ROOT, `resources/icon-${size}.png`), png(size, raster(size)));
}
writeFileSync(join(ROOT, 'renderer/favicon.png'), png(32, raster(32)));
console.log('Icons written: resources/icon.svg, icon.png (512), icon-16…256.png; renderer/favicon.svg, favicon.png');
