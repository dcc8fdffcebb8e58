// The workbench's .xlsx bridge: a fake workbook written through ExcelJS and read back keeps what the add-in
// writes, and a workbook rendered by the CLI opens in the fake with the document's verdicts computed.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";
import {
  cellValue,
  createFakeExcel,
  evaluateConditionalFormats,
  type FakeWorkbook,
} from "../../src/workbench/fakeExcel";
import {
  columnWidthChars,
  columnWidthPoints,
  excelJsFromFakeWorkbook,
  fakeWorkbookFromExcelJs,
} from "../../src/workbench/fakeExcel/xlsxBridge";
import { seedPlan } from "../helpers/workbooks";

/** Through a real .xlsx file: ExcelJS writes it and reads it again. */
async function roundTrip(fake: FakeWorkbook): Promise<{ back: FakeWorkbook; file: ExcelJS.Workbook }> {
  const buffer = await excelJsFromFakeWorkbook(fake, ExcelJS).xlsx.writeBuffer();
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(buffer);
  return { back: fakeWorkbookFromExcelJs(file), file };
}

async function sampleWorkbook(): Promise<FakeWorkbook> {
  const fake = createFakeExcel({ sheets: ["2023年目标分解", "说明"] });
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("2023年目标分解");
    ws.getRange("A1:D1").values = [["分解表", null, null, null]] as unknown as string[][];
    ws.getRange("A1:D1").merge();
    ws.getRange("A2:D3").formulas = [
      ["指标", "镇一", "镇二", "合计"],
      ["'=产值", 1.5, 2, "=SUM(B3:C3)"],
    ];
    ws.getRange("A4:D4").formulas = [["'+86 123", "'007", "=1/0", '=IF(D3>3,"超额分解","通过")']];
    ws.getRange("B3:C3").numberFormat = [["#,##0.00", '0"以上"']];
    const header = ws.getRange("A2:D2").format;
    header.font.bold = true;
    header.font.name = "宋体";
    header.font.color = "#1F4E78";
    header.fill.color = "#D9E1F2";
    header.horizontalAlignment = "Center";
    header.verticalAlignment = "Center";
    header.wrapText = true;
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideVertical",
      "InsideHorizontal",
    ]) {
      const b = ws.getRange("A2:D4").format.borders.getItem(edge as Excel.BorderIndex);
      b.style = "Continuous";
      b.color = "#808080";
    }
    ws.getRange("A1").format.columnWidth = columnWidthPoints(30);
    ws.getRange("B1:C1").format.columnWidth = 60;
    ws.getRange("A2").format.rowHeight = 33;
    ws.freezePanes.freezeAt(ws.getRange("A1:A2"));
    const cf = ws.getRange("A3:D4").conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = '=$D3="超额分解"';
    cf.custom.format.fill.color = "#FFEB9C";
    cf.custom.format.font.color = "#9C5700";
    ws.getRange("B3:C4").dataValidation.rule = { list: { inCellDropDown: true, source: "是,否" } };
    ws.getRange("D3:D4").dataValidation.rule = {
      decimal: { formula1: 0, formula2: 100, operator: "Between" as Excel.DataValidationOperator.between },
    };
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.centerHorizontally = true;
    ws.pageLayout.setPrintTitleRows("$1:$2");
    ws.tabColor = "#00B050";
    ws.activate();
    const other = context.workbook.worksheets.getItem("说明");
    other.getRange("A1").values = [["隐藏"]];
    other.visibility = "Hidden";
  });
  return fake.workbook;
}

