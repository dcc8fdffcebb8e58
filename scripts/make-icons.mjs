// Writes the add-in icons: white glyphs on a blue rounded square.
// - assets/icon-{16,32,64,80,128}.png: the add-in itself (three ascending bars);
// - assets/btn-<page>-{16,32,80}.png: the six ribbon buttons (manifest.xml), one glyph per task-pane page:
//   load 载入指标 (arrow into a tray), allocate 分解目标 (one box split into three), check 校验 (check mark),
//   submissions 汇总报送 (Σ), assign 责任分工 (a person), progress 进度监测 (a traffic light);
// - assets/icon-color-192.png and assets/icon-outline-32.png: the unified manifest's icons.color (full colour,
//   192×192) and icons.outline (32×32, white on transparent, as the schema asks), which
//   scripts/unifiedManifest.mjs puts into the app package as color.png and outline.png.
// PNG is encoded by hand (IHDR, IDAT, IEND + CRC32) so no image dependency is needed; the output is
// deterministic, so re-running it only changes the files when the designs here change.
// Glyph strokes are at least 0.1 of the icon (1.6 px at 16 px) so the ribbon's small icons stay legible.
// Usage: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";
import { Buffer } from "node:buffer";

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

const BLUE = [24, 90, 189]; // Office/Excel-like blue, readable on light and dark ribbons
const WHITE = [255, 255, 255];

// Shapes in unit coordinates (0..1, y down), so every size is drawn from the same shapes.
const CORNER = 0.2;

function inRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
const disc = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** A stroke of width w through the points, with round joins and caps. */
function polyline(w, ...pts) {
  return (x, y) => {
    for (let i = 0; i + 1 < pts.length; i++) {
      const [ax, ay] = pts[i];
      const [bx, by] = pts[i + 1];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2) return true;
    }
    return false;
  };
}

const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));

// Two pixels at 16 px; strokes on whole 16-px grid lines stay crisp at every size (all are multiples of 16).
const STROKE = 2 / 16;

const GLYPHS = {
  // Three ascending bars: targets growing.
  app: union(rect(0.2, 0.56, 0.34, 0.8), rect(0.43, 0.4, 0.57, 0.8), rect(0.66, 0.22, 0.8, 0.8)),
  // An arrow down into a tray: load the plan into the workbook.
  load: union(
    polyline(STROKE, [8 / 16, 2.5 / 16], [8 / 16, 8 / 16]),
    polyline(STROKE, [5 / 16, 5.5 / 16], [8 / 16, 8.5 / 16], [11 / 16, 5.5 / 16]),
    polyline(STROKE, [4 / 16, 9.5 / 16], [4 / 16, 12 / 16], [12 / 16, 12 / 16], [12 / 16, 9.5 / 16]),
  ),
  // One box above three: a city target split among towns. Drawn on the 16-px grid (all sizes are multiples
  // of 16), so the thin connectors stay crisp at 16 px.
  allocate: union(
    rect(5 / 16, 3 / 16, 11 / 16, 6 / 16),
    rect(7 / 16, 6 / 16, 9 / 16, 7 / 16),
    rect(3 / 16, 7 / 16, 13 / 16, 8 / 16),
    rect(3 / 16, 8 / 16, 4 / 16, 9 / 16),
    rect(7 / 16, 8 / 16, 9 / 16, 9 / 16),
    rect(12 / 16, 8 / 16, 13 / 16, 9 / 16),
    rect(2 / 16, 9 / 16, 5 / 16, 13 / 16),
    rect(6 / 16, 9 / 16, 10 / 16, 13 / 16),
    rect(11 / 16, 9 / 16, 14 / 16, 13 / 16),
  ),
  // A check mark.
  check: polyline(0.13, [0.24, 0.52], [0.42, 0.7], [0.77, 0.3]),
  // Σ: sum up the towns' submissions.
  submissions: polyline(
    STROKE,
    [11.5 / 16, 4 / 16],
    [4.5 / 16, 4 / 16],
    [8.5 / 16, 8 / 16],
    [4.5 / 16, 12 / 16],
    [11.5 / 16, 12 / 16],
  ),
  // A person: who is responsible.
  assign: union(
    disc(0.5, 0.35, 0.14),
    (x, y) => y <= 0.8 && ((x - 0.5) / 0.28) ** 2 + ((y - 0.8) / 0.26) ** 2 <= 1,
  ),
  // A traffic light: three lamps, 红黄绿 progress.
  progress: union(disc(0.5, 0.27, 0.11), disc(0.5, 0.5, 0.11), disc(0.5, 0.73, 0.11)),
};

const ICONS = [
  { glyph: "app", name: (size) => `icon-${size}.png`, sizes: [16, 32, 64, 80, 128] },
  { glyph: "app", name: (size) => `icon-color-${size}.png`, sizes: [192] },
  { glyph: "app", name: (size) => `icon-outline-${size}.png`, sizes: [32], outline: true },
  ...["load", "allocate", "check", "submissions", "assign", "progress"].map((page) => ({
    glyph: page,
    name: (size) => `btn-${page}-${size}.png`,
    sizes: [16, 32, 80],
  })),
];

/**
 * RGBA pixels, anti-aliased by averaging an n×n grid of samples per pixel. `outline`: the glyph alone, white on
 * transparent (every pixel white, only its alpha varies), with no rounded square behind it.
 */
function render(size, inGlyph, { outline = false } = {}, n = 8) {
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxX = 0; pxX < size; pxX++) {
      let covered = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (pxX + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (outline ? !inGlyph(x, y) : !inRoundedSquare(x, y)) continue;
          const c = outline || inGlyph(x, y) ? WHITE : BLUE;
          covered++;
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      }
      const o = (py * size + pxX) * 4;
      if (outline) WHITE.forEach((v, i) => (px[o + i] = v));
      else if (covered > 0) for (let i = 0; i < 3; i++) px[o + i] = Math.round(sum[i] / covered);
      px[o + 3] = Math.round((covered / (n * n)) * 255);
    }
  }
  return px;
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
for (const icon of ICONS) {
  for (const size of icon.sizes) {
    const file = join(OUT_DIR, icon.name(size));
    writeFileSync(file, encodePng(size, render(size, GLYPHS[icon.glyph], icon)));
    console.log(`wrote ${file}`);
  }
}
