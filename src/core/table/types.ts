// The table model: a breakdown table as cells addressed by indicator × unit × measure, whatever its layout.
// A table is read once (readTable.ts) into slices, one per measure; a slice is a plain 2-D view — indicators
// along one axis, units along the other — so every job reads a towns-as-rows sheet, a one-indicator sheet or a
// 确保/力争 table exactly as it reads 平湖's 附件3.
import { cellRef } from "../layout/a1";
import type { IndicatorKind } from "../model";
import type { Measure } from "./measure";

/** indicator-rows: indicators are rows, units columns (附件3); unit-rows: units are rows, indicators columns. */
export type Orientation = "indicator-rows" | "unit-rows";

/** A unit (town, street, park, county) on the unit axis of one slice. */
export interface TableUnit {
  header: string;
  /** 0-based column (indicator-rows) or row (unit-rows) of the unit's cells in this slice. */
  line: number;
  /** The group header above it, e.g. "街道" or "东片区"; "" when none. */
  group: string;
}

/** A 小计 / X片区合计 on the unit axis: never counted in the total, checked against its members. */
export interface TableSubtotal {
  header: string;
  line: number;
  /** Indices into the slice's towns. */
  members: number[];
  /** How the members were told: by the subtotal's name (街道小计), by a group header, or by position. */
  by: "name" | "group" | "position";
}

/** An indicator of one slice. */
export interface TableRow {
  /** 0-based row (indicator-rows) or column (unit-rows) of the indicator's cells in this slice. */
  line: number;
  name: string;
  /** Unit of measure: 亿元, %, 家. */
  unit: string;
  kind: IndicatorKind;
  /** 0-based sheet row of the indicator's name (for unit-rows, the header row that names it). */
  row: number;
  /** 0-based sheet column of the indicator's name. */
  col: number;
}

/** One measure of a table: indicators × units, with the total and subtotals on the unit axis. */
export interface BreakdownTable {
  sheet: string;
  orientation: Orientation;
  measure: Measure;
  /** 0-based first row of the header, and how many rows it spans (1–3). */
  headerRow: number;
  headerRows: number;
  /** 0-based column of the labels: indicator names (indicator-rows) or unit names (unit-rows). */
  labelCol: number;
  /** The text above the header that names the table ("2023年各镇(街道)工业投资目标任务分解表"), else "". */
  title: string;
  towns: TableUnit[];
  /** -1 when the table has no total (allowed only with `totalOptional`). */
  totalLine: number;
  totalHeader: string;
  subtotals: TableSubtotal[];
  /** "其中:" units: parts of the unit before them, never counted. */
  parts: TableUnit[];
  rows: TableRow[];
}

/** Every measure of one table. */
export interface TableModel {
  sheet: string;
  orientation: Orientation;
  title: string;
  /** The table's year (title, else sheet name); "" when neither says. */
  year: string;
  headerRow: number;
  headerRows: number;
  /** One per measure, in the order compareMeasures gives; never empty. */
  slices: BreakdownTable[];
  /** What was read differently from the plain layout, for the clerk ("第4行“街道小计”是小计,不计入合计"). */
  notes: string[];
}

/** Why a sheet that looks like a breakdown could not be read as one: what was found and what is missing. */
export interface TableProblem {
  sheet: string;
  /** 0-based row of the header that was found. */
  headerRow: number;
  /** The corner word that was found ("指标名称", "镇(街道)"). */
  label: string;
  /** 0-based column of the labels under that corner. */
  labelCol: number;
  orientation: Orientation;
  missing: "total" | "units" | "indicators";
}

/** The sheet cell [row, col] (0-based) of a slice's indicator at a unit-axis line. */
export function cellAt(t: BreakdownTable, row: TableRow, line: number): [number, number] {
  return t.orientation === "indicator-rows" ? [row.line, line] : [line, row.line];
}

/** The same cell as an A1 address ("E13"), for messages and writes. */
export function addressAt(t: BreakdownTable, row: TableRow, line: number): string {
  const [r, c] = cellAt(t, row, line);
  return cellRef(r + 1, c + 1);
}
