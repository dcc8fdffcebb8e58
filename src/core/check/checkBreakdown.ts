// The breakdown check, indicator by indicator and measure by measure: 总量型 amounts must add up to the city
// target, 质态型 rates cannot and are judged against the towns' range or, with base weights, their weighted
// mean; shares add up to the whole; a subtotal is checked against its own members and never counted twice.
import type { Grid, GridValue } from "../grid";
import type { IndicatorKind } from "../model";
import { normalizeName, quoted } from "../text";
import { measureName, type Measure } from "../table/measure";
import { addressAt, cellAt, type BreakdownTable, type TableRow } from "../table/types";
import { isExcelNumber } from "../numbers";
import {
  decimalText,
  decimalToNumber,
  exactSum,
  maxDecimals,
  numberText,
  roundTo,
  signOf,
  subtractDecimal,
  toDecimal,
} from "./decimal";
import { message, said, type Message } from "../messages/message";
import { valueNote } from "../messages/valueNotes";
import { readSheetValue, type SheetValue } from "./sheetValue";
import { STATUS_LABEL, STATUS_SEVERITY, type RowStatus, type Severity } from "./status";

export interface ValueNote {
  cell: string;
  text: string;
  note: string;
}

export interface RowResult {
  /** 1-based worksheet row of the indicator's first cell. */
  row: number;
  indicator: string;
  unit: string;
  kind: IndicatorKind;
  /** What the numbers are: the year, tier or role of the slice (several per indicator in a tiered table). */
  measure: Measure;
  /** Set when the result is a subtotal's check against its members ("街道小计"). */
  subtotal?: string;
  status: RowStatus;
  severity: Severity;
  target: number | null;
  /** 总量型: the towns' sum; 质态型: their weighted mean when weights are given, else null. */
  allocated: number | null;
  /** allocated − target. */
  difference: number | null;
  /** 质态型: the towns' smallest and largest values. */
  range?: [number, number];
  /** The offending cells (A1). */
  cells: string[];
  /** The indicator's town and total cells as one range (A1), e.g. "E13:M13": what "go to this row" selects. */
  rowCells: string;
  /** The verdict in Chinese, as the CLI prints it and the report sheet shows it. */
  message: string;
  /** The same as a code with params, for the task pane's language. */
  msg: Message;
  /** Numbers that were read from text, full-width digits, with units… */
  notes: ValueNote[];
}

export interface CheckResult {
  sheet: string;
  units: string[];
  totalColumn: string;
  results: RowResult[];
  summary: Partial<Record<RowStatus, number>>;
}

/** Base weights by normalized indicator name, then by town. */
export type Weights = Map<string, Map<string, number>>;

export interface CheckOptions {
  weights?: Weights;
}

/** A number as the check takes it: at its 15 significant digits (0.30000000000000004 is 0.3). */
const fmt = numberText;

/** A cell holding a number no cell can hold, named with its town and problem: E5(当湖街道)的值“NaN”(非数值 NaN). */
const badNumber = (cell: string, town: string, v: SheetValue) =>
  message("check.cell_bad_number", {
    cell,
    town,
    text: quoted(v.text),
    problem: valueNote(v.numberProblem!),
  });

/** The cells of one indicator in one slice: its towns' (or a subtotal's members') and the total's. */
interface Line {
  header: string;
  line: number;
}

interface Scope {
  towns: Line[];
  total: Line;
  /** The whole the towns are checked against, as messages name it: 全市, 街道小计. */
  label: string;
}

function result(
  base: Omit<RowResult, "status" | "severity" | "message" | "msg" | "cells">,
  status: RowStatus,
  cells: string[],
  m: Message,
): RowResult {
  return { ...base, status, severity: STATUS_SEVERITY[status], cells, ...said(m) };
}

/** Reads a row's cells at unit-axis lines: a row of the grid, or a column of it in a towns-as-rows table. */
function reader(grid: Grid, t: BreakdownTable, ref: TableRow) {
  if (t.orientation === "indicator-rows") {
    const cells = grid.rows[ref.line] ?? [];
    return (line: number): GridValue => cells[line] ?? null;
  }
  return (line: number): GridValue => grid.rows[line]?.[ref.line] ?? null;
}

