// SheetSpec values → what Range.formulas takes. Excel reads "=…", "+…", "-…", "@…" and number-like text typed
// into a cell as formulas or numbers; a leading apostrophe keeps them the text they are (and is not stored).
import { isFormula, type SpecValue } from "../core/layout/sheetSpec";
import { excelNumberProblem, isExcelNumber } from "../core/numbers";

const NEEDS_QUOTE = /^[=+\-@]|^\s*[+-]?[\d.,]+%?\s*$|^\s*$/;

export function excelInput(v: SpecValue): string | number | boolean {
  if (v === null) return "";
  // Office.js sends values as JSON, where NaN and Infinity become null ("leave the cell as it is"): a number no
  // cell can hold must never get this far silently.
  if (typeof v === "number" && !isExcelNumber(v))
    throw new RangeError(`数值 ${v} 不是有效数字(${excelNumberProblem(v)}),不能写入单元格`);
  if (isFormula(v)) return `=${v.formula}`;
  if (typeof v === "string") return v !== "" && NEEDS_QUOTE.test(v) ? `'${v}` : v;
  return v;
}

/** The formulas matrix of a rectangle of rows, padded to `columns`. */
export function inputMatrix(rows: SpecValue[][], columns: number): (string | number | boolean)[][] {
  return rows.map((r) => {
    const out: (string | number | boolean)[] = new Array(columns);
    for (let c = 0; c < columns; c++) out[c] = excelInput(r[c] ?? null);
    return out;
  });
}

/** Bytes a value adds to a request, as Office.js sends it (JSON, UTF-8). */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
  }
  return n;
}
