// The 平湖 2023 town breakdown (附件3 of seed 001) and its issued templates, shared by the submission tests.
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Grid, GridValue } from "../../src/core/grid";
import { isFormula } from "../../src/core/layout/sheetSpec";
import type { Breakdown } from "../../src/core/model";
import { templateFileName, templateWorkbook } from "../../src/core/submissions/templateSheet";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";
import { seedPlan, tempDir } from "../helpers/workbooks";

export const TOWNS = ["当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇"];

export function seedBreakdown(): Breakdown {
  return seedPlan().breakdowns[0];
}

/** Writes one town's issued template and returns its path. */
export async function writeTemplate(breakdown: Breakdown, town: string, dir = tempDir()): Promise<string> {
  const wb = await renderWorkbook(templateWorkbook(breakdown, town));
  const path = join(dir, templateFileName(breakdown.year, town));
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

/** A town's template as the grids a reader would give, 本单位填报 filled with the issued target (a clean return). */
export function filledGrids(breakdown: Breakdown, town: string): Grid[] {
  return templateWorkbook(breakdown, town).map((spec) => {
    const rows: GridValue[][] = spec.rows.map((r) => r.map((v) => (isFormula(v) ? null : v)));
    if (spec.name === "填报")
      for (let r = 3; r < rows.length; r++) {
        while (rows[r].length < 7) rows[r].push(null);
        if (typeof rows[r][4] === "number") rows[r][5] = rows[r][4];
      }
    return { name: spec.name, rows, merges: spec.name === "填报" ? [...spec.merges] : [] };
  });
}

/**
 * A town's return as the town would make it: its issued template opened in ExcelJS, 本单位填报 filled with the
 * issued targets (a clean return), then `edit` applied (to the workbook, as a user would in Excel).
 */
export async function writeReturn(
  template: string,
  out: string,
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void = () => {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet("填报")!;
  for (let r = 4; r <= ws.rowCount; r++) {
    const target = ws.getCell(r, 5).value;
    if (typeof target === "number") ws.getCell(r, 6).value = target;
  }
  edit(ws, wb);
  await wb.xlsx.writeFile(out);
  return out;
}
