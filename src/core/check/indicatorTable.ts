// Finds an indicator system (附件1 style: indicators as rows, years as columns) on a sheet, for the cross-check.
import { cellText, type Grid } from "../grid";
import { headerKey, INDICATOR_LABEL, MEASURE_UNIT_LABEL, TOTAL_WORD } from "../table/vocabulary";
import { splitNameUnit } from "../units";
import type { SystemIndicator } from "./crossCheck";
import { readSheetValue } from "./sheetValue";

const YEAR = /^(\d{4})年?$/;

export interface IndicatorHeader {
  /** 0-based header row. */
  row: number;
  headers: string[];
  nameCol: number;
  yearCols: number[];
}

/** The header row of an indicator system in the first 20 rows: an indicator column and year columns, no total. */
export function findIndicatorHeader(grid: Grid): IndicatorHeader | null {
  for (let r = 0; r < Math.min(20, grid.rows.length); r++) {
    const headers = (grid.rows[r] ?? []).map((v) => headerKey(cellText(v)));
    // 项目 with year columns is as often a project or budget list as an indicator system: not taken here.
    const nameCol = headers.findIndex((h) => INDICATOR_LABEL.test(h) && h !== "项目");
    const yearCols = headers.flatMap((h, c) => (YEAR.test(h) ? [c] : []));
    if (nameCol < 0 || yearCols.length === 0 || headers.some((h) => TOTAL_WORD.test(h))) continue;
    return { row: r, headers, nameCol, yearCols };
  }
  return null;
}

export function findIndicatorTable(grid: Grid): SystemIndicator[] | null {
  const found = findIndicatorHeader(grid);
  if (!found) return null;
  const { row: r, headers, nameCol, yearCols } = found;
  const unitCol = headers.findIndex((h) => MEASURE_UNIT_LABEL.test(h));
  const out: SystemIndicator[] = [];
  for (let i = r + 1; i < grid.rows.length; i++) {
    const row = grid.rows[i] ?? [];
    const raw = cellText(row[nameCol] ?? null).trim();
    if (!raw) continue;
    const split = splitNameUnit(raw);
    const unit = unitCol >= 0 ? cellText(row[unitCol] ?? null).trim() || split.unit : split.unit;
    const targets: SystemIndicator["targets"] = {};
    for (const c of yearCols) {
      const v = readSheetValue(row[c] ?? null);
      targets[YEAR.exec(headers[c])![1]] = { status: v.status, value: v.value };
    }
    out.push({ name: split.name, unit, targets });
  }
  return out;
}
