// 调整记录 in a workbook ExcelJS has open (`allocate -o`): the record read as a grid, so that core decides the batch
// number and where the rows go, and the batch written there; ExcelJS's own reading, so the rows land after what
// ExcelJS will write back.
import type ExcelJS from "exceljs";
import { CHANGE_LOG_SHEET } from "../core/allocate/changeLog";
import type { Grid, GridValue } from "../core/grid";
import type { ChangeLogWrite } from "../core/layout/changeLogSheet";
import { renderSheet, writeRows, writeStyles } from "./renderXlsx";

/** An ExcelJS cell value as the readers give it: the cached result of a formula, rich text as its text. */
function gridValue(v: ExcelJS.CellValue): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : v;
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((t) => t.text).join("") || null;
  if ("error" in v) return { error: String(v.error) };
  if ("result" in v) return gridValue((v.result ?? null) as ExcelJS.CellValue);
  if ("text" in v) return gridValue(v.text as ExcelJS.CellValue);
  return null;
}

/** The worksheet's values from A1 (0-based rows, as a Grid). */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: GridValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: GridValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => (cells[c - 1] = gridValue(cell.value)));
    rows[r - 1] = Array.from(cells, (v) => v ?? null);
  });
  return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
}

/** The record as it stands in the workbook; null when it has no such sheet. */
export function changeLogGrid(wb: ExcelJS.Workbook): Grid | null {
  const ws = wb.getWorksheet(CHANGE_LOG_SHEET);
  return ws ? worksheetGrid(ws) : null;
}

/** Writes the batch: a new sheet (or an empty one of that name filled), or the rows after the record's last. */
export function renderChangeLog(wb: ExcelJS.Workbook, write: ChangeLogWrite): void {
  const ws = wb.getWorksheet(CHANGE_LOG_SHEET);
  if (write.kind === "create") {
    renderSheet(wb, write.spec, ws);
    return;
  }
  if (!ws) throw new Error(`no sheet ${write.sheet} to append to`);
  writeRows(ws, write.rows, write.firstRow);
  writeStyles(ws, write.styles);
}
