// A small, seeded mutation fuzz of the readers, in-process (bench/fuzzCases.mjs; `node bench/fuzz.mjs` runs
// 100,000 cases in child processes with time and memory limits): 2,000 cases made from the repository's own
// files — text plans, the .docx and .xlsx fixtures and a workbook holding every kind of cell — bytes flipped,
// cut, inserted, zip entries changed inside their inflated XML and re-zipped, the zip directory written over.
// Every reader (a workbook as the CLI and as the pane reads it, a document as `load` and as the pane, a text plan)
// either reads the case or refuses it with a clear error (the ReadError family, XlsxReadError, DocxReadError):
// never anything else. The same cases every run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeSeeds, runInProcess, type FuzzApi } from "../../bench/fuzzCases.mjs";
import { isClearReadError, readWorkbookForInspect } from "../../src/cli/inspectRead";
import { planFromDocx } from "../../src/core/docx/docxPlan";
import { readDocx } from "../../src/core/docx/readDocx";
import { planFromTextBytes } from "../../src/core/parse/planDocument";
import { readXlsxInBrowser } from "../../src/xlsx/readXlsxBrowser";
import { readZipEntry } from "../../src/xlsx/zip";
import { ROOT } from "../helpers/seeds";

const api = {
  readWorkbookForInspect,
  readXlsxInBrowser,
  readDocx,
  planFromDocx,
  planFromTextBytes,
  readZipEntry,
  isClearReadError,
} as unknown as FuzzApi;

const files = [
  ["seeds", /\.txt$/],
  ["tests/fixtures/docx", /\.docx$/],
  ["tests/progress/fixtures", /\.xlsx$/],
].flatMap(([dir, re]) =>
  readdirSync(join(ROOT, dir as string))
    .filter((n) => (re as RegExp).test(n))
    .sort()
    .map((n) => join(ROOT, dir as string, n)),
);

describe("the readers under mutation fuzzing (2,000 seeded cases)", () => {
  it("read every case or refuse it with a clear error: no uncaught exception", async () => {
    const seeds = makeSeeds(files, (f) => readFileSync(f));
    const tally = await runInProcess(api, seeds, { cases: 2000, seed: 20231 });
    console.log(tally.report());
    const failures = [...tally.failures.values()].map(
      (f) =>
        `${f.count}× [${f.reader}] ${f.message} (${f.where}); e.g. case ${f.cases[0].id}: ${f.cases[0].mutations.join(" | ")}`,
    );
    expect(failures).toEqual([]);
    // The cases do reach the readers: some are read, some refused, of every kind.
    for (const kind of ["xlsx", "docx", "txt"] as const) {
      expect(tally.count("read ok", kind)).toBeGreaterThan(50);
      expect(tally.count("clear error", kind)).toBeGreaterThan(20);
    }
  }, 300_000);
});
