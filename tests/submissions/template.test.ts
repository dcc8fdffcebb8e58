// The issued template (分发): layout as data, then rendered, written and read back with our reader and ExcelJS.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { indicatorSetHash, MARKER_SHEET, readMarker } from "../../src/core/submissions/marker";
import { templateSheet, templateWorkbook } from "../../src/core/submissions/templateSheet";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { seedBreakdown, writeTemplate } from "./fixtures";

const breakdown = seedBreakdown();

describe("templateSheet: the 填报 sheet of one town", () => {
  const spec = templateSheet(breakdown, "经开区");

  it("has the title, the header and one row per indicator with the town's target", () => {
    expect(spec.name).toBe("填报");
    expect(spec.rows[0][0]).toBe("2023年经开区目标任务填报");
    expect(spec.rows[2]).toEqual(["序号", "指标名称", "计量单位", "类型", "下达目标", "本单位填报", "说明"]);
    expect(spec.rows).toHaveLength(3 + 15 + 3); // then a blank row and the two sign-off lines
    expect(spec.rows[4].slice(0, 5)).toEqual([2, "制造业投资", "亿元", "总量型", 41]);
    expect(spec.table).toMatchObject({ headerRow: 3, firstDataRow: 4, lastRow: 18, lastColumn: 7 });
  });

  it("keeps the words of pending and no-target cells", () => {
    expect(spec.rows[17][4]).toBe("待嘉兴市发改委确定后另行下达");
    const dh = templateSheet(breakdown, "当湖街道");
    expect(dh.rows[11][4]).toBe("-"); // row 9: 当湖街道 has no 数字经济 target
  });

  it("unlocks only 本单位填报, 说明 and the sign-off entries, filled light yellow", () => {
    expect(spec.protection).toEqual({ unlocked: ["F4:G18", "C20:E20", "G20", "C21:E21", "G21"] });
    expect(spec.styles).toContainEqual({ ref: "F4:G18", style: { fill: "#FFF2CC" } });
  });

  it("adds a very hidden marker after it", () => {
    const [, marker] = templateWorkbook(breakdown, "经开区");
    expect(marker.name).toBe(MARKER_SHEET);
    expect(marker.visibility).toBe("veryHidden");
    expect(marker.rows).toEqual([
      ["类型", "目标分解填报"],
      ["单位", "经开区"],
      ["年份", "2023"],
      ["指标集", indicatorSetHash(breakdown.rows.map((r) => r.name))],
      ["模板版本", "1"],
      ["方案", breakdown.title],
    ]);
  });
});

describe("indicatorSetHash", () => {
  it("is 8 hex digits, stable, order-sensitive, and blind to width and quotes", () => {
    const h = indicatorSetHash(["制造业投资", "“浙江制造”标准"]);
    expect(h).toMatch(/^[0-9a-f]{8}$/);
    expect(indicatorSetHash(["制造业投资", '"浙江制造"标准'])).toBe(h);
    expect(indicatorSetHash(["“浙江制造”标准", "制造业投资"])).not.toBe(h);
  });
});

describe("the template written to .xlsx", async () => {
  const path = await writeTemplate(breakdown, "新埭镇");
  const file = XlsxFile.open(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);

  it("lists the marker sheet as hidden in our reader, and reads it back", async () => {
    expect(file.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["填报", false],
      [MARKER_SHEET, true],
    ]);
    const marker = readMarker(await file.readSheet(MARKER_SHEET));
    expect(marker).toMatchObject({ kind: "目标分解填报", unit: "新埭镇", year: "2023", version: "1" });
    const grid = await file.readSheet("填报");
    expect(grid.rows[0][0]).toBe("2023年新埭镇目标任务填报");
    expect(grid.rows[4][4]).toBe(12.2);
  });

  it("stores the marker as veryHidden and protects 填报 with only the input cells unlocked", () => {
    expect(wb.getWorksheet(MARKER_SHEET)!.state).toBe("veryHidden");
    const ws = wb.getWorksheet("填报")!;
    expect(ws.state).toBe("visible");
    // ExcelJS reads back only the restrictions: selecting cells stays allowed, so those flags are absent.
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.selectLockedCells).not.toBe(false);
    expect(protection.selectUnlockedCells).not.toBe(false);
    expect(ws.getCell("F4").protection?.locked).toBe(false);
    expect(ws.getCell("G18").protection?.locked).toBe(false);
    expect(ws.getCell("E4").protection?.locked).not.toBe(false);
    expect(ws.getCell("B4").protection?.locked).not.toBe(false);
    expect(ws.getCell("F4").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
  });
});
