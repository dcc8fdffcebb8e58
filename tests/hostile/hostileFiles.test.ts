// Hostile and broken files (made by bench/hostileFiles.mjs, never stored) end with their limit's message in the
// CLI and in the browser reader: no crash, no "内部错误", no hang. Time and memory are measured by
// bench/hostile.mjs, not here.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HOSTILE_CASES, type HostileCase } from "../../bench/hostileFiles.mjs";
import { readDocx } from "../../src/core/docx/readDocx";
import { planFromTextBytes } from "../../src/core/parse/planDocument";
import { ReadError } from "../../src/core/read/readError";
import { readXlsxInBrowser } from "../../src/xlsx/readXlsxBrowser";
import { runCli } from "../helpers/cli";

const CASES: HostileCase[] = HOSTILE_CASES;
const dir = mkdtempSync(join(tmpdir(), "hostile-"));

function fileOf(c: HostileCase): { path: string; bytes: Buffer } {
  const bytes = c.build();
  const path = join(dir, `${c.name}.${c.kind}`);
  writeFileSync(path, bytes);
  return { path, bytes };
}

async function readInBrowser(c: HostileCase, bytes: Buffer): Promise<unknown> {
  const b = new Uint8Array(bytes);
  if (c.kind === "xlsx") return readXlsxInBrowser(b, `${c.name}.xlsx`);
  if (c.kind === "docx") return readDocx(b, `${c.name}.docx`);
  return planFromTextBytes(b);
}

describe.each(CASES)("$name ($what)", (c) => {
  const made = fileOf(c);

  it("the CLI ends with a clear message", { timeout: 60_000 }, () => {
    const args = c.kind === "xlsx" ? ["check", made.path] : ["load", made.path, "--json"];
    const r = runCli(args);
    expect(r.stderr).not.toMatch(/内部错误|RangeError|TypeError|Maximum call stack|heap out of memory/);
    if (c.expect) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(c.expect);
      expect(r.stderr).toContain(made.path); // the message names the file
    } else expect([0, 1, 2]).toContain(r.code);
  });

  it("the browser reader ends with a clear message", { timeout: 60_000 }, async () => {
    const want = c.expectReader === undefined ? c.expect : c.expectReader;
    let error: unknown = null;
    try {
      await readInBrowser(c, made.bytes);
    } catch (e) {
      error = e;
    }
    if (error !== null) {
      expect(error, String(error)).toBeInstanceOf(ReadError);
      if (want) expect((error as Error).message).toMatch(want);
    } else expect(want, "read without complaint").toBeNull();
  });
});

describe("collect with hostile returns among good ones", async () => {
  const { seedBreakdown, writeReturn, writeTemplate } = await import("../submissions/fixtures");
  const { SEED_001 } = await import("../helpers/seeds");
  const { tempDir } = await import("../helpers/workbooks");
  const breakdown = seedBreakdown();
  const good = await writeReturn(
    await writeTemplate(breakdown, "当湖街道", tempDir()),
    join(dir, "当湖街道.xlsx"),
  );
  const hostile = CASES.filter((c) => c.kind === "xlsx").map((c) => fileOf(c).path);

  it(
    "reads the good file, names each hostile one with its reason, and never stops",
    { timeout: 120_000 },
    () => {
      const r = runCli(["collect", SEED_001, ...hostile, good, "--json"]);
      expect(r.stderr).not.toMatch(/内部错误|Maximum call stack|heap out of memory/);
      expect([0, 1]).toContain(r.code);
      const json = JSON.parse(r.stdout) as {
        submissions: { file: string; unit: string | null; findings: { message: string }[] }[];
      };
      const byFile = new Map(json.submissions.map((s) => [s.file, s]));
      expect(byFile.get(good)?.unit).toBe("当湖街道");
      for (const c of CASES.filter((k) => k.kind === "xlsx" && k.expect && k.expectReader !== null)) {
        const s = byFile.get(join(dir, `${c.name}.xlsx`));
        expect(s, c.name).toBeDefined();
        expect(s!.findings.map((f) => f.message).join(" "), c.name).toMatch(c.expect!);
      }
    },
  );
});
