// The fake workbook ↔ ExcelJS, for the workbench's 打开 .xlsx and 下载 .xlsx. ExcelJS (about 1 MB) is imported
// for its types only: the caller loads it lazily and passes the module in.
//
// Column widths: ExcelJS counts characters, Office.js points. Both directions use Excel's rule for the default
// font — a character is 7 px, plus 5 px of padding, at 0.75 pt per px — so points = (chars × 7 + 5) × 0.75
// (8.43 characters = 48 pt, Excel's default), rounded to 1/100, the same conversion the add-in writes with.
import type ExcelJS from "exceljs";
import { columnWidthPoints } from "../../core/layout/look";
import { isExcelNumber } from "../../core/numbers";
import { parseRectAddress, rectAddress, type Rect } from "./a1";
import { cellValue } from "./calc";
import { shiftFormula } from "./formula/rewrite";
import {
  DEFAULTS,
  FakeWorkbook,
  type BorderStyle,
  type BorderWeight,
  type Edge,
  type FakeBorder,
  type FakeCell,
  type FakeConditionalFormat,
  type FakeDataValidation,
  type FakeFont,
  type FakeSheet,
  type FakeValidationRule,
  type HorizontalAlignment,
  type ValidationOperator,
  type VerticalAlignment,
} from "./model";

/** The inverse of columnWidthPoints: points → Excel characters (to 1e-6, so points survive the round trip). */
export function columnWidthChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 1e6) / 1e6;
}

export { columnWidthPoints };

// ---- colours, alignment, borders, paper ----

const hexOf = (argb: string | undefined): string | undefined =>
  argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
const argbOf = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

const H_TO_EXCELJS: Record<HorizontalAlignment, ExcelJS.Alignment["horizontal"] | undefined> = {
  General: undefined,
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};
const V_TO_EXCELJS: Record<VerticalAlignment, ExcelJS.Alignment["vertical"]> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
  Justify: "justify",
  Distributed: "distributed",
};
const invert = <K extends string, V extends string>(m: Record<K, V | undefined>) =>
  Object.fromEntries(
    Object.entries(m)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [v, k]),
  ) as Record<V, K>;
const H_FROM_EXCELJS = invert(H_TO_EXCELJS);
const V_FROM_EXCELJS = invert(V_TO_EXCELJS);

/** Office.js style + weight ↔ the .xlsx line style ("thin" ↔ Continuous/Thin). */
function borderToExcelJs(b: FakeBorder): ExcelJS.BorderStyle {
  switch (b.style) {
    case "Continuous":
      return b.weight === "Hairline"
        ? "hair"
        : b.weight === "Medium"
          ? "medium"
          : b.weight === "Thick"
            ? "thick"
            : "thin";
    case "Dash":
      return b.weight === "Medium" ? "mediumDashed" : "dashed";
    case "DashDot":
      return b.weight === "Medium" ? "mediumDashDot" : "dashDot";
    case "DashDotDot":
      return b.weight === "Medium" ? "mediumDashDotDot" : "dashDotDot";
    case "Dot":
      return "dotted";
    case "Double":
      return "double";
    default:
      return "slantDashDot";
  }
}

const BORDER_FROM_EXCELJS: Record<ExcelJS.BorderStyle, [BorderStyle, BorderWeight]> = {
  thin: ["Continuous", "Thin"],
  hair: ["Continuous", "Hairline"],
  medium: ["Continuous", "Medium"],
  thick: ["Continuous", "Thick"],
  dotted: ["Dot", "Thin"],
  double: ["Double", "Thick"],
  dashed: ["Dash", "Thin"],
  mediumDashed: ["Dash", "Medium"],
  dashDot: ["DashDot", "Thin"],
  mediumDashDot: ["DashDot", "Medium"],
  dashDotDot: ["DashDotDot", "Thin"],
  mediumDashDotDot: ["DashDotDot", "Medium"],
  slantDashDot: ["SlantDashDot", "Medium"],
};

/** Office.js PaperType ↔ the .xlsx paper code. */
const PAPER_CODES: Record<string, number> = {
  Letter: 1,
  LetterSmall: 2,
  Tabloid: 3,
  Ledger: 4,
  Legal: 5,
  Statement: 6,
  Executive: 7,
  A3: 8,
  A4: 9,
  A4Small: 10,
  A5: 11,
  B4: 12,
  B5: 13,
  Folio: 14,
  Quarto: 15,
};
const PAPER_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(PAPER_CODES).map(([k, v]) => [v, k]),
);

