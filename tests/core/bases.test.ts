// Resolving the bases of a breakdown row: current values, another row, another sheet, an A1 range.
import { beforeAll, describe, expect, it } from "vitest";
import { BasesError, parseSheetRange, resolveBases } from "../../src/core/allocate/bases";
import { findBreakdownTable, type BreakdownTable } from "../../src/core/check/breakdownTable";
import { expandMerges, type Grid, type GridValue } from "../../src/core/grid";
import { message } from "../../src/core/messages/message";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { seedPlan, writePlanXlsx } from "../helpers/workbooks";

const HEADER: GridValue[] = ["序号", "指标名称", "计量单位", "甲镇", "乙镇", "丙镇", "全市"];

/** A small breakdown sheet: title, header on row 2, three towns in D:F, 全市 in G. */
function sheet(name: string, rows: GridValue[][], header = HEADER): Grid {
  return { name, rows: [["某市目标分解"], header, ...rows] };
}

function contextOf(grid: Grid, indicator: string, grids: Grid[] = [grid]) {
  const table = findBreakdownTable(grid) as BreakdownTable;
  const row = table.rows.find((r) => r.name === indicator)!;
  return { grid, table, row, grids };
}

describe("resolveBases on hand-built grids", () => {
  const main = sheet("2024年目标分解", [
    [1, "工业投资", "亿元", 10, "２０", 30, 60],
    [2, "规上工业增加值增长", "%", 5, 8, "-", 7],
    [3, "规上工业增加值", "亿元", 100, "1,250", null, 1350],
    [null, "基数(亩)", null, 40, 50, 60, null],
  ]);
  const ctx = contextOf(main, "规上工业增加值增长");

  it('"" and "current" give the row\'s own values; "-" and empty are null, text numbers count with a note', () => {
    const a = resolveBases("", ctx);
    expect(a).toEqual({ bases: [5, 8, null], label: "当前值", notes: [], noteMsgs: [] });
    expect(resolveBases("current", ctx).bases).toEqual([5, 8, null]);
    const invest = resolveBases("current", contextOf(main, "工业投资"));
    expect(invest.bases).toEqual([10, 20, 30]);
    expect(invest.notes).toEqual(["E3“２０”按数字读取(文本型数字、全角字符)"]);
  });

  it("another indicator row on the same sheet, matched by normalized name (unit, spaces, width)", () => {
    const r = resolveBases("规上工业增加值(亿元)", ctx);
    expect(r.bases).toEqual([100, 1250, null]);
    expect(r.label).toBe("第5行“规上工业增加值”");
    expect(r.notes).toEqual(["E5“1,250”按数字读取(文本型数字、千位分隔符)"]);
    expect(resolveBases(" 规上工业 增加值 ", ctx).bases).toEqual([100, 1250, null]);
  });

  it("another sheet in the breakdown layout: the same indicator, towns matched by header name", () => {
    const last = sheet(
      "2023年实绩",
      [
        [1, "工业投资", "亿元", 1, 2, 3, 6],
        [2, "规上工业增加值增长", "%", 120, 300, 0, 420],
      ],
      // Other order, 丙镇 missing, an extra town.
      ["序号", "指标名称", "计量单位", "乙镇", "丁镇", "甲镇", "合计"],
    );
    const r = resolveBases("2023年实绩", contextOf(main, "规上工业增加值增长", [main, last]));
    expect(r.bases).toEqual([0, 120, null]);
    expect(r.label).toBe("工作表“2023年实绩”第4行“规上工业增加值增长”");
    expect(r.notes).toEqual(["工作表“2023年实绩”没有“丙镇”列,“丙镇”没有基数"]);
  });

  it("another sheet without the indicator, or without a table: an error naming the sheet", () => {
    const other = sheet("上年", [[1, "工业投资", "亿元", 1, 2, 3, 6]]);
    const plain: Grid = { name: "说明", rows: [["只是说明"]] };
    const c = contextOf(main, "规上工业增加值增长", [main, other, plain]);
    expect(() => resolveBases("上年", c)).toThrow(
      /工作表“上年”里没有指标“规上工业增加值增长”\(该表的指标:工业投资\)/,
    );
    expect(() => resolveBases("说明", c)).toThrow(/工作表“说明”里没有找到分解表/);
  });

  it("an A1 range on the same sheet, a row or a column, one cell per town in town order", () => {
    expect(resolveBases("D6:F6", ctx)).toEqual({
      bases: [40, 50, 60],
      label: "D6:F6",
      notes: [],
      noteMsgs: [],
    });
    expect(resolveBases("$d$6:$f$6", ctx).bases).toEqual([40, 50, 60]);
    expect(resolveBases("G3:G5", ctx).bases).toEqual([60, 7, 1350]);
  });

  it("a range on another sheet, plain or quoted, with '' inside quotes", () => {
    const land: Grid = {
      name: "My Sheet's",
      rows: [
        ["甲镇", 11],
        ["乙镇", "12亩"],
        ["丙镇", "无"],
      ],
    };
    const cn: Grid = { name: "基数", rows: [[7, 8, 9]] };
    const c = contextOf(main, "工业投资", [main, land, cn]);
    const r = resolveBases("'My Sheet''s'!B1:B3", c);
    expect(r.bases).toEqual([11, 12, null]);
    expect(r.label).toBe("'My Sheet''s'!B1:B3");
    expect(r.notes).toEqual(["'My Sheet''s'!B2“12亩”按数字读取(文本型数字、带单位“亩”)"]);
    expect(resolveBases("基数!A1:C1", c)).toMatchObject({ bases: [7, 8, 9], label: "基数!A1:C1" });
  });

  it("a range of the wrong size or shape names the range and the counts", () => {
    expect(() => resolveBases("D6:E6", ctx)).toThrow(
      "区域“D6:E6”有 2 个单元格,分解表有 3 个单位(甲镇、乙镇、丙镇),应一一对应",
    );
    expect(() => resolveBases("D6:E6", ctx)).toThrow(
      new BasesError(
        message("bases.wrong_size", { range: "D6:E6", count: 2, n: 3, towns: ["甲镇", "乙镇", "丙镇"] }),
      ),
    );
    expect(() => resolveBases("D5:F6", ctx)).toThrow(
      /区域“D5:F6”有 2 行 × 3 列;基数区域应为一行或一列,共 3 个单元格/,
    );
    expect(() => resolveBases("无此表!A1:C1", ctx)).toThrow(/区域“无此表!A1:C1”中的工作表“无此表”不存在/);
  });

  it("an unknown source lists what was tried: indicators, sheets, ranges", () => {
    let message = "";
    try {
      resolveBases("土地面积", ctx);
    } catch (e) {
      expect(e).toBeInstanceOf(BasesError);
      message = (e as Error).message;
    }
    expect(message).toContain("找不到基数“土地面积”");
    expect(message).toContain("不是本表的指标(工业投资、规上工业增加值增长、规上工业增加值、基数)");
    expect(message).toContain("不是工作表名(2024年目标分解)");
    expect(message).toContain("也不是单元格区域");
  });

  it("error and logical cells are null with a note", () => {
    const g = sheet("s", [[1, "工业投资", "亿元", { error: "#DIV/0!" }, true, "约十亿", 60]]);
    const r = resolveBases("", contextOf(g, "工业投资"));
    expect(r.bases).toEqual([null, null, null]);
    expect(r.notes).toEqual([
      "D3“#DIV/0!”不是数字,“甲镇”没有基数",
      "E3“true”不是数字,“乙镇”没有基数",
      "F3“约十亿”不是数字,“丙镇”没有基数",
    ]);
  });
});

