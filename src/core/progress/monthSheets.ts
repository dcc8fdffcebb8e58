// Layout (a): one sheet per month named "1-8月" or "8月", in the breakdown layout (indicators as rows, towns as
// columns, an optional 全市 column) — the table found by the breakdown check's finder, wherever it stands.
import { findBreakdownTable } from "../check/breakdownTable";
import { cellRef } from "../layout/a1";
import type { Grid } from "../grid";
import type { ActualsCollector } from "./actuals";
import { monthOfSheetName } from "./month";

/** Reads the sheet when its name is a month and it holds a breakdown-layout table; false otherwise. */
export function readMonthSheet(grid: Grid, collector: ActualsCollector): boolean {
  const month = monthOfSheetName(grid.name);
  if (month === null) return false;
  const table = findBreakdownTable(grid, true);
  if (!table || table.towns.length === 0) return false;
  const units = table.towns.map((t) => ({
    col: t.col,
    unit: collector.unit(t.header, grid.name, cellRef(table.headerRow + 1, t.col + 1)),
  }));
  for (const ref of table.rows) {
    const indicator = collector.indicator(ref.name, grid.name, cellRef(ref.row + 1, table.indicatorCol + 1));
    if (indicator === null) continue;
    const cells = grid.rows[ref.row] ?? [];
    for (const { col, unit } of units)
      if (unit !== null) collector.add(indicator, unit, month, cells[col] ?? null, grid.name, ref.row, col);
  }
  return true;
}
