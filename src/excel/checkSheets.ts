// 校验 on the open workbook: read the sheets (2 syncs), then the same check as the CLI.
import { checkWorkbook, type SheetReport } from "../core/check/checkWorkbook";
import { findIndicatorTable } from "../core/check/indicatorTable";
import type { ExcelHost } from "./host";
import { readSheets, type SheetSelection } from "./readSheets";

export interface WorkbookCheck {
  reports: SheetReport[];
  activeSheet: string;
  sheetNames: string[];
  warnings: string[];
}

/** Sheets that may hold the indicator system the breakdown is cross-checked against. */
const SYSTEM_SHEET = /指标体系|目标体系|主要目标|指标/;

export async function checkSheets(host: ExcelHost, which: SheetSelection = "active"): Promise<WorkbookCheck> {
  const read = await readSheets(host, which, (names) => names.filter((n) => SYSTEM_SHEET.test(n)));
  const system = [...read.grids, ...read.extras].map(findIndicatorTable).find((s) => s) ?? undefined;
  return {
    reports: checkWorkbook(read.grids, { system }),
    activeSheet: read.activeSheet,
    sheetNames: read.sheetNames,
    warnings: read.warnings,
  };
}
