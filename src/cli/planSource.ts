// The breakdown that `issue` sends out and `collect` checks against: from a plan document (.txt or .docx, its 附件
// table) or from a workbook holding a sheet in the breakdown layout (as `load` writes it, or the clerk's own).
import { existsSync, readFileSync } from "node:fs";
import type { Grid } from "../core/grid";
import { breakdownSheetName } from "../core/layout/breakdownSheet";
import type { Breakdown } from "../core/model";
import type { ParsedPlan } from "../core/parse/planDocument";
import { breakdownFromGrid } from "../core/submissions/breakdownFromGrid";
import { openWorkbook } from "../xlsx/openWorkbook";
import { ReadError } from "../core/read/readError";
import { HINT_SHEET, hintsFromGrid } from "../core/table/hints";
import { NO_TABLE_HINT } from "../core/table/problems";
import { CliError } from "./errors";
import { isWorkbook, readPlanInput } from "./planInput";

/** The plan document's breakdown: the first, or the one `sheet` names (by sheet name, title or year). */
export function breakdownOfPlan(path: string, plan: ParsedPlan, sheet: string | undefined): Breakdown {
  if (plan.breakdowns.length === 0)
    throw new CliError(`${path}: 方案中没有找到目标分解表(附件中的镇街分解表)`);
  if (!sheet) return plan.breakdowns[0];
  const found = plan.breakdowns.find(
    (b) => breakdownSheetName(b) === sheet || b.title === sheet || b.year === sheet,
  );
  if (!found)
    throw new CliError(
      `${path}: 没有名为“${sheet}”的分解表(有:${plan.breakdowns.map(breakdownSheetName).join("、")})`,
    );
  return checkYear(path, found);
}

function noBreakdown(path: string, sheet: string | undefined): CliError {
  const where = sheet ? `工作表“${sheet}”` : "任何工作表";
  return new CliError(`${path}: ${where}中没有找到目标分解表(${NO_TABLE_HINT})`);
}

function checkYear(path: string, breakdown: Breakdown): Breakdown {
  if (!breakdown.year)
    throw new CliError(`${path}: 分解表“${breakdown.title}”的标题或工作表名称中没有年份(如“2023年”)`);
  return breakdown;
}

/** The breakdown on the sheets already read: the named sheet's, else the first sheet that holds one. */
export function breakdownOfGrids(path: string, grids: Grid[], sheet: string | undefined): Breakdown {
  if (sheet !== undefined && !grids.some((g) => g.name === sheet))
    throw new CliError(`${path}: 没有名为“${sheet}”的工作表(有:${grids.map((g) => g.name).join("、")})`);
  const hints = hintsFromGrid(grids.find((g) => g.name === HINT_SHEET));
  for (const grid of grids) {
    if (sheet !== undefined && grid.name !== sheet) continue;
    if (grid.name === HINT_SHEET) continue;
    const breakdown = breakdownFromGrid(grid, hints[grid.name]);
    if (breakdown) return checkYear(path, breakdown);
  }
  throw noBreakdown(path, sheet);
}

/** Reads sheets one by one until one holds a breakdown (a big workbook is not read whole for it). */
async function pickFromWorkbook(path: string, bytes: Buffer, sheet: string | undefined): Promise<Breakdown> {
  try {
    const file = await openWorkbook(bytes, path);
    const names = sheet ? [sheet] : file.sheets.filter((s) => !s.hidden).map((s) => s.name);
    const hints = file.sheets.some((s) => s.name === HINT_SHEET)
      ? hintsFromGrid(await file.readSheet(HINT_SHEET))
      : {};
    for (const name of names) {
      const breakdown = breakdownFromGrid(await file.readSheet(name), hints[name]);
      if (breakdown) return checkYear(path, breakdown);
    }
  } catch (e) {
    if (e instanceof ReadError) throw new CliError(e.message);
    throw e;
  }
  throw noBreakdown(path, sheet);
}

/** Reads the issued breakdown; `sheet` picks a sheet of a workbook, or a breakdown of a document by name/year. */
export async function readIssuedBreakdown(path: string, sheet?: string): Promise<Breakdown> {
  if (!existsSync(path)) throw new CliError(`${path}: 文件不存在`);
  // A workbook whatever its extension; a Word document or anything else is read as a plan document.
  const bytes = readFileSync(path);
  return isWorkbook(bytes)
    ? pickFromWorkbook(path, bytes, sheet)
    : breakdownOfPlan(path, await readPlanInput(path), sheet);
}
