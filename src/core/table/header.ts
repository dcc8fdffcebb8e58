// Where a table's header is and what each of its columns says. A candidate is a corner cell that names the
// label axis (指标名称 over indicators, 镇(街道) over units) or, without one, a header row holding a total, or a
// column of unit names; the header then spans one to three rows (merged town names over 确保 | 力争, a year
// over the towns), and each column's header is the path of its cells down those rows.
import { cellText, type Grid } from "../grid";
import { readMeasurePart } from "./measure";
import type { Orientation } from "./types";
import {
  headerKey,
  INDICATOR_LABEL,
  INDICATOR_LABEL_LOOSE,
  looksLikeUnitName,
  MEASURE_UNIT_LINE,
  META_WORD,
  NOTE_LINE,
  subtotalGroup,
  TOTAL_WORD,
  UNIT_LABEL,
} from "./vocabulary";

/** Header rows are looked for in the first rows only (titles and 填报单位 lines stand above them). */
export const HEADER_SCAN_ROWS = 30;
/** Unit names in a column without a corner word are looked for this far down. */
const UNIT_SCAN_ROWS = 200;

export interface Candidate {
  /** 0-based row of the corner cell. */
  row: number;
  /** 0-based column holding the labels (indicator names or unit names). */
  col: number;
  orientation: Orientation;
  /** The corner cell's words. */
  label: string;
  /** Found without a corner word (a total among headers, a column of place names): a guess, never reported. */
  guess?: boolean;
}

export const keyAt = (grid: Grid, r: number, c: number): string =>
  headerKey(cellText(grid.rows[r]?.[c] ?? null));

function rowKeys(grid: Grid, r: number): string[] {
  return (grid.rows[r] ?? []).map((v) => headerKey(cellText(v ?? null)));
}

/** The leftmost column under row r holding text labels that are not numbering or categories. */
function firstLabelColumn(grid: Grid, r: number, keys: string[]): number {
  for (let c = 0; c < Math.min(keys.length, 6); c++) {
    if (META_WORD.test(keys[c]) || TOTAL_WORD.test(keys[c])) continue;
    let texts = 0;
    for (let i = r + 1; i < Math.min(grid.rows.length, r + 8); i++) {
      const v = grid.rows[i]?.[c];
      if (typeof v === "string" && v.trim() !== "" && !/^\d+$/.test(v.trim())) texts++;
    }
    if (texts >= 2) return c;
  }
  return -1;
}

/** A row's text cells as compared; numbers and blanks are "" (no header word is a number). */
function textKeys(grid: Grid, r: number): string[] {
  const cells = grid.rows[r] ?? [];
  const keys = new Array<string>(cells.length);
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    keys[c] = typeof v === "string" ? headerKey(v) : "";
  }
  return keys;
}

/**
 * Candidate corners, best first: corner words in row order, then the fallbacks. Lazy: the first candidate
 * usually reads, and a province-sized sheet should not have its first rows keyed more than once.
 */
