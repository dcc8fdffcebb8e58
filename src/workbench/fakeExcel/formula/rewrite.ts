// Rewriting formula text the way Excel does behind the scenes: a conditional format's rule re-anchored at another
// cell (relative references move, "$" ones stay), and references to a sheet that was renamed. Only reference
// tokens are replaced; strings, spacing and everything else are kept as written.
import { MAX_COLUMNS, MAX_ROWS, columnName, quoteSheetName } from "../a1";
import { FormulaSyntaxError, tokenize, type RefArea, type Token } from "./tokenize";

function refText(a: RefArea): string {
  const col = (c: number, abs: boolean) => `${abs ? "$" : ""}${columnName(c)}`;
  const row = (r: number, abs: boolean) => `${abs ? "$" : ""}${r + 1}`;
  if (a.shape === "columns") return `${col(a.c1, a.c1Abs)}:${col(a.c2, a.c2Abs)}`;
  if (a.shape === "rows") return `${row(a.r1, a.r1Abs)}:${row(a.r2, a.r2Abs)}`;
  const first = col(a.c1, a.c1Abs) + row(a.r1, a.r1Abs);
  const single = a.r1 === a.r2 && a.c1 === a.c2 && a.r1Abs === a.r2Abs && a.c1Abs === a.c2Abs;
  return single ? first : `${first}:${col(a.c2, a.c2Abs)}${row(a.r2, a.r2Abs)}`;
}

function rewrite(formula: string, replace: (tokenText: string, t: Token) => string): string {
  const hasEq = formula.startsWith("=");
  const body = hasEq ? formula.slice(1) : formula;
  let tokens: Token[];
  try {
    tokens = tokenize(body);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return formula; // Excel never stores such text; leave it alone
    throw e;
  }
  let out = "";
  let at = 0;
  for (const t of tokens) {
    if (t.t !== "ref") continue;
    out += body.slice(at, t.start) + replace(body.slice(t.start, t.end), t);
    at = t.end;
  }
  return (hasEq ? "=" : "") + out + body.slice(at);
}

/**
 * The formula as written for a cell dRow rows and dCol columns further: relative parts of references move.
 * A reference pushed off the grid becomes #REF!, as Excel writes it.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return rewrite(formula, (text, t) => {
    if (t.t !== "ref") return text;
    const a = { ...t.area };
    if (a.shape !== "columns") {
      if (!a.r1Abs) a.r1 += dRow;
      if (!a.r2Abs) a.r2 += dRow;
    }
    if (a.shape !== "rows") {
      if (!a.c1Abs) a.c1 += dCol;
      if (!a.c2Abs) a.c2 += dCol;
    }
    const off = a.r1 < 0 || a.r2 < 0 || a.c1 < 0 || a.c2 < 0 || a.r2 >= MAX_ROWS || a.c2 >= MAX_COLUMNS;
    const prefix = text.slice(0, t.refStart - t.start);
    return off ? "#REF!" : prefix + refText(a);
  });
}

/** References to sheet `from` (any case) now name `to`, quoted when the name needs it. */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  const key = from.toLowerCase();
  if (!formula.toLowerCase().includes(key.replace(/'/g, "''")) && !formula.toLowerCase().includes(key))
    return formula;
  return rewrite(formula, (text, t) => {
    if (t.t !== "ref" || t.sheet === undefined || t.sheet.toLowerCase() !== key) return text;
    return `${quoteSheetName(to)}!${text.slice(t.refStart - t.start)}`;
  });
}