const OPERATOR_TO_EXCELJS: Record<ValidationOperator, ExcelJS.DataValidationOperator> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};
const OPERATOR_FROM_EXCELJS = invert(OPERATOR_TO_EXCELJS);

/** What ExcelJS keeps on a worksheet but does not declare in its typings. */
interface WorksheetInternals {
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
  dataValidations?: { model: Record<string, ExcelJS.DataValidation | undefined> };
}

// ---- import ----

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function importValue(cell: ExcelJS.Cell, target: FakeCell): void {
  const v = cell.value;
  if (v === null || v === undefined) return;
  // ExcelJS reads <v>NaN</v>, <v>Infinity</v> and <v>1e309</v> as JavaScript's NaN and Infinity: no number a cell
  // holds, so they stay the text they were (as the project's own reader keeps them).
  if (typeof v === "number") target.value = isExcelNumber(v) ? v : String(v);
  else if (typeof v === "string" || typeof v === "boolean") target.value = v;
  else if (v instanceof Date) target.value = (v.getTime() - EXCEL_EPOCH) / 86_400_000;
  else if ("formula" in v || "sharedFormula" in v) {
    const f = cell.formula ?? ("formula" in v ? v.formula : undefined);
    if (f) target.formula = f.startsWith("=") ? f : `=${f}`;
  } else if ("richText" in v) target.value = v.richText.map((t) => t.text).join("");
  else if ("error" in v) target.value = { error: v.error };
  else if ("text" in v) target.value = String(v.text);
}

function importStyle(cell: ExcelJS.Cell, target: FakeCell): void {
  if (cell.numFmt && cell.numFmt !== DEFAULTS.numberFormat) target.numberFormat = cell.numFmt;
  const fill = cell.fill;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const hex = hexOf(fill.fgColor?.argb);
    if (hex) target.fill = hex;
  }
  const f = cell.font;
  if (f) {
    const font: FakeFont = {};
    if (f.bold) font.bold = true;
    if (f.italic) font.italic = true;
    if (f.size !== undefined && f.size !== DEFAULTS.font.size) font.size = f.size;
    if (f.name !== undefined && f.name !== DEFAULTS.font.name) font.name = f.name;
    const color = hexOf(f.color?.argb);
    if (color && color !== DEFAULTS.font.color) font.color = color;
    if (Object.keys(font).length > 0) target.font = font;
  }
  const a = cell.alignment;
  if (a) {
    const h = a.horizontal && H_FROM_EXCELJS[a.horizontal];
    if (h && h !== DEFAULTS.horizontalAlignment) target.horizontalAlignment = h;
    const v = a.vertical && V_FROM_EXCELJS[a.vertical];
    if (v && v !== DEFAULTS.verticalAlignment) target.verticalAlignment = v;
    if (a.wrapText) target.wrapText = true;
  }
  const b = cell.border;
  if (b) {
    const edges: Partial<Record<Edge, FakeBorder>> = {};
    for (const edge of ["top", "bottom", "left", "right"] as const) {
      const x = b[edge];
      if (!x?.style) continue;
      const [style, weight] = BORDER_FROM_EXCELJS[x.style] ?? ["Continuous", "Thin"];
      edges[edge] = { style, weight, color: hexOf(x.color?.argb) ?? DEFAULTS.border.color };
    }
    if (Object.keys(edges).length > 0) target.borders = edges;
  }
}

function importConditionalFormats(ws: ExcelJS.Worksheet, sheet: FakeSheet): void {
  const rules: { priority: number; cf: FakeConditionalFormat }[] = [];
  let id = 1;
  for (const cf of (ws as unknown as WorksheetInternals).conditionalFormattings ?? []) {
    const areas = cf.ref
      .split(/\s+/)
      .map((a) => parseRectAddress(a))
      .filter((a): a is Rect => a !== null);
    if (areas.length === 0) continue;
    for (const rule of cf.rules) {
      if (rule.type !== "expression" || !rule.formulae?.[0]) continue;
      const style = rule.style;
      const fill =
        style?.fill?.type === "pattern"
          ? hexOf(style.fill.bgColor?.argb ?? style.fill.fgColor?.argb)
          : undefined;
      const formula = String(rule.formulae[0]);
      rules.push({
        priority: rule.priority ?? rules.length + 1,
        cf: {
          id: id++,
          type: "Custom",
          areas,
          anchor: { row: areas[0].r1, col: areas[0].c1 },
          formula: formula.startsWith("=") ? formula : `=${formula}`,
          fill: fill ?? null,
          fontColor: hexOf(style?.font?.color?.argb) ?? null,
          bold: style?.font?.bold ?? null,
          stopIfTrue: false,
        },
      });
    }
  }
  sheet.conditionalFormats = rules.sort((a, b) => a.priority - b.priority).map((r) => r.cf);
}

