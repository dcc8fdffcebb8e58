// NaN, ±Infinity and numbers past Excel's range (|x| > 9.99999999999999E+307, or non-zero below
// 2.2250738585072E-308) on every path where a value becomes a number: sheet values (as JavaScript numbers, as
// Office.js and the fake Excel give them, and as text), plan tables, returned figures, progress actuals, the
// Office.js writer and the workbench's fake Excel. None is ever summed or consolidated; each is reported.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { findBreakdownTable } from "../../src/core/check/breakdownTable";
import { checkBreakdown } from "../../src/core/check/checkBreakdown";
import { readSheetValue } from "../../src/core/check/sheetValue";
import { gridValueFromExcel, type Grid, type GridValue } from "../../src/core/grid";
import {
  EXCEL_MAX,
  EXCEL_MIN,
  excelNumberProblem,
  isExcelNumber,
  numberTextProblem,
  parseTargetCell,
  readNumberText,
} from "../../src/core/numbers";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { readActuals } from "../../src/core/progress/actuals";
import { consolidate } from "../../src/core/submissions/consolidate";
import { countySubmission } from "../../src/core/submissions/countyRollup";
import { validateReturn } from "../../src/core/submissions/validateReturn";
import { excelInput } from "../../src/excel/cellInput";
import { cellValue, FakeWorkbook, typeIntoCell } from "../../src/workbench/fakeExcel";
import { fakeWorkbookFromExcelJs } from "../../src/workbench/fakeExcel/xlsxBridge";
import { readSeed } from "../helpers/seeds";
import { filledGrids, seedBreakdown } from "../submissions/fixtures";

const BAD_NUMBERS: [number, string][] = [
  [NaN, "非数值 NaN"],
  [Infinity, "无穷大"],
  [-Infinity, "负无穷大"],
  [1.5e308, "超出 Excel 的数值范围"],
  [-1e308, "超出 Excel 的数值范围"],
  [1e-310, "小于 Excel 能保存的最小非零数"],
  [-5e-324, "小于 Excel 能保存的最小非零数"],
];

const BAD_TEXTS: [string, string][] = [
  ["NaN", "非数值 NaN"],
  ["Infinity", "无穷大"],
  ["-Infinity", "负无穷大"],
  [" inf ", "无穷大"],
  ["1e309", "超出 Excel 的数值范围"],
  ["1.8e308", "超出 Excel 的数值范围"],
  ["1E+400", "超出 Excel 的数值范围"],
  ["１ｅ３０９", "超出 Excel 的数值范围"],
  [`1${"0".repeat(400)}`, "超出 Excel 的数值范围"],
  ["1e-400", "小于 Excel 能保存的最小非零数"],
  ["1e-310", "小于 Excel 能保存的最小非零数"],
];

describe("what a cell can hold", () => {
  it("Excel's bounds: 9.99999999999999E+307 and 2.2250738585072E-308 (2^-1022)", () => {
    expect(isExcelNumber(EXCEL_MAX)).toBe(true);
    expect(isExcelNumber(-EXCEL_MAX)).toBe(true);
    expect(isExcelNumber(1e308)).toBe(false);
    expect(isExcelNumber(EXCEL_MIN)).toBe(true);
    expect(String(EXCEL_MIN)).toMatch(/^2\.2250738585072\d*e-308$/);
    expect(isExcelNumber(EXCEL_MIN / 2)).toBe(false);
    expect(isExcelNumber(0)).toBe(true);
    expect(isExcelNumber(-0)).toBe(true);
    for (const [x, why] of BAD_NUMBERS) expect(excelNumberProblem(x)).toContain(why);
  });

  it.each(BAD_NUMBERS)("a number cell holding %s is invalid, with why", (x, why) => {
    const v = readSheetValue(x);
    expect(v).toMatchObject({ status: "invalid", value: null });
    expect(v.numberProblem).toContain(why);
    // Office.js values come through gridValueFromExcel as they are: the reader decides.
    expect(readSheetValue(gridValueFromExcel(x)).status).toBe("invalid");
  });

  it.each(BAD_TEXTS)("text %j is invalid, never a number", (text, why) => {
    expect(readNumberText(text)).toBeNull();
    expect(numberTextProblem(text)).toContain(why);
    const v = readSheetValue(text);
    expect(v).toMatchObject({ status: "invalid", value: null });
    expect(v.numberProblem).toContain(why);
    expect(parseTargetCell(text)).toMatchObject({ value: null });
  });

  it("numbers in range still read, E notation as Excel reads it typed", () => {
    expect(readSheetValue(9.99999999999999e307)).toMatchObject({
      status: "number",
      value: 9.99999999999999e307,
    });
    expect(readSheetValue("1.5E+3")).toMatchObject({ status: "number", value: 1500 });
    expect(readSheetValue("1.5E+3").notes).toContain("科学计数法");
    expect(readSheetValue("2.5e-7")).toMatchObject({ status: "number", value: 2.5e-7 });
    expect(readSheetValue("0e5")).toMatchObject({ status: "number", value: 0 });
    expect(readSheetValue("12.5亿元")).toMatchObject({ status: "number", value: 12.5 });
    expect(numberTextProblem("12.5")).toBeNull();
    expect(numberTextProblem("完成嘉兴下达任务")).toBeNull();
  });
});

