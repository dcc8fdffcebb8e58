// The corpus of returned files (corpus.ts): each file's findings as expected, then one `collect` process over all
// of them: no crash, every input byte unchanged, each town's newest file used, 新仓镇 missing.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { collectReturns } from "../../src/cli/collect";
import { readZipDirectory, readZipEntry } from "../../src/xlsx/zip";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";
import { buildCorpus, type CorpusCase } from "./corpus";
import { seedBreakdown } from "./fixtures";

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const name = (path: string) => path.replace(/^.*\//, "");
type JsonFinding = { sheet: string; cell: string; severity: string; code: string };
const key = (f: JsonFinding) => `${f.severity}:${f.code}@${f.sheet}!${f.cell}`;

describe("the corpus of returned files", () => {
  let cases: CorpusCase[] = [];
  beforeAll(async () => {
    cases = await buildCorpus();
  }, 180_000);

  it("holds at least 30 returned files, three of them written by LibreOffice (two .xlsx, one .xls)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const writtenBy = (bytes: Buffer) => {
      // An .xls (BIFF8) names no application; its "Workbook" stream (UTF-16 name) tells it from our encrypted file.
      if (bytes.subarray(0, 4).toString("hex") === "d0cf11e0")
        return bytes.includes(Buffer.from("Workbook", "utf16le")) ? "LibreOffice .xls" : "";
      try {
        const app = readZipDirectory(bytes).get("docProps/app.xml");
        return app ? (/<Application>([^<]*)/.exec(readZipEntry(bytes, app).toString("utf8"))?.[1] ?? "") : "";
      } catch {
        return ""; // the damaged file
      }
    };
    const byLibreOffice = cases.filter((c) => writtenBy(readFileSync(c.file)).startsWith("LibreOffice"));
    expect(byLibreOffice.map((c) => name(c.file))).toEqual([
      "曹桥街道(另存).xlsx",
      "林埭镇(LibreOffice).xlsx",
      "独山港区(旧版).xlsx",
    ]);
  });

  it("gives each file its expected findings and town", async () => {
    const breakdown = seedBreakdown();
    const got: Record<string, { unit: string | null; findings: string[] }> = {};
    const want: typeof got = {};
    for (const c of cases) {
      const { submissions } = await collectReturns(breakdown, [c.file]);
      const [s] = submissions;
      got[name(c.file)] = { unit: s.unit, findings: s.findings.map(key).sort() };
      want[name(c.file)] = { unit: c.unit, findings: [...c.expected].sort() };
    }
    expect(got).toEqual(want);
  });

  it("collects them all in one run: no crash, inputs unchanged, newest file per town, 新仓镇 missing", () => {
    const files = cases.map((c) => c.file);
    const before = files.map(sha);
    const out = join(tempDir(), "汇总.xlsx");
    const r = runCli(["collect", SEED_001, ...files, "-o", out, "--json"]);
    expect(r.stderr).not.toContain("内部错误");
    expect(r.code).toBe(1);
    expect(files.map(sha)).toEqual(before);
    const json = JSON.parse(r.stdout);
    expect(json.missing).toEqual(["新仓镇"]);
    expect(json.submissions).toHaveLength(cases.length);
    const newest = new Map<string, string>();
    for (const c of cases) if (c.unit) newest.set(c.unit, c.file);
    json.submissions.forEach(
      (s: { file: string; unit: string; used: boolean; findings: JsonFinding[] }, i: number) => {
        const c = cases[i];
        expect(s.file).toBe(c.file);
        const superseded = c.unit !== null && newest.get(c.unit) !== c.file;
        expect(s.used).toBe(c.unit !== null && !superseded);
        const expected = superseded ? [...c.expected, "warning:duplicate@!"] : c.expected;
        expect(s.findings.map(key).sort()).toEqual([...expected].sort());
      },
    );
    expect(json.summary).toMatchObject({ towns: 8, files: cases.length, reported: 7, missing: 1 });
  });
});
