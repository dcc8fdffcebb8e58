// Mutation fuzzing of the readers (bench/fuzzCases.mjs): N cases made from real files — the seeds/ plans, the
// .docx and .xlsx fixtures, a workbook made to hold what the cell reader has branches for, and a sample of the
// real-world corpus when ../shared/corpus is there — each mutated and read by every reader of its kind (a workbook
// as the CLI and as the pane reads it, a document as `load` and as the pane, a text plan as `load`). The cases run
// in child processes (corpusPool.mjs) with a time limit per case and memory caps, so a hang or a blow-up is
// counted, not the end of the run. Prints the counts per kind — read ok / clear error (the ReadError family,
// XlsxReadError, DocxReadError) / uncaught exception / hang / OOM / process died — and each distinct failure once,
// with its src location and the first cases that showed it. A measurement: exits 0 (1 only if it cannot run).
//
//   node bench/fuzz.mjs [--cases 100000] [--seed 1] [--workers 2] [--timeout 10] [--sample 60] [--no-corpus]
//                       [--json FILE]
//   node bench/fuzz.mjs --case ID [--seed 1] [--save DIR]    makes one case again, reads it in-process, saves it
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { corpusJobs, DEFAULT_CORPUS, hasCorpus } from "./corpusJobs.mjs";
import { runPool } from "./corpusPool.mjs";
import { makeCase, makeSeeds, readCase, Tally } from "./fuzzCases.mjs";
import { DATA, importApi, prng, ROOT } from "./lib.mjs";

const { values: opts } = parseArgs({
  options: {
    cases: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    workers: { type: "string", default: String(Math.min(2, os.availableParallelism())) },
    timeout: { type: "string", default: "10" },
    sample: { type: "string", default: "60" },
    "no-corpus": { type: "boolean", default: false },
    corpus: { type: "string", default: DEFAULT_CORPUS },
    json: { type: "string" },
    case: { type: "string" },
    save: { type: "string" },
  },
});
const SEED = Number(opts.seed);

/** The repository's own files: text plans, the .docx and .xlsx fixtures (the synthetic workbook is added). */
function repoSeedFiles() {
  const files = [];
  const add = (dir, re) => {
    for (const name of readdirSync(path.join(ROOT, dir)).sort())
      if (re.test(name)) files.push(path.join(ROOT, dir, name));
  };
  add("seeds", /\.txt$/);
  add("tests/fixtures/docx", /\.docx$/);
  add("tests/progress/fixtures", /\.xlsx$/);
  return files;
}

/**
 * A sample of the corpus: files with a reference reading (no bombs, no files no reader takes), at most 256 KB so
 * a case stays quick, picked by the run's seed; two thirds workbooks, a third documents.
 */
function corpusSample(n) {
  const corpus = path.resolve(opts.corpus);
  if (opts["no-corpus"] || n === 0 || !hasCorpus(corpus)) return [];
  const fit = corpusJobs(corpus).filter(
    (j) => j.kind !== "other" && j.expected && !j.why && statSync(j.file).size <= 256 * 1024,
  );
  const r = prng(SEED);
  const take = (kind, k) => {
    const of = fit.filter((j) => j.kind === kind);
    const out = [];
    while (out.length < k && of.length > 0) out.push(of.splice(Math.floor(r() * of.length), 1)[0].file);
    return out;
  };
  return [...take("xlsx", Math.ceil((2 * n) / 3)), ...take("docx", Math.floor(n / 3))];
}

const BUNDLE = path.join(DATA, "fuzz-api.mjs");
const api = await importApi(
  [
    'export { readWorkbookForInspect, isClearReadError } from "./src/cli/inspectRead";',
    'export { readXlsxInBrowser } from "./src/xlsx/readXlsxBrowser";',
    'export { readDocx } from "./src/core/docx/readDocx";',
    'export { planFromDocx } from "./src/core/docx/docxPlan";',
    'export { planFromTextBytes } from "./src/core/parse/planDocument";',
    'export { readZipEntry } from "./src/xlsx/zip";',
  ],
  BUNDLE,
  { sourcemap: "inline" }, // failure messages then name the src/ line
);

const sampled = corpusSample(Number(opts.sample));
const files = [...repoSeedFiles(), ...sampled];
mkdirSync(DATA, { recursive: true });
const SEEDS_FILE = path.join(DATA, "fuzz-seeds.json");
writeFileSync(SEEDS_FILE, JSON.stringify({ files, sampled }));
const seeds = makeSeeds(files, (f) => readFileSync(f), sampled);

if (opts.case !== undefined) {
  // One case again, in this process: what it is, what each reader made of it, and its bytes if asked.
  const kase = makeCase(seeds, Number(opts.case), SEED);
  console.log(`case ${kase.id} (${kase.kind}) from ${kase.seed}: ${kase.mutations.join(" | ")}`);
  for (const o of await readCase(api, kase))
    console.log(
      `  ${o.reader}: ${o.class}${o.message ? `: ${o.message}` : ""}${o.where ? ` (${o.where})` : ""}`,
    );
  if (opts.save) {
    mkdirSync(opts.save, { recursive: true });
    const out = path.join(opts.save, kase.name);
    writeFileSync(out, kase.bytes);
    console.log(`saved ${out}`);
  }
  process.exit(0);
}

const N = Number(opts.cases);
const LIMITS = {
  workers: Number(opts.workers),
  timeoutMs: Number(opts.timeout) * 1000,
  compareMs: 60_000,
  heapMB: 1024,
  rssMB: 2048,
  worker: new URL("./fuzzWorker.mjs", import.meta.url),
  workerArgs: [SEEDS_FILE, String(SEED)],
};
const counts = Object.fromEntries(["xlsx", "docx", "txt"].map((k) => [k, seeds[k].length]));
console.log(
  `fuzz: ${N} cases, seed ${SEED}, seed files ${JSON.stringify(counts)} (${sampled.length} from the corpus, picked half the time); ` +
    `limits per case: ${LIMITS.timeoutMs / 1000} s, JS heap ${LIMITS.heapMB} MB, resident ${LIMITS.rssMB} MB; ${LIMITS.workers} processes`,
);

const tally = new Tally();
const jobs = Array.from({ length: N }, (_, id) => ({ id }));
// The case's kind and seed, for the tally, without making its bytes again: made in the worker; kind by id.
const kindOf = (id) => makeCase(seeds, id, SEED);
const t0 = performance.now();
let done = 0;
let nextReport = 5000;
await runPool(jobs, BUNDLE, LIMITS, (job, result) => {
  let cls = result.class;
  if (cls === "crash") {
    // The pool killed or lost the process: a hang, a memory blow-up, or a death (an abort, a stray error).
    cls = /^timeout/.test(result.message)
      ? "hang"
      : /out of memory/.test(result.message)
        ? "OOM"
        : "process died";
  }
  const needsCase = cls !== "read ok" && cls !== "clear error";
  const kase = needsCase ? kindOf(job.id) : { id: job.id, kind: ["xlsx", "docx", "txt"][job.id % 3] };
  tally.add(kase, cls, { reader: result.reader, message: result.message, where: result.where });
  if (++done >= nextReport || done === N) {
    process.stderr.write(`fuzz: ${done}/${N} cases (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
    nextReport += 5000;
  }
});
const seconds = (performance.now() - t0) / 1000;
console.log(tally.report(seconds));
if (opts.json) writeFileSync(opts.json, JSON.stringify([...tally.failures.values()], null, 1));
