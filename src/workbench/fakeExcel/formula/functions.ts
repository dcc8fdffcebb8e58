// The worksheet functions the fake evaluates: those our sheets' formulas use (SUM, COUNT, COUNTBLANK, IF, AND,
// ISNUMBER, SEARCH, ROUND…), with Excel's rules for what counts inside a reference and what counts as an argument.
// Any other function evaluates to #NAME?, which the workbench shows instead of a wrong number.
import type { Evaluator } from "./evaluate";
import type { Node } from "./parse";
import {
  DIV0,
  VALUE,
  finish,
  isArray,
  isError,
  isRange,
  toBoolean,
  toNumber,
  toText,
  type ErrorValue,
  type Scalar,
  type Value,
} from "./values";

export type FunctionImpl = (ev: Evaluator, args: Node[], arrayMode: boolean) => Value;

/** One value met by an aggregate: `inRef` when it came from a reference or array (where text is skipped). */
interface Item {
  v: Scalar;
  inRef: boolean;
}

/** The values of the arguments: cells that hold something in references, elements of arrays, direct values. */
function* items(ev: Evaluator, args: Node[], arrayMode: boolean): Generator<Item> {
  for (const arg of args) {
    if (arg.t === "missing") continue;
    const v = ev.eval(arg, arrayMode);
    if (isRange(v)) for (const x of ev.host.contentOf(v.sheet, v.area)) yield { v: x, inRef: true };
    else if (isArray(v)) for (const row of v.rows) for (const x of row) yield { v: x, inRef: true };
    else yield { v, inRef: false };
  }
}

/** Numbers for SUM, MIN, MAX, AVERAGE: in references only numbers count; direct text must read as a number. */
function numbers(ev: Evaluator, args: Node[], arrayMode: boolean): number[] | ErrorValue {
  const out: number[] = [];
  for (const { v, inRef } of items(ev, args, arrayMode)) {
    if (isError(v)) return v;
    if (inRef) {
      if (typeof v === "number") out.push(v);
      continue;
    }
    const n = toNumber(v);
    if (isError(n)) return n;
    out.push(n);
  }
  return out;
}

/** Logicals for AND, OR: in references text and empty cells are skipped; text given directly is #VALUE!. */
function logicals(ev: Evaluator, args: Node[], arrayMode: boolean): boolean[] | ErrorValue {
  const out: boolean[] = [];
  for (const { v, inRef } of items(ev, args, arrayMode)) {
    if (isError(v)) return v;
    if (inRef && (typeof v === "string" || v === null)) continue;
    if (typeof v === "string") return VALUE();
    const b = toBoolean(v);
    if (isError(b)) return b;
    out.push(b);
  }
  return out;
}

/** Excel's ROUND: half away from zero, on the decimal digits (so ROUND(2.675,2) is 2.68, not 2.67). */
export function roundHalfAway(x: number, digits: number): number {
  if (digits > 300) return x;
  if (digits < -300) return 0;
  const shift = (n: number, by: number) => {
    const [mantissa, exponent] = n.toExponential().split("e");
    return Number(`${mantissa}e${Number(exponent) + by}`);
  };
  const r = shift(Math.round(shift(Math.abs(x), digits)), -digits);
  return x < 0 && r !== 0 ? -r : r;
}