function unquote(f: string): string {
  return f.startsWith('"') && f.endsWith('"')
    ? f.slice(1, -1).replace(/""/g, '"')
    : `=${f.replace(/^=/, "")}`;
}

function importValidation(v: ExcelJS.DataValidation): FakeDataValidation | null {
  let rule: FakeValidationRule;
  const f = v.formulae ?? [];
  const bound = (x: unknown) => (typeof x === "number" ? x : String(x));
  if (v.type === "list" && f[0] !== undefined)
    rule = { list: { inCellDropDown: true, source: unquote(String(f[0])) } };
  else if ((v.type === "decimal" || v.type === "whole" || v.type === "textLength") && f[0] !== undefined) {
    const operator = OPERATOR_FROM_EXCELJS[v.operator ?? "between"] ?? "Between";
    const basic = {
      operator,
      formula1: bound(f[0]),
      ...(operator === "Between" || operator === "NotBetween" ? { formula2: bound(f[1]) } : {}),
    };
    rule =
      v.type === "decimal"
        ? { decimal: basic }
        : v.type === "whole"
          ? { wholeNumber: basic }
          : { textLength: basic };
  } else if (v.type === "custom" && f[0] !== undefined) rule = { custom: { formula: `=${String(f[0])}` } };
  else return null;
  const style =
    v.errorStyle === "warning" ? "Warning" : v.errorStyle === "information" ? "Information" : "Stop";
  return {
    rule,
    prompt: { showPrompt: v.showInputMessage ?? false, title: v.promptTitle ?? "", message: v.prompt ?? "" },
    errorAlert: {
      showAlert: v.showErrorMessage ?? true,
      style,
      title: v.errorTitle ?? "",
      message: v.error ?? "",
    },
    ignoreBlanks: v.allowBlank ?? true,
  };
}

function importSheet(ws: ExcelJS.Worksheet, sheet: FakeSheet): void {
  sheet.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
  sheet.tabColor = hexOf(ws.properties?.tabColor?.argb) ?? "";
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height !== undefined && row.height !== null) sheet.rowHeights.set(rowNumber - 1, row.height);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const target: FakeCell = { value: null };
      // A merged area's other cells read as its top-left value in ExcelJS; they hold nothing of their own.
      if (!cell.isMerged || cell.master.address === cell.address) importValue(cell, target);
      importStyle(cell, target);
      if (Object.keys(target).length > 1 || target.value !== null) {
        const c = sheet.ensureCell(rowNumber - 1, colNumber - 1);
        Object.assign(c, target);
      }
    });
  });
  (ws.columns ?? []).forEach((col, i) => {
    if (col.width !== undefined) sheet.columnWidths.set(i, columnWidthPoints(col.width));
  });
  for (const ref of ws.model.merges ?? []) {
    const r = parseRectAddress(ref);
    if (r) sheet.merges.push(r);
  }
  const frozen = ws.views?.find((v) => v.state === "frozen") as
    Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (frozen) sheet.freeze = { rows: frozen.ySplit ?? 0, columns: frozen.xSplit ?? 0 };
  importConditionalFormats(ws, sheet);
  const validations = new Map<ExcelJS.DataValidation, FakeDataValidation | null>();
  for (const [address, v] of Object.entries(
    (ws as unknown as WorksheetInternals).dataValidations?.model ?? {},
  )) {
    const r = v && parseRectAddress(address);
    if (!v || !r) continue;
    if (!validations.has(v)) validations.set(v, importValidation(v));
    const fake = validations.get(v);
    if (fake) sheet.setValidation(r.r1, r.c1, fake);
  }
  const ps = ws.pageSetup ?? {};
  const layout = sheet.pageLayout;
  layout.orientation = ps.orientation === "landscape" ? "Landscape" : "Portrait";
  if (ps.paperSize !== undefined) layout.paperSize = PAPER_NAMES[ps.paperSize as number] ?? layout.paperSize;
  layout.centerHorizontally = ps.horizontalCentered === true;
  layout.centerVertically = ps.verticalCentered === true;
  layout.zoom = ps.fitToPage
    ? { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 1 }
    : { scale: ps.scale ?? 100 };
  if (ps.printTitlesRow) {
    const m = /^\$?(\d+):\$?(\d+)$/.exec(ps.printTitlesRow);
    if (m) layout.printTitleRows = `$${m[1]}:$${m[2]}`;
  }
}