export function* findCandidates(grid: Grid): Generator<Candidate> {
  const fallbacks: Candidate[] = [];
  const limit = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const keys = textKeys(grid, r);
    // An exact corner word first, then a unit corner (镇(街道)), and only then a cell merely containing 指标: in a
    // towns-as-rows header, "指标12(亿元)" is an indicator column, not the corner.
    let c = keys.findIndex((k) => INDICATOR_LABEL.test(k));
    if (c >= 0) {
      yield { row: r, col: c, orientation: "indicator-rows", label: keys[c] };
      continue;
    }
    c = keys.findIndex((k) => UNIT_LABEL.test(k));
    if (c >= 0) {
      yield { row: r, col: c, orientation: "unit-rows", label: keys[c] };
      continue;
    }
    c = keys.findIndex(
      (k) => k.length <= 10 && INDICATOR_LABEL_LOOSE.test(k) && !META_WORD.test(k) && !/[::]|\(.+\)$/.test(k),
    );
    if (c >= 0) {
      yield { row: r, col: c, orientation: "indicator-rows", label: keys[c] };
      continue;
    }
    const textOnly = (grid.rows[r] ?? []).every((v) => typeof v !== "number" || (v >= 1990 && v <= 2100));
    if (textOnly && keys.some((k) => TOTAL_WORD.test(k))) {
      const labelCol = firstLabelColumn(grid, r, keys);
      if (labelCol >= 0)
        fallbacks.push({
          row: r,
          col: labelCol,
          orientation: "indicator-rows",
          label: keys[labelCol],
          guess: true,
        });
    }
  }
  yield* fallbacks;
  // Units as rows without a corner word: a column of unit names (or 合计) under a header row.
  for (let c = 0; c < 4; c++) {
    let first = -1;
    let names = 0;
    let totals = 0;
    for (let r = 0; r < Math.min(grid.rows.length, UNIT_SCAN_ROWS); r++) {
      const k = keyAt(grid, r, c);
      const total = TOTAL_WORD.test(k);
      if (total) totals++;
      else if (looksLikeUnitName(k)) names++;
      else continue;
      if (first < 0) first = r;
    }
    if (names < 2 || totals > 2 || first < 1) continue;
    let header = first - 1;
    while (
      header >= 0 &&
      !(grid.rows[header] ?? []).some((v, i) => i > c && cellText(v ?? null).trim() !== "")
    )
      header--;
    if (header >= 0)
      yield { row: header, col: c, orientation: "unit-rows", label: keyAt(grid, header, c), guess: true };
  }
}

/** A row that continues the header: text only, and words a header holds (measures, totals, unit names). */
function isHeaderRow(grid: Grid, r: number, labelCol: number, above: boolean): boolean {
  const cells = grid.rows[r] ?? [];
  const distinct = new Set<string>();
  let signal = false;
  for (let c = 0; c < cells.length; c++) {
    if (c === labelCol) continue;
    const v = cells[c];
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "string") return false;
    const k = headerKey(v);
    if (k === "") continue;
    if (NOTE_LINE.test(k) || MEASURE_UNIT_LINE.test(k)) return false;
    distinct.add(k);
    if (readMeasurePart(k) || TOTAL_WORD.test(k) || subtotalGroup(k) !== null || looksLikeUnitName(k))
      signal = true;
  }
  return distinct.size > 0 && (signal || (above && distinct.size >= 2));
}

export interface HeaderBlock {
  top: number;
  bottom: number;
  /** Per column, the distinct words of its header cells from top to bottom. */
  paths: string[][];
}

export function headerBlock(grid: Grid, cand: Candidate): HeaderBlock {
  let top = cand.row;
  let bottom = cand.row;
  const sameOrEmpty = (r: number) => {
    const k = keyAt(grid, r, cand.col);
    return k === "" || k === cand.label;
  };
  while (
    bottom - top < 2 &&
    bottom + 1 < grid.rows.length &&
    sameOrEmpty(bottom + 1) &&
    isHeaderRow(grid, bottom + 1, cand.col, false)
  )
    bottom++;
  while (bottom - top < 2 && top > 0 && sameOrEmpty(top - 1) && isHeaderRow(grid, top - 1, cand.col, true))
    top--;
  const rows: string[][] = [];
  let width = 0;
  for (let r = top; r <= bottom; r++) {
    rows.push(rowKeys(grid, r));
    width = Math.max(width, rows[rows.length - 1].length);
  }
  // A group header written once over several columns without a merge (a typed sheet, a table from text):
  // it stands for the columns to its right that have their own cell below it and nothing above.
  for (let i = 0; i < rows.length - 1; i++)
    for (let c = 1; c < width; c++)
      if (!rows[i][c] && rows[i + 1][c] && rows[i][c - 1] && rows[i + 1][c - 1] && c !== cand.col)
        rows[i][c] = rows[i][c - 1];
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (const row of rows) {
      const k = row[c] ?? "";
      if (k !== "" && k !== path[path.length - 1]) path.push(k);
    }
    paths.push(path);
  }
  return { top, bottom, paths };
}
