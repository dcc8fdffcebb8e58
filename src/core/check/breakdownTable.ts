// The breakdown table of a sheet for the jobs that work on one measure (allocate, collect, progress, fill): the
// table model's primary slice — the target of the table's year, 确保 before 力争 — in any of the layouts the
// table model reads (src/core/table/).
import type { Grid, GridValue } from "../grid";
import type { TableHint } from "../table/hints";
import { primarySlice, readTable } from "../table/readTable";
import { addressAt, cellAt, type BreakdownTable, type TableRow } from "../table/types";

export type {
  BreakdownTable,
  TableRow as BreakdownRowRef,
  TableUnit as BreakdownColumn,
} from "../table/types";

/** Locates the breakdown table of a sheet (its primary measure), or null when the sheet holds none. */
export function findBreakdownTable(
  grid: Grid,
  totalOptional = false,
  hint?: TableHint,
): BreakdownTable | null {
  const { table } = readTable(grid, { totalOptional, hint });
  return table ? primarySlice(table) : null;
}

/** The value of an indicator at a unit-axis line (a town's, the total's or a subtotal's). */
export function valueAt(grid: Grid, t: BreakdownTable, row: TableRow, line: number): GridValue {
  const [r, c] = cellAt(t, row, line);
  return grid.rows[r]?.[c] ?? null;
}

export { addressAt, cellAt };
