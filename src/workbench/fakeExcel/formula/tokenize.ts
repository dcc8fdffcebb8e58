// Tokens of an Excel formula, with their positions: the parser reads them, and the text rewriters (shifting a
// conditional format's formula to another anchor, renaming a sheet) replace reference tokens in place.
import { MAX_COLUMNS, MAX_ROWS, parseCellRef } from "../a1";

/** A reference area as written: corners 0-based, each coordinate with its "$" anchor. */
export interface RefArea {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  r1Abs: boolean;
  c1Abs: boolean;
  r2Abs: boolean;
  c2Abs: boolean;
  /** "A:C" (rows span the grid) or "1:3" (columns span the grid). */
  shape: "cells" | "columns" | "rows";
}

export type Token =
  | { t: "num"; v: number; start: number; end: number }
  | { t: "str"; v: string; start: number; end: number }
  | { t: "err"; v: string; start: number; end: number }
  | { t: "bool"; v: boolean; start: number; end: number }
  /** A reference; `sheet` when prefixed (Sheet1!A1, 'My sheet'!A1); start…end cover the whole token. */
  | { t: "ref"; sheet?: string; area: RefArea; start: number; end: number; refStart: number }
  | { t: "func"; name: string; start: number; end: number }
  | { t: "name"; name: string; start: number; end: number }
  | { t: "op"; v: string; start: number; end: number };

export class FormulaSyntaxError extends Error {}

