// Progress from an open workbook's sheets (the add-in): the plan's breakdown sheet (not a month sheet), the
// indicator system for 累计 paths, the 进度设置 sheet and the actuals, all in the one workbook.
import { findIndicatorTable } from "../check/indicatorTable";
import type { Grid } from "../grid";
import type { Breakdown } from "../model";
import { breakdownFromGrid } from "../submissions/breakdownFromGrid";
import { HINT_SHEET, hintsFromGrid } from "../table/hints";
import { monthOfSheetName } from "./month";
import { progressWithPrevious, type Progress } from "./progress";
import type { ProgressResult } from "./evaluate";
import type { PathIndicator } from "./schedule";
import { SETTINGS_SHEET } from "./settings";

export interface WorkbookProgress {
  breakdown: Breakdown;
  progress: Progress;
  /** Month M−1 when asked for and the actuals have it (the 通报's month-over-month section). */
  previous: ProgressResult | null;
}

/** The issued breakdown: the first sheet in the breakdown layout with a year that is not a month of actuals. */
export function planBreakdownOf(grids: Grid[]): Breakdown | null {
  const hints = hintsFromGrid(grids.find((g) => g.name === HINT_SHEET));
  for (const grid of grids) {
    if (grid.name === HINT_SHEET) continue;
    if (grid.name === SETTINGS_SHEET || monthOfSheetName(grid.name) !== null || /亮晒/.test(grid.name))
      continue;
    const b = breakdownFromGrid(grid, hints[grid.name]);
    if (b && b.year) return b;
  }
  return null;
}

/** null when the workbook holds no breakdown; months without figures give an empty result. */
export function progressFromWorkbook(
  grids: Grid[],
  month: number,
  withPrevious = false,
): WorkbookProgress | null {
  const breakdown = planBreakdownOf(grids);
  if (!breakdown) return null;
  const indicators: PathIndicator[] = grids.flatMap((g) => findIndicatorTable(g) ?? []);
  const actualGrids = grids.filter((g) => !/亮晒/.test(g.name));
  const { previous, ...progress } = progressWithPrevious(
    breakdown,
    actualGrids,
    month,
    indicators,
    [],
    withPrevious,
  );
  return { breakdown, progress, previous };
}
