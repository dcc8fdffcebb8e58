// The check on breakdown tables in every shape bureaus use, read from real .xlsx files: the verdicts a clerk would
// give, each measure on its own, subtotals never counted twice, and what is missing said when a table is incomplete.
import { beforeAll, describe, expect, it } from "vitest";
import { checkWorkbookDetailed, type SheetReport } from "../../src/core/check/checkWorkbook";
import type { RowResult } from "../../src/core/check/checkBreakdown";
import type { Grid } from "../../src/core/grid";
import { measureName } from "../../src/core/table/measure";
import {
  counties,
  noTotal,
  oneIndicator,
  otherWords,
  readBack,
  tiers,
  townsAsRows,
  withSubtotals,
  years,
} from "./shapes";

let grids: Grid[];
let reports: Map<string, SheetReport>;
let problems: ReturnType<typeof checkWorkbookDetailed>["problems"];

beforeAll(async () => {
  grids = await readBack([
    townsAsRows,
    oneIndicator,
    withSubtotals,
    tiers,
    otherWords,
    years,
    counties,
    noTotal,
  ]);
  const checked = checkWorkbookDetailed(grids);
  reports = new Map(checked.reports.map((r) => [r.sheet, r]));
  problems = checked.problems;
});

/** [indicator, measure, status, difference] of each result: what a clerk reads off the list. */
const verdicts = (r: SheetReport) =>
  r.results.map((x: RowResult) => [
    x.subtotal ? `${x.indicator}/${x.subtotal}` : x.indicator,
    measureName(x.measure),
    x.status,
    x.difference,
  ]);

