// Formula results for the workbook: computed lazily when read (by `values`, the grid, a conditional format),
// remembered until the workbook changes, with a guard that turns a circular reference into #REF!.
import { parseCached, FormulaSyntaxError } from "./formula/parse";
import { evaluateCellFormula, Evaluator, type FormulaHost } from "./formula/evaluate";
import { isError, toBoolean, type Scalar } from "./formula/values";
import type { Rect } from "./a1";
import { hasContent, type FakeCell, type FakeSheet, type FakeWorkbook } from "./model";

/** The error a cell shows when its formula depends on itself (Excel shows 0 and a warning; #REF! is visible). */
export const CIRCULAR_ERROR = "#REF!";

interface Cache {
  revision: number;
  values: Map<FakeCell, Scalar>;
  inProgress: Set<FakeCell>;
}

const caches = new WeakMap<FakeWorkbook, Cache>();

function cacheOf(wb: FakeWorkbook): Cache {
  let c = caches.get(wb);
  if (!c || c.revision !== wb.revision) {
    c = { revision: wb.revision, values: new Map(), inProgress: new Set() };
    caches.set(wb, c);
  }
  return c;
}

function hostOf(wb: FakeWorkbook): FormulaHost {
  return {
    sheetByName: (name) => wb.getSheet(name),
    valueAt: (sheet, row, col) => cellValue(sheet as FakeSheet, row, col),
    contentOf: (sheet, area) => contentOf(sheet as FakeSheet, area),
  };
}

function* contentOf(sheet: FakeSheet, area: Rect): Generator<Scalar> {
  for (const [row, col, cell] of sheet.storedCells(area))
    if (hasContent(cell)) yield cellValue(sheet, row, col);
}

/** The value a cell shows: its constant, or its formula's result; null when empty. */
export function cellValue(sheet: FakeSheet, row: number, col: number): Scalar {
  const cell = sheet.cell(row, col);
  if (!cell) return null;
  if (cell.formula === undefined) return cell.value;
  const cache = cacheOf(sheet.workbook);
  const hit = cache.values.get(cell);
  if (hit !== undefined) return hit;
  if (cache.inProgress.has(cell)) return { error: CIRCULAR_ERROR };
  cache.inProgress.add(cell);
  let result: Scalar;
  try {
    const node = parseCached(cell.formula);
    result =
      node instanceof FormulaSyntaxError
        ? { error: "#NAME?" }
        : evaluateCellFormula(node, hostOf(sheet.workbook), { sheet, row, col, dRow: 0, dCol: 0 });
  } finally {
    cache.inProgress.delete(cell);
  }
  cache.values.set(cell, result);
  return result;
}

/**
 * Whether `formula` (written for the cell anchorRow, anchorCol) holds for the cell (row, col): relative references
 * move with the cell, "$" anchors stay. Errors and text count as false, as in Excel's conditional formats.
 */
export function formulaHoldsAt(
  sheet: FakeSheet,
  formula: string,
  anchor: { row: number; col: number },
  row: number,
  col: number,
): boolean {
  const node = parseCached(formula);
  if (node instanceof FormulaSyntaxError) return false;
  const ev = new Evaluator(hostOf(sheet.workbook), {
    sheet,
    row,
    col,
    dRow: row - anchor.row,
    dCol: col - anchor.col,
  });
  const v = ev.toScalar(ev.eval(node, false));
  if (isError(v) || typeof v === "string") return false;
  const b = toBoolean(v);
  return b === true;
}
