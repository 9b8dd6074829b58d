/**
 * Writes the add-in icons (assets/icon-{16,20,24,32,40,48,64,80,128}.png) with nothing but node:zlib.
 *
 * Where manifest.xml uses them: IconUrl 32×32 and HighResolutionIconUrl 64×64 (the sizes Microsoft's manifest
 * reference requires for task pane add-ins); the ribbon button's <bt:Image> sizes 16, 32 and 80 (mandatory in
 * OfficeAppBasicTypesV1_0.xsd) and 20, 24, 40, 48, 64 (optional, for scaled displays). 128 is for listings.
 * `npm run validate` checks that every icon the manifest names exists here with the declared dimensions.
 *
 * The picture: a rose rounded square with a white 3×3 "worksheet" grid whose top row is filled
 * (a header row), drawn with 4×4 supersampling so small sizes stay smooth. The PNGs are committed;
 * run `npm run icons` only when the design changes.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128] as const;

type Rgba = readonly [number, number, number, number];

const BACKGROUND: Rgba = [0xad, 0x1f, 0x5c, 0xff]; // rose
const FOREGROUND: Rgba = [0xff, 0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

/** Colour of the continuous point (x, y) in a 1×1 icon, or null when transparent. */
function shade(x: number, y: number): Rgba | null {
  const radius = 0.2;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return null; // outside the rounded square

  const left = 0.2, right = 0.8, top = 0.22, bottom = 0.78;
  const line = 0.06;
  if (x < left || x > right || y < top || y > bottom) return BACKGROUND;
  const rowHeight = (bottom - top) / 3;
  if (y < top + rowHeight) return FOREGROUND; // header row
  const colWidth = (right - left) / 3;
  const nearColumnLine = [0, 1, 2, 3].some((i) => Math.abs(x - (left + i * colWidth)) < line / 2);
  const nearRowLine = [1, 2, 3].some((i) => Math.abs(y - (top + i * rowHeight)) < line / 2);
  return nearColumnLine || nearRowLine ? FOREGROUND : BACKGROUND;
}

function renderRgba(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha; g += c[1] * alpha; b += c[2] * alpha; a += alpha;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an RGBA image as a PNG (8-bit, colour type 6, no interlace, filter 0 on every row). */
function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main(): void {
  const outDir = join(process.cwd(), 'assets');
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, renderRgba(size)));
    console.log(`wrote ${file}`);
  }
}

main();
