// Renders SheetSpecs into the open workbook: one request for the sheet names, one for everything else (more
// only when the cell data passes ~4 MB, which Excel on the web would refuse in one request).
// It never writes into a sheet that holds something unless the caller says "replace": otherwise the sheet is
// created as "名称 (2)".
import { parseRange } from "../core/grid";
import { columnWidthPoints } from "../core/layout/look";
import type { CellStyle, SheetSpec } from "../core/layout/sheetSpec";
import { uniqueSheetName } from "../core/layout/sheetNames";
import { inputMatrix, jsonBytes } from "./cellInput";
import { type ExcelHost, MAX_REQUEST_BYTES, OPTIONAL_FEATURES } from "./host";
import { loadChartsToReplace, queueIconsBarsCharts } from "./writeVisuals";

export type ConflictChoice = "replace" | "rename";

export interface SheetConflict {
  name: string;
  /** The existing sheet holds values: replacing it would lose them. */
  nonEmpty: boolean;
}

export interface WriteResult {
  /** Requested name → the name the sheet got. */
  sheets: { requested: string; written: string; replaced: boolean }[];
  warnings: string[];
}

/** Which of the sheets to be written exist already, and whether they hold anything: 1 or 2 syncs. */
export async function findSheetConflicts(host: ExcelHost, names: string[]): Promise<SheetConflict[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const lower = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
    const existing = names.filter((n) => lower.has(n.toLowerCase()));
    if (existing.length === 0) return [];
    const used = existing.map((n) => {
      const r = lower.get(n.toLowerCase())!.getUsedRangeOrNullObject(true);
      r.load("isNullObject");
      return r;
    });
    await context.sync();
    return existing.map((name, i) => ({ name, nonEmpty: !used[i].isNullObject }));
  });
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

export function applyStyle(range: Excel.Range, s: CellStyle): void {
  const f = range.format;
  if (s.font?.bold !== undefined) f.font.bold = s.font.bold;
  if (s.font?.size !== undefined) f.font.size = s.font.size;
  if (s.font?.name !== undefined) f.font.name = s.font.name;
  if (s.font?.color !== undefined) f.font.color = s.font.color;
  if (s.fill) f.fill.color = s.fill;
  if (s.horizontal) f.horizontalAlignment = HORIZONTAL[s.horizontal];
  if (s.vertical) f.verticalAlignment = VERTICAL[s.vertical];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.border) {
    for (const edge of EDGES) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#808080";
    }
  }
}

/** Number formats are per cell in Excel's API: one matrix for the whole table, built from the spec's styles. */
function numberFormatMatrix(spec: SheetSpec, rows: number, columns: number): string[][] | null {
  const withFormat = spec.styles.filter((s) => s.style.numberFormat);
  if (withFormat.length === 0) return null;
  const m = Array.from({ length: rows }, () => new Array<string>(columns).fill("General"));
  for (const { ref, style } of withFormat) {
    const range = parseRange(ref);
    if (!range) continue;
    const [r1, c1, r2, c2] = range;
    for (let r = r1; r <= Math.min(r2, rows - 1); r++)
      for (let c = c1; c <= Math.min(c2, columns - 1); c++) m[r][c] = style.numberFormat!;
  }
  return m;
}

/** Queues everything of one sheet except its cell values. */
function queueFormatting(
  host: ExcelHost,
  ws: Excel.Worksheet,
  spec: SheetSpec,
  rows: number,
  columns: number,
  warnings: Set<string>,
) {
  const formats = numberFormatMatrix(spec, rows, columns);
  if (formats) ws.getRangeByIndexes(0, 0, rows, columns).numberFormat = formats;
  for (const { ref, style } of spec.styles)
    if (Object.keys(style).some((k) => k !== "numberFormat")) applyStyle(ws.getRange(ref), style);
  for (const ref of spec.merges) ws.getRange(ref).merge(false);
  spec.columnWidths.forEach(
    (w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w)),
  );
  for (const [row, h] of Object.entries(spec.rowHeights))
    ws.getRangeByIndexes(Number(row) - 1, 0, 1, 1).format.rowHeight = h;
  if (spec.freeze) {
    const { rows: fr, columns: fc } = spec.freeze;
    if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr, fc));
    else if (fr > 0) ws.freezePanes.freezeRows(fr);
    else if (fc > 0) ws.freezePanes.freezeColumns(fc);
  }
  for (const cf of spec.conditionalFormats) {
    const rule = ws.getRange(cf.ref).conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
    rule.custom.rule.formula = `=${cf.formula}`;
    rule.custom.format.fill.color = cf.fill;
    if (cf.fontColor) rule.custom.format.font.color = cf.fontColor;
  }
  queueIconsBarsCharts(ws, spec);
  if (spec.validations.length > 0) {
    if (host.supports(OPTIONAL_FEATURES.validation.version)) {
      for (const v of spec.validations) {
        ws.getRange(v.ref).dataValidation.rule =
          v.type === "list"
            ? { list: { inCellDropDown: true, source: v.values.join(",") } }
            : {
                decimal: {
                  formula1: v.min ?? -1e15,
                  formula2: v.max ?? 1e15,
                  operator: "Between" as Excel.DataValidationOperator.between,
                },
              };
      }
    } else warnings.add(OPTIONAL_FEATURES.validation.message);
  }
  // Input cells unlocked, then protection on (no password: it stops slips, not people).
  if (spec.protection) {
    for (const ref of spec.protection.unlocked) ws.getRange(ref).format.protection.locked = false;
    ws.protection.protect();
  }
  if (spec.visibility === "hidden") ws.visibility = "Hidden" as Excel.SheetVisibility.hidden;
  if (spec.visibility === "veryHidden") ws.visibility = "VeryHidden" as Excel.SheetVisibility.veryHidden;
  if (host.supports(OPTIONAL_FEATURES.print.version)) {
    const p = ws.pageLayout;
    p.orientation = spec.print.orientation === "landscape" ? "Landscape" : "Portrait";
    p.paperSize = "A4" as Excel.PaperType.a4;
    if (spec.print.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (spec.print.centerHorizontally) p.centerHorizontally = true;
    if (spec.print.titleRows) p.setPrintTitleRows(`$${spec.print.titleRows.replace(":", ":$")}`);
  } else warnings.add(OPTIONAL_FEATURES.print.message);
}

