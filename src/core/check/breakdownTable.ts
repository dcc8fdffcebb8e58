// Finds a town breakdown table on a sheet, wherever the clerk put it: the header row anywhere in the first 20
// rows (often under a merged title and a 填报单位 line), the total column headed 全市/合计/总计/全县/全区, the towns
// in any order between the indicator column and the total (or right after the total when it stands first).
// Monthly actuals may leave the total out (`totalOptional`): the towns then follow the indicator column.
import { cellText, type Grid } from "../grid";
import type { IndicatorKind } from "../model";
import { toHalfWidth } from "../text";
import { kindFromLabel, kindOf, splitNameUnit } from "../units";

export const TOTAL_HEADER = /^(全市|合计|总计|全县|全区|全省|全镇|市合计|县合计|区合计|全市合计|总量)$/;
const INDICATOR_HEADER = /^(指标名称|二级指标|指标|指标项|考核指标|主要指标|目标任务|任务指标)$/;
const INDICATOR_LOOSE = /指标/;
const UNIT_HEADER = /^(单位|计量单位|指标单位)$/;
const KIND_HEADER = /^(类型|指标类型|指标性质)$/;
/** Columns that are never towns, wherever they stand. */
const META_HEADER =
  /^(序号|编号|单位|计量单位|指标单位|类型|指标类型|指标性质|一级指标|责任部门|责任单位|牵头单位|配合单位|牵头部门|备注|说明|分解合计|合计数|差额|校验|校验结果|状态|属性)$/;

export interface BreakdownColumn {
  /** 0-based column index. */
  col: number;
  header: string;
}

export interface BreakdownRowRef {
  /** 0-based row index in the grid. */
  row: number;
  name: string;
  unit: string;
  kind: IndicatorKind;
}

export interface BreakdownTable {
  sheet: string;
  /** 0-based header row. */
  headerRow: number;
  indicatorCol: number;
  /** -1 when the table has no total column (allowed only with `totalOptional`). */
  totalCol: number;
  totalHeader: string;
  towns: BreakdownColumn[];
  rows: BreakdownRowRef[];
}

function normHeader(v: string): string {
  return toHalfWidth(v).replace(/\s+/g, "");
}

function findHeaderRow(grid: Grid, totalOptional: boolean): number {
  const limit = Math.min(grid.rows.length, 20);
  for (let r = 0; r < limit; r++) {
    const headers = (grid.rows[r] ?? []).map((v) => normHeader(cellText(v)));
    const hasTotal = headers.some((h) => TOTAL_HEADER.test(h));
    const hasIndicator = headers.some(
      (h) => INDICATOR_HEADER.test(h) || (INDICATOR_LOOSE.test(h) && h !== "一级指标"),
    );
    if (hasTotal && hasIndicator) return r;
    // Without a total, only an exact indicator header with other headers beside it (not a title naming 指标).
    if (totalOptional && headers.some((h) => INDICATOR_HEADER.test(h)) && headers.filter(Boolean).length > 2)
      return r;
  }
  return -1;
}

/** Locates the breakdown table of a sheet, or null when the sheet holds none. */
export function findBreakdownTable(grid: Grid, totalOptional = false): BreakdownTable | null {
  const headerRow = findHeaderRow(grid, totalOptional);
  if (headerRow < 0) return null;
  const headers = (grid.rows[headerRow] ?? []).map((v) => normHeader(cellText(v)));
  let indicatorCol = headers.findIndex((h) => INDICATOR_HEADER.test(h));
  if (indicatorCol < 0) indicatorCol = headers.findIndex((h) => INDICATOR_LOOSE.test(h) && h !== "一级指标");
  const totalCol = headers.findIndex((h) => TOTAL_HEADER.test(h));
  const unitCol = headers.findIndex((h) => UNIT_HEADER.test(h));
  const kindCol = headers.findIndex((h) => KIND_HEADER.test(h));
  const isTown = (c: number) =>
    headers[c] !== "" && c !== indicatorCol && c !== totalCol && !META_HEADER.test(headers[c]);
  let towns: BreakdownColumn[] = [];
  const [lo, hi] = [Math.min(indicatorCol, totalCol), Math.max(indicatorCol, totalCol)];
  for (let c = lo + 1; c < hi; c++) if (isTown(c)) towns.push({ col: c, header: headers[c] });
  if (towns.length === 0) {
    // The total stands right after the indicator (and 单位/类型) columns: the towns follow it.
    for (let c = Math.max(indicatorCol, totalCol) + 1; c < headers.length && isTown(c); c++)
      towns.push({ col: c, header: headers[c] });
  }
  towns = towns.filter((t, i) => towns.findIndex((u) => u.header === t.header) === i);
  const rows: BreakdownRowRef[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const rawName = cellText(cells[indicatorCol] ?? null).trim();
    if (rawName === "") continue; // blank spacer rows, and rows of a second header level
    if (
      /^(注|备注|说明|填报|制表|审核)[::]?/.test(rawName) &&
      !cells.some((v, c) => c !== indicatorCol && typeof v === "number")
    )
      continue;
    const split = splitNameUnit(rawName.replace(/\s+/g, ""));
    const unit = unitCol >= 0 ? cellText(cells[unitCol] ?? null).trim() || split.unit : split.unit;
    const declared = kindCol >= 0 ? kindFromLabel(cellText(cells[kindCol] ?? null)) : undefined;
    rows.push({ row: r, name: split.name, unit, kind: declared ?? kindOf(split.name, unit) });
  }
  const totalHeader = totalCol >= 0 ? headers[totalCol] : "";
  return { sheet: grid.name, headerRow, indicatorCol, totalCol, totalHeader, towns, rows };
}