describe("shapes of breakdown tables", () => {
  it("towns as rows, indicators as columns, 合计 at the bottom", () => {
    const r = reports.get("镇街目标")!;
    expect(r.orientation).toBe("unit-rows");
    expect(r.units).toEqual(["当湖街道", "钟埭街道", "新埭镇", "新仓镇"]);
    expect(r.totalColumn).toBe("合计");
    expect(verdicts(r)).toEqual([
      ["工业投资", "2023年", "ok", 0],
      ["制造业投资", "2023年", "over", 2],
      ["规上工业增加值增长", "2023年", "ok", null],
      ["专精特新企业", "2023年", "short", -1],
    ]);
    // The cells named are the 合计 row's, in the indicator's column.
    const over = r.results.find((x) => x.status === "over")!;
    expect(over.cells).toEqual(["C7"]);
    expect(over.rowCells).toBe("C3:C7");
    expect(r.results[0].unit).toBe("亿元");
    expect(r.results[2].kind).toBe("rate");
  });

  it("one indicator per sheet: the indicator from the title, base, target and growth each checked", () => {
    const r = reports.get("工业投资")!;
    expect(r.orientation).toBe("unit-rows");
    expect(r.results.map((x) => [x.indicator, x.unit])).toEqual([
      ["工业投资", "亿元"],
      ["工业投资", "亿元"],
      ["工业投资", "%"],
    ]);
    expect(verdicts(r)).toEqual([
      ["工业投资", "2023年", "ok", 0],
      ["工业投资", "2022年 基数", "ok", 0],
      ["工业投资", "2023年 增长", "out_of_range", 2.1],
    ]);
    // 9% lies between the towns' 5% and 20%: only the base-weighted rule finds it wrong.
    const growth = r.results[2];
    expect(growth.allocated).toBe(11.1);
    expect(growth.cells).toEqual(["D8"]);
    expect(growth.message).toContain("100 ÷ 基数合计 90 − 1 = 11.1%");
  });

  it("subtotal columns are not counted in the total, and each is checked against its members", () => {
    const r = reports.get("2023年分解")!;
    expect(r.units).toEqual(["当湖街道", "钟埭街道", "新埭镇", "新仓镇"]);
    expect(r.subtotals).toEqual([
      { header: "街道小计", members: ["当湖街道", "钟埭街道"], by: "name" },
      { header: "镇小计", members: ["新埭镇", "新仓镇"], by: "name" },
    ]);
    expect(verdicts(r)).toEqual([
      ["制造业投资", "2023年", "ok", 0],
      ["专精特新企业", "2023年", "ok", 0],
      ["亩均税收", "2023年", "ok", null],
      ["技改投资", "2023年", "ok", 0],
      ["技改投资/街道小计", "2023年", "short", -1],
    ]);
    expect(r.results[4].cells).toEqual(["E5"]);
  });

  it("确保 and 力争 under merged town names: each tier checked on its own, the tier row no indicator", () => {
    const r = reports.get("2023年目标")!;
    expect(r.measures.map(measureName)).toEqual(["2023年 确保", "2023年 力争"]);
    expect(r.units).toEqual(["当湖街道", "钟埭街道", "新埭镇"]);
    expect(verdicts(r)).toEqual([
      ["制造业投资", "2023年 确保", "ok", 0],
      ["制造业投资", "2023年 力争", "over", 1],
      ["规上工业增加值增长", "2023年 确保", "ok", null],
      ["规上工业增加值增长", "2023年 力争", "ok", null],
      ["新增专精特新企业", "2023年 确保", "ok", 0],
      ["新增专精特新企业", "2023年 力争", "over", 2],
    ]);
    expect(r.results.some((x) => /确保|力争/.test(x.indicator))).toBe(false);
    expect(r.results[1].cells).toEqual(["I4"]);
  });

  it("项目 / 总计 header words, 市本级 a unit, the unit of measure given once above the table", () => {
    const r = reports.get("Sheet1")!;
    expect(r.year).toBe("2024");
    expect(r.units).toEqual(["A镇", "B镇", "市本级"]);
    expect(r.totalColumn).toBe("总计");
    expect(r.results.map((x) => [x.indicator, x.unit, x.status, x.difference])).toEqual([
      ["工业投资", "万元", "ok", 0],
      ["技改投资", "万元", "short", -100],
    ]);
  });

  it("several years: each year's towns against its own 全市", () => {
    const r = reports.get("分年度目标")!;
    expect(verdicts(r)).toEqual([
      ["制造业投资", "2024年", "ok", 0],
      ["制造业投资", "2025年", "short", -2],
      ["规上工业亩均税收", "2024年", "ok", null],
      ["规上工业亩均税收", "2025年", "ok", null],
    ]);
  });

  it("a county named 平湖市 is a unit, not the total", () => {
    const r = reports.get("县(市、区)分解")!;
    expect(r.units).toEqual(["南湖区", "嘉善县", "平湖市", "海宁市"]);
    expect(verdicts(r)).toEqual([["制造业投资", "", "ok", 0]]);
  });

  it("a header without a total: reported with what is missing, nothing guessed", () => {
    expect(reports.has("草稿")).toBe(false);
    expect(problems).toContainEqual({
      sheet: "草稿",
      headerRow: 0,
      label: "指标名称",
      labelCol: 0,
      orientation: "indicator-rows",
      missing: "total",
    });
  });
});

describe("a table read the way the clerk says (表格识别)", () => {
  it("a hint reads a table with no header words at all; without it nothing is guessed", async () => {
    const { readTable } = await import("../../src/core/table/readTable");
    const grid: Grid = {
      name: "表1",
      rows: [
        ["", "甲", "乙", "合计"],
        ["制造业投资(亿元)", 10, 20, 31],
      ],
    };
    expect(readTable(grid).table).toBeNull();
    const { table } = readTable(grid, { hint: { headerRow: 0, labelCol: 0, orientation: "indicator-rows" } });
    const r = checkWorkbookDetailed([grid]).reports;
    expect(r).toHaveLength(0);
    expect(table?.slices[0].towns.map((t) => t.header)).toEqual(["甲", "乙"]);
    expect(table?.slices[0].totalHeader).toBe("合计");
  });
});

describe("towns as rows whose indicators are named 指标N", () => {
  it("takes 镇(街道) as the corner, not an indicator header that merely contains 指标", () => {
    const grid: Grid = {
      name: "省",
      rows: [
        ["镇(街道)", "指标1(亿元)", "指标2(家)"],
        ["清溪镇", 1, 2],
        ["甲1镇", 3, 4],
        ["合计", 4, 7],
      ],
    };
    const [report] = checkWorkbookDetailed([grid]).reports;
    expect(report.orientation).toBe("unit-rows");
    expect(report.results.map((r) => [r.indicator, r.status, r.difference])).toEqual([
      ["指标1", "ok", 0],
      ["指标2", "short", -1],
    ]);
  });
});
