// Small hand-made breakdowns and progress results for the 通报's sentences: every number is chosen here, so a
// sentence can be asserted whole.
import type { Breakdown, BreakdownRow, Cell } from "../../src/core/model";
import type { ProgressResult, ProgressRow, ProgressStatus } from "../../src/core/progress/evaluate";
import { DEFAULT_SETTINGS, type ProgressSettings } from "../../src/core/progress/settings";
import { officialPunctuation } from "../../src/core/text";

/** Expected text typed in ASCII punctuation, as the 通报 writes it (full width). */
export const official = officialPunctuation;

export const num = (value: number): Cell => ({ value, op: "=", text: String(value), status: "number" });

export function indicator(
  name: string,
  unit: string,
  kind: BreakdownRow["kind"],
  total: number,
  towns: Record<string, number>,
): BreakdownRow {
  const values = Object.fromEntries(Object.entries(towns).map(([t, v]) => [t, num(v)]));
  return { no: 1, name, unit, kind, values, total: num(total), dept: "" };
}

export function breakdownOf(rows: BreakdownRow[]): Breakdown {
  const units = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  return { title: "2023年示例市制造业目标任务分解", year: "2023", units, totalColumn: "全市", rows };
}

/** A progress row; completion and gap follow from value, target and schedule. */
export function progressRow(
  row: BreakdownRow,
  unit: string,
  value: number,
  o: { schedule?: number; rank: number; ranked?: number; status: ProgressStatus; streak?: number },
): ProgressRow {
  const target = row.values[unit].value as number;
  const schedule = o.schedule ?? (row.kind === "rate" ? 1 : 8 / 12);
  const completion = value / target;
  return {
    unit,
    indicator: row.name,
    measure: row.unit,
    kind: row.kind,
    value,
    target,
    completion,
    schedule,
    gap: completion - schedule,
    rank: o.rank,
    ranked: o.ranked ?? Object.keys(row.values).length,
    status: o.status,
    streak: o.streak ?? (o.status === "green" ? 0 : 1),
    previousStreak: 0,
  };
}

export function resultOf(
  month: number,
  rows: ProgressRow[],
  extra: Partial<ProgressResult> = {},
): ProgressResult {
  return { month, rows, missing: [], findings: [], ...extra };
}

export const settings: ProgressSettings = { ...DEFAULT_SETTINGS, issuer: "示例市经信局" };

export const DATE = { year: 2023, month: 9, day: 5 };