describe("parseSheetRange", () => {
  it("splits an optional sheet from the range", () => {
    expect(parseSheetRange("E5:L5")).toEqual({ sheet: null, ref: "E5:L5" });
    expect(parseSheetRange("基数!$E$5:$L$5")).toEqual({ sheet: "基数", ref: "E5:L5" });
    expect(parseSheetRange("'A!B'!E5")).toEqual({ sheet: "A!B", ref: "E5" });
    expect(parseSheetRange("制造业投资")).toBeNull();
    expect(parseSheetRange("!E5")).toBeNull();
  });
});

describe("resolveBases on the 平湖 workbook (seed 001)", () => {
  let grids: Grid[];
  let ctx: ReturnType<typeof contextOf>;
  beforeAll(async () => {
    const file = XlsxFile.open(await writePlanXlsx(seedPlan()));
    grids = (await file.readAll()).map(expandMerges);
    const grid = grids.find((g) => g.name === "2023年目标分解")!;
    ctx = contextOf(grid, "规上工业增加值增长", grids);
  });

  it("current values of 规上工业增加值增长, in the table's town order", () => {
    expect(ctx.table.towns.map((t) => t.header)).toEqual([
      "当湖街道",
      "经开区",
      "曹桥街道",
      "新埭镇",
      "新仓镇",
      "独山港区",
      "广陈镇",
      "林埭镇",
    ]);
    expect(resolveBases("current", ctx).bases).toEqual([5, 10, 8, 10, 10, 8, 5, 5]);
  });

  it("制造业投资's row by name, and the same cells by range", () => {
    const byName = resolveBases("制造业投资", ctx);
    expect(byName.bases).toEqual([0.8, 41, 8.2, 12.2, 12.2, 40.5, 1.55, 1.55]);
    expect(byName.label).toBe("第5行“制造业投资”");
    expect(resolveBases("2023年目标分解!E5:L5", ctx).bases).toEqual(byName.bases);
    expect(resolveBases("'2023年目标分解'!E5:L5", ctx).bases).toEqual(byName.bases);
  });

  it("“浙江制造”标准 matched with straight quotes; 数字经济's “-” is null", () => {
    expect(resolveBases('"浙江制造"标准', ctx).bases).toEqual([1, 2, 1, 2, 2, 2, 1, 1]);
    expect(resolveBases("数字经济核心产业制造业增加值增速", ctx).bases).toEqual([
      null,
      15,
      20,
      20,
      20,
      20,
      15,
      15,
    ]);
  });

  it("the merged 待下达 row gives no bases (every town null)", () => {
    const r = resolveBases("规上工业单位工业增加值能耗下降", ctx);
    expect(r.bases).toEqual(Array(8).fill(null));
    expect(r.notes).toHaveLength(8);
  });

  it("the breakdown sheet named as a sheet source gives the row's own values; 指标体系 has no breakdown table", () => {
    expect(resolveBases("2023年目标分解", ctx).bases).toEqual([5, 10, 8, 10, 10, 8, 5, 5]);
    expect(() => resolveBases("职责分工", ctx)).toThrow(BasesError);
  });
});