function checkScope(
  grid: Grid,
  t: BreakdownTable,
  ref: TableRow,
  scope: Scope,
  options: CheckOptions,
  subtotal?: string,
): RowResult {
  const at = reader(grid, t, ref);
  const a1 = (line: number) => addressAt(t, ref, line);
  const total = readSheetValue(at(scope.total.line));
  // Numbers are the common case by far (a province is 680,000 of them): they go straight into an array; only
  // the other cells become SheetValue objects, and cell references are made only for what is reported.
  const values: number[] = [];
  const valueTowns: number[] = [];
  const others: { k: number; v: SheetValue }[] = [];
  const notes: ValueNote[] = [];
  for (let k = 0; k < scope.towns.length; k++) {
    const raw = at(scope.towns[k].line);
    if (typeof raw === "number" && isExcelNumber(raw)) {
      values.push(raw);
      valueTowns.push(k);
      continue;
    }
    const v = readSheetValue(raw);
    if (v.status === "number") {
      values.push(v.value as number);
      valueTowns.push(k);
      notes.push({ cell: a1(scope.towns[k].line), text: v.text, note: v.notes.join("、") });
    } else others.push({ k, v });
  }
  if (total.status === "number" && total.notes.length > 0)
    notes.push({ cell: a1(scope.total.line), text: total.text, note: total.notes.join("、") });
  let lo = scope.total.line;
  let hi = scope.total.line;
  for (const u of scope.towns) {
    if (u.line < lo) lo = u.line;
    if (u.line > hi) hi = u.line;
  }
  const [r0] = cellAt(t, ref, lo);
  const base = {
    rowCells: `${a1(lo)}:${a1(hi)}`,
    row: r0 + 1,
    indicator: ref.name,
    unit: ref.unit,
    kind: ref.kind,
    measure: t.measure,
    ...(subtotal ? { subtotal } : {}),
    target: total.value,
    allocated: null as number | null,
    difference: null as number | null,
    notes,
  };
  const totalCell = a1(scope.total.line);
  const label = scope.label;
  const town = (k: number) => ({ town: scope.towns[k].header, cell: a1(scope.towns[k].line) });

  // The city target itself first: pending, none and qualitative rows are not errors; a broken target is.
  if (total.status === "invalid")
    return result(
      base,
      "invalid",
      [totalCell],
      total.numberProblem
        ? message("check.total_bad_number", {
            label,
            cell: totalCell,
            text: quoted(total.text),
            problem: valueNote(total.numberProblem),
          })
        : message("check.total_not_number", { label, cell: totalCell, text: total.text }),
    );
  if (total.status === "pending")
    return result(base, "pending", [], message("check.total_pending", { label, text: total.text }));
  if (total.status === "qualitative")
    return result(base, "qualitative", [], message("check.qualitative", { text: total.text }));
  if (total.status === "none") return result(base, "none", [], message("check.total_none", { label }));

  const invalid = others.filter((o) => o.v.status === "invalid").map((o) => ({ ...town(o.k), v: o.v }));
  if (invalid.length > 0) {
    const list = invalid.map(({ cell, town, v }) => {
      if (v.numberProblem) return badNumber(cell, town, v);
      const note = v.notes.includes("不是数字") ? undefined : v.notes[0];
      const text = quoted(v.text);
      return note
        ? message("check.cell_text_note", { cell, town, text, note: valueNote(note) })
        : message("check.cell_text", { cell, town, text });
    });
    return result(
      base,
      "invalid",
      invalid.map((x) => x.cell),
      message("check.cells_invalid", { cells: list }),
    );
  }
  const missing = [
    ...others.filter((o) => o.v.status === "missing").map((o) => town(o.k)),
    ...(total.status === "missing" ? [{ town: label, cell: totalCell }] : []),
  ];
  if (missing.length > 0) {
    return result(
      base,
      "missing",
      missing.map((x) => x.cell),
      message("check.cells_missing", { cells: missing.map((x) => message("check.cell_town", x)) }),
    );
  }
  if (values.length === 0) {
    const words = others.every((o) => o.v.status === "pending") ? "pending" : "none";
    return result(base, words, [], message(words === "pending" ? "check.towns_pending" : "check.towns_none"));
  }
  const target = total.value as number;

  if (t.measure.role === "share" || ref.kind === "total") {
    // Exactly: each value at its 15 significant digits (as Excel shows it), added without rounding.
    const exact = exactSum(values);
    const gap = subtractDecimal(exact, toDecimal(target));
    const sum = decimalToNumber(exact);
    const [sumText, gapText] = [decimalText(exact), decimalText(gap)];
    base.allocated = sum;
    base.difference = decimalToNumber(gap);
    if (!isExcelNumber(sum)) {
      base.allocated = null;
      base.difference = null;
      return result(base, "invalid", [totalCell], message("check.sum_too_large", { sum: sumText }));
    }
    if (t.measure.role === "share") {
      // Shares of the whole add up to it, within what rounding each share to its decimals can lose.
      const d = maxDecimals([...values, target]);
      const slack = values.length * 0.5 * 10 ** -d + 1e-9;
      const share = { sum: sumText, label, target: fmt(target) };
      if (Math.abs(base.difference) <= slack) return result(base, "ok", [], message("check.share_ok", share));
      return result(
        base,
        signOf(gap) > 0 ? "over" : "short",
        [totalCell],
        message("check.share_off", { ...share, gap: gapText }),
      );
    }
    const sign = signOf(gap);
    const sums = { sum: sumText, label, target: fmt(target) };
    if (sign === 0) return result(base, "ok", [], message("check.sum_ok", sums));
    if (sign > 0)
      return result(base, "over", [totalCell], message("check.sum_over", { ...sums, excess: gapText }));
    const shortBy = decimalText({ int: -gap.int, scale: gap.scale });
    return result(base, "short", [totalCell], message("check.sum_short", { ...sums, gap: shortBy }));
  }

  // 质态型: the city value is a weighted mean of the towns' values.
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const withRange = { ...base, range: [min, max] as [number, number] };
  const weights = options.weights?.get(normalizeName(ref.name));
  if (weights) {
    let wSum = 0;
    let weighted = 0;
    values.forEach((v, i) => {
      const w = weights.get(scope.towns[valueTowns[i]].header) ?? 0;
      if (w > 0) {
        wSum += w;
        weighted += w * v;
      }
    });
    // (Values near 1e307 times their weights can pass the doubles' range: then the range check below decides.)
    if (wSum > 0 && Number.isFinite(weighted / wSum)) {
      const mean = weighted / wSum;
      // The target is stated to its own precision: the mean agrees when it rounds to the target.
      const d = maxDecimals([target]);
      const shown = roundTo(mean, Math.max(d + 2, 2));
      withRange.allocated = shown;
      withRange.difference = roundTo(mean - target, Math.max(d + 2, 2));
      const means = { mean: fmt(shown), label, target: fmt(target) };
      if (Math.abs(mean - target) <= 0.5 * 10 ** -d + 1e-12)
        return result(withRange, "ok", [], message("check.weighted_ok", means));
      return result(withRange, "out_of_range", [totalCell], message("check.weighted_off", means));
    }
  }
  const inRange = target >= min - 1e-12 && target <= max + 1e-12;
  // Towns that all have one value: "均为 6", not the range "6–6".
  if (min === max) {
    const same = { label, target: fmt(target), value: fmt(min) };
    if (inRange) return result(withRange, "ok", [], message("check.same_ok", same));
    return result(withRange, "out_of_range", [totalCell], message("check.same_off", same));
  }
  const range = { label, target: fmt(target), min: fmt(min), max: fmt(max) };
  if (inRange) return result(withRange, "ok", [], message("check.range_ok", range));
  return result(withRange, "out_of_range", [totalCell], message("check.range_off", range));
}

