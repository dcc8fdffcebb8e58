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
// Readers: what `target-breakdown inspect --jsonl` prints (src/cli/inspectRead.ts, in the README's shape by
// src/core/read/inspectShape.ts): .xlsx through openWorkbook (XlsxFile) + readSheet of every sheet, numbers typed
// dates by their number format; .docx through readDocx, compared at the parseDocumentXml layer it builds on (see
// corpusWorker.mjs); other/ by what its bytes are (a legacy .xls is read, by SheetJS: "read (.xls, no reference)"). A clear error is the ReadError family (or XlsxReadError, DocxReadError) with a message. The
// API is bundled from the current src/ at start.
// Each file runs in a child process (corpusPool.mjs) with a time limit and memory caps, so a hang or a bomb is a
// "crash" and not the end of the run.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { DATA } from "./lib.mjs";
import { buildCorpusApi, corpusJobs, DEFAULT_CORPUS, finalClass, hasCorpus, LIMITS } from "./corpusJobs.mjs";
import { runPool } from "./corpusPool.mjs";
import { report } from "./corpusReport.mjs";

const { values: opts } = parseArgs({
  options: {
    only: { type: "string" },
    files: { type: "string" },
    limit: { type: "string" },
    verbose: { type: "boolean", default: false },
    json: { type: "string" },
    corpus: { type: "string", default: DEFAULT_CORPUS },
  },
});

const CORPUS = path.resolve(opts.corpus);
if (!hasCorpus(CORPUS)) {
  console.log(`corpus: skipped (${CORPUS} is absent)`);
  process.exit(0);
}

const BUNDLE = path.join(DATA, "corpus-api.mjs");
await buildCorpusApi(BUNDLE);

const jobs = corpusJobs(CORPUS, opts);
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
  // Dates are the serials stored, in the workbook's own epoch, as the expected ones are.
  "xlsx/other: inspect's reading (openWorkbook + readSheet of every sheet), cell by cell (dates as serials; the date typing by number format tallied apart)",
  "docx: inspect's reading (readDocx, then its parseDocumentXml blocks): paragraphs, each table's rows and merges, the block order",
];
const seconds = (performance.now() - t0) / 1000;
console.log(report(results, { shown: opts.verbose ? Infinity : 15, seconds, compared }));
if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, 1));
