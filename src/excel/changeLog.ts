// 调整记录 in the open workbook, inside the caller's batch: the record's used range is loaded with the caller's
// own read (no sync of its own), and the batch's rows are queued with the caller's writes. The sheet is created
// (not activated: the clerk stays on the breakdown) when absent, else rows go after its last used row.
import { CHANGE_LOG_SHEET } from "../core/allocate/changeLog";
import { gridValueFromExcel, type Grid } from "../core/grid";
import type { ChangeLogWrite } from "../core/layout/changeLogSheet";
import { inputMatrix } from "./cellInput";
import type { ExcelHost } from "./host";
import { applyStyle, queueSheet } from "./writeSheets";

/** Queues the load of the record; after the caller's sync the getter gives it as a grid (null: no sheet). */
export function loadChangeLog(context: Excel.RequestContext): () => Grid | null {
  const ws = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET);
  ws.load("isNullObject");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  return () => {
    if (ws.isNullObject) return null;
    if (used.isNullObject) return { name: CHANGE_LOG_SHEET, rows: [] };
    // The grid starts at A1, as the record's rows are numbered.
    const lead = new Array<null>(used.columnIndex).fill(null);
    const rows = [
      ...Array.from({ length: used.rowIndex }, () => []),
      ...used.values.map((r) => [...lead, ...r.map(gridValueFromExcel)]),
    ];
    return { name: CHANGE_LOG_SHEET, rows };
  };
}

/** Queues the batch's rows (creating the sheet, or filling an empty one, when there is no record yet). */
export function queueChangeLog(
  host: ExcelHost,
  context: Excel.RequestContext,
  write: ChangeLogWrite,
  sheetExists: boolean,
): void {
  const sheets = context.workbook.worksheets;
  if (write.kind === "create") {
    const ws = sheetExists ? sheets.getItem(CHANGE_LOG_SHEET) : sheets.add(CHANGE_LOG_SHEET);
    // Print setup and validation warnings do not concern an append-only record: it is written either way.
    queueSheet(host, ws, write.spec, new Set());
    return;
  }
  const ws = sheets.getItem(write.sheet);
  const columns = Math.max(...write.rows.map((r) => r.length));
  ws.getRangeByIndexes(write.firstRow - 1, 0, write.rows.length, columns).formulas = inputMatrix(
    write.rows,
    columns,
  );
  for (const { ref, style } of write.styles) applyStyle(ws.getRange(ref), style);
}
