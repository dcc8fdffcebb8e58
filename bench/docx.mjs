// Benchmark of loading a 300-page Word plan: `target-breakdown load big.docx --json`.
//
//   npm run bench:docx        (= node bench/docx.mjs [--no-pdf])
//
// 1. Bundles the .docx reader and the fixture writer from src/ and tests/fixtures/docx/ with esbuild (so the figures
//    are those of the current code) and rebuilds the CLI.
// 2. Generates (not timed) bench/data/docx-300/plan.docx: seed 001 as Word (merged cells, multi-paragraph cells)
//    repeated until it fills 300 A4 pages; the page count is measured by LibreOffice (PDF export, pdfinfo) unless
//    --no-pdf is given.
// 3. Measures, after 3 warm-up rounds, the median of 10 in-process reads (unzip + document.xml scan + tables +
//    plan) and the median wall time of 5 whole `load --json` processes, against the goal < 2 s.
// Exits 1 only when the plan read is not the seed's plan times the repeats.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { inflateRawSync } from "node:zlib";
import { DATA, importApi, median, ROOT } from "./lib.mjs";

const GOAL_MS = 2000;
const PAGES = 300;
const DIR = path.join(DATA, "docx-300");
const FILE = path.join(DIR, "plan.docx");
const CLI = path.join(ROOT, "bin", "target-breakdown.cjs");
mkdirSync(DIR, { recursive: true });

const api = await importApi(
  [
    'export { readDocx } from "./src/core/docx/readDocx";',
    'export { planFromDocx } from "./src/core/docx/docxPlan";',
    'export { compressedData } from "./src/core/zip/zipDirectory";',
    'export { docxBytes } from "./tests/fixtures/docx/docxWriter";',
    'export { seedDocxBlocks } from "./tests/fixtures/docx/seedDocx";',
  ],
  path.join(DATA, "docx-api.mjs"),
);
const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], {
  stdio: "inherit",
});
if (build.status !== 0) process.exit(1);

// Seed 001 as written here is about 32 A4 pages (narrow table columns, LibreOffice's layout): 10 copies make
// ~300 pages. DOCX_COPIES=N changes that.
const seed = readFileSync(path.join(ROOT, "seeds", "001_86af085e02e72586.txt"), "utf8");
const one = api.seedDocxBlocks(seed);
const copies = Number(process.env.DOCX_COPIES ?? 10);
const blocks = [];
for (let k = 0; k < copies; k++) blocks.push(...one, { kind: "p", text: "", pageBreak: true });
const bytes = api.docxBytes(blocks);
writeFileSync(FILE, bytes);

let pages = "not measured (--no-pdf)";
if (!process.argv.includes("--no-pdf")) {
  const pdf = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", DIR, FILE], {
    encoding: "utf8",
    timeout: 600_000,
  });
  const info = spawnSync("pdfinfo", [path.join(DIR, "plan.pdf")], { encoding: "utf8" });
  const m = /Pages:\s+(\d+)/.exec(info.stdout ?? "");
  pages = pdf.status === 0 && m ? `${m[1]} (LibreOffice PDF export)` : "unknown (soffice/pdfinfo failed)";
  if (m && Number(m[1]) < PAGES) console.warn(`warning: only ${m[1]} pages; raise DOCX_COPIES`);
}

const nodeInflate = async (b, entry) =>
  (entry.method === 0
    ? Buffer.from(api.compressedData(b, entry))
    : inflateRawSync(api.compressedData(b, entry))
  ).toString("utf8");
const readOnce = async () => api.planFromDocx(await api.readDocx(bytes, "plan.docx", nodeInflate));

const plan = await readOnce();
const ok =
  plan.indicators.length === 17 * copies &&
  plan.tasks.length === 62 * copies &&
  plan.breakdowns.length === copies;

for (let i = 0; i < 3; i++) await readOnce();
const inProcess = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  await readOnce();
  inProcess.push(performance.now() - t);
}
// The pane's path: the platform's DecompressionStream instead of node:zlib.
const webStreams = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  api.planFromDocx(await api.readDocx(bytes, "plan.docx"));
  webStreams.push(performance.now() - t);
}
const whole = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, "load", FILE, "--json"], { maxBuffer: 1 << 28 });
  whole.push(performance.now() - t);
  if (r.status !== 0) {
    console.error(r.stderr.toString());
    process.exit(1);
  }
}

const ms = (x) => `${x.toFixed(0)} ms`;
const verdict = (x) => (x < GOAL_MS ? "PASS" : "MISS");
console.log(`\n.docx load benchmark (goal < ${GOAL_MS / 1000} s)`);
console.log(`  file: ${path.relative(ROOT, FILE)}, ${(bytes.length / 1024).toFixed(0)} KB; pages: ${pages}`);
console.log(
  `  read: ${plan.indicators.length} indicators, ${plan.tasks.length} tasks, ${plan.breakdowns.length} breakdowns, ` +
    `${plan.proseTargets.length} prose targets, ${plan.issues.length} issues (${copies} copies of seed 001)`,
);
console.log(
  `  in-process readDocx + planFromDocx (median of 10): ${ms(median(inProcess))}  ${verdict(median(inProcess))}`,
);
console.log(
  `  in-process with DecompressionStream, as in the task pane (median of 5): ${ms(median(webStreams))}  ${verdict(median(webStreams))}`,
);
console.log(
  `  whole process \`target-breakdown load plan.docx --json\` (median of 5): ${ms(median(whole))}  ${verdict(median(whole))}`,
);
if (!ok) {
  console.error("the plan read is not 17/62/1 per copy of seed 001");
  process.exit(1);
}
