// 校验 on the open workbook: read the sheets (2 syncs), then the same check as the CLI. When the active sheet holds
// no breakdown, the other sheets read in the same request are checked instead (no third sync, no dead end).
import { checkWorkbookDetailed, type SheetReport } from "../core/check/checkWorkbook";
import { findIndicatorTable } from "../core/check/indicatorTable";
import { HINT_SHEET, hintsFromGrid, type TableHints } from "../core/table/hints";
import type { TableProblem } from "../core/table/types";
import type { ExcelHost } from "./host";
import { readSheets, type SheetSelection } from "./readSheets";

export interface WorkbookCheck {
  reports: SheetReport[];
  activeSheet: string;
  sheetNames: string[];
  warnings: string[];
  /** Sheets that look like a breakdown but could not be read as one, with what is missing. */
  problems: TableProblem[];
  /** Set when the active sheet held no breakdown and the workbook's other sheets were checked instead. */
  checkedInstead?: string[];
  /** The workbook's 表格识别 (how the clerk said sheets are to be read), as read with the sheets. */
  hints: TableHints;
}

/** Sheets that may hold the indicator system the breakdown is cross-checked against. */
const SYSTEM_SHEET = /指标体系|目标体系|主要目标|指标/;

export async function checkSheets(host: ExcelHost, which: SheetSelection = "active"): Promise<WorkbookCheck> {
  // "active" reads every visible sheet along, so the breakdown is found even when another sheet is active.
  const read = await readSheets(host, which, (names, all) => [
    ...(which === "active" ? names : names.filter((n) => SYSTEM_SHEET.test(n))),
    ...(all.includes(HINT_SHEET) ? [HINT_SHEET] : []),
  ]);
  const hints = hintsFromGrid(read.extras.find((g) => g.name === HINT_SHEET));
  const extras = read.extras.filter((g) => g.name !== HINT_SHEET);
  const system = [...read.grids, ...extras].map(findIndicatorTable).find((s) => s) ?? undefined;
  let checked = checkWorkbookDetailed(read.grids, { system, hints });
  let checkedInstead: string[] | undefined;
  // The active sheet holding a table that could not be read is the one to report (and to describe in 表格识别);
  // only an active sheet with nothing table-like sends the check to the other sheets.
  if (which === "active" && checked.reports.length === 0 && checked.problems.length === 0) {
    const others = checkWorkbookDetailed(extras, { system, hints });
    if (others.reports.length > 0) {
      checked = { reports: others.reports, problems: others.problems };
      checkedInstead = others.reports.map((r) => r.sheet);
    }
  }
  return {
    reports: checked.reports,
    problems: checked.problems,
    activeSheet: read.activeSheet,
    sheetNames: read.sheetNames,
    warnings: read.warnings,
    hints,
    ...(checkedInstead ? { checkedInstead } : {}),
  };
}
