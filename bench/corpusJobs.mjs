// What bench/corpus.mjs and tests/corpus/corpus.test.ts share: the corpus's files as jobs for the pool
// (corpusPool.mjs), the README's verdict on each result, and the API bundle the workers read with.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importApi, ROOT } from "./lib.mjs";

export const DEFAULT_CORPUS = path.resolve(ROOT, "..", "shared", "corpus");

/** Per file: reading time, comparison time, JS heap and resident size. */
export const LIMITS = {
  workers: Math.min(2, os.availableParallelism()),
  timeoutMs: 20_000,
  compareMs: 120_000,
  heapMB: 1024,
  rssMB: 2048,
};

/** Whether `dir` holds the corpus (its README). */
export const hasCorpus = (dir) => existsSync(path.join(dir, "README.md"));

/** file → why, from expected/<kind>-unreadable.txt ("file<TAB>why", # comments). */
export function unreadable(corpus, kind) {
  const list = path.join(corpus, "expected", `${kind}-unreadable.txt`);
  if (!existsSync(list)) return new Map();
  const lines = readFileSync(list, "utf8").split("\n");
  return new Map(lines.filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("\t")));
}

/** Every file of xlsx/, docx/ and other/ as {id, name, kind, file, expected, why}; filters as bench/corpus.mjs. */
export function corpusJobs(corpus, { only, files, limit } = {}) {
  const jobs = [];
  for (const kind of ["xlsx", "docx", "other"]) {
    if (only && only !== kind) continue;
    const dir = path.join(corpus, kind);
    if (!existsSync(dir)) continue;
    const unread = unreadable(corpus, kind);
    for (const name of readdirSync(dir).sort()) {
      if (files && !name.includes(files)) continue;
      const expected = path.join(
        corpus,
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
  return limit ? jobs.slice(0, Number(limit)) : jobs;
}

const LEGACY = /\.(xls|xlt|et)$/i;

/** The README's verdict on a clear error or on data read without a reference reading. */
export function finalClass(job, result) {
  if (result.class === "clear error") {
    const due = job.kind === "other" || job.why !== null || result.acceptClearError;
    return due ? "clear error (correct)" : "clear error (a reading was expected)";
  }
  // other/ has no reference readings; the product reads a legacy .xls (openWorkbook, SheetJS) where the README
  // expected an OOXML reader to refuse it, so such a reading is kept apart from the unverified ones.
  if (result.class === "read, unverified" && job.kind === "other" && LEGACY.test(job.name))
    return "read (.xls, no reference)";
  // The bench's own failures (a comparison too slow, a broken expected file) are kept apart from the reader's.
  if (result.class === "crash" && result.message.startsWith("bench")) return "bench error (not the reader)";
  return result.class;
}

/**
 * Bundles what the workers read with (the readers `inspect` uses, src/cli/inspectRead.ts) from the current src/
 * into `outfile`, with an inline source map so that crash messages name the src/ line.
 */
export function buildCorpusApi(outfile) {
  return importApi(
    [
      'export { inspectKind, xlsxShapeOfBytes, docxShapeOfBytes, isClearReadError, readErrorText } from "./src/cli/inspectRead";',
    ],
    outfile,
    { sourcemap: "inline" },
  );
}
