// Base weights for 质态型 rows, read from a sheet in the breakdown layout (indicators × towns of base values:
// last year's value for a growth rate, land area for 亩均 intensities).
import type { Grid } from "../grid";
import { normalizeName } from "../text";
import { findBreakdownTable, valueAt } from "./breakdownTable";
import type { Weights } from "./checkBreakdown";
import { readSheetValue } from "./sheetValue";

export function weightsFromGrid(grid: Grid): Weights | null {
  const table = findBreakdownTable(grid);
  if (!table) return null;
  const weights: Weights = new Map();
  for (const ref of table.rows) {
    const byTown = new Map<string, number>();
    for (const t of table.towns) {
      const v = readSheetValue(valueAt(grid, table, ref, t.line));
      if (v.status === "number" && v.value !== null) byTown.set(t.header, v.value);
    }
    weights.set(normalizeName(ref.name), byTown);
  }
  return weights;
}