/** SEARCH's pattern: case-insensitive, ? any one character, * any run, ~ escapes the next character. */
function searchPattern(find: string): RegExp {
  let src = "";
  for (let i = 0; i < find.length; i++) {
    const ch = find[i];
    if (ch === "~" && i + 1 < find.length) src += escapeRegex(find[++i]);
    else if (ch === "?") src += "[\\s\\S]";
    else if (ch === "*") src += "[\\s\\S]*?";
    else src += escapeRegex(ch);
  }
  return new RegExp(src, "iu");
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

function withNumber(v: Scalar, f: (n: number) => Scalar): Scalar {
  const n = toNumber(v);
  return isError(n) ? n : f(n);
}

export const FUNCTIONS: Record<string, FunctionImpl> = {
  SUM(ev, args, arrayMode) {
    const ns = numbers(ev, args, arrayMode);
    return isError(ns) ? ns : finish(ns.reduce((a, b) => a + b, 0));
  },
  MIN(ev, args, arrayMode) {
    const ns = numbers(ev, args, arrayMode);
    return isError(ns) ? ns : ns.length === 0 ? 0 : Math.min(...ns);
  },
  MAX(ev, args, arrayMode) {
    const ns = numbers(ev, args, arrayMode);
    return isError(ns) ? ns : ns.length === 0 ? 0 : Math.max(...ns);
  },
  AVERAGE(ev, args, arrayMode) {
    const ns = numbers(ev, args, arrayMode);
    if (isError(ns)) return ns;
    return ns.length === 0 ? DIV0() : finish(ns.reduce((a, b) => a + b, 0) / ns.length);
  },
  /** Numbers in references; direct arguments that are numbers, booleans or numeric text. Errors are skipped. */
  COUNT(ev, args, arrayMode) {
    let n = 0;
    for (const { v, inRef } of items(ev, args, arrayMode)) {
      if (typeof v === "number") n++;
      else if (!inRef && (typeof v === "boolean" || (typeof v === "string" && !isError(toNumber(v))))) n++;
    }
    return n;
  },
  /** Everything that is not empty, "" results of formulas and errors included. */
  COUNTA(ev, args, arrayMode) {
    let n = 0;
    for (const { v } of items(ev, args, arrayMode)) if (v !== null) n++;
    return n;
  },
  /** Empty cells and cells whose value is "" (a formula's empty text). */
  COUNTBLANK(ev, args) {
    if (args.length !== 1) return VALUE();
    const v = ev.eval(args[0], false);
    if (!isRange(v)) return VALUE();
    const { area } = v;
    let filled = 0;
    for (const x of ev.host.contentOf(v.sheet, area)) if (x !== "") filled++;
    return (area.r2 - area.r1 + 1) * (area.c2 - area.c1 + 1) - filled;
  },
  SUMPRODUCT(ev, args) {
    if (args.length === 0) return VALUE();
    const arrays = args.map((a) => ev.toArray(ev.eval(a, true)));
    let height = -1;
    let width = -1;
    for (const a of arrays) {
      if (!isArray(a as Value)) return isError(a) ? (a as ErrorValue) : VALUE();
      const rows = (a as { rows: Scalar[][] }).rows;
      if (height < 0) {
        height = rows.length;
        width = rows[0]?.length ?? 0;
      } else if (rows.length !== height || (rows[0]?.length ?? 0) !== width) return VALUE();
    }
    let total = 0;
    for (let i = 0; i < height; i++)
      for (let j = 0; j < width; j++) {
        let p = 1;
        for (const a of arrays) {
          const x = (a as { rows: Scalar[][] }).rows[i][j];
          if (isError(x)) return x;
          p *= typeof x === "number" ? x : 0;
        }
        total += p;
      }
    return finish(total);
  },
  ROUND(ev, args, arrayMode) {
    if (args.length !== 2) return VALUE();
    return ev.lift(args, arrayMode, (x, d) =>
      withNumber(x, (n) => withNumber(d, (digits) => finish(roundHalfAway(n, Math.trunc(digits))))),
    );
  },
  ABS(ev, args, arrayMode) {
    if (args.length !== 1) return VALUE();
    return ev.lift(args, arrayMode, (x) => withNumber(x, (n) => Math.abs(n)));
  },
  /** Only the branch taken is evaluated; in an array formula a condition array picks element by element. */
  IF(ev, args, arrayMode) {
    if (args.length < 2 || args.length > 3) return VALUE();
    const cond = ev.eval(args[0], arrayMode);
    const branch = (i: number): Value => {
      const node = args[i];
      if (node === undefined) return false;
      return node.t === "missing" ? 0 : ev.eval(node, arrayMode);
    };
    if (arrayMode && (isRange(cond) || isArray(cond))) {
      return ev.broadcast([cond, branch(1), branch(2)], (c, a, b) => {
        const t = toBoolean(c);
        return isError(t) ? t : t ? a : b;
      });
    }
    const t = toBoolean(ev.toScalar(cond));
    if (isError(t)) return t;
    return t ? branch(1) : branch(2);
  },
  IFERROR(ev, args, arrayMode) {
    if (args.length !== 2) return VALUE();
    const v = ev.eval(args[0], arrayMode);
    if (arrayMode && (isRange(v) || isArray(v))) {
      const alt = ev.eval(args[1], arrayMode);
      return ev.broadcast([v, alt], (x, y) => (isError(x) ? y : x));
    }
    const x = ev.toScalar(v);
    return isError(x) ? ev.eval(args[1], arrayMode) : x;
  },
  AND(ev, args, arrayMode) {
    const bs = logicals(ev, args, arrayMode);
    return isError(bs) ? bs : bs.length === 0 ? VALUE() : bs.every(Boolean);
  },
  OR(ev, args, arrayMode) {
    const bs = logicals(ev, args, arrayMode);
    return isError(bs) ? bs : bs.length === 0 ? VALUE() : bs.some(Boolean);
  },
  NOT(ev, args, arrayMode) {
    if (args.length !== 1) return VALUE();
    return ev.lift(args, arrayMode, (x) => {
      const b = toBoolean(x);
      return isError(b) ? b : !b;
    });
  },
  ISNUMBER(ev, args, arrayMode) {
    return args.length !== 1 ? VALUE() : ev.lift(args, arrayMode, (x) => typeof x === "number");
  },
  ISTEXT(ev, args, arrayMode) {
    return args.length !== 1 ? VALUE() : ev.lift(args, arrayMode, (x) => typeof x === "string");
  },
  /** True only for an empty cell: a formula's "" is not blank. */
  ISBLANK(ev, args, arrayMode) {
    return args.length !== 1 ? VALUE() : ev.lift(args, arrayMode, (x) => x === null);
  },
  ISERROR(ev, args, arrayMode) {
    return args.length !== 1 ? VALUE() : ev.lift(args, arrayMode, (x) => isError(x));
  },
  LEN(ev, args, arrayMode) {
    if (args.length !== 1) return VALUE();
    return ev.lift(args, arrayMode, (x) => {
      const t = toText(x);
      return isError(t) ? t : [...t].length;
    });
  },
  /** SEARCH(find, within, [start]): 1-based position, case-insensitive, wildcards; #VALUE! when absent. */
  SEARCH(ev, args, arrayMode) {
    if (args.length < 2 || args.length > 3) return VALUE();
    return ev.lift(args, arrayMode, (f, w, s) => {
      const find = toText(f);
      const within = toText(w);
      if (isError(find)) return find;
      if (isError(within)) return within;
      const start = s === undefined ? 1 : toNumber(s);
      if (isError(start)) return start;
      const from = Math.trunc(start);
      const chars = [...within];
      if (from < 1 || from > chars.length + 1) return VALUE();
      if (find === "") return from;
      const rest = chars.slice(from - 1).join("");
      const m = searchPattern(find).exec(rest);
      if (!m) return VALUE();
      return from + [...rest.slice(0, m.index)].length;
    });
  },
};

/** The names of the functions the engine implements (any other evaluates to #NAME?). */
export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);
