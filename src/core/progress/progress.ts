// One step shared by the CLI and the add-in: the settings sheet and the actuals read from a workbook's sheets,
// then the status of every unit and indicator for the month.
import type { Grid } from "../grid";
import type { Breakdown } from "../model";
import type { PathIndicator } from "./schedule";
import { readActuals } from "./actuals";
import { evaluateProgress, type ProgressResult } from "./evaluate";
import { SETTINGS_SHEET, settingsFromGrid, type ProgressSettings } from "./settings";

export interface Progress {
  result: ProgressResult;
  settings: ProgressSettings;
  /** Months with figures in the workbook. */
  months: number[];
}

/** Settings come from the first sheet named 进度设置 among `settingsGrids` then `grids`; defaults otherwise. */
export function progressOf(
  breakdown: Breakdown,
  grids: Grid[],
  month: number,
  indicators: PathIndicator[] = [],
  settingsGrids: Grid[] = [],
): Progress {
  const { previous: _, ...progress } = progressWithPrevious(
    breakdown,
    grids,
    month,
    indicators,
    settingsGrids,
    false,
  );
  return progress;
}

/**
 * Month M and, when the actuals have figures for it, month M−1 (what the 通报 compares with), from one reading
 * of the sheets. `withPrevious` false: M alone, as `progressOf`.
 */
export function progressWithPrevious(
  breakdown: Breakdown,
  grids: Grid[],
  month: number,
  indicators: PathIndicator[] = [],
  settingsGrids: Grid[] = [],
  withPrevious = true,
): Progress & { previous: ProgressResult | null } {
  const settingsGrid = [...settingsGrids, ...grids].find((g) => g.name === SETTINGS_SHEET);
  const { settings, findings } = settingsFromGrid(settingsGrid);
  const actuals = readActuals(
    grids.filter((g) => g.name !== SETTINGS_SHEET),
    breakdown,
  );
  const result = evaluateProgress(breakdown, actuals, month, settings, indicators);
  result.findings = [...findings, ...result.findings]; // not unshift(...): a findings list may pass the stack
  const previous =
    withPrevious && actuals.months.includes(month - 1)
      ? evaluateProgress(breakdown, actuals, month - 1, settings, indicators)
      : null;
  return { result, settings, months: actuals.months, previous };
}