const ERRORS = [
  "#DIV/0!",
  "#N/A",
  "#NAME?",
  "#NULL!",
  "#NUM!",
  "#REF!",
  "#VALUE!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];
const WORD = /[\p{L}\p{N}_.$\\]/u;
const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;

function cellArea(a: ReturnType<typeof parseCellRef>, b: ReturnType<typeof parseCellRef>): RefArea | null {
  if (!a || !b) return null;
  return {
    r1: a.row,
    c1: a.col,
    r2: b.row,
    c2: b.col,
    r1Abs: a.rowAbsolute,
    c1Abs: a.colAbsolute,
    r2Abs: b.rowAbsolute,
    c2Abs: b.colAbsolute,
    shape: "cells",
  };
}

/** "A1", "$A$1:B2", "A:C", "$1:$3" → an area; null when the text is not a reference. */
export function parseRefText(text: string): RefArea | null {
  const parts = text.split(":");
  if (parts.length === 1) return cellArea(parseCellRef(text), parseCellRef(text));
  if (parts.length !== 2) return null;
  const cells = cellArea(parseCellRef(parts[0]), parseCellRef(parts[1]));
  if (cells) return cells;
  const cols = parts.map((p) => /^(\$?)([A-Za-z]{1,3})$/.exec(p));
  if (cols[0] && cols[1]) {
    const c = cols.map((m) => parseCellRef(`${m![2]}1`)?.col ?? -1);
    if (c[0] < 0 || c[1] < 0) return null;
    return {
      r1: 0,
      r2: MAX_ROWS - 1,
      c1: c[0],
      c2: c[1],
      r1Abs: true,
      r2Abs: true,
      c1Abs: cols[0][1] === "$",
      c2Abs: cols[1][1] === "$",
      shape: "columns",
    };
  }
  const rows = parts.map((p) => /^(\$?)(\d{1,7})$/.exec(p));
  if (rows[0] && rows[1]) {
    const r = rows.map((m) => Number(m![2]) - 1);
    if (r.some((x) => x < 0 || x >= MAX_ROWS)) return null;
    return {
      r1: r[0],
      r2: r[1],
      c1: 0,
      c2: MAX_COLUMNS - 1,
      r1Abs: rows[0][1] === "$",
      r2Abs: rows[1][1] === "$",
      c1Abs: true,
      c2Abs: true,
      shape: "rows",
    };
  }
  return null;
}

/** Tokens of `formula` (without its leading "="). Throws FormulaSyntaxError on text Excel would not accept. */
export function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  const s = formula;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    const start = i;
    if (ch === '"') {
      let v = "";
      i++;
      for (;;) {
        if (i >= s.length) throw new FormulaSyntaxError("unterminated string");
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += s[i++];
      }
      out.push({ t: "str", v, start, end: i });
      continue;
    }
    if (ch === "#") {
      const upper = s.slice(i).toUpperCase();
      const e = ERRORS.find((x) => upper.startsWith(x));
      if (!e) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      i += e.length;
      out.push({ t: "err", v: e, start, end: i });
      continue;
    }
    if (ch === "'") {
      // 'Sheet name'!ref
      let name = "";
      i++;
      for (;;) {
        if (i >= s.length) throw new FormulaSyntaxError("unterminated sheet name");
        if (s[i] === "'") {
          if (s[i + 1] === "'") {
            name += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += s[i++];
      }
      if (s[i] !== "!") throw new FormulaSyntaxError("expected ! after a quoted sheet name");
      i++;
      out.push(readRef(s, i, start, name));
      i = out[out.length - 1].end;
      continue;
    }
    const num = NUMBER.exec(s.slice(i));
    if (num) {
      // "1:3" is a row range, not a number.
      const rowRange = /^\$?\d+:\$?\d+/.exec(s.slice(i));
      if (rowRange) {
        const area = parseRefText(rowRange[0]);
        if (!area) throw new FormulaSyntaxError(`bad row range at ${i}`);
        i += rowRange[0].length;
        out.push({ t: "ref", area, start, end: i, refStart: start });
        continue;
      }
      i += num[0].length;
      out.push({ t: "num", v: Number(num[0]), start, end: i });
      continue;
    }
    if (WORD.test(ch)) {
      let j = i;
      while (j < s.length && WORD.test(s[j])) j++;
      const word = s.slice(i, j);
      if (s[j] === "!") {
        out.push(readRef(s, j + 1, start, word));
        i = out[out.length - 1].end;
        continue;
      }
      if (s[j] === "(") {
        out.push({ t: "func", name: word.toUpperCase(), start, end: j });
        i = j;
        continue;
      }
      const ref = readRefAt(s, i);
      if (ref) {
        out.push({ t: "ref", area: ref.area, start, end: ref.end, refStart: start });
        i = ref.end;
        continue;
      }
      const upper = word.toUpperCase();
      if (upper === "TRUE" || upper === "FALSE") out.push({ t: "bool", v: upper === "TRUE", start, end: j });
      else if (/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(word)) out.push({ t: "name", name: word, start, end: j });
      else throw new FormulaSyntaxError(`unexpected "${word}" at ${i}`);
      i = j;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ t: "op", v: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%(),;{}@".includes(ch)) {
      out.push({ t: "op", v: ch, start, end: i + 1 });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected "${ch}" at ${i}`);
  }
  return out;
}

/** The longest reference starting at `i` ("A1", "A1:B2", "A:C", "1:3"), or null. */
function readRefAt(s: string, i: number): { area: RefArea; end: number } | null {
  const m =
    /^(\$?[A-Za-z]{1,3}\$?\d{1,7}|\$?[A-Za-z]{1,3}|\$?\d{1,7})(:(\$?[A-Za-z]{1,3}\$?\d{1,7}|\$?[A-Za-z]{1,3}|\$?\d{1,7}))?/.exec(
      s.slice(i),
    );
  if (!m) return null;
  // A match must end the word: "A1B" or "SUM1x" are names, not references.
  const after = s[i + m[0].length];
  if (after !== undefined && WORD.test(after)) return null;
  const area = parseRefText(m[0]);
  if (area) return { area, end: i + m[0].length };
  if (m[2]) {
    const single = parseRefText(m[1]);
    const afterFirst = s[i + m[1].length];
    if (single && (afterFirst === undefined || !WORD.test(afterFirst)))
      return { area: single, end: i + m[1].length };
  }
  return null;
}

function readRef(s: string, i: number, start: number, sheet: string): Token {
  const ref = readRefAt(s, i);
  if (!ref) throw new FormulaSyntaxError(`expected a reference after ${sheet}!`);
  return { t: "ref", sheet, area: ref.area, start, end: ref.end, refStart: i };
}
