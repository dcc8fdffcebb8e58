// A breakdown table as the 分解目标 page shows it: per row the towns' current numbers, the 全市 target and the
// cells the towns stand in, so an allocation can be previewed and written back to exactly those cells. A table
// with several measures (2023年 确保 / 力争, several years) is shown one measure (slice) at a time; the page finds
// the breakdown sheet itself: the active sheet when it holds one, else the first visible sheet that does.
import { addressAt, type BreakdownTable } from "../check/breakdownTable";
import { expandMerges, type Grid } from "../grid";
import { columnLetter } from "../layout/a1";
import type { IndicatorKind } from "../model";
import { measureKey, measureName } from "../table/measure";
import { HINT_SHEET, type TableHint, type TableHints } from "../table/hints";
import { primarySlice, readTable } from "../table/readTable";
import type { TableModel, TableRow } from "../table/types";
import { rowNumbers } from "./plan";

export interface BreakdownViewRow {
  /** Tells the row from the others of the view: its 1-based sheet row, or (towns as rows) its 1-based column. */
  id: number;
  /** 1-based worksheet row of the indicator's name (towns as rows: of the header naming it). */
  row: number;
  /** Where the row's numbers are, for labels: "13" (a sheet row) or "C" (a column, towns as rows). */
  where: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  current: (number | null)[];
  total: number | null;
  /** A1 address of each town's cell, in town order. */
  cells: string[];
  /** The slice's row, for planning an allocation of it. */
  ref: TableRow;
}

/** One measure (slice) of the table, for choosing: its key and how it is named. */
export interface BreakdownMeasure {
  key: string;
  name: string;
}

export interface BreakdownView {
  sheet: string;
  towns: string[];
  totalHeader: string;
  rows: BreakdownViewRow[];
  table: BreakdownTable;
  grid: Grid;
  /** Every measure of the table with towns (one for most tables), and the key of the one shown. */
  measures: BreakdownMeasure[];
  measure: string;
}

/** The choice of sheet and measure; either may be left out (or name something gone): the default is used. */
export interface BreakdownWant {
  sheet?: string;
  measure?: string;
}

/** The view of the chosen table and the sheets that hold a breakdown (in the order given), to choose from. */
export interface BreakdownChoice {
  view: BreakdownView | null;
  sheets: string[];
}

/** How a measure is named in the pane: "2023年 确保", "2024年", else its header words. */
export const measureLabel = (t: BreakdownTable): string =>
  measureName(t.measure) || t.measure.label || "目标";

/** The sheet's table when it holds a breakdown with towns (merges expanded), else null. */
interface FoundTable {
  grid: Grid;
  model: TableModel;
  /** The slices with towns: the measures to choose from. */
  slices: BreakdownTable[];
}

function tableOf(input: Grid, hint?: TableHint): FoundTable | null {
  const grid = expandMerges(input);
  const { table: model } = readTable(grid, { hint });
  if (!model) return null;
  const primary = primarySlice(model);
  if (!primary || primary.towns.length === 0) return null;
  return { grid, model, slices: model.slices.filter((s) => s.towns.length > 0) };
}

function viewOf(grid: Grid, table: BreakdownTable, slices: BreakdownTable[]): BreakdownView {
  return {
    sheet: grid.name,
    towns: table.towns.map((t) => t.header),
    totalHeader: table.totalHeader,
    table,
    grid,
    measures: slices.map((s) => ({ key: measureKey(s.measure), name: measureLabel(s) })),
    measure: measureKey(table.measure),
    rows: table.rows.map((ref) => {
      const { current, cityValue } = rowNumbers(grid, table, ref);
      const byRow = table.orientation === "indicator-rows";
      return {
        id: ref.line + 1,
        row: ref.row + 1,
        where: byRow ? String(ref.line + 1) : columnLetter(ref.line + 1),
        name: ref.name,
        unit: ref.unit,
        kind: ref.kind,
        current,
        total: cityValue,
        cells: table.towns.map((t) => addressAt(table, ref, t.line)),
        ref,
      };
    }),
  };
}

/** The table shown in the measure with key `measure`, else in its primary one. */
function viewIn(found: FoundTable, measure: string | undefined): BreakdownView {
  const { grid, model, slices } = found;
  const table = slices.find((s) => measureKey(s.measure) === measure) ?? primarySlice(model)!;
  return viewOf(grid, table, slices);
}

/** The sheet's breakdown shown in the measure `measure` (by key), else in its primary one; null when none. */
export function breakdownView(input: Grid, measure?: string): BreakdownView | null {
  const found = tableOf(input);
  return found ? viewIn(found, measure) : null;
}

/**
 * The breakdown the pane works on: on the sheet asked for, else on the active sheet when it holds one, else on
 * the first of `grids` that does; and every sheet that holds one, in the order of `grids`.
 */
export function chooseBreakdown(
  grids: Grid[],
  active: string,
  want: BreakdownWant = {},
  hints: TableHints = {},
): BreakdownChoice {
  const found: FoundTable[] = [];
  for (const g of grids) {
    if (g.name === HINT_SHEET) continue;
    const table = tableOf(g, hints[g.name]);
    if (table) found.push(table);
  }
  const pick =
    found.find((x) => x.grid.name === want.sheet) ?? found.find((x) => x.grid.name === active) ?? found[0];
  return { view: pick ? viewIn(pick, want.measure) : null, sheets: found.map((x) => x.grid.name) };
}
