// Tables of a plan document in its text form: one row a line, cells separated by "|".
// Merged cells leave traces the parser undoes: a cell merged from the row above is missing from the row (the
// renderer pads the row with an empty cell at its end), and one cell standing for several columns appears once.
import { message, said, type Message } from "../messages/message";
import { LimitError, limitReason, READER_LIMITS } from "../read/limits";
import { removeWrapSpaces } from "../text";
import { CaptionTracker } from "./caption";
import {
  classify,
  isNameHeader,
  normalizeHeader,
  type PlanTable,
  type TableKind,
  type TableRow,
  UNITS_HEADER,
  YEAR_HEADER,
} from "./planTable";

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

function splitCells(line: string): string[] {
  const cells = line.split("|").map((c) => removeWrapSpaces(c));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/** Finds every block of consecutive "|" lines, with the 附件 label and title lines above it. */
export function findTextTables(document: string): TextTable[] {
  const lines = document.split(/\r?\n/);
  const tables: TextTable[] = [];
  const caption = new CaptionTracker();
  let current: TextTable | null = null;
  lines.forEach((line, i) => {
    if (!line.includes("|")) {
      current = null;
      caption.line(line);
    } else if (!current) {
      current = {
        label: caption.label,
        title: caption.title,
        header: splitCells(line).map(normalizeHeader),
        rows: [],
        line: i + 1,
      };
      tables.push(current);
    } else {
      const cells = splitCells(line);
      if (cells.length > 0) current.rows.push(cells);
    }
  });
  // A known table's rows are each laid out as wide as its header (structureTextTable): a header of 100,000 "|"
  // over 100,000 short rows would be 10^10 cells from a file of a few hundred KB. They count as a sheet's do.
  let cells = 0;
  for (const t of tables) {
    if (classify(t.header) !== null) cells += t.header.length * t.rows.length;
    if (cells > READER_LIMITS.gridCells) throw new LimitError("gridCells", limitReason.gridCells());
  }
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

/** "完成…任务" within one line, as /完成.*任务/ says, without reading on to the line's end from every 完成. */
function completesTask(cell: string): boolean {
  for (const line of cell.split(/[\n\r\u2028\u2029]/)) {
    const at = line.indexOf("完成");
    if (at >= 0 && line.indexOf("任务", at + 2) >= 0) return true;
  }
  return false;
}

/** How much a cell reads like a target value rather than a name. */
function valueLikeness(cell: string): number {
  if (/^[-－—/]$/.test(cell)) return 2;
  if (/^[约]?[+-]?\d[\d,.]*\s*(%|[\u4e00-\u9fff/]{0,6})?(以上|以内|以下|左右)?$/.test(cell)) return 2;
  if (/另行下达|待定/.test(cell) || completesTask(cell)) return 1;
  return -1;
}

/** Inherit columns whose combinations are tried one by one; with more, alignRowByColumns finds the best. */
const ENUMERATED_INHERIT = 6;
/** In a header with more, the first 64 may be merged from above (a real table has one to three). */
const MERGEABLE_INHERIT = 64;

/**
 * Aligns a row's cells to the header columns. Tries every combination of merged-down "inherit" cells and a merged
 * value run whose cell count matches the row, and keeps the one whose value cells read most like values.
 * Returns null when no combination fits.
 */
export function alignRow(cells: string[], roles: ColumnRole[]): AlignedRow | null {
  const inheritCols = roles.flatMap((r, i) => (r === "inherit" ? [i] : []));
  const valueCols = roles.flatMap((r, i) => (r === "value" ? [i] : []));
  // Each cell read once, not once per combination (2^k of them).
  const like = cells.map(valueLikeness);
  if (inheritCols.length > ENUMERATED_INHERIT)
    return alignRowByColumns(cells, roles, inheritCols, valueCols, like);
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
        const cell = cells[next];
        const likeness = like[next++];
        if (roles[col] === "value") score += likeness;
        else if (roles[col] !== "key" && likeness === 2 && cell !== "") score -= 3;
        out.push(cell);
      }
      if (next !== cells.length) continue;
      if (!best || score > best.score) best = { row: { cells: out, mergedValues: merged }, score };
    }
  }
  return best ? best.row : null;
}

/**
 * alignRow's answer for a header with many inherit columns (一级指标 | 类别 | 重点任务 …, 2^k combinations), found
 * column by column: after each column, for each count of cells used, the best score so far and, of equal
 * scores, the smallest set of merged-down columns (the combination alignRow meets first). Linear in the columns.
 */