describe("check: JavaScript NaN and Infinity in a grid (as Office.js or a reader may give them)", () => {
  const header = ["指标名称", "甲镇", "乙镇", "丙镇", "全市"];
  const check = (...rows: GridValue[][]) => {
    const grid: Grid = { name: "S", rows: [header, ...rows] };
    return checkBreakdown(grid, findBreakdownTable(grid)!).results;
  };

  it("reports the town cells, computes no sum", () => {
    const results = check(
      ["投资(亿元)", NaN, 20, 30, 60],
      ["专利(件)", 10, Infinity, -Infinity, 60],
      ["企业(家)", 10, 20, 1.5e308, 60],
      ["增速(%)", 5, NaN, 7, 6],
      ["用地(亩)", 10, 20, 30, NaN],
      ["能耗(万吨标准煤)", 10, 20, 30, 60],
    );
    expect(results.map((r) => [r.status, r.cells, r.allocated])).toEqual([
      ["invalid", ["B2"], null],
      ["invalid", ["C3", "D3"], null],
      ["invalid", ["D4"], null],
      ["invalid", ["C5"], null],
      ["invalid", ["E6"], null],
      ["ok", [], 60],
    ]);
    expect(results[0].message).toBe("B2(甲镇)的值“NaN”(非数值 NaN) 不是有效数字");
    expect(results[1].message).toBe(
      "C3(乙镇)的值“Infinity”(无穷大)、D3(丙镇)的值“-Infinity”(负无穷大) 不是有效数字",
    );
    expect(results[4].message).toBe("全市目标 E6 的值“NaN”(非数值 NaN)不是有效数字");
  });
});

describe("plans: a target written as NaN or 1e309 in a plan table", () => {
  const seed = readSeed("001_86af085e02e72586.txt").replace(
    "2 | 制造业投资(亿元) | 0.8 | 41 |",
    "2 | 制造业投资(亿元) | NaN | 1e309 |",
  );
  const plan = parsePlanDocument(seed);
  const row = plan.breakdowns[0].rows.find((r) => r.name === "制造业投资")!;

  it("keeps the words, reads no number, and reports each cell with its line", () => {
    expect(row.values["当湖街道"]).toMatchObject({ value: null, text: "NaN" });
    expect(row.values["经开区"]).toMatchObject({ value: null, text: "1e309" });
    expect(row.values["曹桥街道"]).toMatchObject({ value: 8.2, status: "number" });
    const line = seed.split("\n").findIndex((l) => l.includes("| NaN | 1e309 |")) + 1;
    expect(plan.issues.map(({ line, message }) => ({ line, message }))).toEqual([
      { line, message: "附件3“制造业投资”当湖街道的值“NaN”不是有效数字(非数值 NaN),未作为数字读取" },
      {
        line,
        message:
          "附件3“制造业投资”经开区的值“1e309”不是有效数字(超出 Excel 的数值范围(绝对值最大 9.99999999999999E+307)),未作为数字读取",
      },
    ]);
  });
});

describe("collect: JavaScript NaN and numbers past the range in 本单位填报", () => {
  const breakdown = seedBreakdown();
  const grids = filledGrids(breakdown, "当湖街道");
  const sheet = grids.find((g) => g.name === "填报")!;
  sheet.rows[3][5] = NaN; // F4
  sheet.rows[4][5] = 1.5e308; // F5
  sheet.rows[5][5] = "Infinity"; // F6, as text
  const v = validateReturn(grids, { breakdown, towns: breakdown.units }, "当湖街道.xlsx");

  it("reports each as invalid_number naming the cell, and consolidates none of them", () => {
    const bad = v.findings.filter((f) => f.code === "invalid_number");
    expect(bad.map((f) => [f.cell, f.severity])).toEqual([
      ["F4", "error"],
      ["F5", "error"],
      ["F6", "error"],
    ]);
    expect(bad[0].message).toBe(`${breakdown.rows[0].name}:F4 的值“NaN”不是有效数字(非数值 NaN),未计入汇总`);
    const keys = [...v.values.keys()];
    expect(keys.slice(0, 3).map((k) => v.values.get(k)!.value)).toEqual([null, null, null]);
    const { summary } = consolidate(breakdown, breakdown.units, [
      { ...v, file: "当湖街道.xlsx", receivedAt: "2024-01-01" },
    ]);
    for (const row of summary.rows.slice(0, 3)) expect(row.values["当湖街道"]?.value ?? null).toBeNull();
    for (const row of summary.rows)
      for (const c of Object.values(row.values))
        if (c.value !== null) expect(isExcelNumber(c.value)).toBe(true);
  });
});

