// Layout (a): one sheet per month named "1-8月" or "8月", in the breakdown layout (indicators as rows, towns as
// columns, an optional 全市 column) — the table found by the breakdown check's finder, wherever it stands.
import { cellAt, findBreakdownTable, valueAt } from "../check/breakdownTable";
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
  const units = table.towns.map((t) => {
    // The unit's name: its header cell (indicators as rows) or its row's label cell (units as rows).
    const [r, c] =
      table.orientation === "indicator-rows" ? [table.headerRow, t.line] : [t.line, table.labelCol];
    return { line: t.line, unit: collector.unit(t.header, grid.name, cellRef(r + 1, c + 1)) };
  });
  for (const ref of table.rows) {
    const indicator = collector.indicator(ref.name, grid.name, cellRef(ref.row + 1, ref.col + 1));
    if (indicator === null) continue;
    for (const { line, unit } of units) {
      if (unit === null) continue;
      const [r, c] = cellAt(table, ref, line);
      collector.add(indicator, unit, month, valueAt(grid, table, ref, line), grid.name, r, c);
    }
    if (table.totalLine >= 0) collector.addCity(indicator, month, valueAt(grid, table, ref, table.totalLine));
  }
  return true;
}