function alignRowByColumns(
  cells: string[],
  roles: ColumnRole[],
  inheritCols: number[],
  valueCols: number[],
  like: number[],
): AlignedRow | null {
  const bit = new Map(inheritCols.slice(0, MERGEABLE_INHERIT).map((col, k) => [col, 1n << BigInt(k)]));
  const m = cells.length;
  const gain = (col: number, i: number) =>
    i >= m
      ? -1
      : roles[col] === "value"
        ? like[i]
        : roles[col] !== "key" && like[i] === 2 && cells[i] !== ""
          ? -3
          : 0;
  type State = { score: number; mask: bigint };
  const better = (a: State, b: State | undefined) =>
    !b || a.score > b.score || (a.score === b.score && a.mask < b.mask);
  let best: (State & { merged: boolean }) | null = null;
  for (const merged of valueCols.length > 1 ? [false, true] : [false]) {
    let states = new Map<number, State>([[0, { score: merged ? -0.5 : 0, mask: 0n }]]);
    for (let col = 0; col < roles.length; col++) {
      if (merged && roles[col] === "value" && col !== valueCols[0]) continue; // a copy of the first value
      const b = bit.get(col);
      const after = new Map<number, State>();
      const offer = (next: number, s: State) => {
        if (better(s, after.get(next))) after.set(next, s);
      };
      for (const [next, s] of states) {
        offer(next >= m ? m : next + 1, { score: s.score + gain(col, next), mask: s.mask });
        if (b !== undefined) offer(next, { score: s.score - 0.5, mask: s.mask | b });
      }
      states = after;
    }
    const end = states.get(m);
    if (end && better(end, best ?? undefined)) best = { ...end, merged };
  }
  if (!best) return null;
  const out: (string | undefined)[] = [];
  let next = 0;
  for (let col = 0; col < roles.length; col++) {
    const b = bit.get(col);
    if (b !== undefined && (best.mask & b) !== 0n) out.push(undefined);
    else if (best.merged && roles[col] === "value" && col !== valueCols[0]) out.push(out[valueCols[0]]);
    else out.push(next >= m ? "" : cells[next++]);
  }
  return { cells: out, mergedValues: best.merged };
}

function rolesOf(header: string[], kind: TableKind): ColumnRole[] {
  const nameCol = header.findIndex(isNameHeader);
  return header.map((c, i) => {
    if (/^序号$/.test(c)) return "key";
    if (UNITS_HEADER.test(c)) return "units";
    if (kind === "indicators") {
      if (/一级指标|类别/.test(c)) return "inherit";
      return YEAR_HEADER.test(c) ? "value" : "text";
    }
    if (kind === "tasks") return /重点任务|主要任务/.test(c) ? "inherit" : "text";
    return i > nameCol ? "value" : "text";
  });
}

export interface TextTableIssue {
  line: number;
  message: string;
  msg: Message;
}

/**
 * The text table with its structure restored: each row aligned to the header (cells merged from above become
 * undefined, a value run written once is spread over its columns). A row of one cell is a full-width row (a
 * section heading). Rows that fit no alignment are reported and skipped. Tables of no known kind stay raw.
 */
export function structureTextTable(table: TextTable, issues: TextTableIssue[]): PlanTable {
  const kind = classify(table.header);
  const n = table.header.length;
  const roles = kind ? rolesOf(table.header, kind) : null;
  const valueCols = roles ? roles.flatMap((r, i) => (r === "value" ? [i] : [])) : [];
  const rows: TableRow[] = [];
  table.rows.forEach((cells, index) => {
    const line = table.line + 1 + index;
    if (cells.length === 1 && n > 1) {
      rows.push({
        cells: table.header.map(() => cells[0]),
        spanned: table.header.map((_, i) => i > 0),
        line,
      });
      return;
    }
    const aligned = roles ? alignRow(cells, roles) : { cells, mergedValues: false };
    if (!aligned) {
      const where = { table: table.label || "表格", row: index + 1 };
      issues.push({
        line,
        ...said(message("plan.row_misaligned", { ...where, cells: cells.length, columns: n })),
      });
      return;
    }
    const spanned = aligned.cells.map((_, i) => aligned.mergedValues && valueCols.indexOf(i) > 0);
    rows.push({ cells: aligned.cells, spanned, line });
  });
  return { label: table.label, title: table.title, header: table.header, rows, line: table.line };
}
