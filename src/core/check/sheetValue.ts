// One cell of a returned or edited sheet, read the way a clerk means it.
import type { CellStatus, Comparator } from "../model";
import { comparatorOf, excelNumberProblem, isExcelNumber, scanNumberText } from "../numbers";
import { memoText, removeWrapSpaces, toHalfWidth } from "../text";
import { cellText, type GridValue, isGridError } from "../grid";

export interface SheetValue {
  status: CellStatus | "missing" | "invalid";
  value: number | null;
  op: Comparator;
  /** The cell as found, for messages. */
  text: string;
  /** Why a number needed reading (文本型数字, 全角字符, 千位分隔符, 带单位…). */
  notes: string[];
  /**
   * Set (with status "invalid") when the cell holds, as a number or as its text, a number no cell can hold: NaN,
   * ±Infinity, past ±9.99999999999999E+307 or below 2.2250738585072E-308. Why, in words; also the first note.
   */
  numberProblem?: string;
}

const NONE = /^[-－—–/／\\]+$|^(无|空|不适用)$/;
const PENDING = /^待|另行下达|待定|另行确定/;

/** A number cell (Office.js values, an .xlsx <v>): a figure, unless it is NaN, infinite or past Excel's range. */
export function numberCellValue(v: number): SheetValue {
  if (isExcelNumber(v)) return { status: "number", value: v, op: "=", text: String(v), notes: [] };
  const problem = excelNumberProblem(v) as string;
  return {
    status: "invalid",
    value: null,
    op: "=",
    text: String(v),
    notes: [problem],
    numberProblem: problem,
  };
}

export function readSheetValue(v: GridValue): SheetValue {
  if (typeof v === "number") return numberCellValue(v);
  if (typeof v !== "string") return readValue(v);
  // A long text repeated in every cell is read once (memoText); each caller gets its own copy.
  longText ??= memoText(readValue);
  const read = longText(v);
  return { ...read, notes: [...read.notes] };
}
let longText: ((text: string) => SheetValue) | undefined;

function readValue(v: GridValue): SheetValue {
  const text = cellText(v);
  if (isGridError(v)) return { status: "invalid", value: null, op: "=", text, notes: [`错误值 ${v.error}`] };
  if (typeof v === "boolean") return { status: "invalid", value: null, op: "=", text, notes: ["逻辑值"] };
  if (text.trim() === "") return { status: "missing", value: null, op: "=", text, notes: [] };
  const read = scanNumberText(text);
  if (read && "problem" in read)
    return {
      status: "invalid",
      value: null,
      op: "=",
      text,
      notes: [read.problem],
      numberProblem: read.problem,
    };
  if (read)
    return {
      status: "number",
      value: read.value,
      op: comparatorOf(text),
      text,
      notes: ["文本型数字", ...read.notes],
    };
  const clean = removeWrapSpaces(toHalfWidth(text));
  if (NONE.test(clean)) return { status: "none", value: null, op: "=", text, notes: [] };
  if (PENDING.test(clean)) return { status: "pending", value: null, op: "=", text, notes: [] };
  // Words without digits are a target in words ("完成嘉兴下达任务"); anything with digits that is not one
  // number ("8.2.1", "12亿元左右吧") is a typing error.
  if (!/\d/.test(clean) && /[\u4e00-\u9fff]{2,}/.test(clean))
    return { status: "qualitative", value: null, op: "=", text, notes: [] };
  return { status: "invalid", value: null, op: "=", text, notes: ["不是数字"] };
}
