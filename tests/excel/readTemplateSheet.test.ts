// A template sheet of the open workbook read through Office.js gives the spec it was laid out from, in one
// request, and the same spec the .xlsx importer reads from a file: a clerk's restyled template fills the same
// in Excel as on the command line.
import { describe, expect, it } from "vitest";
import { dutyTemplate, letterTemplate } from "../../src/core/assign/defaultTemplates";
import { fillByUnit } from "../../src/core/assign/fillByUnit";
import { parseRange } from "../../src/core/grid";
import type { CellStyle, SheetSpec } from "../../src/core/layout/sheetSpec";
import { readTemplateSheet } from "../../src/excel/readTemplateSheet";
import { writeSheets } from "../../src/excel/writeSheets";
import { sheetSpecFromXlsx } from "../../src/xlsx/importTemplate";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";
import { seedPlan } from "../helpers/workbooks";
import { fakeHost } from "./fixtures";

/** Each cell's effective style (later ranges over earlier ones), the way both renderers apply them. */
function cellStyles(spec: SheetSpec): Record<string, CellStyle> {
  const cells: Record<string, CellStyle> = {};
  for (const { ref, style } of spec.styles) {
    const [r1, c1, r2, c2] = parseRange(ref)!;
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        const s = { ...cells[`${r + 1},${c + 1}`] };
        Object.assign(s, { ...style, font: style.font ? { ...s.font, ...style.font } : s.font });
        if (!s.font) delete s.font;
        if (s.wrap === false) delete s.wrap;
        cells[`${r + 1},${c + 1}`] = s;
      }
  }
  return cells;
}

async function fromWorkbook(spec: SheetSpec, apiVersion = "1.13") {
  const { host, stats } = fakeHost({ apiVersion });
  await writeSheets(host, [spec]);
  stats.reset();
  const read = await readTemplateSheet(host, spec.name);
  return { ...read, syncs: stats.syncs };
}

async function fromFile(spec: SheetSpec) {
  const wb = await renderWorkbook([spec]);
  return sheetSpecFromXlsx(Buffer.from(await wb.xlsx.writeBuffer()), spec.name);
}

describe.each([
  ["职责分工表", dutyTemplate],
  ["目标责任书", letterTemplate],
])("the bundled %s as a sheet of the workbook", (_, template) => {
  it("reads back in one sync with its values, merges, styles, widths, heights and print setup", async () => {
    const spec = template();
    const { spec: read, warnings, syncs } = await fromWorkbook(spec);
    expect(syncs).toBe(1);
    expect(warnings).toEqual([]);
    const file = await fromFile(spec);
    expect(read.rows).toEqual(file.rows);
    expect([...read.merges].sort()).toEqual([...file.merges].sort());
    expect([...read.merges].sort()).toEqual([...spec.merges].sort());
    expect(cellStyles(read)).toEqual(cellStyles(file));
    expect(read.rowHeights).toEqual(file.rowHeights);
    read.columnWidths.forEach((w, i) => expect(w).toBeCloseTo(spec.columnWidths[i], 1));
    expect(read.print.orientation).toBe(spec.print.orientation);
    expect(read.print.fitToWidth).toBe(spec.print.fitToWidth);
  });

  it("fills exactly as the spec it came from", async () => {
    const spec = template();
    const { spec: read } = await fromWorkbook(spec);
    const by = spec.name === "职责分工表" ? "department" : "town";
    const a = fillByUnit(spec, seedPlan(), by);
    const b = fillByUnit(read, seedPlan(), by);
    expect(b.map((o) => o.spec.rows)).toEqual(a.map((o) => o.spec.rows));
    expect(b.map((o) => [...o.spec.merges].sort())).toEqual(a.map((o) => [...o.spec.merges].sort()));
  });
});

describe("a template sheet read through Office.js", () => {
  it("keeps formulas as formulas and text that starts with = as text", async () => {
    const spec = dutyTemplate();
    spec.rows.push([], [{ formula: "ROWS(A4:A4)" }, "=不是公式"]);
    const { spec: read } = await fromWorkbook(spec);
    expect(read.rows[8]).toEqual([{ formula: "ROWS(A4:A4)" }, "=不是公式"]);
  });

  it("without ExcelApi 1.9 (Excel 2016) keeps values and formulas and says what was left out", async () => {
    const { spec: read, warnings, syncs } = await fromWorkbook(dutyTemplate(), "1.8");
    expect(syncs).toBe(1);
    expect(read.rows).toEqual((await fromFile(dutyTemplate())).rows);
    expect(read.styles).toEqual([]);
    expect(warnings.join()).toContain("ExcelApi 1.9");
  });

  it("names a sheet that is missing or empty", async () => {
    const { host } = fakeHost({ sheets: ["Sheet1"] });
    await expect(readTemplateSheet(host, "模板")).rejects.toThrow("没有名为“模板”的工作表");
    await expect(readTemplateSheet(host, "Sheet1")).rejects.toThrow("工作表“Sheet1”是空的");
  });
});