/**
 * Queues a small sheet (one request's worth of cells) into `ws`, values and formatting, for a caller that has
 * its own batch to join (the 调整记录 written with an allocation's cells). Nothing is synced here.
 */
export function queueSheet(
  host: ExcelHost,
  ws: Excel.Worksheet,
  spec: SheetSpec,
  warnings: Set<string>,
): void {
  const columns = Math.max(1, spec.table.lastColumn, ...spec.rows.map((r) => r.length));
  const rows = Math.max(1, spec.rows.length);
  ws.getRangeByIndexes(0, 0, rows, columns).formulas = inputMatrix(spec.rows, columns);
  queueFormatting(host, ws, spec, rows, columns, warnings);
}

/** Splits the rows of a matrix into pieces whose JSON stays under the request limit. */
function rowChunks<T>(matrix: T[][], limit: number): { start: number; rows: T[][] }[] {
  const chunks: { start: number; rows: T[][] }[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < matrix.length; r++) {
    const b = jsonBytes(matrix[r]) + 1;
    if (r > start && bytes + b > limit) {
      chunks.push({ start, rows: matrix.slice(start, r) });
      start = r;
      bytes = 0;
    }
    bytes += b;
  }
  if (start < matrix.length || chunks.length === 0) chunks.push({ start, rows: matrix.slice(start) });
  return chunks;
}

/**
 * Writes the sheets. `choices` says, for a name that exists already, whether to replace that sheet's contents or
 * to write a new sheet "名称 (2)"; without a choice, an existing sheet is never touched.
 */
export async function writeSheets(
  host: ExcelHost,
  specs: SheetSpec[],
  choices: Record<string, ConflictChoice> = {},
): Promise<WriteResult> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const taken = sheets.items.map((s) => s.name);
    const warnings = new Set<string>();
    const result: WriteResult["sheets"] = [];
    context.workbook.application.suspendApiCalculationUntilNextSync();
    // Cell data first, in pieces under the request limit; formatting goes with the last piece.
    const pending: { ws: Excel.Worksheet; spec: SheetSpec; rows: number; columns: number }[] = [];
    const oldCharts: Excel.ChartCollection[] = [];
    let budget = MAX_REQUEST_BYTES;
    for (const spec of specs) {
      const exists = taken.find((n) => n.toLowerCase() === spec.name.toLowerCase());
      const replace = exists !== undefined && choices[spec.name] === "replace";
      let ws: Excel.Worksheet;
      let written = exists ?? spec.name;
      if (replace) {
        ws = sheets.getItem(exists);
        const all = ws.getRange();
        all.unmerge();
        all.clear("All" as Excel.ClearApplyTo.all);
        all.conditionalFormats.clearAll();
        ws.freezePanes.unfreeze();
        const charts = loadChartsToReplace(ws, spec);
        if (charts) oldCharts.push(charts);
      } else {
        written = uniqueSheetName(spec.name, taken);
        taken.push(written);
        ws = sheets.add(written);
      }
      result.push({ requested: spec.name, written, replaced: replace });
      const columns = Math.max(1, spec.table.lastColumn, ...spec.rows.map((r) => r.length));
      const rows = Math.max(1, spec.rows.length);
      const matrix = inputMatrix(spec.rows, columns);
      for (const chunk of rowChunks(matrix, MAX_REQUEST_BYTES)) {
        const bytes = jsonBytes(chunk.rows);
        if (bytes > budget) {
          await context.sync();
          budget = MAX_REQUEST_BYTES;
        }
        ws.getRangeByIndexes(chunk.start, 0, chunk.rows.length, columns).formulas = chunk.rows;
        budget -= bytes;
      }
      pending.push({ ws, spec, rows, columns });
    }
    // Only when a replaced sheet draws charts: one more sync to learn its old ones, which go before the new.
    if (oldCharts.length > 0) {
      await context.sync();
      for (const charts of oldCharts) for (const c of charts.items) c.delete();
    }
    for (const p of pending) queueFormatting(host, p.ws, p.spec, p.rows, p.columns, warnings);
    // The last sheet written is the one to look at (a plan's town breakdown, a report).
    // (A hidden sheet, such as a template's identity marker, cannot be activated.)
    [...pending]
      .reverse()
      .find((p) => (p.spec.visibility ?? "visible") === "visible")
      ?.ws.activate();
    await context.sync();
    return { sheets: result, warnings: [...warnings] };
  });
}
