// Monthly actuals: cumulative 1–m月 figures per unit and indicator, as read from a workbook in either layout
// (monthSheets.ts: one sheet per month in the breakdown layout; longTable.ts: 单位/指标/月份/累计值).
import { readSheetValue } from "../check/sheetValue";
import { cellRef } from "../layout/a1";
import { expandMerges, type Grid, type GridValue } from "../grid";
import type { Breakdown } from "../model";
import { normalizeName } from "../text";
import { resolveUnit } from "../assign/unitNames";
import { isTotalWord } from "../table/vocabulary";
import { message, said, type Message } from "../messages/message";
import { valueNote, valueNotes } from "../messages/valueNotes";
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
  msg: Message;
}

export interface Actuals {
  /** normalizeName(indicator) → unit → month → reading. */
  readings: Map<string, Map<string, Map<number, ActualReading>>>;
  /** Months that have figures, ascending. */
  months: number[];
  findings: ProgressFinding[];
  /**
   * normalizeName(indicator) → month → the 全市 figure, where the sheet has one: a city's rate is a weighted mean
   * the towns' figures cannot give. Only numbers are kept; the towns' figures are what is checked and noted.
   */
  city: Map<string, Map<number, number>>;
}

/** Collects readings while the layouts are read; it knows the breakdown's units and indicators. */
export class ActualsCollector {
  readonly actuals: Actuals = { readings: new Map(), months: [], findings: [], city: new Map() };
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
    this.once(sheet, cell, message("progress.unknown_indicator", { name }));
    return null;
  }

  unit(name: string, sheet: string, cell: string): string | null {
    const known = this.units.get(resolveUnit(name));
    if (known !== undefined) return known;
    if (isTotalWord(name)) return null;
    this.once(sheet, cell, message("progress.unknown_unit", { name }));
    return null;
  }

  private once(sheet: string, cell: string, m: Message) {
    const finding = { sheet, cell, severity: "warning" as const, ...said(m) };
    const key = `${sheet}\u0000${finding.message}`;
    if (this.unknown.has(key)) return;
    this.unknown.add(key);
    this.actuals.findings.push(finding);
  }

  private note(sheet: string, cell: string, severity: ProgressFinding["severity"], m: Message) {
    this.actuals.findings.push({ sheet, cell, severity, ...said(m) });
  }

  /** Keeps a 全市 figure when it is a number (an indicator name from `indicator`). */
  addCity(indicator: string, month: number, v: GridValue) {
    const read = readSheetValue(v);
    if (read.status !== "number" || read.value === null) return;
    const byMonth = this.actuals.city.get(indicator) ?? new Map<number, number>();
    this.actuals.city.set(indicator, byMonth);
    byMonth.set(month, read.value);
  }

  /** Reads one cell the way a clerk means it; problems become findings naming sheet and cell. */
  add(indicator: string, unit: string, month: number, v: GridValue, sheet: string, row: number, col: number) {
    const cell = cellRef(row + 1, col + 1);
    const read = readSheetValue(v);
    const where = { unit, month };
    if (read.status === "none") return; // "-": the unit reports nothing for this indicator
    let value: number | null = null;
    if (read.status === "number") {
      value = read.value;
      if (read.notes.length > 0) {
        const notes = valueNotes(read.notes);
        this.note(
          sheet,
          cell,
          "warning",
          message("progress.text_number", { ...where, text: read.text, value: value!, notes }),
        );
      }
    } else if (read.numberProblem) {
      const problem = valueNote(read.numberProblem);
      const text = read.text.trim();
      this.note(sheet, cell, "error", message("progress.invalid_number", { ...where, cell, text, problem }));
    } else if (read.status === "missing") this.note(sheet, cell, "warning", message("progress.blank", where));
    else if (read.notes.length > 0) {
      const notes = valueNotes(read.notes);
      this.note(
        sheet,
        cell,
        "error",
        message("progress.not_number_notes", { ...where, text: read.text, notes }),
      );
    } else this.note(sheet, cell, "error", message("progress.not_number", { ...where, text: read.text }));
    const byUnit = this.actuals.readings.get(indicator) ?? new Map<string, Map<number, ActualReading>>();
    this.actuals.readings.set(indicator, byUnit);
    const byMonth = byUnit.get(unit) ?? new Map<number, ActualReading>();
    byUnit.set(unit, byMonth);
    if (byMonth.has(month)) this.note(sheet, cell, "warning", message("progress.duplicate", where));
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
