// Size of the JavaScript the add-in's pages load before they can render.
//
//   npm run bench:bundle              (= node bench/bundle.mjs; add --no-build to measure the existing dist/)
//
// 1. Runs the production build of the add-in into dist/ with webpack's Node API and the project's
//    webpack.config.js (the same as `webpack --mode production`; dist/cli.cjs is kept), and writes the parts of
//    webpack's stats it needs to bench/data/bundle-stats.json (git-ignored). With --no-build it reuses dist/ and,
//    when it still matches dist/, that stats file.
// 2. For the task pane (taskpane.html) and, for information, the workbench (workbench.html): the initial
//    JavaScript is every local script the page's HTML loads plus every chunk webpack marks as initial for the
//    page's entry point. office.js is loaded from Microsoft's CDN in production and is not counted.
// 3. Prints each file's raw and gzip size (node:zlib gzipSync, level 9), the total, and for the task pane the
//    goal (initial JavaScript ≤ 150 KB gzip, 1 KB = 1000 bytes) with PASS/MISS; also whether ExcelJS is in
//    the initial JavaScript, and the chunks each page may load later on demand.
// It prints figures and always exits 0, unless the build fails or dist/ has no pages to measure (exit 1).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const STATS = path.join(ROOT, "bench", "data", "bundle-stats.json");
const GOAL_GZIP = 150_000;
const PAGES = [
  { entry: "taskpane", html: "taskpane.html", title: "Task pane", goal: GOAL_GZIP },
  { entry: "workbench", html: "workbench.html", title: "Workbench (for information)" },
];

const require = createRequire(import.meta.url);

/** Runs the production build; returns the compact stats, or exits 1 on build errors. */
async function build() {
  const webpack = require("webpack");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  // The origin only changes dist/manifest.xml, not the JavaScript measured: TB_ORIGIN, else npm test's.
  const origin = process.env.TB_ORIGIN || "https://example.test/addin/";
  const config = await makeConfig(
    { WEBPACK_BUNDLE: true, WEBPACK_BUILD: true, origin },
    { mode: "production" },
  );
  config.mode = "production";
  config.context = ROOT;
  console.log("Building the add-in (webpack --mode production) …");
  const started = Date.now();
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (err, result) => (err ? reject(err) : resolve(result))),
  );
  const json = stats.toJson({
    all: false,
    errors: true,
    warnings: true,
    assets: true,
    entrypoints: true,
    chunks: true,
    chunkModules: true,
    nestedModules: true,
    chunkRelations: true,
    ids: true,
  });
  if (stats.hasErrors()) {
    for (const e of json.errors) console.error(e.message);
    console.error("The build failed.");
    process.exit(1);
  }
  for (const w of json.warnings) console.warn(`warning: ${w.message.split("\n")[0]}`);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return compact(json);
}

/** What this script uses of webpack's stats: entry points, and per chunk its files, relations and modules. */
function compact(json) {
  const moduleNames = (modules = []) => modules.flatMap((m) => [m.name, ...moduleNames(m.modules)]);
  return {
    entrypoints: Object.fromEntries(
      Object.entries(json.entrypoints).map(([name, e]) => [
        name,
        { chunks: e.chunks, assets: e.assets.map((a) => a.name) },
      ]),
    ),
    chunks: json.chunks.map((c) => ({
      id: c.id,
      names: c.names,
      initial: c.initial,
      files: c.files,
      children: c.children,
      modules: moduleNames(c.modules).filter(Boolean),
    })),
  };
}

/** The stats saved by an earlier build, if they describe the files now in dist/. */
function savedStats() {
  if (!existsSync(STATS)) return undefined;
  const stats = JSON.parse(readFileSync(STATS, "utf8"));
  const files = stats.chunks.flatMap((c) => c.files);
  return files.length > 0 && files.every((f) => existsSync(path.join(DIST, f))) ? stats : undefined;
}