/** A fake workbook holding what the ExcelJS workbook holds (formulas are recomputed, not their cached results). */
export function fakeWorkbookFromExcelJs(wb: ExcelJS.Workbook): FakeWorkbook {
  const fake = new FakeWorkbook([]);
  const worksheets = [...wb.worksheets].sort(
    (a, b) =>
      ((a as unknown as { orderNo?: number }).orderNo ?? 0) -
      ((b as unknown as { orderNo?: number }).orderNo ?? 0),
  );
  fake.update(() => {
    for (const ws of worksheets) importSheet(ws, fake.addSheet(ws.name));
    const active = fake.sheets[wb.views?.[0]?.activeTab ?? 0];
    if (active && active.visibility === "Visible") fake.activeSheetId = active.id;
    fake.touch();
  });
  return fake;
}

// ---- export ----

function exportValue(sheet: FakeSheet, row: number, col: number, cell: FakeCell): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    const result = cellValue(sheet, row, col);
    return {
      formula: cell.formula.slice(1),
      result: result === null ? undefined : (result as ExcelJS.CellFormulaValue["result"]),
    };
  }
  const v = cell.value;
  if (v === null) return null;
  return typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
}

function exportStyle(target: ExcelJS.Cell, cell: FakeCell): void {
  if (cell.numberFormat !== undefined) target.numFmt = cell.numberFormat;
  if (cell.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argbOf(cell.fill) } };
  if (cell.font) {
    const f = cell.font;
    target.font = {
      name: f.name ?? DEFAULTS.font.name,
      size: f.size ?? DEFAULTS.font.size,
      ...(f.bold ? { bold: true } : {}),
      ...(f.italic ? { italic: true } : {}),
      ...(f.color ? { color: { argb: argbOf(f.color) } } : {}),
    };
  }
  const horizontal = cell.horizontalAlignment && H_TO_EXCELJS[cell.horizontalAlignment];
  const vertical = cell.verticalAlignment && V_TO_EXCELJS[cell.verticalAlignment];
  if (horizontal || vertical || cell.wrapText)
    target.alignment = {
      ...(horizontal ? { horizontal } : {}),
      ...(vertical ? { vertical } : {}),
      ...(cell.wrapText ? { wrapText: true } : {}),
    };
  if (cell.borders && Object.keys(cell.borders).length > 0) {
    const borders: Partial<ExcelJS.Borders> = {};
    for (const [edge, b] of Object.entries(cell.borders) as [Edge, FakeBorder][])
      borders[edge] = { style: borderToExcelJs(b), color: { argb: argbOf(b.color) } };
    target.border = borders as ExcelJS.Borders;
  }
}

function exportValidation(v: FakeDataValidation): ExcelJS.DataValidation | null {
  const r = v.rule;
  const common = {
    allowBlank: v.ignoreBlanks,
    showInputMessage: v.prompt.showPrompt,
    ...(v.prompt.title ? { promptTitle: v.prompt.title } : {}),
    ...(v.prompt.message ? { prompt: v.prompt.message } : {}),
    showErrorMessage: v.errorAlert.showAlert,
    errorStyle: v.errorAlert.style.toLowerCase(),
    ...(v.errorAlert.title ? { errorTitle: v.errorAlert.title } : {}),
    ...(v.errorAlert.message ? { error: v.errorAlert.message } : {}),
  };
  if (r.list) {
    const src = r.list.source;
    const formula = src.startsWith("=") ? src.slice(1) : `"${src.replace(/"/g, '""')}"`;
    return { type: "list", formulae: [formula], ...common };
  }
  const kinds = [
    ["decimal", "decimal"],
    ["wholeNumber", "whole"],
    ["textLength", "textLength"],
  ] as const;
  for (const [kind, type] of kinds) {
    const b = r[kind];
    if (!b) continue;
    const bound = (x: string | number) => (typeof x === "number" ? x : x.replace(/^=/, ""));
    return {
      type,
      operator: OPERATOR_TO_EXCELJS[b.operator],
      formulae: b.formula2 === undefined ? [bound(b.formula1)] : [bound(b.formula1), bound(b.formula2)],
      ...common,
    };
  }
  if (r.custom) return { type: "custom", formulae: [r.custom.formula.replace(/^=/, "")], ...common };
  return null;
}

