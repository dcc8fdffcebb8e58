// The real-world regression corpus (../shared/corpus, see its README.md; CI has it): every .xlsx and .docx read by
// the product's readers as `inspect --jsonl` reads them and compared with the reference readings, every file in
// other/ and in the unreadable lists refused with a clear error. Each file is read in a child process with a time
// limit and memory caps (bench/corpusPool.mjs, as `npm run eval:corpus`), so a hang or a bomb is a counted crash,
// not a dead test run. Without the corpus the suite is skipped, saying why.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildCorpusApi,
  corpusJobs,
  DEFAULT_CORPUS,
  finalClass,
  hasCorpus,
  LIMITS,
  type CorpusJob,
  type CorpusResult,
} from "../../bench/corpusJobs.mjs";
import { runPool } from "../../bench/corpusPool.mjs";

const CORPUS = process.env.TB_CORPUS ?? DEFAULT_CORPUS;
const present = hasCorpus(CORPUS);
if (!present)
  console.log(
    `tests/corpus/corpus.test.ts: 跳过:没有找到真实文件语料库 ${CORPUS}(CI 中有;本地可把它放在仓库旁的 shared/corpus,或用 TB_CORPUS 指定)`,
  );

/**
 * Files whose numbers match the references but whose date typing does not, for the references' sake: their
 * typing follows openpyxl, which looks for styles only at xl/styles.xml, and for one file took SheetJS's.
 */
const KNOWN_DATE_TYPING: Record<string, string> = {
  "calamine__tests__minimal_package.xlsx":
    "styles.xml at the package root: openpyxl reads no styles, mm/dd/yy is a date",
  "test_files__wtf_path.xlsx": "styles in wtf/styles.xml: openpyxl reads no styles, format 14 is a date",
  "ClosedXML__ClosedXML.Tests__Resource__TryToLoad__LO__xlsx__formats.xlsx":
    'format "D" typed a date here, not in test_files__LONumbers.xlsx (openpyxl: no date)',
};

/**
 * Files on the unreadable lists that the product reads on purpose, as the programs users have do. Each is a real
 * file the references fail on for reasons of their own, with nothing damaged or hostile in it.
 */
const READ_ON_PURPOSE: Record<string, string> = {
  "ClosedXML__ClosedXML.Tests__Resource__TryToLoad__LO__xlsm__tdf111974.xlsm":
    "a user's macro workbook (LibreOffice bug 111974) that LibreOffice opens (soffice --convert-to csv); the " +
    "references fail inside their own code (openpyxl IndexError, SheetJS TypeError), not on damage",
};

type Result = CorpusResult & { name: string; kind: string; why: string | null; verdict: string };

describe.skipIf(!present)("the real-world corpus (../shared/corpus)", () => {
  const results: Result[] = [];
  const of = (verdict: string) => results.filter((r) => r.verdict === verdict);
  /** "name: what went wrong", one line per file, for the assertion messages. */
  const list = (rs: Result[], what: (r: Result) => string) =>
    rs.map((r) => `${r.name}: ${what(r)}`).join("\n");

  beforeAll(async () => {
    const bundle = join(mkdtempSync(join(tmpdir(), "corpus-")), "corpus-api.mjs");
    const t0 = performance.now();
    await buildCorpusApi(bundle);
    const jobs: CorpusJob[] = corpusJobs(CORPUS);
    await runPool(jobs, bundle, LIMITS, (job, result) =>
      results.push({
        ...result,
        name: job.name,
        kind: job.kind,
        why: job.why,
        verdict: finalClass(job, result),
      }),
    );
    const n = (v: string) => of(v).length;
    const seconds = ((performance.now() - t0) / 1000).toFixed(0);
    console.log(
      `corpus: ${results.length} 个文件(${seconds} 秒):一致 ${n("identical")},不一致 ${n("differing")},` +
        `明确报错 ${n("clear error (correct)")}(应读出却报错 ${n("clear error (a reading was expected)")}),` +
        `未验证 ${n("read, unverified")}(另有旧版 .xls 读出 ${n("read (.xls, no reference)")}),崩溃 ${n("crash") + n("bench error (not the reader)")};` +
        `日期类型不同 ${results.filter((r) => r.dateTypes).length}`,
    );
  }, 600_000);

  it("reads every file of xlsx/, docx/ and other/", () => {
    expect(results.length).toBe(corpusJobs(CORPUS).length);
    expect(results.length).toBeGreaterThan(2000);
  });

  it("reads every file that has a reference reading as the reference does (anyOf allowed)", () => {
    const differing = of("differing");
    expect(
      differing.map((r) => r.name),
      list(
        differing,
        (r) => r.first?.map((d) => `${d.where}: expected ${d.expected}, got ${d.got}`).join("; ") ?? "",
      ),
    ).toEqual([]);
    const refused = of("clear error (a reading was expected)");
    expect(
      refused.map((r) => r.name),
      list(refused, (r) => r.message ?? ""),
    ).toEqual([]);
  });

  it("refuses every file no reference reads (encrypted, damaged, bombs) with a clear error", () => {
    const unverified = of("read, unverified").filter((r) => !(r.name in READ_ON_PURPOSE));
    expect(
      unverified.map((r) => r.name),
      list(unverified, (r) => `read, though a clear error was due (${r.why ?? ""})`),
    ).toEqual([]);
  });

  it("never crashes, hangs or runs out of memory, and no message says 内部错误", () => {
    const crashes = [...of("crash"), ...of("bench error (not the reader)")];
    expect(
      crashes.map((r) => r.name),
      list(crashes, (r) => r.message ?? ""),
    ).toEqual([]);
    const internal = results.filter((r) => r.message?.includes("内部错误"));
    expect(
      internal.map((r) => r.name),
      list(internal, (r) => r.message ?? ""),
    ).toEqual([]);
  });

  it("types numbers as dates by their number format as the references do, where the references are right", () => {
    const unexpected = results.filter((r) => r.dateTypes && !(r.name in KNOWN_DATE_TYPING));
    expect(
      unexpected.map((r) => r.name),
      list(
        unexpected,
        (r) =>
          r.dateTypes?.first.map((d) => `${d.where}: expected ${d.expected}, got ${d.got}`).join("; ") ?? "",
      ),
    ).toEqual([]);
  });
});
