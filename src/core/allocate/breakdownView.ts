// A breakdown table as the 分解目标 page shows it: per row the towns' current numbers, the 全市 target and the
// cells the towns stand in, so an allocation can be previewed and written back to exactly those cells.
import { cellAt, findBreakdownTable, valueAt, type BreakdownTable } from "../check/breakdownTable";
import { readSheetValue } from "../check/sheetValue";
import { expandMerges, type Grid } from "../grid";
import { cellRef } from "../layout/a1";
import type { IndicatorKind } from "../model";

export interface BreakdownViewRow {
  /** 1-based worksheet row. */
  row: number;
  name: string;
  unit: string;
  kind: IndicatorKind;
  current: (number | null)[];
  total: number | null;
  /** A1 address of each town's cell, in town order. */
  cells: string[];
}

export interface BreakdownView {
  sheet: string;
  towns: string[];
  totalHeader: string;
  rows: BreakdownViewRow[];
  table: BreakdownTable;
  grid: Grid;
}

export function breakdownView(input: Grid): BreakdownView | null {
  const grid = expandMerges(input);
  const table = findBreakdownTable(grid);
  if (!table || table.towns.length === 0) return null;
  const num = (v: ReturnType<typeof readSheetValue>) => (v.status === "number" ? v.value : null);
  return {
    sheet: grid.name,
    towns: table.towns.map((t) => t.header),
    totalHeader: table.totalHeader,
    table,
    grid,
    rows: table.rows.map((ref) => ({
      row: ref.row + 1,
      name: ref.name,
      unit: ref.unit,
      kind: ref.kind,
      current: table.towns.map((t) => num(readSheetValue(valueAt(grid, table, ref, t.line)))),
      total: num(readSheetValue(valueAt(grid, table, ref, table.totalLine))),
      cells: table.towns.map((t) => {
        const [r, c] = cellAt(table, ref, t.line);
        return cellRef(r + 1, c + 1);
      }),
    })),
  };
}
