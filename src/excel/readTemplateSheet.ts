// A user-made template sheet of the open workbook → a SheetSpec, in one request: values and formulas, number
// formats, each cell's format (getCellProperties), merges, column widths, row heights, freeze and print setup.
// The .xlsx reader (src/xlsx/importTemplate.ts) gives the same spec from a file; both share styleRanges.
import { styleRanges } from "../core/layout/styleRanges";
import type { CellStyle, PrintSetup, SheetSpec, SpecValue } from "../core/layout/sheetSpec";
import { areasOf } from "./readSheets";
import { type ExcelHost, OPTIONAL_FEATURES } from "./host";

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** getCellProperties, row and column properties and page layout: ExcelApi 1.9. */
export const TEMPLATE_FORMATS_VERSION = "1.9";

const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true },
    font: { bold: true, size: true, name: true, color: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
    borders: { style: true },
  },
};

const HORIZONTAL: Record<string, CellStyle["horizontal"]> = {
  Left: "left",
  Center: "center",
  Right: "right",
};
const VERTICAL: Record<string, CellStyle["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom" };
const DEFAULT_FONT = { size: 11, name: "Calibri", color: "#000000" };

/** Excel's column width in points → characters (the inverse of columnWidthPoints). */
const widthInCharacters = (points: number) => Math.round(((points / 0.75 - 5) / 7) * 100) / 100;

/** The style a SheetSpec can say, from one cell's properties; null for a cell with Excel's defaults only. */
function cellStyle(p: Excel.CellProperties | undefined, numberFormat: string | undefined): CellStyle | null {
  const f = p?.format;
  const s: CellStyle = {};
  // As the .xlsx importer does: a font other than the default keeps its name and size, bold and colour if set.
  const ft = f?.font;
  const color = ft?.color?.toUpperCase();
  if (
    ft &&
    (ft.bold ||
      ft.size !== DEFAULT_FONT.size ||
      ft.name !== DEFAULT_FONT.name ||
      color !== DEFAULT_FONT.color)
  ) {
    const font: NonNullable<CellStyle["font"]> = { size: ft.size, name: ft.name };
    if (ft.bold) font.bold = true;
    if (color && color !== DEFAULT_FONT.color) font.color = color;
    s.font = font;
  }
  const fill = f?.fill?.color?.toUpperCase();
  if (fill && fill !== "#FFFFFF") s.fill = fill;
  const h = HORIZONTAL[f?.horizontalAlignment ?? ""];
  if (h) s.horizontal = h;
  const v = VERTICAL[f?.verticalAlignment ?? ""];
  if (v && v !== "bottom") s.vertical = v;
  if (f?.wrapText) s.wrap = true;
  const b = f?.borders;
  const drawn = (e: Excel.CellBorder | undefined) => e?.style !== undefined && e.style !== "None";
  if (b && drawn(b.top) && drawn(b.bottom) && drawn(b.left) && drawn(b.right)) s.border = true;
  if (numberFormat && numberFormat !== "General") s.numberFormat = numberFormat;
  return Object.keys(s).length > 0 ? s : null;
}

/** A formula cell shows its result in `values`; a text cell that merely starts with "=" shows itself. */
function specValue(value: unknown, formula: unknown): SpecValue {
  if (typeof formula === "string" && formula.startsWith("=") && value !== formula)
    return { formula: formula.slice(1) };
  if (value === "" || value === null || value === undefined) return null;
  return value as SpecValue;
}

export interface TemplateRead {
  spec: SheetSpec;
  warnings: string[];
}

