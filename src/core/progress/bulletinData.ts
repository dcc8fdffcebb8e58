// The figures the 通报's sentences are made of, gathered once from a progress result: each indicator's rows in
// the breakdown's order, the city's total (the breakdown's 全市 target, the towns' actuals summed) and the
// city's rate where the actuals hold a 全市 figure that can be one.
import type { Breakdown, BreakdownRow } from "../model";
import { isBehind, type ProgressResult, type ProgressRow, type ProgressStatus } from "./evaluate";
import { gw, percentText, quantityText, rateGapText, scheduleGapText, shownGap } from "./bulletinWords";

export interface IndicatorRows {
  row: BreakdownRow;
  rows: ProgressRow[];
  /** Towns with a target and no figure this month. */
  missing: string[];
}

/** The indicators with figures this month, in the breakdown's order, each with its towns' rows. */
export function indicatorRows(breakdown: Breakdown, result: ProgressResult): IndicatorRows[] {
  const rows = groupBy(result.rows, (r) => r.indicator);
  const missing = groupBy(result.missing, (m) => m.indicator);
  return breakdown.rows
    .filter((b) => rows.has(b.name))
    .map((b) => ({
      row: b,
      rows: rows.get(b.name)!,
      missing: (missing.get(b.name) ?? []).map((m) => m.unit),
    }));
}

/** Items by key, each list in the items' order (pushed, not copied: results run to many thousand rows). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export interface CityTotal {
  value: number;
  /** The breakdown's 全市 target, else the towns' targets summed (`ofTowns`). */
  target: number;
  ofTowns: boolean;
  completion: number;
  schedule: number;
  behind: boolean;
}

/** A 总量型 indicator for the whole city: the towns' figures add up to the city's. */
export function cityTotal(ind: IndicatorRows, tolerance: number): CityTotal | null {
  if (ind.row.kind !== "total" || ind.rows.length === 0) return null;
  const value = ind.rows.reduce((a, r) => a + r.value, 0);
  const total = ind.row.total;
  const ofTowns = !(total.status === "number" && total.value !== null && total.value > 0);
  const target = ofTowns ? ind.rows.reduce((a, r) => a + r.target, 0) : (total.value as number);
  if (target <= 0) return null;
  const completion = value / target;
  // Every town of an indicator is due the same share (m/12, its profile or its path): the city is too.
  const schedule = ind.rows[0].schedule;
  return { value, target, ofTowns, completion, schedule, behind: isBehind(completion, schedule, tolerance) };
}

/**
 * The city's figure of a 质态型 indicator, when the actuals have one: a weighted mean of the towns' figures, so
 * a 全市 figure outside their range (a column that summed the rates) is no city rate and is not used.
 */
export function cityRate(ind: IndicatorRows, result: ProgressResult): number | null {
  if (ind.row.kind !== "rate" || ind.rows.length === 0) return null;
  const value = result.city?.find((c) => c.indicator === ind.row.name)?.value;
  if (value === undefined) return null;
  const values = ind.rows.map((r) => r.value);
  const slack = 1e-9 * Math.max(1, Math.abs(value));
  return value >= Math.min(...values) - slack && value <= Math.max(...values) + slack ? value : null;
}

/** What a town's figure says in a clause: "完成年度目标的56.0%,慢于序时进度10.7个百分点" or "3.2%,低于目标1.8个百分点". */
export function townFigure(r: ProgressRow): string {
  if (r.kind === "rate")
    return gw`${quantityText(r.value, r.measure)},${rateGapText(r.value, r.target, r.measure)}`;
  return gw`完成年度目标的${percentText(r.completion)},${scheduleGapText(shownGap(r.completion, r.schedule))}`;
}

/** How many towns of one indicator share each rank. */
export function rankCounts(rows: readonly ProgressRow[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.rank, (counts.get(r.rank) ?? 0) + 1);
  return counts;
}

/** "排名第8位", "并列第1位" (a tie shares the rank, as the 亮晒 sheet's RANK does). */
export function rankText(r: ProgressRow, counts: Map<number, number>): string {
  return `${(counts.get(r.rank) ?? 1) > 1 ? "并列" : "排名"}第${r.rank}位`;
}

export const LIGHT_NAME: Record<ProgressStatus, string> = { red: "红灯", yellow: "黄灯", green: "绿灯" };

/** Counts of the lights in a result. */
export function lightCounts(result: ProgressResult): Record<ProgressStatus, number> {
  const count = { red: 0, yellow: 0, green: 0 };
  for (const r of result.rows) count[r.status]++;
  return count;
}

/** The units evaluated (with a figure or missing), in the breakdown's order. */
export function unitsOf(breakdown: Breakdown, result: ProgressResult): string[] {
  const seen = new Set([...result.rows.map((r) => r.unit), ...result.missing.map((m) => m.unit)]);
  return breakdown.units.filter((u) => seen.has(u));
}
