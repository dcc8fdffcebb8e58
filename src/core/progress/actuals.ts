// Monthly actuals: cumulative 1–m月 figures per unit and indicator, as read from a workbook in either layout
// (monthSheets.ts: one sheet per month in the breakdown layout; longTable.ts: 单位/指标/月份/累计值).
import { readSheetValue } from "../check/sheetValue";
import { cellRef } from "../layout/a1";
import { expandMerges, type Grid, type GridValue } from "../grid";
import type { Breakdown } from "../model";
import { normalizeName } from "../text";
import { resolveUnit } from "../assign/unitNames";
import { isTotalWord } from "../table/vocabulary";
import { readLongTable } from "./longTable";
import { readMonthSheet } from "./monthSheets";

export interface ActualReading {
  /** The cumulative figure; null when the cell is blank or holds no number. */
  value: number | null;
  sheet: string;
  /** A1 reference of the cell. */
  cell: string;
}

export interface ProgressFinding {
  sheet: string;
  cell: string;
  severity: "error" | "warning";
  message: string;
}

export interface Actuals {
  /** normalizeName(indicator) → unit → month → reading. */
  readings: Map<string, Map<string, Map<number, ActualReading>>>;
  /** Months that have figures, ascending. */
  months: number[];
  findings: ProgressFinding[];
}

/** Collects readings while the layouts are read; it knows the breakdown's units and indicators. */
export class ActualsCollector {
  readonly actuals: Actuals = { readings: new Map(), months: [], findings: [] };
  private readonly indicators: Map<string, string>;
  private readonly units: Map<string, string>;
  private readonly unknown = new Set<string>();

  constructor(breakdown: Breakdown) {
    this.indicators = new Map(breakdown.rows.map((r) => [normalizeName(r.name), r.name]));
    this.units = new Map(breakdown.units.map((u) => [resolveUnit(u), u]));
  }

  /** The breakdown's own name of an indicator, or null (reported once per sheet) when it has none. */
  indicator(name: string, sheet: string, cell: string): string | null {
    const known = this.indicators.get(normalizeName(name));
    if (known !== undefined) return normalizeName(known);
    this.once(sheet, cell, `指标“${name}”不在分解表中,已跳过`);
    return null;
  }

  unit(name: string, sheet: string, cell: string): string | null {
    const known = this.units.get(resolveUnit(name));
    if (known !== undefined) return known;
    if (isTotalWord(name)) return null;
    this.once(sheet, cell, `单位“${name}”不在分解表中,已跳过`);
    return null;
  }

  private once(sheet: string, cell: string, message: string) {
    const key = `${sheet}\u0000${message}`;
    if (this.unknown.has(key)) return;
    this.unknown.add(key);
    this.actuals.findings.push({ sheet, cell, severity: "warning", message });
  }

  /** Reads one cell the way a clerk means it; problems become findings naming sheet and cell. */
  add(indicator: string, unit: string, month: number, v: GridValue, sheet: string, row: number, col: number) {
    const cell = cellRef(row + 1, col + 1);
    const read = readSheetValue(v);
    const where = `${unit} · ${month}月`;
    if (read.status === "none") return; // "-": the unit reports nothing for this indicator
    let value: number | null = null;
    if (read.status === "number") {
      value = read.value;
      if (read.notes.length > 0)
        this.actuals.findings.push({
          sheet,
          cell,
          severity: "warning",
          message: `${where}:“${read.text}”按数字 ${value} 读取(${read.notes.join("、")})`,
        });
    } else if (read.numberProblem)
      this.actuals.findings.push({
        sheet,
        cell,
        severity: "error",
        message: `${where}:${cell} 的值“${read.text.trim()}”不是有效数字(${read.numberProblem}),不计入进度`,
      });
    else if (read.status === "missing")
      this.actuals.findings.push({ sheet, cell, severity: "warning", message: `${where}:未填报(空白)` });
    else
      this.actuals.findings.push({
        sheet,
        cell,
        severity: "error",
        message: `${where}:“${read.text}”不是数字${read.notes.length ? `(${read.notes.join("、")})` : ""}`,
      });
    const byUnit = this.actuals.readings.get(indicator) ?? new Map<string, Map<number, ActualReading>>();
    this.actuals.readings.set(indicator, byUnit);
    const byMonth = byUnit.get(unit) ?? new Map<number, ActualReading>();
    byUnit.set(unit, byMonth);
    if (byMonth.has(month))
      this.actuals.findings.push({ sheet, cell, severity: "warning", message: `${where}:重复填报,取后者` });
    byMonth.set(month, { value, sheet, cell });
    if (value !== null && !this.actuals.months.includes(month)) {
      this.actuals.months.push(month);
      this.actuals.months.sort((a, b) => a - b);
    }
  }
}

/** Reads every sheet that holds actuals in either layout; sheets holding neither are ignored. */
export function readActuals(grids: Grid[], breakdown: Breakdown): Actuals {
  const collector = new ActualsCollector(breakdown);
  for (const raw of grids) {
    const grid = expandMerges(raw);
    if (!readMonthSheet(grid, collector)) readLongTable(grid, collector);
  }
  return collector.actuals;
}