/** Reads the named sheet as a template. Without ExcelApi 1.9 only values, formulas and merges come along. */
export async function readTemplateSheet(host: ExcelHost, name: string): Promise<TemplateRead> {
  const withFormats = host.supports(TEMPLATE_FORMATS_VERSION);
  const withMerges = host.supports(OPTIONAL_FEATURES.merges.version);
  return host.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(false);
    used.load("values,formulas,numberFormat,rowIndex,columnIndex,rowCount,columnCount");
    const cells = withFormats ? used.getCellProperties(CELL_PROPERTIES) : null;
    const rowsP = withFormats ? used.getRowProperties({ format: { rowHeight: true } }) : null;
    const colsP = withFormats ? used.getColumnProperties({ format: { columnWidth: true } }) : null;
    const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    const layout = withFormats ? ws.pageLayout : null;
    layout?.load("orientation,zoom,centerHorizontally");
    const frozen = ws.freezePanes.getLocationOrNullObject();
    frozen.load("rowCount,columnCount");
    try {
      await context.sync();
    } catch (e) {
      // A missing or empty sheet fails the whole request (the used range is a null object): say which.
      const check = context.workbook.worksheets.getItemOrNullObject(name);
      const content = check.getUsedRangeOrNullObject(false);
      check.load("isNullObject");
      content.load("isNullObject");
      await context.sync();
      if (check.isNullObject) throw new Error(`没有名为“${name}”的工作表`, { cause: e });
      if (content.isNullObject) throw new Error(`工作表“${name}”是空的,不能用作模板`, { cause: e });
      throw e;
    }

    // The spec starts at A1: a used range starting at C3 gets two empty rows and columns before it.
    const r0 = used.rowIndex;
    const c0 = used.columnIndex;
    const rows: SpecValue[][] = Array.from({ length: r0 }, () => []);
    used.values.forEach((line, r) => {
      const row: SpecValue[] = new Array(c0).fill(null);
      line.forEach((v, c) => row.push(specValue(v, used.formulas[r][c])));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      rows.push(row);
    });
    const lastRow = r0 + used.rowCount;
    const lastColumn = c0 + used.columnCount;
    const styleAt = (r: number, c: number) =>
      r <= r0 || c <= c0
        ? null
        : cellStyle(cells?.value[r - r0 - 1]?.[c - c0 - 1], used.numberFormat[r - r0 - 1]?.[c - c0 - 1]);
    const rowHeights: Record<number, number> = {};
    rowsP?.value.forEach((p, i) => {
      if (p.format?.rowHeight !== undefined && p.format.rowHeight !== 15)
        rowHeights[r0 + i + 1] = p.format.rowHeight;
    });
    const columnWidths = new Array<number>(c0).fill(8.43);
    colsP?.value.forEach((p) => columnWidths.push(widthInCharacters(p.format?.columnWidth ?? 48)));
    const zoom = layout?.zoom;
    const print: PrintSetup = {
      orientation: layout?.orientation === "Landscape" ? "landscape" : "portrait",
      paperSize: "A4",
      fitToWidth: zoom?.horizontalFitToPages === 1,
    };
    if (layout?.centerHorizontally) print.centerHorizontally = true;
    const spec: SheetSpec = {
      name,
      rows,
      styles: styleRanges(lastRow, lastColumn, styleAt),
      merges: merged && !merged.isNullObject ? areasOf(merged.address) : [],
      columnWidths: colsP ? columnWidths : [],
      rowHeights,
      validations: [],
      conditionalFormats: [],
      print,
      table: { headerRow: 1, firstDataRow: 2, lastRow, lastColumn },
    };
    // Frozen rows only come back as whole rows (A1:XFD3), frozen columns as whole columns.
    if (!frozen.isNullObject)
      spec.freeze = {
        rows: frozen.rowCount >= MAX_ROWS ? 0 : frozen.rowCount,
        columns: frozen.columnCount >= MAX_COLUMNS ? 0 : frozen.columnCount,
      };
    const warnings: string[] = [];
    if (!withFormats)
      warnings.push("当前 Excel 无法读取单元格格式(需要 ExcelApi 1.9),模板只按内容填写,格式从简");
    if (!withMerges) warnings.push(OPTIONAL_FEATURES.merges.message);
    return { spec, warnings };
  });
}
