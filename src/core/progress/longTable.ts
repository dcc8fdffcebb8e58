// Layout (b): a long table with the columns 单位, 指标, 月份, 累计值 (in any order, under titles), one figure a
// row — what a statistics system exports or a clerk pastes from several months at once.
import { cellText, type Grid } from "../grid";
import { cellRef } from "../layout/a1";
import { headerKey, INDICATOR_LABEL, isTotalWord, UNIT_LABEL } from "../table/vocabulary";
import { splitNameUnit } from "../units";
import type { ActualsCollector } from "./actuals";
import { message, said } from "../messages/message";
import { monthOfCell } from "./month";

// 单位 / 指标 from the shared vocabulary; 月份 and 累计值 are this layout's own words.
const HEADERS: Record<"unit" | "indicator" | "month" | "value", (key: string) => boolean> = {
  unit: (k) => UNIT_LABEL.test(k),
  // 项目 is too loose here: a statistics export's 项目 column lists projects, not the breakdown's indicators.
  indicator: (k) => INDICATOR_LABEL.test(k) && k !== "项目",
  month: (k) => /^(月份|月|统计月份|时期|期别)$/.test(k),
  value: (k) => /^(累计值|累计|累计完成|累计数|完成值|数值|本年累计|1-m月累计)$/.test(k),
};

type Columns = Record<keyof typeof HEADERS, number>;

function findColumns(grid: Grid): { row: number; cols: Columns } | null {
  for (let r = 0; r < Math.min(grid.rows.length, 20); r++) {
    const heads = (grid.rows[r] ?? []).map((v) => headerKey(cellText(v)));
    const cols = {} as Columns;
    for (const key of Object.keys(HEADERS) as (keyof Columns)[]) cols[key] = heads.findIndex(HEADERS[key]);
    if (Object.values(cols).every((c) => c >= 0)) return { row: r, cols };
  }
  return null;
}

/** Reads the sheet when it holds the long table; false otherwise. */
export function readLongTable(grid: Grid, collector: ActualsCollector): boolean {
  const found = findColumns(grid);
  if (!found) return false;
  const { row: header, cols } = found;
  for (let r = header + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const unitText = cellText(cells[cols.unit] ?? null).trim();
    const nameText = cellText(cells[cols.indicator] ?? null).trim();
    if (unitText === "" && nameText === "") continue;
    const month = monthOfCell(cells[cols.month] ?? null);
    if (month === null) {
      collector.actuals.findings.push({
        sheet: grid.name,
        cell: cellRef(r + 1, cols.month + 1),
        severity: "error",
        ...said(message("progress.bad_month", { text: cellText(cells[cols.month] ?? null) })),
      });
      continue;
    }
    const unit = collector.unit(unitText, grid.name, cellRef(r + 1, cols.unit + 1));
    const name = splitNameUnit(nameText.replace(/\s+/g, "")).name;
    const indicator = collector.indicator(name, grid.name, cellRef(r + 1, cols.indicator + 1));
    if (indicator !== null && unit === null && isTotalWord(unitText))
      collector.addCity(indicator, month, cells[cols.value] ?? null);
    if (unit === null || indicator === null) continue;
    collector.add(indicator, unit, month, cells[cols.value] ?? null, grid.name, r, cols.value);
  }
  return true;
}
