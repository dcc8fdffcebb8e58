// Decimal-safe sums and comparisons: 0.1 + 0.2 equals 0.3 here. Numbers are scaled to integers by the largest
// number of decimal places among them, added as integers, and compared as integers.
import { decimalsOf } from "../numbers";

export interface DecimalSum {
  sum: number;
  /** Decimal places the comparison was made at. */
  decimals: number;
}

/** Largest decimal places among the numbers, at most 12 (beyond that a float has no more digits to give). */
export function maxDecimals(values: number[]): number {
  let d = 0;
  for (const v of values) if (!Number.isInteger(v)) d = Math.max(d, decimalsOf(v));
  return Math.min(d, 12);
}

/** Rounds to `decimals` places, with the result printed exactly as a decimal would be (no 0.30000000000000004). */
export function roundTo(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}

/** Exact sum of decimal numbers (as written), rounded to their own precision. */
export function decimalSum(values: number[]): DecimalSum {
  const decimals = maxDecimals(values);
  const scale = 10 ** decimals;
  let scaled = 0;
  for (const v of values) scaled += Math.round(v * scale);
  // Integers below 2^53 add exactly; beyond that fall back to rounding the float sum.
  const sum =
    Math.abs(scaled) < Number.MAX_SAFE_INTEGER
      ? scaled / scale
      : roundTo(
          values.reduce((a, b) => a + b, 0),
          decimals,
        );
  return { sum: roundTo(sum, decimals), decimals };
}

/** a − b at the precision of both: 12 − 5 = 7, 0.3 − (0.1 + 0.2) = 0. */
export function decimalDifference(a: number, b: number): number {
  const d = maxDecimals([a, b]);
  return roundTo((Math.round(a * 10 ** d) - Math.round(b * 10 ** d)) / 10 ** d, d);
}
