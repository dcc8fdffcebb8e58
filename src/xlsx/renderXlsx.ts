// The .xlsx renderer: a SheetSpec → an ExcelJS worksheet. The Office.js adapter renders the same spec into the
// open workbook; nothing here decides what a sheet holds.
import type ExcelJS from "exceljs";
import { parseRange } from "../core/grid";
import {
  isFormula,
  type CellStyle,
  type RangeStyle,
  type SheetSpec,
  type SpecValue,
} from "../core/layout/sheetSpec";

type Workbook = ExcelJS.Workbook;
type Worksheet = ExcelJS.Worksheet;

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Every (row, column) of an A1 range, 1-based. */
function* cellsOf(ref: string): Generator<[number, number]> {
  const range = parseRange(ref);
  if (!range) throw new Error(`bad range ${ref}`);
  const [r1, c1, r2, c2] = range;
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) yield [r + 1, c + 1];
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.font) {
    const font: Partial<ExcelJS.Font> = { ...cell.font };
    if (s.font.bold !== undefined) font.bold = s.font.bold;
    if (s.font.size !== undefined) font.size = s.font.size;
    if (s.font.name !== undefined) font.name = s.font.name;
    if (s.font.color !== undefined) font.color = { argb: argb(s.font.color) };
    cell.font = font;
  }
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.horizontal || s.vertical || s.wrap !== undefined) {
    const a: Partial<ExcelJS.Alignment> = { ...cell.alignment };
    if (s.horizontal) a.horizontal = s.horizontal;
    if (s.vertical) a.vertical = s.vertical;
    if (s.wrap !== undefined) a.wrapText = s.wrap;
    cell.alignment = a;
  }
  if (s.border) {
    const thin = { style: "thin" as const, color: { argb: "FF808080" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.numberFormat) cell.numFmt = s.numberFormat;
}

/** Sets cell values from row `firstRow` (1-based) down; empty cells are left as they are. */
export function writeRows(ws: Worksheet, rows: SpecValue[][], firstRow = 1): void {
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      if (v === null || v === undefined) return;
      // Strings are always literal text: ExcelJS writes them as strings, never as formulas.
      ws.getCell(firstRow + r, c + 1).value = isFormula(v) ? { formula: v.formula, date1904: false } : v;
    });
  });
}

export function writeStyles(ws: Worksheet, styles: RangeStyle[]): void {
  for (const { ref, style } of styles) for (const [r, c] of cellsOf(ref)) applyStyle(ws.getCell(r, c), style);
}

/** Renders `spec` into a new worksheet, or into `into` (an empty sheet of that name the workbook holds). */
export function renderSheet(wb: Workbook, spec: SheetSpec, into?: Worksheet): Worksheet {
  const views: Partial<ExcelJS.WorksheetView>[] = spec.freeze
    ? [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }]
    : [];
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9, // A4
    orientation: spec.print.orientation,
    fitToPage: spec.print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: spec.print.centerHorizontally ?? false,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: spec.print.titleRows,
  };
  const ws = into ?? wb.addWorksheet(spec.name, { views, pageSetup });
  if (into) {
    ws.views = views as ExcelJS.WorksheetView[];
    Object.assign(ws.pageSetup, pageSetup);
  }
  writeRows(ws, spec.rows);
  writeStyles(ws, spec.styles);
  for (const ref of spec.merges) ws.mergeCells(ref);
  spec.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, h] of Object.entries(spec.rowHeights)) ws.getRow(Number(row)).height = h;
  for (const v of spec.validations) {
    const rule: ExcelJS.DataValidation =
      v.type === "list"
        ? { type: "list", allowBlank: true, formulae: [`"${v.values.join(",")}"`], showErrorMessage: true }
        : {
            type: "decimal",
            operator: "between",
            allowBlank: true,
            formulae: [v.min ?? -1e15, v.max ?? 1e15],
            showErrorMessage: true,
          };
    if (v.prompt) Object.assign(rule, { showInputMessage: true, prompt: v.prompt });
    // ExcelJS keeps validations per cell; its typings omit the range form.
    for (const [r, c] of cellsOf(v.ref)) ws.getCell(r, c).dataValidation = rule;
  }
  spec.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
          },
        },
      ],
    });
  });
  renderIconsAndBars(ws, spec, spec.conditionalFormats.length);
  if (spec.protection)
    for (const ref of spec.protection.unlocked)
      for (const [r, c] of cellsOf(ref)) ws.getCell(r, c).protection = { locked: false };
  if (spec.visibility && spec.visibility !== "visible") ws.state = spec.visibility;
  return ws;
}

/** Traffic lights (the icon alone) and data bars, after the expression rules in priority. Charts: ExcelJS has none. */
function renderIconsAndBars(ws: Worksheet, spec: SheetSpec, before: number): void {
  let priority = before;
  for (const icons of spec.iconSets ?? [])
    ws.addConditionalFormatting({
      ref: icons.ref,
      rules: [
        {
          type: "iconSet",
          priority: ++priority,
          iconSet: "3TrafficLights1",
          showValue: false,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: icons.yellowFrom },
            { type: "num", value: icons.greenFrom },
          ],
        },
      ],
    });
  for (const bar of spec.dataBars ?? [])
    ws.addConditionalFormatting({
      ref: bar.ref,
      rules: [
        {
          type: "dataBar",
          priority: ++priority,
          gradient: true,
          cfvo: [
            { type: "num", value: bar.min },
            { type: "num", value: bar.max },
          ],
          // ExcelJS reads the bar's colour from `color`, which its typings leave out.
          ...({ color: { argb: argb(bar.color) } } as object),
        },
      ],
    });
}

/** Turns sheet protection on (no password): ExcelJS's protect is asynchronous, so it runs after renderSheet. */
async function protectSheet(ws: Worksheet, spec: SheetSpec): Promise<void> {
  if (!spec.protection) return;
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
}

/** A new workbook holding the given sheets; formulas are recalculated when Excel or LibreOffice opens it. */
export async function renderWorkbook(specs: SheetSpec[]): Promise<Workbook> {
  const { default: ExcelJSLib } = await import("exceljs");
  const wb = new ExcelJSLib.Workbook();
  wb.creator = "目标分解助手";
  wb.created = new Date();
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const spec of specs) await protectSheet(renderSheet(wb, spec), spec);
  return wb;
}
