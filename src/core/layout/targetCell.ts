// How a target cell of the model is written into a sheet: numbers stay numbers (so formulas can use them),
// a comparator becomes part of the number format ("50" shown as "50以上"), words stay words.
import type { Cell } from "../model";
import { decimalsOf } from "../numbers";
import type { SpecValue } from "./sheetSpec";

export const OP_SUFFIX: Record<Cell["op"], string> = { ">=": "以上", "<=": "以内", "=": "" };

export function targetValue(cell: Cell): SpecValue {
  return cell.status === "number" && cell.value !== null ? cell.value : cell.text;
}

/** The most decimal places among the numeric cells, so a row reads like the document (0.015 → 3 places). */
export function rowDecimals(cells: Cell[], integer: boolean): number {
  if (integer) return 0;
  // A loop, not Math.max(...cells): a row of 200,000 towns overflows the stack as arguments.
  let most = 0;
  for (const c of cells) if (c.value !== null) most = Math.max(most, decimalsOf(c.value));
  return Math.min(8, most);
}

/** A run of cells that all say the same words ("完成嘉兴下达任务", "待…另行下达") is one merged cell, as in the document. */
export function uniformText(cells: (Cell | undefined)[]): string | null {
  if (cells.length < 2 || cells.some((c) => !c || c.status === "number")) return null;
  const text = cells[0]!.text;
  return cells.every((c) => c!.text === text) ? text : null;
}
