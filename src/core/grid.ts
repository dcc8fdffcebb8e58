// A worksheet's values as read from Excel (Office.js `values`) or from an .xlsx file: rows of cells, 0-based.
// Formula cells hold their cached result; error cells hold { error: "#DIV/0!" }.
import { LimitError, limitReason, READER_LIMITS } from "./read/limits";
import { columnLetter, columnNumber } from "./layout/a1";

export interface GridError {
  error: string;
}

export type GridValue = string | number | boolean | null | GridError;

export interface Grid {
  /** Sheet name, for messages. */
  name: string;
  rows: GridValue[][];
  /** Merged ranges (A1), when the source knows them. */
  merges?: string[];
}

export function isGridError(v: GridValue): v is GridError {
  return typeof v === "object" && v !== null && "error" in v;
}

const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** Office.js returns error cells as text ("#DIV/0!"); this turns such text into a GridError. */
export function gridValueFromExcel(v: unknown): GridValue {
  if (typeof v === "string" && ERROR_TEXT.test(v)) return { error: v };
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v === "" ? null : v;
  return null;
}

export function cellText(v: GridValue): string {
  if (v === null) return "";
  if (isGridError(v)) return v.error;
  return String(v);
}

/** "B3:D5" → 0-based [row1, col1, row2, col2]. */
export function parseRange(ref: string): [number, number, number, number] | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const col = (s: string) => columnNumber(s) - 1;
  const r1 = Number(m[2]) - 1;
  const c1 = col(m[1]);
  return m[3] ? [r1, c1, Number(m[4]) - 1, col(m[3])] : [r1, c1, r1, c1];
}

/**
 * A merged cell stands for every cell it covers ("待…另行下达" across all towns, a 一级指标 over its rows):
 * the grid gets the top-left value in each covered cell. Rows are copied before they change; the input is kept.
 */
export function expandMerges(grid: Grid): Grid {
  if (!grid.merges || grid.merges.length === 0) return grid;
  const rows = grid.rows.slice();
  const copied = new Set<number>();
  // A merge is cut to the cells the sheet uses (a file may merge A1:XFD1048576), and all merges together may
  // fill no more cells than a sheet may hold: overlapping giant merges would otherwise fill billions.
  let width = 0;
  for (const row of rows) if (row && row.length > width) width = row.length;
  let filled = 0;
  for (const ref of grid.merges) {
    const range = parseRange(ref);
    if (!range) continue;
    const [r1, c1] = range;
    const r2 = Math.min(range[2], rows.length - 1);
    const c2 = Math.min(range[3], width - 1);
    const value = rows[r1]?.[c1] ?? null;
    if (value === null || r2 < r1 || c2 < c1) continue;
    filled += (r2 - r1 + 1) * (c2 - c1 + 1);
    if (filled > READER_LIMITS.gridCells)
      throw new LimitError("gridCells", limitReason.mergeArea(), { sheet: grid.name });
    for (let r = r1; r <= r2; r++) {
      if (!copied.has(r)) {
        rows[r] = (rows[r] ?? []).slice();
        copied.add(r);
      }
      for (let c = c1; c <= c2; c++) if (rows[r][c] === null || rows[r][c] === undefined) rows[r][c] = value;
      for (let c = 0; c < c1; c++) if (rows[r][c] === undefined) rows[r][c] = null;
    }
  }
  return { ...grid, rows, merges: [] };
}

/** Merged ranges moved to a grid of `rows` × `cols` that starts at (rowOffset, colOffset), cut to fit inside it. */
export function shiftMerges(
  merges: string[],
  rowOffset: number,
  colOffset: number,
  rows: number,
  cols: number,
): string[] {
  const out: string[] = [];
  for (const ref of merges) {
    const r = parseRange(ref);
    if (!r) continue;
    const [r1, c1] = [Math.max(r[0] - rowOffset, 0), Math.max(r[1] - colOffset, 0)];
    const [r2, c2] = [Math.min(r[2] - rowOffset, rows - 1), Math.min(r[3] - colOffset, cols - 1)];
    if (r2 < r1 || c2 < c1) continue;
    out.push(`${columnLetter(c1 + 1)}${r1 + 1}:${columnLetter(c2 + 1)}${r2 + 1}`);
  }
  return out;
}

/** The part of a sheet's grid inside `ref` ("B3:H20"), as if that range were the whole sheet (a selection). */
export function cropGrid(grid: Grid, ref: string): Grid | null {
  const range = parseRange(ref);
  if (!range) return null;
  const [r1, c1, r2, c2] = range;
  const rows = grid.rows.slice(r1, r2 + 1).map((row) => {
    const cells = row.slice(c1, c2 + 1);
    while (cells.length < c2 - c1 + 1) cells.push(null);
    return cells;
  });
  return { name: grid.name, rows, merges: shiftMerges(grid.merges ?? [], r1, c1, r2 - r1 + 1, c2 - c1 + 1) };
}
