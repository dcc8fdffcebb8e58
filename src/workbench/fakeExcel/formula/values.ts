// Values inside the formula evaluator and Excel's coercions between them: empty cells are 0 in arithmetic and ""
// in text, text that reads as a number is a number in arithmetic, comparisons order number < text < boolean.
import { EXCEL_MAX, isExcelNumber } from "../../../core/numbers";
import type { Rect } from "../a1";
import type { ErrorValue } from "../model";

export type { ErrorValue };

/** One value; null is an empty cell (distinct from the text ""). */
export type Scalar = number | string | boolean | ErrorValue | null;

/** A reference still unread: aggregate functions walk only the cells that hold something. */
export interface RangeValue {
  kind: "range";
  sheet: unknown;
  area: Rect;
}

export interface ArrayValue {
  kind: "array";
  rows: Scalar[][];
}

export type Value = Scalar | RangeValue | ArrayValue;

export const err = (code: string): ErrorValue => ({ error: code });
export const VALUE = () => err("#VALUE!");
export const DIV0 = () => err("#DIV/0!");
export const NUM = () => err("#NUM!");
export const NAME = () => err("#NAME?");
export const REF = () => err("#REF!");
export const NA = () => err("#N/A");

export function isError(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isRange(v: Value): v is RangeValue {
  return typeof v === "object" && v !== null && "kind" in v && v.kind === "range";
}

export function isArray(v: Value): v is ArrayValue {
  return typeof v === "object" && v !== null && "kind" in v && v.kind === "array";
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?%?$/;

/**
 * Text Excel reads as a number when typed or used in arithmetic: "12", " 1.5 ", "-3", "+5", "1e3", "1,234.5",
 * "50%". Dates and currencies are not recognised by the fake. Returns null when it is not a number.
 */
export function parseNumericText(text: string): number | null {
  const s = text.trim();
  if (s === "" || !(NUMERIC.test(s) || GROUPED.test(s))) return null;
  const percent = s.endsWith("%");
  const n = Number((percent ? s.slice(0, -1) : s).replace(/,/g, ""));
  // "1e309", "1.8e308", "1e-400": past what a cell holds, Excel keeps the text as text.
  if (!isExcelNumber(n) || (n === 0 && /[1-9]/.test(s.replace(/e.*$/i, "")))) return null;
  return percent ? n / 100 : n;
}

/**
 * A number as Excel's General format shows it in text: at most 15 significant digits; from 1E+15 on (more digits
 * than Excel keeps) in scientific notation, "1.23456789012346E+18" style.
 */
export function numberToText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const rounded = Number(n.toPrecision(15));
  if (Math.abs(rounded) >= 1e15) return rounded.toExponential().replace("e+", "E+");
  return String(rounded).replace("e+", "E+").replace("e-", "E-");
}

/** 2^-48: two numbers closer than this, relatively, are equal to Excel (which shows 15 significant digits). */
const NEAR = 2 ** -48;

/** Whether two numbers are equal as Excel compares them: the same but for the last bits of binary noise. */
export function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0) return false;
  const d = Math.abs(a - b);
  return d < Math.abs(a) * NEAR && d < Math.abs(b) * NEAR;
}

/**
 * a + b as Excel adds: a sum that cancels to within binary noise is 0 (=0.1+0.2-0.3 is 0, not 5.55E-17), the
 * correction Excel 97 introduced for additions and subtractions that land very close to zero.
 */
export function addNumbers(a: number, b: number): number {
  if (((a < 0 && b > 0) || (a > 0 && b < 0)) && nearlyEqual(a, -b)) return 0;
  return a + b;
}

export function toNumber(v: Scalar): number | ErrorValue {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseNumericText(v) ?? VALUE();
  return v;
}

export function toText(v: Scalar): string | ErrorValue {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberToText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

export function toBoolean(v: Scalar): boolean | ErrorValue {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const u = v.toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    return VALUE();
  }
  return v;
}

/**
 * A finished number: NaN, infinities and results past ±9.99999999999999E+307 are #NUM! (as in Excel); -0 is 0, and
 * so is a result below 2.2250738585072E-308, which Excel does not keep.
 */
export function finish(n: number): number | ErrorValue {
  if (isExcelNumber(n)) return n === 0 ? 0 : n;
  return Number.isNaN(n) || Math.abs(n) > EXCEL_MAX ? NUM() : 0;
}

const rank = (v: number | string | boolean) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

/**
 * Excel's comparison of two non-error scalars: < 0, 0 or > 0. Text compares case-insensitively; numbers equal but
 * for binary noise are equal (=0.1+0.2=0.3 is TRUE).
 */
export function compareScalars(a: Exclude<Scalar, ErrorValue>, b: Exclude<Scalar, ErrorValue>): number {
  if (a === null && b === null) return 0;
  const empty = (other: number | string | boolean) =>
    typeof other === "number" ? 0 : typeof other === "string" ? "" : false;
  const x = a === null ? empty(b as number | string | boolean) : a;
  const y = b === null ? empty(a as number | string | boolean) : b;
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === "string") {
    const ux = x.toUpperCase();
    const uy = (y as string).toUpperCase();
    return ux < uy ? -1 : ux > uy ? 1 : 0;
  }
  const nx = Number(x);
  const ny = Number(y);
  return nearlyEqual(nx, ny) ? 0 : nx - ny;
}
