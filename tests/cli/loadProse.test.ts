// `load` on documents whose targets are in sentences: --json's proseTargets, and -o writing 正文目标.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROSE_HEADER } from "../../src/core/layout/proseSheet";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { runCli } from "../helpers/cli";
import { ROOT, SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

const seed = (name: string) => join(ROOT, "seeds", name);
const FIELDS = [
  "indicator",
  "value",
  "unit",
  "op",
  "kind",
  "statement",
  "tier",
  "tierWord",
  "year",
  "perYear",
  "years",
  "scope",
  "sentence",
  "start",
  "end",
];

describe("target-breakdown load and prose targets", () => {
  it("--json lists each prose target with its sentence, links to 附件1 and the disagreement with 附件2", () => {
    const r = runCli(["load", SEED_001, "--json"]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.proseTargets.length).toBeGreaterThanOrEqual(40);
    for (const t of plan.proseTargets) expect(Object.keys(t)).toEqual(FIELDS);
    const digital = plan.proseTargets.findIndex(
      (t: { indicator: string }) => t.indicator === "数字经济核心产业增加值",
    );
    expect(plan.proseTargets[digital]).toMatchObject({
      value: 91,
      unit: "亿元",
      kind: "total",
      year: "2023",
    });
    expect(plan.proseLinks).toContainEqual({
      target: digital,
      indicator: "数字经济核心产业增加值",
      year: "2023",
      value: 91,
      agrees: true,
    });
    expect(
      plan.proseDisagreements.map((d: { proseValue: number; tableValue: number }) => [
        d.proseValue,
        d.tableValue,
      ]),
    ).toEqual([[5000, 2000]]);
  });

  it.each([
    "000_203cf439d4644065.txt",
    "002_0aa44b95e84d5610.txt",
    "003_f82492af08d1a696.txt",
    "004_f6cade07204b7e0f.txt",
  ])("-o succeeds for %s, which has no 附件 tables, writing its prose targets to 正文目标", async (name) => {
    const out = join(tempDir(), "p.xlsx");
    const r = runCli(["load", seed(name), "-o", out]);
    expect(r.stderr).not.toContain("没有找到附件表格");
    expect(r.code).toBe(0);
    const file = XlsxFile.open(out);
    expect(file.sheets.map((s) => s.name)).toEqual(["正文目标"]);
    const grid = await file.readSheet("正文目标");
    expect(grid.rows[2]).toEqual(PROSE_HEADER);
    expect(grid.rows[2].slice(0, 3)).toEqual(["序号", "指标", "目标值"]);
    const body = grid.rows.slice(3).filter((row) => row[0] !== null && row[0] !== "");
    expect(body.length).toBeGreaterThanOrEqual(5);
    expect(body.every((row) => row[8] === "正文" && typeof row[2] === "number")).toBe(true);
  });

  it("-o writes 002's 工业投资 970亿元 (确保, 2022) with its sentence", async () => {
    const out = join(tempDir(), "p.xlsx");
    expect(runCli(["load", seed("002_0aa44b95e84d5610.txt"), "-o", out]).code).toBe(0);
    const grid = await XlsxFile.open(out).readSheet("正文目标");
    const row = grid.rows.find((r) => r[1] === "工业投资")!;
    expect(row.slice(2, 9)).toEqual([970, "亿元", "总量型", "确保", "2022", null, "正文"]);
    expect(String(row[10])).toContain(
      "确保工业投资、制造业投资、技术改造投资分别达到970亿元、900亿元和540亿元以上",
    );
  });

  it("-o on 001 notes the link to 附件1 and the disagreement with 附件2 beside the targets", async () => {
    const out = join(tempDir(), "p.xlsx");
    const r = runCli(["load", SEED_001, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("正文“低效工业用地改造开发”为 5000亩,附件2第1项“整治低效工业用地”为 2000亩");
    const grid = await XlsxFile.open(out).readSheet("正文目标");
    const digital = grid.rows.find((row) => row[1] === "数字经济核心产业增加值")!;
    expect(digital[9]).toBe("附件1“数字经济核心产业增加值”2023年 91,一致");
    const land = grid.rows.find((row) => row[1] === "低效工业用地改造开发")!;
    expect(land[9]).toContain("不一致");
  });
});
