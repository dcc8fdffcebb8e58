// `allocate --year / --tier` on tables with several measures (a 确保/力争 table and one with two years), and the
// rules the CLI shares with the pane through planAllocation: held towns need a number, rates get 1 decimal.
import { beforeAll, describe, expect, it } from "vitest";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/workbooks";
import { tiers, writeShapes, years, type Shape } from "../table/shapes";
import { join } from "node:path";

let file: string;

beforeAll(async () => {
  file = await writeShapes([tiers, years], tempDir("tb-allocate-tiers-"));
});

const allocate = (...args: string[]) => runCli(["allocate", file, "--indicator", "制造业投资", ...args]);

function json(...args: string[]) {
  const r = allocate(...args, "--json");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe("target-breakdown allocate --tier / --year", () => {
  it("without them, the primary measure (确保), with a note naming the measures and --tier", () => {
    const j = json("--method", "equal");
    expect(j).toMatchObject({ sheet: "2023年目标", row: 4, total: 47 });
    expect(j.previous).toEqual({ 当湖街道: 20, 钟埭街道: 12, 新埭镇: 15 });
    expect(j.notes[0]).toBe("该表有 2 组数(2023年 确保、2023年 力争),按 2023年 确保 分配;可用 --tier 选择");
  });

  it("--tier 力争 (or 奋斗, stretch) allocates the 力争 numbers and -o writes only the 力争 cells", async () => {
    const j = json("--method", "equal", "--tier", "力争");
    expect(j.total).toBe(52);
    expect(j.previous).toEqual({ 当湖街道: 22, 钟埭街道: 14, 新埭镇: 17 });
    expect(j.notes.some((n: string) => n.includes("组数"))).toBe(false);
    expect(json("--method", "equal", "--tier", "奋斗").total).toBe(52);
    expect(json("--method", "equal", "--tier", "stretch").total).toBe(52);
    expect(json("--method", "equal", "--tier", "保底").total).toBe(47);

    const text = allocate("--method", "proportional", "--tier", "力争", "--total", "106");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("“制造业投资”(工作表“2023年目标”第4行,2023年 力争)按基数比例");
    expect(text.stdout).toContain("22 → 44");

    const out = join(tempDir("tb-allocate-tiers-out-"), "out.xlsx");
    expect(allocate("--method", "proportional", "--tier", "力争", "--total", "106", "-o", out).code).toBe(0);
    const grid = await XlsxFile.open(out).readSheet("2023年目标");
    // Row 4: 确保 in B, D, F as before; 力争 doubled in C, E, G.
    expect(grid.rows[3].slice(1, 7)).toEqual([20, 44, 12, 28, 15, 34]);
  });

  it("a tier the table does not have: exit 2 naming the measures it has; an unknown word is a usage error", () => {
    const r = allocate("--method", "equal", "--tier", "预期");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "“制造业投资”没有 预期 的数(该表有 工作表“2023年目标”:2023年 确保、2023年 力争",
    );
    const bad = allocate("--method", "equal", "--tier", "最好");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--tier 应为 确保|力争|奋斗|预期 之一,收到“最好”");
    const year = allocate("--method", "equal", "--year", "明年");
    expect(year.code).toBe(2);
    expect(year.stderr).toContain("--year 应为四位年份");
  });

  it("--year picks a year of a table with several; without it the first, with a note naming --year", () => {
    const first = json("--method", "equal", "--sheet", "分年度目标");
    expect(first.total).toBe(25);
    expect(first.notes[0]).toBe("该表有 2 组数(2024年、2025年),按 2024年 分配;可用 --year 选择");
    const later = json("--method", "equal", "--sheet", "分年度目标", "--year", "2025年");
    expect(later).toMatchObject({ total: 30, previous: { 新埭镇: 17, 新仓镇: 11 } });
    expect(later.notes).toEqual(["未给 --total,按全市当前值 30 分配"]);
    // Without --sheet, the first sheet with a table of that year: 分年度目标 (2023年目标 has no 2025).
    expect(json("--method", "equal", "--year", "2025").sheet).toBe("分年度目标");
    expect(json("--method", "equal", "--year", "2023", "--tier", "力争").total).toBe(52);
  });
});

/** 甲镇 has no 工业投资 yet; growth rates weighted by last year's 增加值. */
const plain: Shape = {
  name: "目标分解",
  rows: [
    ["指标名称", "计量单位", "甲镇", "乙镇", "丙镇", "全市"],
    ["工业投资", "亿元", null, 20, 30, 60],
    ["规上工业增加值增长", "%", 5, 8, 6, 7],
    ["上年增加值", "亿元", 100, 200, 400, 700],
  ],
};

describe("target-breakdown allocate: the rules shared with the pane", () => {
  let book: string;
  beforeAll(async () => {
    book = await writeShapes([plain], tempDir("tb-allocate-plain-"));
  });

  it("a town held at its current value without one: exit 2 naming the town and the cell", () => {
    const r = runCli([
      "allocate",
      book,
      "--indicator",
      "工业投资",
      "--method",
      "equal",
      "--hold",
      "甲镇",
      "--json",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("工作表“目标分解”第2行“工业投资”: 锁定的单位“甲镇”没有当前值:单元格 C2 为空");
    const typed = runCli([
      "allocate",
      book,
      "--indicator",
      "工业投资",
      "--method",
      "equal",
      "--hold",
      "甲镇=12",
      "--json",
    ]);
    expect(typed.code).toBe(0);
    expect(JSON.parse(typed.stdout).values).toEqual({ 甲镇: 12, 乙镇: 24, 丙镇: 24 });
  });

  it("--rate rates of a % row have 1 decimal unless --decimals says otherwise", () => {
    const rate = (...args: string[]) =>
      runCli([
        "allocate",
        book,
        "--indicator",
        "规上工业增加值增长",
        "--rate",
        "--base",
        "上年增加值",
        "--total",
        "7",
        "--method",
        "equal",
        "--json",
        ...args,
      ]);
    const one = Object.values(JSON.parse(rate().stdout).values) as number[];
    expect(one.every((v) => Number(v.toFixed(1)) === v)).toBe(true);
    expect(one.some((v) => !Number.isInteger(v))).toBe(true);
    const two = Object.values(JSON.parse(rate("--decimals", "2").stdout).values) as number[];
    expect(two.some((v) => Number(v.toFixed(1)) !== v)).toBe(true);
  });
});
