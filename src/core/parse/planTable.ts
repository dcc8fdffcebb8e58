// A plan table with its structure known: one entry per header column in every row, with the merges stated.
// The text form gets there by aligning short rows (textTable.ts), a .docx from its real merges (docx/), a sheet
// from its merged ranges (sheetTables.ts); the indicator, task and breakdown parsers (planTables.ts) read only this.
import { INDICATOR_LABEL, INDICATOR_LABEL_LOOSE, RESPONSIBLE_LABEL, TOTAL_WORD } from "../table/vocabulary";
import { toHalfWidth } from "../text";

export interface TableRow {
  /** One entry per header column; undefined where the cell is merged from the row above (a vertical merge). */
  cells: (string | undefined)[];
  /** Columns covered by the cell to their left (a horizontal merge); they repeat its text in `cells`. */
  spanned: boolean[];
  /** 1-based line (text form, rendered text of a .docx) or row (sheet) of the row, for messages. */
  line: number;
}

export interface PlanTable {
  /** "附件1" when the table stands under such a line, else "". */
  label: string;
  /** The short lines just above the table, joined ("…(2023-2027年)职责分工"). */
  title: string;
  /** Column headers, spaces removed. */
  header: string[];
  rows: TableRow[];
  /** 1-based line (or row) of the header, for messages. */
  line: number;
}

export type TableKind = "indicators" | "tasks" | "breakdown";

export const YEAR_HEADER = /^(\d{4})年?$/;
export const TOTAL_HEADER = TOTAL_WORD;
export const UNITS_HEADER = RESPONSIBLE_LABEL;
export const TASK_HEADER = /重点任务|具体内容|主要任务|工作任务/;

/** The indicator-name column. 二级指标 / 指标名称 anywhere in the cell ("指标名称(单位)") as the plan parsers always took. */
export function isNameHeader(cell: string): boolean {
  return INDICATOR_LABEL.test(cell) || /二级指标|指标名称/.test(cell);
}

/** A header cell as compared: half-width, no spaces ("序 号" → "序号"). */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, "");
}

export function classify(header: string[]): TableKind | null {
  if (header.some((c) => TASK_HEADER.test(c))) return "tasks";
  if (header.some((c) => TOTAL_HEADER.test(c))) return "breakdown";
  if (header.some((c) => YEAR_HEADER.test(c)) && header.some((c) => INDICATOR_LABEL_LOOSE.test(c)))
    return "indicators";
  return null;
}

/** A row that is one cell across the whole table: a section heading ("(一)着力…"), not data. */
export function isFullWidth(row: TableRow): boolean {
  return row.spanned.length > 1 && row.spanned.slice(1).every((s) => s);
}

/** A header row repeated inside the table (a table continued on the next page): not data. */
export function isRepeatedHeader(row: TableRow, header: string[]): boolean {
  return row.cells.every((c, i) => normalizeHeader(c ?? "") === header[i]);
}

/** Fills cells merged from above with the row above's text (within the rows given). */
export function inheritMerged(rows: TableRow[]): string[][] {
  const filled: string[][] = [];
  rows.forEach((row, r) => {
    filled.push(row.cells.map((c, col) => (c === undefined ? (filled[r - 1]?.[col] ?? "") : c)));
  });
  return filled;
}

/** A row of plain cells, nothing merged. */
export function plainRow(cells: string[], line: number): TableRow {
  return { cells, spanned: cells.map(() => false), line };
}
