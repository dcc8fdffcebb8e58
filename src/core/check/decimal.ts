// Exact decimal sums and comparisons: 0.1 + 0.2 equals 0.3 here, 999999999999999 + 1 equals 1e15, and 1e20 + 1
// is not 1e20, at any magnitude a cell can hold (2.2250738585072E-308 … 9.99999999999999E+307).
//
// Which decimal a double stands for: the one it shows at 15 significant digits (x.toPrecision(15)), as Excel shows
// it. For every number typed into Excel (Excel keeps 15 significant digits of what is typed), and for every
// number written with at most 15 digits, this is exactly what was written: the double's shortest round-trip form,
// JavaScript's String(x) (0.1 is 0.1, 1e-7 is 1e-7, 0.1234567890123 is itself). The two differ only for doubles
// that need 16 or 17 digits, which come from arithmetic (a town's =0.1+0.2 is cached as 0.30000000000000004, a
// =A1/3 as 0.33333333333333331) or from programs writing full doubles. Excel shows those at 15 digits (0.3) and the
// clerk reads them so; taking them at 17 digits would make a =0.1+0.2 disagree with a typed 0.3 by 4e-17 and call
// the row 超额分解. So each addend is rounded to 15 significant digits, like Excel's display, and the addends
// are then added exactly: the sum itself is never rounded.
//
// Speed: a value with at most 15 digits and 15 decimal places is an integer m over 10^d, found and checked with
// plain Number arithmetic (m / 10^d === x holds exactly for that decimal and no other of ≤ 15 digits); such values
// scaled to their largest d add as exact integers while the magnitudes stay below 2^49. Anything else (1e20,
// 1e-300, 16–17 digits, sums past 2^49) is added as BigInt-scaled decimals.

/** An exact decimal: int × 10^-scale (scale may be negative: 1e20 is 1 × 10^20, scale −20). */
export interface Decimal {
  int: bigint;
  scale: number;
}

export interface DecimalSum {
  /** The exact sum as the nearest double (what is printed and stored). */
  sum: number;
  /** Decimal places of the exact sum (at least 0). */
  decimals: number;
  /** The sum itself, exactly. */
  exact: Decimal;
}

/** 10^0 … 10^22: every one exactly a double. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const POW10N: bigint[] = [1n];
function pow10n(k: number): bigint {
  for (let i = POW10N.length; i <= k; i++) POW10N.push(POW10N[i - 1] * 10n);
  return POW10N[k];
}

/**
 * Decimal places d of x's 15-digit form when it is m / 10^d with |m| < 10^15 and d ≤ 15; -1 when it is not (then
 * toDecimal takes the slow way). Each candidate is checked exactly: the decimal m × 10^-d rounds to x (a correctly
 * rounded division of two exact doubles), and no two decimals of ≤ 15 significant digits round to the same double.
 */
function placesOf(x: number): number {
  const ax = x < 0 ? -x : x;
  if (!(ax < 1e15)) return -1; // also NaN
  if (Number.isInteger(ax)) return 0;
  for (let d = 1; d <= 15; d++) {
    const p = POW10[d];
    const s = ax * p;
    if (s >= 1e15) return -1;
    if (Math.round(s) / p === ax) return d;
  }
  return -1;
}

/** x at its 15 significant digits, exactly. x must be finite. */
export function toDecimal(x: number): Decimal {
  const d = placesOf(x);
  if (d >= 0) return { int: BigInt(Math.round(x * POW10[d])), scale: d };
  if (x === 0) return { int: 0n, scale: 0 };
  if (!Number.isFinite(x)) throw new RangeError(`${x} is no decimal number`);
  // "-1.23456789012346e+20", "0.000123456789012346", "123456789012346": digits, a point, an exponent.
  const text = x.toPrecision(15);
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let scale = (dot < 0 ? 0 : mantissa.length - dot - 1) - exponent;
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48 /* 0 */) end--;
  scale -= digits.length - end;
  digits = digits.slice(0, end);
  return { int: BigInt(digits), scale };
}

