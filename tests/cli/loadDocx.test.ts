// `load` of a Word .docx and of a workbook gives the plan the text form gives: the acceptance diff of seed 001.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { sofficeConvert } from "../helpers/libreoffice";
import { ROOT, SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

const FIXTURES = join(ROOT, "tests", "fixtures", "docx");
const fixture = (name: string) => join(FIXTURES, name);

function loadJson(path: string) {
  const r = runCli(["load", path, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const text = loadJson(SEED_001);

describe("load <plan.docx> --json", () => {
  // 001-libreoffice.docx: LibreOffice's own conversion of 001.html (rowspan/colspan), not our writer's XML.
  it.each(["001.docx", "001-split.docx", "001-libreoffice.docx"])(
    "%s gives exactly what the text form gives",
    (name) => {
      const docx = loadJson(fixture(name));
      expect(text.indicators).toHaveLength(17);
      expect(text.tasks).toHaveLength(62);
      expect(docx.indicators).toEqual(text.indicators);
      expect(docx.tasks).toEqual(text.tasks);
      expect(docx.breakdowns).toEqual(text.breakdowns);
      expect({ title: docx.title, years: docx.years, issues: docx.issues }).toEqual({
        title: text.title,
        years: text.years,
        issues: text.issues,
      });
      // The prose targets: everything but the character offsets, which belong to each form's own text (the core
      // test checks that each target's offsets in the .docx text give its sentence).
      const sansOffsets = (p: typeof text) =>
        p.proseTargets.map((t: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(t).filter(([k]) => k !== "start" && k !== "end")),
        );
      expect(text.proseTargets.length).toBeGreaterThan(40);
      expect(sansOffsets(docx)).toEqual(sansOffsets(text));
      expect(docx.proseLinks).toEqual(text.proseLinks);
      expect(docx.proseDisagreements).toEqual(text.proseDisagreements);
    },
  );

  it("the same after LibreOffice has opened and re-saved the document (its own WordprocessingML)", () => {
    const [resaved] = sofficeConvert(fixture("001-split.docx"), "docx:MS Word 2007 XML");
    const docx = loadJson(resaved);
    expect(docx.indicators).toEqual(text.indicators);
    expect(docx.tasks).toEqual(text.tasks);
    expect(docx.breakdowns).toEqual(text.breakdowns);
  }, 120_000);

  it("-o writes the same sheets as from the text", () => {
    const dir = tempDir();
    const r = runCli(["load", fixture("001.docx"), "-o", join(dir, "p.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("已从 001.docx 读取 17 项指标、62 项任务、1 张分解表");
  });

  it.each([
    ["damaged.docx", /damaged\.docx: 文件已损坏\(zip 结构不完整\)/],
    ["old.doc", /old\.doc: 这是旧版 Word 97-2003\(\.doc\)文件.*另存为”\.docx/],
    ["protected.docx", /protected\.docx: 文档设有打开密码\(已加密\)/],
  ])("%s: exit 2 with a message naming the file", (name, message) => {
    const r = runCli(["load", fixture(name), "--json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain("内部错误");
  });

  it("a .docx whose document part is corrupt names the file too", () => {
    const bytes = readFileSync(fixture("001.docx"));
    // Flip bytes inside the deflated document.xml (the last and largest entry): the zip directory stays intact.
    const broken = Buffer.from(bytes);
    for (let i = 3000; i < 3400; i++) broken[i] ^= 0x5a;
    const path = join(tempDir(), "坏的方案.docx");
    writeFileSync(path, broken);
    const r = runCli(["load", path, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/坏的方案\.docx: 文件已损坏/);
  });
});

describe("the other commands take a .docx plan too", () => {
  it("issue writes one 填报 workbook per town of 附件3, as from the text", () => {
    const dir = join(tempDir(), "issued");
    const r = runCli(["issue", fixture("001.docx"), "-o", dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      text.breakdowns[0].units.map((u: string) => `2023年${u}目标任务填报.xlsx`).sort(),
    );
  });
});

describe("load <book.xlsx> --json", () => {
  it("reads back the workbook `load -o` wrote: the same indicators, tasks and breakdown", () => {
    const out = join(tempDir(), "p.xlsx");
    expect(runCli(["load", SEED_001, "-o", out]).code).toBe(0);
    const book = loadJson(out);
    expect(book.title).toBe(text.title);
    const cells = (p: typeof text) =>
      p.indicators.map((i: { targets: Record<string, { value: number; status: string }> }) =>
        Object.values(i.targets).map((t) => [t.value, t.status]),
      );
    expect(cells(book)).toEqual(cells(text));
    const names = (p: typeof text) =>
      p.indicators.map((i: Record<string, unknown>) => [
        i.category,
        i.name,
        i.unit,
        i.kind,
        i.lead,
        i.partners,
      ]);
    expect(names(book)).toEqual(names(text));
    expect(book.tasks).toEqual(text.tasks);
    const rows = (p: typeof text) =>
      p.breakdowns[0].rows.map((r: { values: Record<string, { value: number; status: string }> }) => [
        ...Object.values(r.values).map((v) => [v.value, v.status]),
      ]);
    expect(rows(book)).toEqual(rows(text));
    expect(book.breakdowns[0].units).toEqual(text.breakdowns[0].units);
  });

  it("--sheet and --range read one table of one sheet, as the pane's 使用选定区域 does", () => {
    const out = join(tempDir(), "p.xlsx");
    expect(runCli(["load", SEED_001, "-o", out]).code).toBe(0);
    const r = runCli(["load", out, "--sheet", "指标体系", "--range", "A3:J12", "--json"]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    // Rows 4–12 of the sheet: the first 9 indicators, with their merged 一级指标.
    expect(plan.indicators.map((i: { name: string }) => i.name)).toEqual(
      text.indicators.slice(0, 9).map((i: { name: string }) => i.name),
    );
    expect(plan.indicators[8].category).toBe("产业结构");
    expect(plan.tasks).toEqual([]);
    const bad = runCli(["load", out, "--range", "A3:J12", "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("p.xlsx: --range 需要和 --sheet 一起使用");
    const missing = runCli(["load", out, "--sheet", "没有这张表", "--json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("没有名为“没有这张表”的工作表");
  });
});
