// Checks every breakdown table of a workbook, and cross-checks each against the workbook's indicator system.
import { cellText, expandMerges, type Grid } from "../grid";
import { findBreakdownTable } from "./breakdownTable";
import { checkBreakdown, type CheckResult, type Weights } from "./checkBreakdown";
import { crossCheck, type CrossCheckItem, type SystemIndicator } from "./crossCheck";
import { findIndicatorTable } from "./indicatorTable";

export interface SheetReport extends CheckResult {
  /** The breakdown's year, from the title above the header or the sheet name. */
  year: string;
  crossCheck?: CrossCheckItem[];
}

/** Year of a breakdown: "2023年…目标任务分解" in a title row above the header, else in the sheet name. */
function yearOf(grid: Grid, headerRow: number): string {
  for (let r = 0; r < headerRow; r++) {
    for (const v of grid.rows[r] ?? []) {
      const m = /(20\d{2})年/.exec(cellText(v));
      if (m) return m[1];
    }
  }
  return /(20\d{2})/.exec(grid.name)?.[1] ?? "";
}

export interface WorkbookCheckOptions {
  weights?: Weights;
  /** Indicator system to cross-check against; found among the grids when not given. */
  system?: SystemIndicator[];
}

export function checkWorkbook(input: Grid[], options: WorkbookCheckOptions = {}): SheetReport[] {
  const grids = input.map(expandMerges);
  let system = options.system;
  if (!system) {
    for (const g of grids) {
      system = findIndicatorTable(g) ?? undefined;
      if (system) break;
    }
  }
  const reports: SheetReport[] = [];
  for (const grid of grids) {
    const table = findBreakdownTable(grid);
    if (!table || table.towns.length === 0) continue;
    const result = checkBreakdown(grid, table, { weights: options.weights });
    const year = yearOf(grid, table.headerRow);
    const report: SheetReport = { ...result, year };
    if (system && year) {
      const rows = result.results.map((r) => ({
        row: r.row,
        name: r.indicator,
        unit: r.unit,
        total: { status: r.target === null ? "text" : "number", value: r.target },
      }));
      report.crossCheck = crossCheck(system, rows, year);
    }
    reports.push(report);
  }
  return reports;
}
