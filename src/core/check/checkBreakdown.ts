// The breakdown check, row by row: 总量型 amounts must add up to the city target, 质态型 rates cannot and are
// judged against the towns' range or, with base weights, their weighted mean.
import type { Grid } from "../grid";
import type { IndicatorKind } from "../model";
import { normalizeName } from "../text";
import { cellRef } from "../layout/a1";
import type { BreakdownTable } from "./breakdownTable";
import { decimalDifference, decimalSum, maxDecimals, roundTo } from "./decimal";
import { readSheetValue, type SheetValue } from "./sheetValue";
import { STATUS_LABEL, STATUS_SEVERITY, type RowStatus, type Severity } from "./status";

export interface ValueNote {
  cell: string;
  text: string;
  note: string;
}

export interface RowResult {
  /** 1-based worksheet row. */
  row: number;
  indicator: string;
  unit: string;
  kind: IndicatorKind;
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
  /** The row's town and total cells as one range (A1), e.g. "E13:M13": what "go to this row" selects. */
  rowCells: string;
  message: string;
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

const fmt = (x: number) => String(x);

function result(
  base: Omit<RowResult, "status" | "severity" | "message" | "cells">,
  status: RowStatus,
  cells: string[],
  message: string,
): RowResult {
  return { ...base, status, severity: STATUS_SEVERITY[status], cells, message };
}

function checkRow(
  grid: Grid,
  table: BreakdownTable,
  ref: BreakdownTable["rows"][number],
  options: CheckOptions,
): RowResult {
  const row = grid.rows[ref.row] ?? [];
  const a1 = (col: number) => cellRef(ref.row + 1, col + 1);
  const total = readSheetValue(row[table.totalCol] ?? null);
  // Numbers are the common case by far (a province is 680,000 of them): they go straight into an array; only
  // the other cells become SheetValue objects, and cell references are made only for what is reported.
  const values: number[] = [];
  const valueTowns: number[] = [];
  const others: { k: number; v: SheetValue }[] = [];
  const notes: ValueNote[] = [];
  for (let k = 0; k < table.towns.length; k++) {
    const raw = row[table.towns[k].col] ?? null;
    if (typeof raw === "number") {
      values.push(raw);
      valueTowns.push(k);
      continue;
    }
    const v = readSheetValue(raw);
    if (v.status === "number") {
      values.push(v.value as number);
      valueTowns.push(k);
      notes.push({ cell: a1(table.towns[k].col), text: v.text, note: v.notes.join("、") });
    } else others.push({ k, v });
  }
  if (total.status === "number" && total.notes.length > 0)
    notes.push({ cell: a1(table.totalCol), text: total.text, note: total.notes.join("、") });
  const cols = [...table.towns.map((t) => t.col), table.totalCol];
  const base = {
    rowCells: `${a1(Math.min(...cols))}:${a1(Math.max(...cols))}`,
    row: ref.row + 1,
    indicator: ref.name,
    unit: ref.unit,
    kind: ref.kind,
    target: total.value,
    allocated: null as number | null,
    difference: null as number | null,
    notes,
  };
  const totalCell = a1(table.totalCol);
  const label = `${table.totalHeader}`;
  const town = (k: number) => ({ town: table.towns[k].header, cell: a1(table.towns[k].col) });

  // The city target itself first: pending, none and qualitative rows are not errors; a broken target is.
  if (total.status === "invalid")
    return result(base, "invalid", [totalCell], `${label}目标 ${totalCell}“${total.text}”不是数字`);
  if (total.status === "pending") return result(base, "pending", [], `${label}目标待下达(${total.text})`);
  if (total.status === "qualitative") return result(base, "qualitative", [], `定性目标:${total.text}`);
  if (total.status === "none") return result(base, "none", [], `${label}无此项目标`);

  const invalid = others.filter((o) => o.v.status === "invalid").map((o) => ({ ...town(o.k), v: o.v }));
  if (invalid.length > 0) {
    const list = invalid.map(
      (t) => `${t.cell}(${t.town})“${t.v.text}”${t.v.notes.includes("不是数字") ? "" : (t.v.notes[0] ?? "")}`,
    );
    return result(
      base,
      "invalid",
      invalid.map((t) => t.cell),
      `${list.join("、")} 不是有效数字`,
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
      missing.map((t) => t.cell),
      `${missing.map((t) => `${t.cell}(${t.town})`).join("、")} 为空,应填写数字`,
    );
  }
  if (values.length === 0) {
    const words = others.every((o) => o.v.status === "pending") ? "pending" : "none";
    return result(base, words, [], words === "pending" ? "各单位目标待下达" : "各单位均无此项目标");
  }
  const target = total.value as number;

  if (ref.kind === "total") {
    const { sum } = decimalSum(values);
    const diff = decimalDifference(sum, target);
    base.allocated = sum;
    base.difference = diff;
    if (diff === 0) return result(base, "ok", [], `各单位合计 ${fmt(sum)},与${label} ${fmt(target)} 一致`);
    if (diff > 0)
      return result(
        base,
        "over",
        [totalCell],
        `各单位合计 ${fmt(sum)},超过${label}目标 ${fmt(target)} 共 ${fmt(diff)}(超额分解)`,
      );
    return result(
      base,
      "short",
      [totalCell],
      `各单位合计 ${fmt(sum)},比${label}目标 ${fmt(target)} 少 ${fmt(-diff)}(分解有缺口)`,
    );
  }

  // 质态型: the city value is a weighted mean of the towns' values.
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const withRange = { ...base, range: [lo, hi] as [number, number] };
  const weights = options.weights?.get(normalizeName(ref.name));
  if (weights) {
    let wSum = 0;
    let weighted = 0;
    values.forEach((v, i) => {
      const w = weights.get(table.towns[valueTowns[i]].header) ?? 0;
      if (w > 0) {
        wSum += w;
        weighted += w * v;
      }
    });
    if (wSum > 0) {
      const mean = weighted / wSum;
      // The target is stated to its own precision: the mean agrees when it rounds to the target.
      const d = maxDecimals([target]);
      const shown = roundTo(mean, Math.max(d + 2, 2));
      withRange.allocated = shown;
      withRange.difference = roundTo(mean - target, Math.max(d + 2, 2));
      if (Math.abs(mean - target) <= 0.5 * 10 ** -d + 1e-12)
        return result(withRange, "ok", [], `按基数加权平均 ${fmt(shown)},与${label} ${fmt(target)} 一致`);
      return result(
        withRange,
        "out_of_range",
        [totalCell],
        `按基数加权平均 ${fmt(shown)},与${label} ${fmt(target)} 不符`,
      );
    }
  }
  if (target >= lo - 1e-12 && target <= hi + 1e-12)
    return result(withRange, "ok", [], `${label} ${fmt(target)} 介于各单位 ${fmt(lo)}–${fmt(hi)} 之间`);
  return result(
    withRange,
    "out_of_range",
    [totalCell],
    `${label} ${fmt(target)} 不在各单位 ${fmt(lo)}–${fmt(hi)} 之间(质态型指标的全市值应为各单位的加权平均)`,
  );
}

export function checkBreakdown(grid: Grid, table: BreakdownTable, options: CheckOptions = {}): CheckResult {
  const results = table.rows.map((ref) => checkRow(grid, table, ref, options));
  const summary: CheckResult["summary"] = {};
  for (const r of results) summary[r.status] = (summary[r.status] ?? 0) + 1;
  return {
    sheet: table.sheet,
    units: table.towns.map((t) => t.header),
    totalColumn: table.totalHeader,
    results,
    summary,
  };
}

export function hasErrors(result: CheckResult): boolean {
  return result.results.some((r) => r.severity === "error");
}

export { STATUS_LABEL };