/** The exact sum of the numbers, each at its 15 significant digits. The numbers must be finite. */
export function exactSum(values: readonly number[]): Decimal {
  let places = 0;
  for (let i = 0; i < values.length; i++) {
    const d = placesOf(values[i]);
    if (d < 0) return bigSum(values);
    if (d > places) places = d;
  }
  // Each value is m × 10^(places − d) over 10^places. x × 10^places is within 2^-52 relative of that integer, so
  // it rounds to it while below 2^50; integers (places 0) are themselves and add exactly below 2^53.
  const p = POW10[places];
  let sum = 0;
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const s = places === 0 ? values[i] : Math.round(values[i] * p);
    sum += s;
    size += s < 0 ? -s : s;
  }
  if (size < (places === 0 ? 2 ** 53 : 2 ** 49)) return { int: BigInt(sum), scale: places };
  return bigSum(values);
}

function bigSum(values: readonly number[]): Decimal {
  const parts = values.map(toDecimal);
  let scale = parts.length > 0 ? parts[0].scale : 0;
  for (const p of parts) if (p.scale > scale) scale = p.scale;
  let int = 0n;
  for (const p of parts) int += p.scale === scale ? p.int : p.int * pow10n(scale - p.scale);
  return { int, scale };
}

/** a − b, exactly. */
export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { int: a.int - b.int, scale: a.scale };
  if (a.scale > b.scale) return { int: a.int - b.int * pow10n(a.scale - b.scale), scale: a.scale };
  return { int: a.int * pow10n(b.scale - a.scale) - b.int, scale: b.scale };
}

/** −1, 0 or 1. */
export function signOf(d: Decimal): -1 | 0 | 1 {
  return d.int < 0n ? -1 : d.int > 0n ? 1 : 0;
}

/** The double nearest to the decimal (±Infinity past the doubles' range). */
export function decimalToNumber(d: Decimal): number {
  return d.scale === 0 ? Number(d.int) : Number(`${d.int}e${-d.scale}`);
}

/**
 * The decimal printed the way JavaScript prints a number (String(x)): "118", "0.3", "1e-7", "1e+21", so a decimal
 * of ≤ 15 digits reads exactly as its double does; longer ones keep every digit ("100000000000000000001").
 */
export function decimalText(d: Decimal): string {
  if (d.int === 0n) return "0";
  const negative = d.int < 0n;
  let digits = (negative ? -d.int : d.int).toString();
  let scale = d.scale;
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  scale -= digits.length - end;
  digits = digits.slice(0, end);
  const k = digits.length;
  const n = k - scale; // the value is 0.digits × 10^n
  let out: string;
  if (k <= n && n <= 21) out = digits + "0".repeat(n - k);
  else if (0 < n && n <= 21) out = `${digits.slice(0, n)}.${digits.slice(n)}`;
  else if (-6 < n && n <= 0) out = `0.${"0".repeat(-n)}${digits}`;
  else {
    const e = n - 1;
    const exp = `e${e < 0 ? "-" : "+"}${Math.abs(e)}`;
    out = k === 1 ? `${digits}${exp}` : `${digits[0]}.${digits.slice(1)}${exp}`;
  }
  return negative ? `-${out}` : out;
}

/** The number printed at its 15 significant digits, as the sums take it: 0.30000000000000004 → "0.3". */
export function numberText(x: number): string {
  return Number.isFinite(x) ? decimalText(toDecimal(x)) : String(x);
}

/** Decimal places of the numbers at their 15 significant digits, at most 100 (what toFixed takes). */
export function maxDecimals(values: readonly number[]): number {
  let d = 0;
  for (const v of values) {
    if (Number.isInteger(v) || !Number.isFinite(v)) continue;
    const places = placesOf(v);
    d = Math.max(d, places >= 0 ? places : toDecimal(v).scale);
  }
  return Math.min(d, 100);
}

/** Rounds to `decimals` places, with the result printed exactly as a decimal would be (no 0.30000000000000004). */
export function roundTo(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}

/** Exact sum of decimal numbers (each at its 15 significant digits), and that sum as the nearest double. */
export function decimalSum(values: readonly number[]): DecimalSum {
  const exact = exactSum(values);
  return { sum: decimalToNumber(exact), decimals: Math.max(0, exact.scale), exact };
}

/** a − b exactly (each at its 15 digits), as the nearest double: 12 − 5 = 7, 0.3 − (0.1 + 0.2) = 0. */
export function decimalDifference(a: number, b: number): number {
  return decimalToNumber(subtractDecimal(toDecimal(a), toDecimal(b)));
}
