// What a value written through `values` or `formulas` becomes in a cell, as when it is typed into Excel. This is
// where the hazard lives that the adapter must avoid: unescaped text starting with = + - @ turns into a formula
// (or is refused when it is not one), numeric text turns into a number, "'…" stays text without the apostrophe.
import { isExcelNumber } from "../../core/numbers";
import { invalidArgument } from "./errors";
import { FormulaSyntaxError, parseCached } from "./formula/parse";
import { parseNumericText } from "./formula/values";
import type { FakeCell, FakeSheet, StoredValue } from "./model";

export type Converted =
  /** null in the input array: the cell is left as it is (Office.js skips nulls). */
  | { kind: "keep" }
  | { kind: "clear" }
  | { kind: "value"; value: StoredValue; quotePrefix?: boolean }
  | { kind: "formula"; formula: string };

const ERROR_LITERALS = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"]);

/**
 * Excel's reading of typed input. `textFormat` is a cell formatted "@" (Text), which keeps everything as text.
 * Returns a message for input Excel refuses (a formula it cannot parse, a non-finite number, an object).
 */
export function convertInput(input: unknown, textFormat: boolean): Converted | { problem: string } {
  if (input === null || input === undefined) return { kind: "keep" };
  if (typeof input === "number") {
    // NaN, ±Infinity and numbers past ±9.99999999999999E+307 (or non-zero below 2.2250738585072E-308) are none.
    return isExcelNumber(input)
      ? { kind: "value", value: input }
      : { problem: `${input} is not a number Excel can hold` };
  }
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (typeof input !== "string") return { problem: `a cell value must be a number, a string or a boolean` };
  if (input === "") return { kind: "clear" };
  if (input.startsWith("'")) return { kind: "value", value: input.slice(1), quotePrefix: true };
  if (textFormat) return { kind: "value", value: input };
  const first = input[0];
  if (first === "=" && input.length > 1) return formula(input);
  const n = parseNumericText(input);
  if (n !== null) return { kind: "value", value: n };
  const upper = input.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (ERROR_LITERALS.has(upper)) return { kind: "value", value: { error: upper } };
  // Excel reads "+x" and "-x" as "=+x" and "=-x", and "@x" as "=x" (the Lotus habit it kept).
  if ((first === "+" || first === "-") && input.length > 1) return formula(`=${input}`);
  if (first === "@" && input.length > 1) return formula(`=${input.slice(1)}`);
  return { kind: "value", value: input };
}

function formula(text: string): Converted | { problem: string } {
  const parsed = parseCached(text);
  if (parsed instanceof FormulaSyntaxError)
    return { problem: `Excel cannot read ${JSON.stringify(text)} as a formula (${parsed.message})` };
  return { kind: "formula", formula: text };
}

/** Applies a converted input to the cell at (row, col). */
export function applyConverted(sheet: FakeSheet, row: number, col: number, c: Converted): void {
  if (c.kind === "keep") return;
  if (c.kind === "clear") {
    const cell = sheet.cell(row, col);
    if (!cell) return;
    clearContent(cell);
    sheet.prune(row, col);
    return;
  }
  const cell = sheet.ensureCell(row, col);
  clearContent(cell);
  if (c.kind === "value") {
    cell.value = c.value;
    if (c.quotePrefix) cell.quotePrefix = true;
  } else cell.formula = c.formula;
}

export function clearContent(cell: FakeCell): void {
  cell.value = null;
  delete cell.formula;
  delete cell.quotePrefix;
}

/** Writes one typed input into a cell (for direct edits: the workbench grid, seeding tests). Throws on refusal. */
export function typeIntoCell(sheet: FakeSheet, row: number, col: number, input: unknown): void {
  const cell = sheet.cell(row, col);
  const c = convertInput(input, cell?.numberFormat === "@");
  if ("problem" in c) throw invalidArgument(c.problem);
  sheet.workbook.update(() => {
    applyConverted(sheet, row, col, c);
    sheet.workbook.touch();
  });
}
