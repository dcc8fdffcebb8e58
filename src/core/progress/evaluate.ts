// Status per unit, indicator and month: completion (cumulative value ÷ year target), gap to 序时进度, rank among
// the towns by completion; green on or ahead of schedule, yellow behind this month, red behind for N months in a
// row AND ranked in the bottom share. The bulletin's formulas compute the same from the same numbers.
import type { Breakdown, BreakdownRow } from "../model";
import { normalizeName } from "../text";
import { message, said, zh } from "../messages/message";
import type { Actuals, ProgressFinding } from "./actuals";
import { cumulativeSteps, scheduleFor, type PathIndicator, type PathStep } from "./schedule";
import type { ProgressSettings } from "./settings";

export type ProgressStatus = "green" | "yellow" | "red";

export const STATUS_WORD: Record<ProgressStatus, string> = {
  green: zh("light.green"),
  yellow: zh("light.yellow"),
  red: zh("light.red"),
};

export interface ProgressRow {
  unit: string;
  indicator: string;
  /** 计量单位 */
  measure: string;
  kind: BreakdownRow["kind"];
  value: number;
  target: number;
  completion: number;
  schedule: number;
  gap: number;
  rank: number;
  /** How many towns were ranked (those with a figure this month). */
  ranked: number;
  status: ProgressStatus;
  /** Months behind schedule in a row, this month included (0 when on schedule). */
  streak: number;
  /** The streak at the end of last month: what the bulletin's formulas add this month to. */
  previousStreak: number;
}

export interface ProgressResult {
  month: number;
  rows: ProgressRow[];
  /** Units with a target but no figure this month, per indicator. */
  missing: { unit: string; indicator: string }[];
  findings: ProgressFinding[];
  /** The 全市 figure of the month per indicator, where the actuals have a 全市 column (the 通报 uses rates'). */
  city?: { indicator: string; value: number }[];
}

/**
 * 1 + the number of towns strictly ahead: ties share a rank, as Excel's RANK does. `ascending`: the towns'
 * completions sorted (NaN left out: it is ahead of no one), so each rank is a bisection, not a count of all.
 */
function rankOf(value: number, ascending: number[]): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ascending[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return Number.isNaN(value) ? 1 : 1 + ascending.length - lo;
}

export function isBehind(completion: number, schedule: number, tolerance: number): boolean {
  return completion - schedule < -tolerance;
}

export function isBottom(rank: number, ranked: number, share: number): boolean {
  return rank > ranked * (1 - share);
}

export function evaluateProgress(
  breakdown: Breakdown,
  actuals: Actuals,
  month: number,
  settings: ProgressSettings,
  indicators: PathIndicator[] = [],
): ProgressResult {
  const steps = cumulativeSteps(breakdown, indicators);
  const rows: ProgressRow[] = [];
  const missing: ProgressResult["missing"] = [];
  const findings: ProgressFinding[] = [];
  const city: NonNullable<ProgressResult["city"]> = [];
  for (const row of breakdown.rows) {
    const key = normalizeName(row.name);
    const byUnit = actuals.readings.get(key);
    const targets = breakdown.units
      .map((unit) => ({
        unit,
        target: row.values[unit]?.status === "number" ? row.values[unit].value : null,
      }))
      .filter((t): t is { unit: string; target: number } => t.target !== null);
    if (!byUnit || targets.length === 0) continue;
    const cityValue = actuals.city.get(key)?.get(month);
    if (cityValue !== undefined) city.push({ indicator: row.name, value: cityValue });
    const profile = settings.profiles.get(key);
    const step: PathStep | undefined = steps.get(key);
    const schedule = (m: number) => scheduleFor(row, m, profile, step);
    const completionAt = (unit: string, target: number, m: number) => {
      const v = byUnit.get(unit)?.get(m)?.value;
      return v === null || v === undefined || target === 0 ? null : v / target;
    };
    const current = targets
      .map((t) => ({ ...t, completion: completionAt(t.unit, t.target, month) }))
      .filter((t) => {
        if (t.target === 0)
          findings.push({
            sheet: "",
            cell: "",
            severity: "warning",
            ...said(message("progress.zero_target", { unit: t.unit, indicator: row.name })),
          });
        else if (t.completion === null) missing.push({ unit: t.unit, indicator: row.name });
        return t.completion !== null;
      });
    const all = current.map((t) => t.completion as number);
    const ascending = all.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    for (const t of current) {
      let streak = 0;
      let previousStreak = 0;
      for (let m = 1; m <= month; m++) {
        previousStreak = streak;
        const c = completionAt(t.unit, t.target, m);
        streak = c !== null && isBehind(c, schedule(m), settings.tolerance) ? streak + 1 : 0;
      }
      const completion = t.completion as number;
      const due = schedule(month);
      const rank = rankOf(completion, ascending);
      const behind = isBehind(completion, due, settings.tolerance);
      const red =
        behind && streak >= settings.streakMonths && isBottom(rank, all.length, settings.bottomShare);
      rows.push({
        unit: t.unit,
        indicator: row.name,
        measure: row.unit,
        kind: row.kind,
        value: byUnit.get(t.unit)!.get(month)!.value as number,
        target: t.target,
        completion,
        schedule: due,
        gap: completion - due,
        rank,
        ranked: all.length,
        status: red ? "red" : behind ? "yellow" : "green",
        streak,
        previousStreak,
      });
    }
  }
  return { month, rows, missing, findings: [...actuals.findings, ...findings], city };
}
