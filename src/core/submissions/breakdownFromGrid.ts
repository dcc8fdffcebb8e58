// A Breakdown (the model of a town breakdown) read back from a sheet in the breakdown layout, wherever the table
// stands on it: what `issue` and `collect` start from when the plan is a workbook rather than a document.
import { findBreakdownTable, valueAt, type BreakdownTable } from "../check/breakdownTable";
import type { TableHint } from "../table/hints";
import { readSheetValue } from "../check/sheetValue";
import { cellText, expandMerges, type Grid } from "../grid";
import type { Breakdown, Cell } from "../model";
import { titleAbove as headingAbove } from "../table/title";
import { RESPONSIBLE_LABEL } from "../table/vocabulary";
import { toHalfWidth } from "../text";

/** A plan cell read from a sheet value: a blank is "-" (no target), words keep their status. */
export function cellOf(v: Grid["rows"][number][number]): Cell {
  const read = readSheetValue(v ?? null);
  if (read.status === "number") return { value: read.value, op: read.op, text: read.text, status: "number" };
  // A blank town cell in the plan: no target for that town, as "-" says in the documents.
  if (read.status === "missing") return { value: null, op: "=", text: "-", status: "none" };
  const status = read.status === "invalid" ? "qualitative" : read.status;
  return { value: null, op: "=", text: read.text.trim(), status };
}

/** The first text above the header that reads like a heading (the table model's rule), else the sheet's name. */
export function titleAbove(grid: Grid, headerRow: number): string {
  return headingAbove(grid, headerRow) || grid.name;
}

/** `hint`: the sheet's 表格识别, when the clerk set one. */
export function breakdownFromGrid(input: Grid, hint?: TableHint): Breakdown | null {
  const grid = expandMerges(input);
  const table = findBreakdownTable(grid, false, hint);
  return table ? breakdownOfTable(grid, table) : null;
}

/** The Breakdown of a table already found on its grid (merges expanded). */
export function breakdownOfTable(grid: Grid, table: BreakdownTable): Breakdown | null {
  if (table.towns.length === 0 || table.rows.length === 0) return null;
  // 责任部门 and 序号 columns belong to indicator rows only.
  const header =
    table.orientation === "indicator-rows"
      ? (grid.rows[table.headerRow] ?? []).map((v) => cellText(v).replace(/\s+/g, ""))
      : [];
  const deptCol = header.findIndex((h) => RESPONSIBLE_LABEL.test(h));
  const noCol = header.findIndex((h) => h === "序号");
  const title = table.title || grid.name;
  const year =
    table.measure.year || (/((?:19|20)\d{2})年/.exec(toHalfWidth(`${title} ${grid.name}`))?.[1] ?? "");
  const towns = table.towns.map((t) => t.header);
  return {
    title,
    year,
    units: towns,
    totalColumn: table.totalHeader,
    rows: table.rows.map((ref, i) => {
      const cells = grid.rows[ref.row] ?? [];
      const no = noCol >= 0 ? readSheetValue(cells[noCol] ?? null) : null;
      const values: Record<string, Cell> = {};
      table.towns.forEach((t) => (values[t.header] = cellOf(valueAt(grid, table, ref, t.line))));
      return {
        no: no?.status === "number" && no.value !== null ? no.value : i + 1,
        name: ref.name,
        unit: ref.unit,
        kind: ref.kind,
        values,
        total: cellOf(valueAt(grid, table, ref, table.totalLine)),
        dept: deptCol >= 0 ? cellText(cells[deptCol] ?? null).trim() : "",
      };
    }),
  };
}