describe("fake workbook → .xlsx → fake workbook", () => {
  it("keeps values, formulas, text that looks like a formula, and computes on the way back", async () => {
    const { back } = await roundTrip(await sampleWorkbook());
    const s = back.getSheet("2023年目标分解")!;
    expect(s.cell(2, 0)?.value).toBe("=产值");
    expect(s.cell(2, 0)?.formula).toBeUndefined();
    expect(s.cell(2, 3)?.formula).toBe("=SUM(B3:C3)");
    expect(cellValue(s, 2, 3)).toBe(3.5);
    expect([s.cell(3, 0)?.value, s.cell(3, 1)?.value]).toEqual(["+86 123", "007"]);
    expect(cellValue(s, 3, 2)).toEqual({ error: "#DIV/0!" });
    expect(cellValue(s, 3, 3)).toBe("超额分解");
  });

  it("writes formulas with their computed results for readers that do not calculate", async () => {
    const { file } = await roundTrip(await sampleWorkbook());
    const ws = file.getWorksheet("2023年目标分解")!;
    expect(ws.getCell("D3").value).toEqual({ formula: "SUM(B3:C3)", result: 3.5 });
    expect(ws.getCell("D4").value).toEqual({ formula: 'IF(D3>3,"超额分解","通过")', result: "超额分解" });
    expect(ws.getCell("C4").value).toMatchObject({ formula: "1/0", result: { error: "#DIV/0!" } });
  });

  it("keeps number formats, fonts, fills, alignment and borders (thin ↔ Continuous)", async () => {
    const { back } = await roundTrip(await sampleWorkbook());
    const s = back.getSheet("2023年目标分解")!;
    expect(s.cell(2, 1)?.numberFormat).toBe("#,##0.00");
    expect(s.cell(2, 2)?.numberFormat).toBe('0"以上"');
    expect(s.cell(1, 1)).toMatchObject({
      fill: "#D9E1F2",
      font: { bold: true, name: "宋体", color: "#1F4E78" },
      horizontalAlignment: "Center",
      verticalAlignment: "Center",
      wrapText: true,
    });
    expect(s.cell(1, 1)?.borders?.top).toEqual({ style: "Continuous", weight: "Thin", color: "#808080" });
    expect(s.cell(3, 3)?.borders?.right).toEqual({ style: "Continuous", weight: "Thin", color: "#808080" });
    expect(s.cell(5, 5)).toBeUndefined();
  });

  it("keeps merges, widths, heights, frozen panes, page setup, visibility, tab colour and the active sheet", async () => {
    const fake = await sampleWorkbook();
    const { back } = await roundTrip(fake);
    const s = back.getSheet("2023年目标分解")!;
    expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 3 }]);
    expect(s.columnWidth(0)).toBeCloseTo(columnWidthPoints(30), 1);
    expect([s.columnWidth(1), s.columnWidth(2), s.columnWidth(3)]).toEqual([60, 60, 48]);
    expect([s.rowHeight(1), s.rowHeight(2)]).toEqual([33, 15]);
    expect(s.freeze).toEqual({ rows: 2, columns: 1 });
    expect(s.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      centerHorizontally: true,
      centerVertically: false,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
    });
    expect(s.tabColor).toBe("#00B050");
    expect(back.getSheet("说明")?.visibility).toBe("Hidden");
    expect(back.sheets.map((x) => x.name)).toEqual(["2023年目标分解", "说明"]);
    expect(back.activeSheet?.name).toBe("2023年目标分解");
  });

  it("keeps conditional formats (colouring the same cells) and list and number validations", async () => {
    const { back } = await roundTrip(await sampleWorkbook());
    const s = back.getSheet("2023年目标分解")!;
    expect(s.conditionalFormats).toHaveLength(1);
    expect(s.conditionalFormats[0]).toMatchObject({
      formula: '=$D3="超额分解"',
      fill: "#FFEB9C",
      fontColor: "#9C5700",
    });
    // Row 4's D4 says 超额分解, row 3's D3 is a number: the rule shifted from its anchor A3 tells them apart.
    expect(evaluateConditionalFormats(s, 3, 0).fill).toBe("#FFEB9C");
    expect(evaluateConditionalFormats(s, 2, 0).fill).toBeUndefined();
    expect(s.validationAt(3, 2)?.rule).toEqual({ list: { inCellDropDown: true, source: "是,否" } });
    expect(s.validationAt(2, 3)?.rule).toEqual({
      decimal: { operator: "Between", formula1: 0, formula2: 100 },
    });
    expect(s.validationAt(2, 0)).toBeUndefined();
  });

  it("converts column widths between characters and points consistently", () => {
    expect(columnWidthPoints(8.43)).toBe(48.01); // Excel's default column: 64 px = 48 pt
    for (const chars of [4, 8.43, 12.5, 30, 60])
      expect(columnWidthChars(columnWidthPoints(chars))).toBeCloseTo(chars, 2);
  });
});

describe("a workbook written by the CLI, opened in the fake", () => {
  it("computes the document's verdicts and colours the over rows", async () => {
    const rendered = await renderWorkbook(planWorkbook(seedPlan()));
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(await rendered.xlsx.writeBuffer());
    const wb = fakeWorkbookFromExcelJs(file);
    expect(wb.sheets.map((s) => s.name)).toEqual(["指标体系", "职责分工", "2023年目标分解"]);
    const s = wb.getSheet("2023年目标分解")!;
    const verdicts: Record<string, number> = {};
    let overRow = -1;
    for (let r = 3; r < 40; r++) {
      const v = cellValue(s, r, 15);
      if (typeof v === "string" && v !== "") verdicts[v] = (verdicts[v] ?? 0) + 1;
      if (v === "超额分解" && overRow < 0) overRow = r;
    }
    expect(verdicts).toEqual({ 通过: 12, 超额分解: 2, 待下达: 1 });
    expect(evaluateConditionalFormats(s, overRow, 15).fill).toBe("#FFEB9C");
    expect(cellValue(s, 4, 13)).toBe(118);
    expect(s.merges.length).toBeGreaterThan(0);
    expect(s.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
  });
});
