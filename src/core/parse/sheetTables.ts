// Plan tables a clerk already has in a sheet (or a selected range): an indicator system, a 职责分工 task table or a
// town breakdown, wherever it stands (under titles, with 单位 / 牵头单位 / 配合单位 columns, merged cells). The
// header is found the way the check finds it; the rows are read by the same parsers as a document's tables.
import { findIndicatorHeader } from "../check/indicatorTable";
import { cellText, type Grid, parseRange } from "../grid";
import { breakdownFromGrid, titleAbove } from "../submissions/breakdownFromGrid";
import { HINT_SHEET, hintsFromGrid } from "../table/hints";
import { normalizeHeader, type PlanTable, type TableRow, TASK_HEADER } from "./planTable";
import { planTitle } from "./planDocument";
import { addPlanTable, emptyPlan, type ParsedPlan } from "./planTables";

/** The 0-based header row of a task table in the first 20 rows, or -1. */
function taskHeaderRow(grid: Grid): number {
  for (let r = 0; r < Math.min(20, grid.rows.length); r++) {
    const headers = (grid.rows[r] ?? []).map((v) => normalizeHeader(cellText(v)));
    if (headers.some((h) => TASK_HEADER.test(h)) && headers.some((h) => /单位|部门/.test(h))) return r;
  }
  return -1;
}

/** The grid below `headerRow` as a plan table, merged ranges turned into merge marks. */
export function gridTable(grid: Grid, headerRow: number): PlanTable {
  const header = (grid.rows[headerRow] ?? []).map((v) => normalizeHeader(cellText(v)));
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  const width = header.length;
  const rows: TableRow[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cells = Array.from({ length: width }, (_, c) => cellText(grid.rows[r]?.[c] ?? null).trim());
    rows.push({ cells, spanned: cells.map(() => false), line: r + 1 });
  }
  for (const ref of grid.merges ?? []) {
    const range = parseRange(ref);
    if (!range) continue;
    const [r1, c1, r2, c2] = range;
    for (let r = Math.max(r1, headerRow + 1); r <= Math.min(r2, headerRow + rows.length); r++) {
      const row = rows[r - headerRow - 1];
      if (!row) continue;
      for (let c = c1; c <= Math.min(c2, width - 1); c++) {
        if (r > r1) row.cells[c] = undefined;
        else if (c > c1) {
          row.cells[c] = row.cells[c1];
          row.spanned[c] = true;
        }
      }
    }
  }
  const title = titleAbove(grid, headerRow);
  return {
    label: "",
    title: title === grid.name ? "" : title,
    header,
    rows: rows.filter(hasText),
    line: headerRow + 1,
  };
}

const hasText = (row: TableRow) => row.cells.some((c) => c !== undefined && c !== "");

/** The text above a table (titles, "来源:《…》"), for the plan's own name. */
function textAbove(grid: Grid, headerRow: number): string {
  return grid.rows
    .slice(0, headerRow)
    .map((row) =>
      row
        .map((v) => cellText(v).trim())
        .filter((t) => t !== "")
        .join(" "),
    )
    .join("\n");
}

/**
 * Every plan table found on the grids, one a sheet: a breakdown (the check's header detection), else an
 * indicator system, else a task table. `fallbackTitle` names the plan when no sheet does (the file's name).
 */
export function planFromGrids(grids: Grid[], fallbackTitle = ""): ParsedPlan {
  const plan = emptyPlan("");
  const above: string[] = [];
  const hints = hintsFromGrid(grids.find((g) => g.name === HINT_SHEET));
  for (const grid of grids) {
    if (grid.name === HINT_SHEET) continue;
    const breakdown = breakdownFromGrid(grid, hints[grid.name]);
    if (breakdown) {
      plan.breakdowns.push(breakdown);
      continue;
    }
    const indicator = findIndicatorHeader(grid);
    const headerRow = indicator ? indicator.row : taskHeaderRow(grid);
    if (headerRow < 0) continue;
    above.push(textAbove(grid, headerRow));
    addPlanTable(plan, gridTable(grid, headerRow));
  }
  plan.title = planTitle(above.join("\n")) || plan.indicatorTitle || plan.taskTitle || fallbackTitle;
  return plan;
}
