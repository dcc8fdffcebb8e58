// Reading targets and submitted figures as numbers: "50%以上", "１２．５", "1,250", " 1.55亿元 ", "待…另行下达".
import type { Cell, CellStatus, Comparator } from "./model";
import { removeWrapSpaces, toHalfWidth } from "./text";

const AT_LEAST = /(以上|不低于|不少于|突破|超过|超|至少|最少|高于|大于|≥|>=)/;
const AT_MOST = /(以内|以下|不超过|不高于|控制在|最多|低于|小于|≤|<=)/;
const NONE = /^[-－—–/／\\]+$|^(无|空)$/;
const PENDING = /^待|另行下达|待定|另行确定/;
/** A number with optional thousands separators, e.g. 1,250.5 or -3. */
const NUMBER = /[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+/;
/**
 * What may stand before the number in a cell that is still "just a number": any run of these words. Read word by
 * word, the longest that fits first. That accepts what /^(约|约为|…)*$/ did (no word begins with what 约为, 达到,
 * 超过 add to 约, 达, 超), without the regex's backtracking stack, which a run of a few million words overflowed.
 */
const WORDS_BEFORE =
  "约 约为 达到 达 实现 完成 确保 力争 突破 超过 超 不低于 不少于 不超过 控制在 增长 下降 提高 至少 ≥ >= ≤ <="
    .split(" ")
    .sort((a, b) => b.length - a.length);
const wordsOnly = (text: string): boolean => {
  for (let i = 0; i < text.length;) {
    const word = WORDS_BEFORE.find((w) => text.startsWith(w, i));
    if (word === undefined) return false;
    i += word.length;
  }
  return true;
};
const TRAILING_WORDS = /(以上|以内|以下|左右)$/;
/**
 * Units a number may carry: 亿元, 万吨标准煤, 万元/亩, %, 家 … — a known vocabulary, not any words. Shared with the
 * prose reader (src/core/parse/prose/quantities.ts), which finds the same units inside sentences. At most 8
 * multipliers (万亿元 has two): unbounded, a run of 千万千万… was tried from each of its characters, quadratic.
 */
export const UNIT_SOURCE =
  "%|‰|个百分点|百分点|(?:万|亿|千|百|十){0,8}(?:元|美元|亩|吨标准煤|吨标煤|标准煤|标煤|吨|家次|户次|家|项|件|个工作日|个|台|套|次|辆|人次|人|户|千瓦时|千瓦|平方米|立方米|公顷|平方公里|公里|米|座|所|条|批次|批|场次|场|篇|倍|工作日|天|斤|名|位|GWh|MWh|kWh|GW|MW)(?:\\/(?:万|亿|千|百)?(?:人|亩|元|户|平方米|公顷|家)(?:·年)?)?";
const UNIT_TEXT = new RegExp(`^(${UNIT_SOURCE})$`);

/** Negated words first: 不超过 holds 超过, 不低于 holds 低于. */
const NOT_ABOVE = /(不超过|不高于|不大于|不多于)/;
const NOT_BELOW = /(不低于|不少于|不小于)/;

export function comparatorOf(text: string): Comparator {
  if (NOT_ABOVE.test(text)) return "<=";
  if (NOT_BELOW.test(text)) return ">=";
  if (AT_LEAST.test(text)) return ">=";
  if (AT_MOST.test(text)) return "<=";
  return "=";
}

export function makeCell(value: number | null, text: string, status: CellStatus, op: Comparator = "="): Cell {
  return { value, op, text, status };
}

/** The status of a cell that holds no number: "-" is none, "待…另行下达" pending, words are qualitative. */
function nonNumericStatus(text: string): CellStatus {
  if (NONE.test(text)) return "none";
  if (PENDING.test(text)) return "pending";
  return "qualitative";
}

/**
 * Parses a target as written in a plan table ("50%以上", "1250", "完成嘉兴下达任务", "-", "待…另行下达").
 * Text that is not a number is kept with its status; nothing is guessed.
 */
export function parseTargetCell(raw: string): Cell {
  const text = removeWrapSpaces(raw);
  const read = readNumberText(text);
  if (read) return makeCell(read.value, text, "number", comparatorOf(text));
  return makeCell(null, text, nonNumericStatus(text));
}

export interface NumberRead {
  value: number;
  /** Why the text was not a plain number: 全角数字, 千位分隔符, 首尾空格, 带单位 "亿元", 文字 "以上". */
  notes: string[];
}

/** Text that reads as a number a cell cannot hold ("NaN", "Infinity", "1e309", "1.8e308"): why it is none. */
export interface NumberProblem {
  problem: string;
}

/** Excel's largest number, 9.99999999999999E+307: no cell holds one beyond it (Excel itself gives #NUM!). */
export const EXCEL_MAX = 9.99999999999999e307;
/**
 * Excel's smallest non-zero magnitude, shown as 2.2250738585072E-308: 2^-1022, the smallest normal double. Below it
 * are the subnormal doubles (down to 5e-324), which Excel does not keep; a cell holding one is no figure.
 */
export const EXCEL_MIN = 2 ** -1022;

/** A number a cell can hold: finite, at most 9.99999999999999E+307 and 0 or at least 2.2250738585072E-308 in size. */
export function isExcelNumber(x: number): boolean {
  const a = x < 0 ? -x : x;
  return a <= EXCEL_MAX && (a >= EXCEL_MIN || a === 0); // false for NaN
}

/** Why a number is none a cell can hold (NaN, ±Infinity, past Excel's range); null when it is a valid figure. */
export function excelNumberProblem(x: number): string | null {
  if (isExcelNumber(x)) return null;
  if (Number.isNaN(x)) return "非数值 NaN";
  if (x === Infinity) return "无穷大";
  if (x === -Infinity) return "负无穷大";
  return Math.abs(x) > EXCEL_MAX ? TOO_LARGE : TOO_SMALL;
}

const TOO_LARGE = "超出 Excel 的数值范围(绝对值最大 9.99999999999999E+307)";
const TOO_SMALL = "小于 Excel 能保存的最小非零数 2.2250738585072E-308";

/** "NaN", "Infinity", "-inf", "∞" as programs print what is no number. */
const NON_FINITE_TEXT = /^([+-]?)(?:nan|inf|infinity|∞)$/i;
/** A number in E notation, as Excel and programs write very large and very small ones: "1.5E+3", "1e309". */
const E_NOTATION = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+$/i;

/** A value read from number text, or why the number the text stands for is none a cell can hold. */
function rangeChecked(value: number, digits: string, notes: string[]): NumberRead | NumberProblem {
  if (isExcelNumber(value) && (value !== 0 || !/[1-9]/.test(digits.replace(/e.*$/i, ""))))
    return { value, notes };
  // Digits that overflow to Infinity ("1e309", a 400-digit figure) are too large, ones that give 0 with non-zero
  // digits ("1e-400") too small: numbers past what a cell holds, not infinity nor zero.
  return { problem: Math.abs(value) > EXCEL_MAX ? TOO_LARGE : TOO_SMALL };
}

/**
 * Reads a number typed as text the way a clerk means it: full-width digits, thousands separators, spaces around,
 * a trailing unit ("1.55亿元", "8%") and comparator words ("50%以上"). Returns null when the text is not one
 * number (two numbers, stray letters, "8.2.1").
 */
export function readNumberText(raw: string): NumberRead | null {
  const read = scanNumberText(raw);
  return read && "value" in read ? read : null;
}

/** Why a text that stands for a number is none a cell can hold ("NaN", "Infinity", "1e309"); null otherwise. */
export function numberTextProblem(raw: string): string | null {
  const read = scanNumberText(raw);
  return read && "problem" in read ? read.problem : null;
}

/**
 * readNumberText's reading, which also tells the texts that stand for a number no cell can hold: "NaN",
 * "Infinity", "1e309", "1.8e308", a 400-digit figure. A number in E notation ("1.5E+3") is read as Excel reads it
 * when typed.
 */
export function scanNumberText(raw: string): NumberRead | NumberProblem | null {
  const notes: string[] = [];
  if (raw !== raw.trim()) notes.push("首尾空格");
  const half = toHalfWidth(raw);
  if (half !== raw) notes.push("全角字符");
  const text = half.trim().replace(/，/g, ",");
  const word = NON_FINITE_TEXT.exec(text);
  if (word) return { problem: /nan/i.test(text) ? "非数值 NaN" : word[1] === "-" ? "负无穷大" : "无穷大" };
  if (E_NOTATION.test(text)) return rangeChecked(Number(text), text, [...notes, "科学计数法"]);
  const m = NUMBER.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index).replace(/\s+/g, "");
  let after = text.slice(m.index + m[0].length).replace(/\s+/g, "");
  if (!wordsOnly(before)) return null;
  const trailing = TRAILING_WORDS.exec(after);
  if (trailing) after = after.slice(0, trailing.index);
  if (after !== "" && !UNIT_TEXT.test(after)) return null;
  if (after !== "") notes.push(`带单位“${after}”`);
  if (before !== "" || trailing) notes.push(`带文字“${before}${trailing ? trailing[0] : ""}”`);
  if (m[0].includes(",")) notes.push("千位分隔符");
  const digits = m[0].replace(/,/g, "");
  return rangeChecked(Number(digits), digits, notes);
}

/** Decimal places of a number as JavaScript prints it (shortest round-trip form): 0.015 → 3, 1e-7 → 7. */
export function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  // Fast path without strings: the first power of ten that makes x whole, up to the rounding of one multiply.
  // (Checking a province's 680,000 cells by String(x) costs more than the whole rest of the check.)
  const ax = Math.abs(x);
  let scale = 1;
  for (let d = 1; d <= 15; d++) {
    scale *= 10;
    const s = ax * scale;
    if (Math.abs(s - Math.round(s)) <= s * 4e-16) return d;
  }
  return decimalsOfText(x);
}

/** The same, read off the printed number; the reference the fast path is tested against. */
export function decimalsOfText(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = String(Math.abs(x));
  const e = s.indexOf("e-");
  if (e >= 0) {
    const mantissa = s.slice(0, e);
    const dot = mantissa.indexOf(".");
    return Number(s.slice(e + 2)) + (dot >= 0 ? mantissa.length - dot - 1 : 0);
  }
  const dot = s.indexOf(".");
  return dot >= 0 ? s.length - dot - 1 : 0;
}