describe("two levels: a county's 汇总 with NaN in a town cell", () => {
  const county = seedBreakdown();
  const city = { ...county, units: ["平湖市", "海宁市"] };
  const grids: Grid[] = [
    {
      name: "汇总",
      rows: [
        ["2023年平湖市目标任务分解(报送汇总)"],
        ["序号", "指标名称", "计量单位", "类型", "甲镇", "乙镇", "合计"],
        [1, "制造业投资", "亿元", "总量型", NaN, 20, null],
        [2, "高价值发明专利拥有量", "件", "总量型", 10, 20, 30],
      ],
    },
    { name: "报送情况", rows: [["单位", "状态"]] },
  ];
  const s = countySubmission(grids, city, "平湖市汇总.xlsx", "2024-01-01");

  it("reports the cell and leaves the indicator out rather than add up the others", () => {
    const bad = s.findings.filter((f) => f.code === "invalid_number");
    expect(bad.map((f) => [f.sheet, f.cell, f.severity])).toEqual([["汇总", "E3", "error"]]);
    expect(bad[0].message).toBe("“制造业投资”:E3 的值“NaN”不是有效数字(非数值 NaN),该指标未计入汇总");
    expect(s.values.get("制造业投资")?.value).toBeNull();
    expect(s.values.get("高价值发明专利拥有量")?.value).toBe(30);
  });
});

describe("progress: NaN among the monthly actuals", () => {
  const breakdown = seedBreakdown();
  const grid: Grid = {
    name: "实绩",
    rows: [
      ["单位", "指标", "月份", "累计值"],
      ["当湖街道", "制造业投资", 8, NaN],
      ["经开区", "制造业投资", 8, "1e309"],
      ["新埭镇", "制造业投资", 8, 6.1],
    ],
  };
  const actuals = readActuals([grid], breakdown);

  it("is an error naming the cell, and no figure", () => {
    const readings = actuals.readings.get("制造业投资")!;
    expect(readings.get("当湖街道")!.get(8)!.value).toBeNull();
    expect(readings.get("经开区")!.get(8)!.value).toBeNull();
    expect(readings.get("新埭镇")!.get(8)!.value).toBe(6.1);
    const errors = actuals.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.cell)).toEqual(["D2", "D3"]);
    expect(errors[0].message).toBe("当湖街道 · 8月:D2 的值“NaN”不是有效数字(非数值 NaN),不计入进度");
  });
});

describe("writing to Excel and the workbench's fake Excel", () => {
  it("the Office.js writer refuses a number no cell can hold (JSON would send null: no change)", () => {
    expect(() => excelInput(NaN)).toThrow(/NaN 不是有效数字/);
    expect(() => excelInput(1.5e308)).toThrow(/不是有效数字/);
    expect(excelInput(12.5)).toBe(12.5);
  });

  it("the fake refuses NaN, Infinity and numbers past the range as values, keeps such text as text", () => {
    const wb = new FakeWorkbook(["S"]);
    const sheet = wb.getSheet("S")!;
    for (const x of [NaN, Infinity, 1.5e308, 1e-310]) expect(() => typeIntoCell(sheet, 0, 0, x)).toThrow();
    typeIntoCell(sheet, 0, 0, "1e309");
    expect(cellValue(sheet, 0, 0)).toBe("1e309");
    typeIntoCell(sheet, 0, 1, "1.8e308");
    expect(cellValue(sheet, 0, 1)).toBe("1.8e308");
    typeIntoCell(sheet, 0, 2, "1e5");
    expect(cellValue(sheet, 0, 2)).toBe(100000);
  });

  it("the fake's formulas give #NUM! past the range, as Excel does", () => {
    const wb = new FakeWorkbook(["S"]);
    const sheet = wb.getSheet("S")!;
    typeIntoCell(sheet, 0, 0, "=9E+307*2");
    expect(cellValue(sheet, 0, 0)).toEqual({ error: "#NUM!" });
    typeIntoCell(sheet, 0, 1, "=9E+307+1E+307");
    expect(cellValue(sheet, 0, 1)).toEqual({ error: "#NUM!" });
    typeIntoCell(sheet, 0, 2, "=5E+307*1");
    expect(cellValue(sheet, 0, 2)).toBe(5e307);
  });

  it("an .xlsx opened in the workbench keeps <v>NaN</v> and <v>Infinity</v> as text, not numbers", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = NaN; // what ExcelJS reads from <v>NaN</v>
    ws.getCell("B1").value = Infinity; // … from <v>Infinity</v> or <v>1e309</v>
    ws.getCell("C1").value = 7;
    const sheet = fakeWorkbookFromExcelJs(wb).getSheet("S")!;
    expect([cellValue(sheet, 0, 0), cellValue(sheet, 0, 1), cellValue(sheet, 0, 2)]).toEqual([
      "NaN",
      "Infinity",
      7,
    ]);
  });
});
