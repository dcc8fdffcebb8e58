// The inverse of renderXlsx for a user-made template: one sheet of an .xlsx file → a SheetSpec. Values, formulas,
// merges, column widths, row heights, the styles a SheetSpec can say, the freeze and the print setup are kept;
// validations, conditional formats and protection are not read (the spec gets none).
import type ExcelJS from "exceljs";
import { styleRanges } from "../core/layout/styleRanges";
import type { CellStyle, PrintSetup, SheetSpec, SpecValue } from "../core/layout/sheetSpec";

/** Excel's width of a column that has none set, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;

/** ExcelJS argb "FFRRGGBB" → "#RRGGBB"; theme and indexed colours → undefined. */
function hexColor(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  if (typeof argb !== "string") return undefined;
  const m = /^(?:[0-9A-F]{2})?([0-9A-F]{6})$/i.exec(argb);
  return m ? `#${m[1].toUpperCase()}` : undefined;
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function cellValue(cell: ExcelJS.Cell): SpecValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  if ("formula" in v || "sharedFormula" in v) {
    // cell.formula translates a shared formula to this cell.
    const formula = cell.formula ?? ("formula" in v ? v.formula : "");
    return { formula: formula.replace(/^=/, "") };
  }
  if ("richText" in v) return v.richText.map((run) => run.text).join("");
  if ("text" in v && "hyperlink" in v) {
    // ExcelJS types the link text as a string; in a loaded file it can be rich text.
    const text = v.text as string | ExcelJS.CellRichTextValue;
    return typeof text === "string" ? text : text.richText.map((run) => run.text).join("");
  }
  if ("error" in v) return v.error;
  return null;
}

/** The workbook's default font (what ExcelJS reports for a cell styled only by, say, a number format). */
function isDefaultFont(f: Partial<ExcelJS.Font>): boolean {
  return !f.bold && (f.size ?? 11) === 11 && (f.name ?? "Calibri") === "Calibri" && !hexColor(f.color);
}

function cellStyle(cell: ExcelJS.Cell): CellStyle | null {
  const s: CellStyle = {};
  const f = cell.font;
  if (f && !isDefaultFont(f)) {
    const font: NonNullable<CellStyle["font"]> = {};
    if (f.bold) font.bold = true;
    if (f.size !== undefined) font.size = f.size;
    if (f.name !== undefined) font.name = f.name;
    const color = hexColor(f.color);
    if (color) font.color = color;
    if (Object.keys(font).length > 0) s.font = font;
  }
  const fill = cell.fill;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const color = hexColor(fill.fgColor);
    if (color) s.fill = color;
  }
  const a = cell.alignment;
  if (a) {
    if (a.horizontal === "left" || a.horizontal === "center" || a.horizontal === "right")
      s.horizontal = a.horizontal;
    if (a.vertical === "top" || a.vertical === "middle" || a.vertical === "bottom") s.vertical = a.vertical;
    if (a.wrapText) s.wrap = true;
  }
  const b = cell.border;
  if (b?.top?.style && b.left?.style && b.bottom?.style && b.right?.style) s.border = true;
  if (cell.numFmt && cell.numFmt !== "General") s.numberFormat = cell.numFmt;
  return Object.keys(s).length > 0 ? s : null;
}

function columnWidths(ws: ExcelJS.Worksheet, lastColumn: number): number[] {
  const count = Math.max(lastColumn, ws.columns?.length ?? 0);
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= count; c++) widths.push(ws.getColumn(c).width);
  let end = widths.length;
  while (end > 0 && widths[end - 1] === undefined) end--;
  const fallback = ws.properties.defaultColWidth ?? DEFAULT_COLUMN_WIDTH;
  // A SheetSpec lists widths from column A: a gap before a set width gets Excel's default.
  return widths.slice(0, end).map((w) => w ?? fallback);
}

function printSetup(ws: ExcelJS.Worksheet): PrintSetup {
  const p = ws.pageSetup;
  const print: PrintSetup = {
    orientation: p.orientation === "landscape" ? "landscape" : "portrait",
    paperSize: "A4",
    fitToWidth: Boolean(p.fitToPage) && p.fitToWidth === 1,
  };
  if (p.printTitlesRow) print.titleRows = p.printTitlesRow.replace(/\$/g, "");
  if (p.horizontalCentered) print.centerHorizontally = true;
  return print;
}

/**
 * Reads one sheet (the named one, else the first visible one) of an .xlsx file into a SheetSpec. Runs in Node (the
 * CLI) and in the task pane (a template chosen from disk), where ExcelJS's browser build reads the ArrayBuffer.
 */
export async function sheetSpecFromXlsx(
  bytes: Uint8Array | ArrayBuffer,
  sheetName?: string,
): Promise<SheetSpec> {
  const { default: ExcelJSLib } = await import("exceljs");
  const wb = new ExcelJSLib.Workbook();
  // ExcelJS's typings want its own Buffer type; a Node Buffer, a Uint8Array or an ArrayBuffer is what it reads.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws =
    sheetName !== undefined
      ? wb.getWorksheet(sheetName)
      : (wb.worksheets.find((s) => s.state === "visible" || s.state === undefined) ?? wb.worksheets[0]);
  if (!ws) {
    const names = wb.worksheets.map((s) => s.name).join("、");
    throw new Error(
      sheetName !== undefined ? `没有名为“${sheetName}”的工作表(有:${names})` : "工作簿里没有工作表",
    );
  }

  const lastRow = ws.rowCount;
  const lastColumn = ws.columnCount;
  const rows: SpecValue[][] = [];
  const rowHeights: Record<number, number> = {};
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.findRow(r);
    const values: SpecValue[] = [];
    if (row) {
      if (row.height !== undefined && row.height !== null) rowHeights[r] = row.height;
      for (let c = 1; c <= lastColumn; c++) {
        const cell = row.getCell(c);
        // A merged range keeps its value in the top-left cell; ExcelJS echoes it in the others.
        values.push(cell.isMerged && cell.master.address !== cell.address ? null : cellValue(cell));
      }
    }
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    rows.push(values);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();

  const view = ws.views?.[0];
  const spec: SheetSpec = {
    name: ws.name,
    rows,
    styles: styleRanges(lastRow, lastColumn, (r, c) => {
      const row = ws.findRow(r);
      return row ? cellStyle(row.getCell(c)) : null;
    }),
    merges: [...(ws.model.merges ?? [])],
    columnWidths: columnWidths(ws, lastColumn),
    rowHeights,
    validations: [],
    conditionalFormats: [],
    print: printSetup(ws),
    table: { headerRow: 1, firstDataRow: 2, lastRow, lastColumn },
  };
  if (view?.state === "frozen") {
    const frozen = view as ExcelJS.WorksheetViewFrozen;
    spec.freeze = { rows: frozen.ySplit ?? 0, columns: frozen.xSplit ?? 0 };
  }
  if (ws.state === "hidden" || ws.state === "veryHidden") spec.visibility = ws.state;
  return spec;
}