function exportSheet(wb: ExcelJS.Workbook, sheet: FakeSheet): void {
  const ws = wb.addWorksheet(sheet.name, {
    state:
      sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible",
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argbOf(sheet.tabColor) } } } : {}),
    views:
      sheet.freeze.rows > 0 || sheet.freeze.columns > 0
        ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
        : [],
  });
  // Merges first: ExcelJS copies the top-left style into the other cells when merging, and each cell's own style
  // is written afterwards.
  for (const m of sheet.merges) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  for (const [row, col, cell] of sheet.storedCells()) {
    const target = ws.getCell(row + 1, col + 1);
    const merged = sheet.mergeAt(row, col);
    if (!merged || (merged.r1 === row && merged.c1 === col)) {
      const value = exportValue(sheet, row, col, cell);
      if (value !== null) target.value = value;
    }
    exportStyle(target, cell);
  }
  for (const [c, w] of sheet.columnWidths) ws.getColumn(c + 1).width = columnWidthChars(w);
  for (const [r, h] of sheet.rowHeights) ws.getRow(r + 1).height = h;
  sheet.conditionalFormats.forEach((cf, i) => {
    if (cf.formula === null) return;
    const first = cf.areas[0];
    const formula = shiftFormula(cf.formula, first.r1 - cf.anchor.row, first.c1 - cf.anchor.col);
    ws.addConditionalFormatting({
      ref: cf.areas.map(rectAddress).join(" "),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [formula.slice(1)],
          style: {
            ...(cf.fill
              ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argbOf(cf.fill) } } }
              : {}),
            ...(cf.fontColor || cf.bold !== null
              ? {
                  font: {
                    ...(cf.fontColor ? { color: { argb: argbOf(cf.fontColor) } } : {}),
                    ...(cf.bold !== null ? { bold: cf.bold } : {}),
                  },
                }
              : {}),
          },
        },
      ],
    });
  });
  const rules = new Map<FakeDataValidation, ExcelJS.DataValidation | null>();
  for (const [row, col, v] of sheet.validatedCells()) {
    if (!rules.has(v)) rules.set(v, exportValidation(v));
    const rule = rules.get(v);
    if (rule) ws.getCell(row + 1, col + 1).dataValidation = rule;
  }
  const layout = sheet.pageLayout;
  const fit = layout.zoom.horizontalFitToPages !== undefined || layout.zoom.verticalFitToPages !== undefined;
  const rows = layout.printTitleRows && /^\$?(\d+):\$?(\d+)$/.exec(layout.printTitleRows);
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
    paperSize: (PAPER_CODES[layout.paperSize] ?? 9) as ExcelJS.PaperSize,
    horizontalCentered: layout.centerHorizontally,
    verticalCentered: layout.centerVertically,
    fitToPage: fit,
    ...(fit
      ? {
          fitToWidth: layout.zoom.horizontalFitToPages ?? 0,
          fitToHeight: layout.zoom.verticalFitToPages ?? 0,
        }
      : { scale: layout.zoom.scale ?? 100 }),
    ...(rows ? { printTitlesRow: `${rows[1]}:${rows[2]}` } : {}),
  };
}

/**
 * A new ExcelJS workbook holding the fake one: formulas carry their computed results (and Excel recalculates on
 * open). `lib` is the ExcelJS module, e.g. `(await import("exceljs")).default`.
 */
export function excelJsFromFakeWorkbook(
  fake: FakeWorkbook,
  lib: Pick<typeof ExcelJS, "Workbook">,
): ExcelJS.Workbook {
  const wb = new lib.Workbook();
  wb.creator = "目标分解助手";
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of fake.sheets) exportSheet(wb, sheet);
  const active = Math.max(
    0,
    fake.sheets.findIndex((s) => s.id === fake.activeSheet?.id),
  );
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" },
  ];
  return wb;
}
