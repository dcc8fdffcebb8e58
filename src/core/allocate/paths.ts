// Yearly targets between plan years (2023 → 2025 → 2027): linear steps for 累计 counts, compound growth for
// amounts and rates' bases; 年均增长 from the start and end values.

export type PathKind = "linear" | "compound";

export interface YearTarget {
  year: number;
  value: number;
}

/** The average annual growth rate (%) from `start` to `end` over `years` years: (end/start)^(1/years) − 1. */
export function averageAnnualGrowth(start: number, end: number, years: number): number {
  if (years <= 0) throw new RangeError("年数应大于 0");
  if (start <= 0 || end <= 0) throw new RangeError("年均增长需要正的起止值");
  return (Math.pow(end / start, 1 / years) - 1) * 100;
}

/** The kind of path an indicator follows: 累计 counts grow by equal steps, amounts compound. */
export function pathKindOf(name: string, unit: string): PathKind {
  return /累计/.test(name) || /^(家|项|件|个|台|套)$/.test(unit) ? "linear" : "compound";
}

/**
 * Every year from the first known target to the last, the known ones kept as they are and the years between
 * them filled in (rounded to `decimals`).
 */
export function yearlyPath(
  known: YearTarget[],
  kind: PathKind,
  decimals = 2,
): (YearTarget & { given: boolean })[] {
  const points = [...known].sort((a, b) => a.year - b.year);
  if (points.length === 0) return [];
  const out: (YearTarget & { given: boolean })[] = [{ ...points[0], given: true }];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    const span = b.year - a.year;
    for (let y = a.year + 1; y < b.year; y++) {
      const t = (y - a.year) / span;
      const v =
        kind === "compound" && a.value > 0 && b.value > 0
          ? a.value * Math.pow(b.value / a.value, t)
          : a.value + (b.value - a.value) * t;
      out.push({ year: y, value: Number(v.toFixed(decimals)), given: false });
    }
    out.push({ ...b, given: true });
  }
  return out;
}
