// Tables of a plan document in its text form: one row a line, cells separated by "|".
// Merged cells leave traces the parser undoes: a cell merged from the row above is missing from the row (the
// renderer pads the row with an empty cell at its end), and one cell standing for several columns appears once.
import { removeWrapSpaces } from "../text";

export interface TextTable {
  /** "附件1" when the table stands under such a line, else "". */
  label: string;
  /** The non-table lines just above the header, joined ("…(2023-2027年)职责分工"). */
  title: string;
  header: string[];
  /** Raw rows: cells with wrap spaces removed, trailing padding cells dropped. */
  rows: string[][];
  /** 1-based line number of the header in the document, for messages. */
  line: number;
}

const ATTACHMENT_LINE = /^附件\s*(\d+)\s*$/;

function splitCells(line: string): string[] {
  const cells = line.split("|").map((c) => removeWrapSpaces(c));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/** Finds every block of consecutive "|" lines, with the 附件 label and title lines above it. */
export function findTextTables(document: string): TextTable[] {
  const lines = document.split(/\r?\n/);
  const tables: TextTable[] = [];
  let label = "";
  let titleLines: string[] = [];
  let current: TextTable | null = null;
  lines.forEach((line, i) => {
    const isRow = line.includes("|");
    if (isRow) {
      if (!current) {
        current = {
          label,
          title: titleLines.join(""),
          header: splitCells(line).map((h) => h.replace(/\s+/g, "")),
          rows: [],
          line: i + 1,
        };
        tables.push(current);
      } else {
        const cells = splitCells(line);
        if (cells.length > 0) current.rows.push(cells);
      }
      return;
    }
    current = null;
    const trimmed = line.trim();
    const m = ATTACHMENT_LINE.exec(trimmed);
    if (m) {
      label = `附件${m[1]}`;
      titleLines = [];
    } else if (trimmed === "") {
      titleLines = [];
    } else {
      // Keep only short lines right above a table as its title: a heading, not a paragraph.
      titleLines = trimmed.length <= 80 ? [...titleLines, removeWrapSpaces(trimmed)].slice(-3) : [];
    }
  });
  return tables;
}

/** What a column of a table holds, which decides how a short row is aligned to the header. */
export type ColumnRole =
  | "key" // 序号
  | "inherit" // may be merged down from the row above (一级指标, 重点任务)
  | "text" // always present (指标名称, 具体内容)
  | "value" // a run of value columns; one cell may stand for the whole run
  | "units"; // 责任单位

export interface AlignedRow {
  /** One entry per header column; undefined where the cell is merged from the row above. */
  cells: (string | undefined)[];
  /** The value run was written as a single merged cell. */
  mergedValues: boolean;
}

/** How much a cell reads like a target value rather than a name. */
function valueLikeness(cell: string): number {
  if (/^[-－—/]$/.test(cell)) return 2;
  if (/^[约]?[+-]?\d[\d,.]*\s*(%|[\u4e00-\u9fff/]{0,6})?(以上|以内|以下|左右)?$/.test(cell)) return 2;
  if (/另行下达|待定|完成.*任务/.test(cell)) return 1;
  return -1;
}

/**
 * Aligns a row's cells to the header columns. Tries every combination of merged-down "inherit" cells and a merged
 * value run whose cell count matches the row, and keeps the one whose value cells read most like values.
 * Returns null when no combination fits.
 */
export function alignRow(cells: string[], roles: ColumnRole[]): AlignedRow | null {
  const inheritCols = roles.flatMap((r, i) => (r === "inherit" ? [i] : []));
  const valueCols = roles.flatMap((r, i) => (r === "value" ? [i] : []));
  let best: { row: AlignedRow; score: number } | null = null;
  for (let mask = 0; mask < 1 << inheritCols.length; mask++) {
    const missing = new Set(inheritCols.filter((_, k) => mask & (1 << k)));
    for (const merged of valueCols.length > 1 ? [false, true] : [false]) {
      const out: (string | undefined)[] = [];
      let next = 0;
      let score = -missing.size * 0.5 - (merged ? 0.5 : 0);
      for (let col = 0; col < roles.length; col++) {
        if (missing.has(col)) {
          out.push(undefined);
          continue;
        }
        if (merged && roles[col] === "value" && col !== valueCols[0]) {
          out.push(out[valueCols[0]]);
          continue;
        }
        if (next >= cells.length) {
          // Trailing columns may be empty (an unfilled 责任单位).
          out.push("");
          score -= 1;
          continue;
        }
        const cell = cells[next++];
        if (roles[col] === "value") score += valueLikeness(cell);
        else if (roles[col] !== "key" && valueLikeness(cell) === 2 && cell !== "") score -= 3;
        out.push(cell);
      }
      if (next !== cells.length) continue;
      if (!best || score > best.score) best = { row: { cells: out, mergedValues: merged }, score };
    }
  }
  return best ? best.row : null;
}

/** Fills cells merged from above with the value of the row above. */
export function inheritMerged(rows: AlignedRow[]): string[][] {
  const filled: string[][] = [];
  rows.forEach((row, r) => {
    filled.push(row.cells.map((c, col) => (c === undefined ? (filled[r - 1]?.[col] ?? "") : c)));
  });
  return filled;
}
