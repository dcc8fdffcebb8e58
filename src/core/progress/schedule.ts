// 序时进度: the share of the year's target due by the end of month m. 总量型 amounts: m/12, or the indicator's
// monthly profile; 质态型 rates: the target itself (a growth rate or a share is compared directly, 100%);
// 累计 indicators (counted since the plan's start): from last year's point on the plan's path to this year's.
import { pathKindOf, yearlyPath } from "../allocate/paths";
import type { Breakdown, BreakdownRow } from "../model";
import { normalizeName } from "../text";

/** Last year's and this year's value on the plan's path of a 累计 indicator. */
export interface PathStep {
  previous: number;
  current: number;
}

/** An indicator of the plan's system, as a document (Indicator) or a sheet (SystemIndicator) gives it. */
export interface PathIndicator {
  name: string;
  unit: string;
  targets: Record<string, { status: string; value: number | null }>;
}

export function monthShare(month: number, profile?: number[]): number {
  return profile ? profile[month - 1] : month / 12;
}

export function scheduleFor(row: BreakdownRow, month: number, profile?: number[], step?: PathStep): number {
  if (row.kind === "rate") return 1;
  const share = monthShare(month, profile);
  if (!step || step.current <= 0) return share;
  return (step.previous + (step.current - step.previous) * share) / step.current;
}

/**
 * The path steps of the breakdown's 累计 indicators for its year, from the plan's indicator system (2023 → 2025 →
 * 2027, the years between filled in): only where the system names the indicator and knows the year before.
 */
export function cumulativeSteps(breakdown: Breakdown, indicators: PathIndicator[]): Map<string, PathStep> {
  const steps = new Map<string, PathStep>();
  const year = Number(breakdown.year);
  for (const ind of indicators) {
    if (!/累计/.test(ind.name)) continue;
    const known = Object.entries(ind.targets)
      .filter(([, c]) => c.status === "number" && c.value !== null)
      .map(([y, c]) => ({ year: Number(y), value: c.value as number }));
    const path = yearlyPath(known, pathKindOf(ind.name, ind.unit), 6);
    const previous = path.find((p) => p.year === year - 1);
    const current = path.find((p) => p.year === year);
    if (previous && current)
      steps.set(normalizeName(ind.name), { previous: previous.value, current: current.value });
  }
  return steps;
}
