// A1 addresses and rectangles of cells, 0-based inside the fake. Office.js speaks A1 ("Sheet1!A1:C3"); the
// model stores rectangles, so every conversion between the two lives here.
import { columnLetter, columnNumber } from "../../core/layout/a1";

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, corners inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function rect(r1: number, c1: number, r2 = r1, c2 = c1): Rect {
  return { r1, c1, r2, c2 };
}

export const rowCountOf = (r: Rect): number => r.r2 - r.r1 + 1;
export const columnCountOf = (r: Rect): number => r.c2 - r.c1 + 1;
export const areaOf = (r: Rect): number => rowCountOf(r) * columnCountOf(r);

export function inGrid(r: Rect): boolean {
  return r.r1 >= 0 && r.c1 >= 0 && r.r2 < MAX_ROWS && r.c2 < MAX_COLUMNS && r.r1 <= r.r2 && r.c1 <= r.c2;
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return {
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
    r2: Math.min(a.r2, b.r2),
    c2: Math.min(a.c2, b.c2),
  };
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;
}

/** `a` minus `b` as at most four rectangles (bands above and below, then the sides). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const cut = intersection(a, b);
  if (!cut) return [a];
  const out: Rect[] = [];
  if (a.r1 < cut.r1) out.push({ r1: a.r1, c1: a.c1, r2: cut.r1 - 1, c2: a.c2 });
  if (cut.r2 < a.r2) out.push({ r1: cut.r2 + 1, c1: a.c1, r2: a.r2, c2: a.c2 });
  if (a.c1 < cut.c1) out.push({ r1: cut.r1, c1: a.c1, r2: cut.r2, c2: cut.c1 - 1 });
  if (cut.c2 < a.c2) out.push({ r1: cut.r1, c1: cut.c2 + 1, r2: cut.r2, c2: a.c2 });
  return out;
}

/** 0-based column → "A". */
export const columnName = (col: number): string => columnLetter(col + 1);

/** 0-based (row, col) → "B3". */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "B3" for a single cell, "B3:D5" otherwise, "2:4" for whole rows, "B:D" for whole columns (as Range.address). */
export function rectAddress(r: Rect): string {
  if (r.c1 === 0 && r.c2 === MAX_COLUMNS - 1) return `${r.r1 + 1}:${r.r2 + 1}`;
  if (r.r1 === 0 && r.r2 === MAX_ROWS - 1) return `${columnName(r.c1)}:${columnName(r.c2)}`;
  const a = cellAddress(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${cellAddress(r.r2, r.c2)}`;
}

export interface CellRef {
  row: number;
  col: number;
  rowAbsolute: boolean;
  colAbsolute: boolean;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;

/** "$B$3" → 0-based row and column with their "$" anchors; null when not a cell reference inside the grid. */
export function parseCellRef(text: string): CellRef | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const col = columnNumber(m[2].toUpperCase()) - 1;
  const row = Number(m[4]) - 1;
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS) return null;
  return { row, col, rowAbsolute: m[3] === "$", colAbsolute: m[1] === "$" };
}

/** "A1", "$A$1:C3" or "c3:a1" → the normalised rectangle; null when malformed or outside the grid. */
export function parseRectAddress(text: string): Rect | null {
  const parts = text.trim().split(":");
  if (parts.length > 2) return null;
  const a = parseCellRef(parts[0]);
  const b = parts.length === 2 ? parseCellRef(parts[1]) : a;
  if (!a || !b) return null;
  return {
    r1: Math.min(a.row, b.row),
    c1: Math.min(a.col, b.col),
    r2: Math.max(a.row, b.row),
    c2: Math.max(a.col, b.col),
  };
}

/** "1:3" or "$1:$3" (whole rows, as print titles use) → 0-based first and last row. */
export function parseRowSpan(text: string): { r1: number; r2: number } | null {
  const m = /^\$?(\d{1,7})(?::\$?(\d{1,7}))?$/.exec(text.trim());
  if (!m) return null;
  const a = Number(m[1]) - 1;
  const b = m[2] === undefined ? a : Number(m[2]) - 1;
  if (a < 0 || b < 0 || a >= MAX_ROWS || b >= MAX_ROWS) return null;
  return { r1: Math.min(a, b), r2: Math.max(a, b) };
}

/** Does a sheet name look like a cell reference ("A1", "XFD100") or an R1C1 one ("R1C1", "R", "C")? */
function looksLikeReference(name: string): boolean {
  if (parseCellRef(name)) return true;
  return /^(R\d*C?\d*|C\d*)$/i.test(name);
}

/**
 * A sheet name as it appears in an address. Excel quotes a name unless it is made only of letters (any script:
 * 指标体系 stays bare), digits, "_" and ".", does not start with a digit, and cannot be read as a reference.
 * Quotes inside are doubled: 'Bob''s'!A1.
 */
export function quoteSheetName(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !looksLikeReference(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(r)}`;
}

/** "'My Sheet'!A1:B2" → { sheet: "My Sheet", ref: "A1:B2" }; without "!" the sheet is undefined. */
export function splitSheetPrefix(address: string): { sheet?: string; ref: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
    if (m) return { sheet: m[1].replace(/''/g, "'"), ref: m[2] };
    return { ref: text };
  }
  const bang = text.lastIndexOf("!");
  return bang < 0 ? { ref: text } : { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}