/** Local script files an HTML page loads (src attributes, quoted or not, minus absolute URLs). */
function htmlScripts(html) {
  return [...html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^([a-z][a-z0-9+.-]*:)?\/\//i.test(src))
    .map((src) => src.replace(/[?#].*$/, "").replace(/^\.?\//, ""));
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

function sizes(file) {
  const data = readFileSync(path.join(DIST, file));
  return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

function table(rows, indent = "  ") {
  const width = Math.max(24, ...rows.map((r) => r.file.length));
  const line = (name, raw, gzip) =>
    console.log(`${indent}${name.padEnd(width)}  ${raw.padStart(10)}  ${gzip.padStart(10)}`);
  line("file", "raw", "gzip");
  for (const r of rows) line(r.file, kb(r.raw), kb(r.gzip));
  const total = { raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0) };
  line("total", kb(total.raw), kb(total.gzip));
  return total;
}

/**
 * Chunks the page may load later through dynamic imports. Walks chunk children from the entry's own chunks
 * (those of no other entry point): a chunk shared by two pages (React) lists the lazy chunks of both.
 */
function lazyChunks(stats, name, initialFiles) {
  const byId = new Map(stats.chunks.map((c) => [c.id, c]));
  const others = new Set(
    Object.entries(stats.entrypoints).flatMap(([other, e]) => (other === name ? [] : e.chunks)),
  );
  const own = stats.entrypoints[name].chunks;
  const seen = new Set(own);
  const queue = own.filter((id) => !others.has(id));
  const lazy = [];
  while (queue.length > 0) {
    for (const id of byId.get(queue.shift())?.children ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(id);
      const c = byId.get(id);
      if (c && !c.files.some((f) => initialFiles.has(f))) lazy.push(c);
    }
  }
  return lazy;
}

/** A readable name for a lazy chunk: its webpack name, else its first module. */
function chunkLabel(chunk) {
  if (chunk.names.length > 0) return chunk.names.join(", ");
  const first = (chunk.modules[0] ?? "").replace(/^\.\//, "").replace(/ \+ \d+ modules$/, "");
  return chunk.modules.length > 1 ? `${first} +${chunk.modules.length - 1}` : first;
}

const noBuild = process.argv.includes("--no-build");
let stats;
if (noBuild) {
  stats = savedStats();
  console.log(
    `Measuring the existing dist/ (--no-build)${stats ? "" : "; no matching stats, so HTML only"}.\n`,
  );
} else {
  stats = await build();
  mkdirSync(path.dirname(STATS), { recursive: true });
  writeFileSync(STATS, JSON.stringify(stats));
}

let measured = 0;
for (const page of PAGES) {
  const htmlFile = path.join(DIST, page.html);
  if (!existsSync(htmlFile)) {
    console.log(`${page.title}: dist/${page.html} is missing.\n`);
    continue;
  }
  measured++;
  const entry = stats?.entrypoints[page.entry];
  const fromHtml = htmlScripts(readFileSync(htmlFile, "utf8"));
  const fromStats = (entry?.assets ?? []).filter((f) => f.endsWith(".js"));
  const files = [...new Set([...fromHtml, ...fromStats])].filter((f) => f.endsWith(".js"));
  const missing = files.filter((f) => !existsSync(path.join(DIST, f)));
  const initial = new Set(files.filter((f) => !missing.includes(f)));

  console.log(`${page.title} — ${page.html}, JavaScript loaded initially:`);
  const total = table([...initial].map(sizes));
  for (const f of missing) console.log(`  (missing from dist/: ${f})`);
  const notInHtml = fromStats.filter((f) => !fromHtml.includes(f));
  if (notInHtml.length > 0) console.log(`  note: initial chunks not in the HTML: ${notInHtml.join(", ")}`);
  if (page.goal) {
    const verdict = total.gzip <= page.goal ? "PASS" : "MISS";
    console.log(
      `  goal: initial JavaScript ≤ ${kb(page.goal)} gzip: ${verdict} (${kb(total.gzip)}, ${total.gzip} bytes)`,
    );
  }
  if (stats && entry) {
    const initialChunks = stats.chunks.filter((c) => c.files.some((f) => initial.has(f)));
    const excel = initialChunks.some((c) => c.modules.some((m) => /node_modules[\\/]exceljs[\\/]/.test(m)));
    console.log(`  ExcelJS in the initial JavaScript: ${excel ? "YES" : "no"}`);
    const lazy = lazyChunks(stats, page.entry, initial);
    if (lazy.length > 0) {
      console.log(`  loaded on demand (dynamic import), ${lazy.length} chunk(s):`);
      const rows = lazy.flatMap((c) =>
        c.files
          .filter((f) => f.endsWith(".js"))
          .map((f) => ({ ...sizes(f), file: `${f} (${chunkLabel(c)})` })),
      );
      table(
        rows.sort((a, b) => b.gzip - a.gzip),
        "    ",
      );
    }
  }
  console.log("");
}

if (measured === 0) {
  console.error(
    "Nothing to measure: build the add-in first (npm run build:test), or run without --no-build.",
  );
  process.exit(1);
}
console.log("office.js (Microsoft's CDN) is not counted. 1 KB = 1000 bytes; gzip = node:zlib level 9.");