/** The results of one slice: each indicator against the total, then each subtotal that disagrees with its members. */
export function checkBreakdown(grid: Grid, table: BreakdownTable, options: CheckOptions = {}): CheckResult {
  const scope: Scope = {
    towns: table.towns,
    total: { header: table.totalHeader, line: table.totalLine },
    label: table.totalHeader,
  };
  const results: RowResult[] = [];
  for (const ref of table.rows) {
    results.push(checkScope(grid, table, ref, scope, options));
    for (const sub of table.subtotals) {
      if (sub.members.length === 0) continue;
      const members = sub.members.map((k) => table.towns[k]);
      const r = checkScope(
        grid,
        table,
        ref,
        { towns: members, total: sub, label: sub.header },
        options,
        sub.header,
      );
      if (r.severity !== "info") results.push(r);
    }
  }
  return {
    sheet: table.sheet,
    units: table.towns.map((t) => t.header),
    totalColumn: table.totalHeader,
    results,
    summary: summarize(results),
  };
}

export function summarize(results: RowResult[]): CheckResult["summary"] {
  const summary: CheckResult["summary"] = {};
  for (const r of results) summary[r.status] = (summary[r.status] ?? 0) + 1;
  return summary;
}

export function hasErrors(result: CheckResult): boolean {
  return result.results.some((r) => r.severity === "error");
}

/** "制造业投资 · 2023年 确保": an indicator and, when the table has several, which measure. */
export function resultName(r: RowResult, severalMeasures: boolean): string {
  const m = severalMeasures ? measureName(r.measure) : "";
  return [r.indicator, m, r.subtotal ?? ""].filter(Boolean).join(" · ");
}

export { STATUS_LABEL };
