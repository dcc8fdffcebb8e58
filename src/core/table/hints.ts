// 表格识别: how the clerk said a sheet's table is to be read, when the finder could not decide (a header without
// the usual words, a total under another name). Kept in the workbook itself, on a hidden sheet 表格识别 — one row a
// sheet — so the reading survives a reload and travels with the file; nothing leaves the workbook.
import { cellText, type Grid } from "../grid";
import { columnLetter, columnNumber } from "../layout/a1";
import { SheetBuilder } from "../layout/builder";
import { HEADER_STYLE } from "../layout/look";
import type { SheetSpec } from "../layout/sheetSpec";
import type { Orientation } from "./types";

export const HINT_SHEET = "表格识别";

/** The clerk's reading of one sheet's table. */
export interface TableHint {
  /** 0-based row of the header's corner cell. */
  headerRow: number;
  /** 0-based column of the labels (indicator names, or unit names when units are rows). */
  labelCol: number;
  orientation: Orientation;
  /** 0-based column (indicators as rows) or row (units as rows) of the total, when its header is no total word. */
  totalLine?: number;
}

export type TableHints = Record<string, TableHint>;

const HEADER = ["工作表", "表头行", "名称列", "方向", "合计所在列或行"];
const ORIENTATION_WORD: Record<Orientation, string> = {
  "indicator-rows": "指标为行",
  "unit-rows": "单位为行",
};

/** A total's place as the clerk writes it: a column letter when indicators are rows, else a row number. */
export function lineText(orientation: Orientation, line: number): string {
  return orientation === "indicator-rows" ? columnLetter(line + 1) : String(line + 1);
}

/** "K" / "12" → a 0-based line; null when the text is neither (or empty). */
export function parseLine(orientation: Orientation, text: string): number | null {
  const t = text.trim().toUpperCase();
  if (orientation === "indicator-rows") return /^[A-Z]{1,3}$/.test(t) ? columnNumber(t) - 1 : null;
  return /^\d{1,7}$/.test(t) && Number(t) >= 1 ? Number(t) - 1 : null;
}

/** The hints kept on the 表格识别 sheet; rows that do not read are skipped. */
export function hintsFromGrid(grid: Grid | undefined): TableHints {
  const hints: TableHints = {};
  if (!grid) return hints;
  for (const row of grid.rows.slice(1)) {
    const [sheet, header, label, way, total] = [0, 1, 2, 3, 4].map((c) => cellText(row?.[c] ?? null).trim());
    const orientation = (Object.keys(ORIENTATION_WORD) as Orientation[]).find(
      (o) => ORIENTATION_WORD[o] === way || o === way,
    );
    const headerRow = Number(header) - 1;
    const labelCol = parseLine("indicator-rows", label);
    if (!sheet || !orientation || !Number.isInteger(headerRow) || headerRow < 0 || labelCol === null)
      continue;
    const totalLine = total ? parseLine(orientation, total) : null;
    hints[sheet] = { headerRow, labelCol, orientation, ...(totalLine !== null ? { totalLine } : {}) };
  }
  return hints;
}

/** The hidden 表格识别 sheet holding `hints`. */
export function hintSheet(hints: TableHints): SheetSpec {
  const b = new SheetBuilder(HINT_SHEET);
  b.setRow(1, 1, HEADER).style(1, 1, 1, HEADER.length, HEADER_STYLE);
  Object.entries(hints).forEach(([sheet, h], i) =>
    b.setRow(i + 2, 1, [
      sheet,
      h.headerRow + 1,
      columnLetter(h.labelCol + 1),
      ORIENTATION_WORD[h.orientation],
      h.totalLine === undefined ? "" : lineText(h.orientation, h.totalLine),
    ]),
  );
  b.spec.columnWidths = [24, 8, 8, 10, 14];
  b.spec.visibility = "hidden";
  return b.spec;
}
