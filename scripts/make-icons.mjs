// Writes the add-in icons (assets/icon-*.png): a blue rounded square with three white ascending bars.
// PNG is encoded by hand (IHDR, IDAT, IEND + CRC32) so no image dependency is needed; the output is
// deterministic, so re-running it only changes the files when the design here changes.
// Usage: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { Buffer } from "node:buffer";

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

const BLUE = [24, 90, 189]; // Office/Excel-like blue, readable on light and dark ribbons
const WHITE = [255, 255, 255];

// The design in unit coordinates (0..1), so every size is drawn from the same shapes.
const CORNER = 0.2;
const BARS = [
  { x0: 0.2, x1: 0.34, top: 0.56 },
  { x0: 0.43, x1: 0.57, top: 0.4 },
  { x0: 0.66, x1: 0.8, top: 0.22 },
];
const BAR_BOTTOM = 0.8;

function inRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

function inBar(x, y) {
  return BARS.some((b) => x >= b.x0 && x < b.x1 && y >= b.top && y < BAR_BOTTOM);
}

/** RGBA pixels, anti-aliased by averaging an n×n grid of samples per pixel. */
function render(size, n = 8) {
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxX = 0; pxX < size; pxX++) {
      let covered = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (pxX + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inRoundedSquare(x, y)) continue;
          const c = inBar(x, y) ? WHITE : BLUE;
          covered++;
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      }
      const o = (py * size + pxX) * 4;
      if (covered > 0) for (let i = 0; i < 3; i++) px[o + i] = Math.round(sum[i] / covered);
      px[o + 3] = Math.round((covered / (n * n)) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // bytes 10..12: compression, filter, interlace = 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None per scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT_DIR, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file}`);
}
