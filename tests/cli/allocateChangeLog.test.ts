// `allocate -o` keeps 调整记录: run as a process twice (the second on the first's output), the record holds both
// batches, the first as it was; ExcelJS reads the same rows back (and again after writing them itself); a reason
// that looks like a formula stays text.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readChangeLog, type ChangeLogEntry } from "../../src/core/allocate/changeLog";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { worksheetGrid } from "../../src/xlsx/changeLogXlsx";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

let plan: string;
/** The first run's output, and the second's (allocating again from the first). */
let out: string;
let out2: string;
let first: ReturnType<typeof runCli>;
let second: ReturnType<typeof runCli>;

const allocate = (...args: string[]) => runCli(["allocate", ...args]);

beforeAll(() => {
  const dir = tempDir("tb-changelog-");
  plan = join(dir, "p.xlsx");
  out = join(dir, "out.xlsx");
  out2 = join(dir, "out2.xlsx");
  expect(runCli(["load", SEED_001, "-o", plan]).code).toBe(0);
  const indicator = ["--indicator", "制造业投资"];
  first = allocate(
    plan,
    ...indicator,
    "--total",
    "130",
    "--method",
    "proportional",
    "--hold",
    "经开区=45",
    "--reason",
    "项目调整",
    "-o",
    out,
  );
  second = allocate(
    out,
    ...indicator,
    "--method",
    "adjust",
    "--percent",
    "5",
    "--hold",
    "新埭镇",
    "--reason",
    "=1+1",
    "--operator",
    "张三",
    "-o",
    out2,
    "--json",
  );
});

/** The record as the project's own reader reads it. */
async function recordOf(path: string): Promise<ChangeLogEntry[]> {
  return readChangeLog(await XlsxFile.open(path).readSheet("调整记录"));
}

describe("allocate -o and 调整记录", () => {
  it("appends one batch per run: the second run's output holds both, the first unchanged", async () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("已记入“调整记录”第 1 批(9 行)");
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).changeLog).toEqual({ sheet: "调整记录", batch: 2, rows: 8 });

    const once = await recordOf(out);
    const twice = await recordOf(out2);
    expect(twice.slice(0, once.length)).toEqual(once);
    expect(twice.map((e) => e.batch)).toEqual([...Array(9).fill(1), ...Array(8).fill(2)]);
    // Batch 1: 经开区 held at 45, the 全市 cell 118 → 130, the reason on every row; no 操作人 unless given.
    expect(once.find((e) => e.town === "经开区")).toMatchObject({
      sheet: "2023年目标分解",
      indicator: "制造业投资",
      unit: "亿元",
      measure: "2023年",
      cell: "F5",
      before: 41,
      after: 45,
      change: 4,
      method: "锁定值",
      cityBefore: 118,
      cityAfter: 130,
      reason: "项目调整",
      operator: "",
    });
    expect(once.at(-1)).toMatchObject({ town: "全市", cell: "M5", before: 118, after: 130 });
    expect(once.every((e) => /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(e.time))).toBe(true);
    // Batch 2: 新埭镇 held at its own value is not written, so it has no row; the others +5% from batch 1.
    const batch2 = twice.filter((e) => e.batch === 2);
    expect(batch2.map((e) => e.town)).not.toContain("新埭镇");
    expect(batch2.find((e) => e.town === "经开区")).toMatchObject({ before: 45, after: 47.25 });
    expect(batch2.every((e) => e.method === "按比例调整(+5%)" && e.operator === "张三")).toBe(true);
    // The reason typed as "=1+1" is the text =1+1, not a formula (whose value would be 2).
    expect(batch2.every((e) => e.reason === "=1+1")).toBe(true);
  });

  it("ExcelJS reads the same rows back, and again after writing the workbook itself; the reason has no formula", async () => {
    const ours = await recordOf(out2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out2);
    const ws = wb.getWorksheet("调整记录")!;
    expect(readChangeLog(worksheetGrid(ws))).toEqual(ours);
    const reasons = ours.filter((e) => e.batch === 2).map((e) => ws.getCell(`O${e.row}`));
    expect(reasons.every((c) => c.formula === undefined && c.type === ExcelJS.ValueType.String)).toBe(true);

    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await wb.xlsx.writeBuffer());
    expect(readChangeLog(worksheetGrid(again.getWorksheet("调整记录")!))).toEqual(ours);
    // Title, note and header above the rows; the other sheets as the plan wrote them.
    expect(ws.getCell("A1").value).toBe("目标调整记录");
    expect(ws.getCell("A3").value).toBe("批次");
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "指标体系",
      "正文目标",
      "职责分工",
      "2023年目标分解",
      "调整记录",
    ]);
  });

  it("--reason and --operator only go with -o", () => {
    const r = allocate(plan, "--indicator", "制造业投资", "--method", "equal", "--reason", "x", "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--reason 只用于 -o");
  });
});

describe("check cites the record", () => {
  it("lists the changes made to the checked sheet's targets, in text and in --json", () => {
    const text = runCli(["check", out2]);
    // (The measure is named: the record's time is this year, the plan's targets 2023's.)
    expect(text.stdout).toMatch(
      /调整记录 第1批:经开区制造业投资2023年目标于\d+月由41亿元调整为45亿元\(原因:项目调整\)/,
    );
    expect(text.stdout).toMatch(/调整记录 第2批:/);
    const json = JSON.parse(runCli(["check", out2, "--json"]).stdout);
    const report = Array.isArray(json) ? json[0] : json;
    const batches: number[] = report.adjustments.map((a: { batch: number }) => a.batch);
    expect(new Set(batches)).toEqual(new Set([1, 2]));
    expect(batches).toEqual([...batches].sort((a, b) => a - b)); // in the record's order
    expect(report.adjustments[1]).toMatchObject({
      town: "经开区",
      before: 41,
      after: 45,
      reason: "项目调整",
    });
    expect(report.adjustments[1].sentence).toContain("由41亿元调整为45亿元");
    // A workbook without a record has no such key.
    expect(Object.keys(JSON.parse(runCli(["check", plan, "--json"]).stdout))).not.toContain("adjustments");
  });
});
