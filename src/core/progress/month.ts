// Which month a sheet or a cell stands for: statistics bureaus label cumulative figures "1-8月", "1～8月", "8月",
// "2023年1-8月", "8月份累计"; a long table may hold the bare number 8.
import { cellText, type GridValue } from "../grid";
import { toHalfWidth } from "../text";

const MONTH_TEXT = /^(?:(?:19|20)\d{2}年)?(?:1\s*[-~～—–至到]\s*)?(\d{1,2})\s*月(?:份)?/;
/** A sheet of monthly actuals is named for its month and nothing else (a "1-8月亮晒" is not one). */
const MONTH_SHEET =
  /^(?:(?:19|20)\d{2}年)?(?:1\s*[-~～—–至到]\s*)?(\d{1,2})\s*月(?:份)?(?:累计)?(?:完成情况|实绩|数据|进度)?$/;

const inYear = (m: number) => (Number.isInteger(m) && m >= 1 && m <= 12 ? m : null);

/** The month (1–12) a sheet of actuals is named for, or null. */
export function monthOfSheetName(name: string): number | null {
  const m = MONTH_SHEET.exec(toHalfWidth(name).trim());
  return m ? inYear(Number(m[1])) : null;
}

/** The month in a 月份 cell: 8, "8", "8月", "1-8月", "2023年8月"; null when it is none of these. */
export function monthOfCell(v: GridValue): number | null {
  if (typeof v === "number") return inYear(v);
  const text = toHalfWidth(cellText(v)).replace(/\s+/g, "");
  if (/^\d{1,2}$/.test(text)) return inYear(Number(text));
  const m = MONTH_TEXT.exec(text);
  return m ? inYear(Number(m[1])) : null;
}

/** "1-8月" as the bulletin and messages write a cumulative period. */
export function periodLabel(month: number): string {
  return month === 1 ? "1月" : `1-${month}月`;
}
