// Measures the product's readers on the real-world regression corpus (../shared/corpus, see its README.md): every
// .xlsx/.docx read and compared with the reference readings, every file classified as the README's "Using it in a
// project test" says. A measurement, not a test: it prints and always exits 0 (1 only if it cannot run at all).
//
//   npm run eval:corpus   (= node bench/corpus.mjs [options])
//     --only xlsx|docx|other   one folder of the corpus
//     --files TEXT             only files whose name contains TEXT
//     --limit N                the first N files (after the filters above)
//     --verbose                every differing file and error message, not the first 15
//     --json FILE              the per-file classification as JSON
//     --corpus DIR             another copy of the corpus (default ../shared/corpus beside the repository)
//
// Readers: .xlsx and other/ through XlsxFile.open + readSheet of every sheet (src/xlsx/readXlsx.ts, clear error =
// XlsxReadError); .docx through readDocx (src/core/docx/readDocx.ts, clear error = DocxReadError), compared at the
// parseDocumentXml layer it builds on (see corpusWorker.mjs). The API is bundled from the current src/ at start.
// Each file runs in a child process (corpusPool.mjs) with a time limit and memory caps, so a hang or a bomb is a
// "crash" and not the end of the run.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { DATA, importApi, ROOT } from "./lib.mjs";
import { runPool } from "./corpusPool.mjs";
import { report } from "./corpusReport.mjs";

const LIMITS = {
  workers: Math.min(2, os.availableParallelism()),
  timeoutMs: 20_000,
  compareMs: 120_000,
  heapMB: 1024,
  rssMB: 2048,
};

const { values: opts } = parseArgs({
  options: {
    only: { type: "string" },
    files: { type: "string" },
    limit: { type: "string" },
    verbose: { type: "boolean", default: false },
    json: { type: "string" },
    corpus: { type: "string", default: path.resolve(ROOT, "..", "shared", "corpus") },
  },
});

const CORPUS = path.resolve(opts.corpus);
if (!existsSync(path.join(CORPUS, "README.md"))) {
  console.log(`corpus: skipped (${CORPUS} is absent)`);
  process.exit(0);
}

/** file → why, from expected/<kind>-unreadable.txt ("file<TAB>why", # comments). */
function unreadable(kind) {
  const list = path.join(CORPUS, "expected", `${kind}-unreadable.txt`);
  if (!existsSync(list)) return new Map();
  const lines = readFileSync(list, "utf8").split("\n");
  return new Map(lines.filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("\t")));
}

function corpusJobs() {
  const jobs = [];
  for (const kind of ["xlsx", "docx", "other"]) {
    if (opts.only && opts.only !== kind) continue;
    const dir = path.join(CORPUS, kind);
    if (!existsSync(dir)) continue;
    const unread = unreadable(kind);
    for (const name of readdirSync(dir).sort()) {
      if (opts.files && !name.includes(opts.files)) continue;
      const expected = path.join(
        CORPUS,
        "expected",
        kind,
        kind === "xlsx" ? `${name}.json.gz` : `${name}.json`,
      );
      jobs.push({
        id: jobs.length,
        name,
        kind,
        file: path.join(dir, name),
        expected: kind !== "other" && existsSync(expected) ? expected : null,
        why: unread.get(name) ?? null,
      });
    }
  }
  return opts.limit ? jobs.slice(0, Number(opts.limit)) : jobs;
}

/** The README's verdict on a clear error or on data read without a reference reading. */
function finalClass(job, result) {
  if (result.class === "clear error") {
    const due = job.kind === "other" || job.why !== null || result.acceptClearError;
    return due ? "clear error (correct)" : "clear error (a reading was expected)";
  }
  // The bench's own failures (a comparison too slow, a broken expected file) are kept apart from the reader's.
  if (result.class === "crash" && result.message.startsWith("bench")) return "bench error (not the reader)";
  return result.class;
}

const BUNDLE = path.join(DATA, "corpus-api.mjs");
await importApi(
  [
    'export { XlsxFile, XlsxReadError } from "./src/xlsx/readXlsx";',
    'export { readZipEntry } from "./src/xlsx/zip";',
    'export { readDocx, DocxReadError } from "./src/core/docx/readDocx";',
    'export { parseDocumentXml } from "./src/core/docx/documentXml";',
  ],
  BUNDLE,
  { sourcemap: "inline" }, // crash messages then name the src/ line
);

const jobs = corpusJobs();
const results = [];
const t0 = performance.now();
let nextReport = 500;
await runPool(jobs, BUNDLE, LIMITS, (job, result) => {
  const { id: _id, file: _file, expected: _expected, ...rest } = job;
  results.push({ ...rest, ...result, class: finalClass(job, result) });
  if (results.length >= nextReport || results.length === jobs.length) {
    const s = ((performance.now() - t0) / 1000).toFixed(0);
    process.stderr.write(`corpus: ${results.length}/${jobs.length} files (${s} s)\n`);
    nextReport += 500;
  }
});
results.sort((a, b) => (a.kind === b.kind ? (a.name < b.name ? -1 : 1) : a.kind < b.kind ? -1 : 1));

const compared = [
  `corpus ${CORPUS}; limits per file: ${LIMITS.timeoutMs / 1000} s, JS heap ${LIMITS.heapMB} MB, resident ${LIMITS.rssMB} MB`,
  // XlsxFile gives dates as the stored serials and no 1904 flag; the expected serials are in the workbook's own
  // epoch too, so they compare as they are.
  "xlsx/other: XlsxFile.open + readSheet of every sheet, cell by cell (dates as the serials stored)",
  "docx: readDocx, then its parseDocumentXml blocks: paragraphs and each table's rows (the README's `order` is not compared)",
];
const seconds = (performance.now() - t0) / 1000;
console.log(report(results, { shown: opts.verbose ? Infinity : 15, seconds, compared }));
if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, 1));
