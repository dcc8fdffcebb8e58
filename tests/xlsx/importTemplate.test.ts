// A template sheet read back from .xlsx is the SheetSpec it was rendered from (for what a template can hold),
// and rendering the imported spec again gives the same cells.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRange } from "../../src/core/grid";
import { indicatorSheet } from "../../src/core/layout/indicatorSheet";
import { emptySpec, type CellStyle, type SheetSpec, type SpecValue } from "../../src/core/layout/sheetSpec";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { sheetSpecFromXlsx } from "../../src/xlsx/importTemplate";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";

async function xlsxBytes(specs: SheetSpec[]): Promise<Buffer> {
  const wb = await renderWorkbook(specs);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rows without trailing empty cells or trailing empty rows. */
function trimmed(rows: SpecValue[][]): SpecValue[][] {
  const out = rows.map((row) => {
    const r = Array.from(row, (v) => v ?? null);
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** The spec's rows as a file holds them: a merged range keeps only its top-left value. */
function asWritten(spec: SheetSpec): SpecValue[][] {
  const rows = spec.rows.map((row) => [...row]);
  for (const ref of spec.merges) {
    const [r1, c1, r2, c2] = parseRange(ref)!;
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++)
        if ((r > r1 || c > c1) && rows[r] && c < rows[r].length) rows[r][c] = null;
  }
  return trimmed(rows);
}

/** Each cell's style after the spec's ranges are applied in order, as renderXlsx applies them. */
function cellStyles(spec: SheetSpec): Map<string, CellStyle> {
  const cells = new Map<string, CellStyle>();
  for (const { ref, style } of spec.styles) {
    const [r1, c1, r2, c2] = parseRange(ref)!;
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        const key = `${r + 1},${c + 1}`;
        const s = { ...cells.get(key) };
        if (style.font) s.font = { ...s.font, ...style.font };
        if (style.fill) s.fill = style.fill;
        if (style.horizontal) s.horizontal = style.horizontal;
        if (style.vertical) s.vertical = style.vertical;
        if (style.wrap !== undefined) s.wrap = style.wrap;
        if (style.border) s.border = true;
        if (style.numberFormat) s.numberFormat = style.numberFormat;
        if (s.font?.bold === false) delete s.font.bold;
        if (s.wrap === false) delete s.wrap;
        cells.set(key, s);
      }
  }
  return cells;
}

async function readValues(bytes: Buffer) {
  const grids = await new XlsxFile(bytes, "x.xlsx").readAll();
  return grids.map((g) => ({ name: g.name, rows: g.rows, merges: [...g.merges].sort() }));
}

function smallSpec(): SheetSpec {
  const spec = emptySpec("模板");
  spec.rows = [
    ["{{单位}}目标分解表"],
    ["单位", "目标", "完成", "完成率"],
    ["{{单位}}", 120, 90.5, { formula: 'IF(B3=0,"",C3/B3)' }],
    ["合计", { formula: "SUM(B3:B3)" }, { formula: "SUM(C3:C3)" }, true],
  ];
  spec.merges = ["A1:D1"];
  spec.styles = [
    { ref: "A1:D1", style: { font: { bold: true, size: 16, name: "黑体" }, horizontal: "center" } },
    {
      ref: "A2:D2",
      style: {
        font: { bold: true, color: "#1F3864" },
        fill: "#D9E1F2",
        border: true,
        wrap: true,
        vertical: "middle",
      },
    },
    { ref: "D3", style: { numberFormat: "0.0%", horizontal: "right" } },
  ];
  spec.columnWidths = [14, 10, 10, 12];
  spec.rowHeights = { 1: 30, 2: 22 };
  spec.freeze = { rows: 2, columns: 1 };
  spec.print = { orientation: "portrait", paperSize: "A4", fitToWidth: false, titleRows: "1:2" };
  return spec;
}

describe("sheetSpecFromXlsx", () => {
  const plan = parsePlanDocument(readFileSync("seeds/001_86af085e02e72586.txt", "utf8"));

  for (const [label, make] of [
    ["指标体系 of seed 001", () => indicatorSheet(plan)],
    ["a small template with formulas and placeholders", smallSpec],
  ] as const) {
    it(`reads back ${label}`, async () => {
      const spec = make();
      const bytes = await xlsxBytes([spec]);
      const imported = await sheetSpecFromXlsx(bytes);

      expect(imported.name).toBe(spec.name);
      expect(trimmed(imported.rows)).toEqual(asWritten(spec));
      expect([...imported.merges].sort()).toEqual([...spec.merges].sort());
      expect(imported.columnWidths).toEqual(spec.columnWidths);
      expect(imported.rowHeights).toEqual(spec.rowHeights);
      expect(imported.freeze).toEqual(spec.freeze);
      expect(imported.print.orientation).toBe(spec.print.orientation);
      expect(imported.print.titleRows).toBe(spec.print.titleRows);
      expect(imported.print.fitToWidth).toBe(spec.print.fitToWidth);
      expect(imported.print.centerHorizontally ?? false).toBe(spec.print.centerHorizontally ?? false);
      expect(cellStyles(imported)).toEqual(cellStyles(spec));
      // Runs of equal styles are ranges, not one entry per cell.
      expect(imported.styles.length).toBeLessThan(cellStyles(imported).size);

      const again = await xlsxBytes([imported]);
      expect(await readValues(again)).toEqual(await readValues(bytes));
    });
  }

  it("keeps the bold grey header of 指标体系", async () => {
    const imported = await sheetSpecFromXlsx(await xlsxBytes([indicatorSheet(plan)]));
    expect(imported.rows[2][0]).toBe("序号");
    expect(cellStyles(imported).get("3,1")).toMatchObject({
      font: { bold: true, size: 11, name: "宋体" },
      fill: "#D9E1F2",
      horizontal: "center",
      border: true,
    });
  });

  it("takes the named sheet, else the first visible one", async () => {
    const hidden = { ...smallSpec(), name: "标记", visibility: "veryHidden" as const };
    const bytes = await xlsxBytes([hidden, indicatorSheet(plan), smallSpec()]);
    expect((await sheetSpecFromXlsx(bytes)).name).toBe("指标体系");
    expect((await sheetSpecFromXlsx(bytes, "模板")).name).toBe("模板");
    const marker = await sheetSpecFromXlsx(bytes, "标记");
    expect(marker.visibility).toBe("veryHidden");
    await expect(sheetSpecFromXlsx(bytes, "没有")).rejects.toThrow("没有");
  });

  it("turns rich text into its text and dates into ISO dates, and skips theme colours", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("手工");
    ws.getCell("A1").value = { richText: [{ text: "{{单位}}", font: { bold: true } }, { text: "年度目标" }] };
    ws.getCell("B1").value = new Date(Date.UTC(2024, 0, 31));
    ws.getCell("C1").value = { formula: "=1+1", date1904: false };
    ws.getCell("D1").value = "x";
    ws.getCell("D1").font = { bold: true, color: { theme: 1 } };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const spec = await sheetSpecFromXlsx(bytes);
    expect(spec.rows).toEqual([["{{单位}}年度目标", "2024-01-31", { formula: "1+1" }, "x"]]);
    expect(spec.styles.find((s) => s.ref === "D1")?.style.font).toEqual({ bold: true });
    expect(spec.print.orientation).toBe("portrait");
    expect(spec.freeze).toBeUndefined();
  });
});
