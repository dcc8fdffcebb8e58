// Checks every breakdown table of a workbook, each measure on its own, and cross-checks the target of the
// table's year against the workbook's indicator system.
import { expandMerges, type Grid } from "../grid";
import { compareMeasures, type Measure } from "../table/measure";
import { primarySlice, readTable } from "../table/readTable";
import { HINT_SHEET, hintsFromGrid, type TableHint, type TableHints } from "../table/hints";
import type { Orientation, TableProblem, TableRow } from "../table/types";
import { checkBreakdown, summarize, type CheckResult, type RowResult, type Weights } from "./checkBreakdown";
import { crossCheck, indicatorMatcher, type CrossCheckItem, type SystemIndicator } from "./crossCheck";
import { checkGrowth, growthSources } from "./growth";
import { findIndicatorTable } from "./indicatorTable";

export interface SubtotalInfo {
  header: string;
  members: string[];
  by: "name" | "group" | "position";
}

export interface SheetReport extends CheckResult {
  /** The breakdown's year, from the title above the header or the sheet name. */
  year: string;
  orientation: Orientation;
  /** 0-based first header row and label column: where the table was read from (for 表格识别). */
  headerRow: number;
  labelCol: number;
  /** The measures checked, in order (one for a plain table; tiers, years, bases, growth for others). */
  measures: Measure[];
  subtotals: SubtotalInfo[];
  /** How the table was read where it differs from the plain layout. */
  notes: string[];
  /** Set when the table was read as 表格识别 said, not found by its header words. */
  hint?: TableHint;
  crossCheck?: CrossCheckItem[];
}

export interface WorkbookCheckOptions {
  weights?: Weights;
  /** Indicator system to cross-check against; found among the grids when not given. */
  system?: SystemIndicator[];
  /** 表格识别 per sheet; read from a 表格识别 sheet among the grids when not given. */
  hints?: TableHints;
}

export interface WorkbookCheck {
  reports: SheetReport[];
  /** Sheets that look like a breakdown but could not be read as one, with what is missing. */
  problems: TableProblem[];
}

/** The check of one sheet's table, every measure; null when the sheet holds no breakdown table. */
export function checkSheet(
  grid: Grid,
  options: { weights?: Weights; hint?: TableHint } = {},
): SheetReport | TableProblem | null {
  const { table, problem } = readTable(grid, { hint: options.hint });
  if (!table) return problem;
  const results: { r: RowResult; order: number; m: number }[] = [];
  const measures = table.slices.map((s) => s.measure);
  // An indicator's place: where it first stands on the sheet, whichever measure stands there.
  const first = new Map<string, number>();
  for (const s of table.slices)
    for (const x of s.rows) first.set(x.name, Math.min(first.get(x.name) ?? Infinity, x.line));
  table.slices.forEach((slice, m) => {
    const checked = checkBreakdown(grid, slice, options);
    // Each name's first row, looked up: found in the list for every result, a long growth table was quadratic.
    let rowOf: Map<string, TableRow> | null = null;
    checked.results.forEach((r) => {
      let out = r;
      if (slice.measure.role === "growth" && !r.subtotal) {
        rowOf ??= slice.rows.reduce(
          (map, x) => (map.has(x.name) ? map : map.set(x.name, x)),
          new Map<string, TableRow>(),
        );
        const ref = rowOf.get(r.indicator)!;
        const sources = growthSources(table.slices, slice, ref);
        out = (sources && checkGrowth(grid, slice, ref, sources, r)) || r;
      }
      results.push({ r: out, order: first.get(r.indicator) ?? 0, m });
    });
  });
  // Indicators in sheet order, the measures of each together (确保 then 力争).
  results.sort((a, b) => a.order - b.order || compareMeasures(measures[a.m], measures[b.m]));
  const primary = primarySlice(table)!;
  const rows = results.map((x) => x.r);
  return {
    sheet: table.sheet,
    year: table.year,
    orientation: table.orientation,
    headerRow: table.headerRow,
    labelCol: primary.labelCol,
    units: primary.towns.map((t) => t.header),
    totalColumn: primary.totalHeader,
    measures,
    subtotals: primary.subtotals.map((s) => ({
      header: s.header,
      members: s.members.map((k) => primary.towns[k].header),
      by: s.by,
    })),
    notes: table.notes,
    ...(options.hint ? { hint: options.hint } : {}),
    results: rows,
    summary: summarize(rows),
  };
}

const isReport = (x: SheetReport | TableProblem | null): x is SheetReport => x !== null && "results" in x;

export function checkWorkbookDetailed(input: Grid[], options: WorkbookCheckOptions = {}): WorkbookCheck {
  const hints = options.hints ?? hintsFromGrid(input.find((g) => g.name === HINT_SHEET));
  const grids = input.filter((g) => g.name !== HINT_SHEET).map(expandMerges);
  let system = options.system;
  if (!system) {
    for (const g of grids) {
      system = findIndicatorTable(g) ?? undefined;
      if (system) break;
    }
  }
  const reports: SheetReport[] = [];
  const problems: TableProblem[] = [];
  let matchOf: ReturnType<typeof indicatorMatcher> | undefined; // one for all sheets: one fuzzy budget
  for (const grid of grids) {
    const checked = checkSheet(grid, { weights: options.weights, hint: hints[grid.name] });
    if (!isReport(checked)) {
      // An indicator system (附件1) has indicators and years but no units by design: not a broken breakdown.
      if (checked && !(checked.missing === "units" && findIndicatorTable(grid))) problems.push(checked);
      continue;
    }
    if (system && checked.year) {
      const primary = checked.measures.find((m) => m.role === "target" && m.year === checked.year);
      const rows = checked.results
        .filter((r) => !r.subtotal && (!primary || r.measure === primary))
        .map((r) => ({
          row: r.row,
          name: r.indicator,
          unit: r.unit,
          total: { status: r.target === null ? "text" : "number", value: r.target },
        }));
      matchOf ??= indicatorMatcher(system);
      checked.crossCheck = crossCheck(system, rows, checked.year, matchOf);
    }
    reports.push(checked);
  }
  return { reports, problems };
}

export function checkWorkbook(input: Grid[], options: WorkbookCheckOptions = {}): SheetReport[] {
  return checkWorkbookDetailed(input, options).reports;
}
