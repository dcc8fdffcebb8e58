// Evaluates a parsed formula against a host that supplies cell values. Cell formulas follow legacy (pre-dynamic
// array) Excel: a range used where one value is expected is reduced by implicit intersection with the formula's
// row or column; functions that take arrays (SUMPRODUCT) evaluate their arguments element by element.
import { MAX_COLUMNS, MAX_ROWS, areaOf, type Rect } from "../a1";
import { FUNCTIONS } from "./functions";
import type { Node } from "./parse";
import type { RefArea } from "./tokenize";
import {
  addNumbers,
  DIV0,
  NA,
  NAME,
  NUM,
  REF,
  VALUE,
  compareScalars,
  finish,
  isArray,
  isError,
  isRange,
  toNumber,
  toText,
  type ArrayValue,
  type RangeValue,
  type Scalar,
  type Value,
} from "./values";

/** Where cell values come from: the workbook, through calc.ts. Sheets are opaque handles here. */
export interface FormulaHost {
  sheetByName(name: string): unknown;
  /** The computed value of a cell; null when the cell is empty. */
  valueAt(sheet: unknown, row: number, col: number): Scalar;
  /** The computed values of the cells of `area` that hold something (empty cells are skipped). */
  contentOf(sheet: unknown, area: Rect): Iterable<Scalar>;
}

/** The cell a formula is evaluated for, and how far its relative references move (conditional formats). */
export interface EvalPosition {
  sheet: unknown;
  row: number;
  col: number;
  dRow: number;
  dCol: number;
}

/** Arrays larger than this are not built (SUMPRODUCT over whole columns): #NUM! instead. */
const MAX_ARRAY_CELLS = 2_000_000;

export class Evaluator {
  constructor(
    readonly host: FormulaHost,
    readonly pos: EvalPosition,
  ) {}

  /** A node's value; references stay references (RangeValue) until a consumer reads them. */
  eval(node: Node, arrayMode: boolean): Value {
    switch (node.t) {
      case "num":
      case "str":
      case "bool":
        return node.v;
      case "err":
        return { error: node.v };
      case "missing":
        return null;
      case "name":
        return NAME();
      case "array":
        return { kind: "array", rows: node.rows.map((r) => r.map((n) => this.scalar(n))) };
      case "ref":
        return this.reference(node.sheet, node.area);
      case "call": {
        const fn = FUNCTIONS[node.name];
        return fn ? fn(this, node.args, arrayMode) : NAME();
      }
      case "unary":
        return this.unary(node.op, this.eval(node.arg, arrayMode), arrayMode);
      case "bin":
        return this.binary(
          node.op,
          this.eval(node.left, arrayMode),
          this.eval(node.right, arrayMode),
          arrayMode,
        );
    }
  }

  /** A node reduced to one value (implicit intersection for references). */
  scalar(node: Node): Scalar {
    return this.toScalar(this.eval(node, false));
  }

  private reference(sheetName: string | undefined, a: RefArea): Value {
    const sheet = sheetName === undefined ? this.pos.sheet : this.host.sheetByName(sheetName);
    if (sheet === undefined || sheet === null) return REF();
    const { dRow, dCol } = this.pos;
    const r1 = a.r1Abs ? a.r1 : a.r1 + dRow;
    const r2 = a.r2Abs ? a.r2 : a.r2 + dRow;
    const c1 = a.c1Abs ? a.c1 : a.c1 + dCol;
    const c2 = a.c2Abs ? a.c2 : a.c2 + dCol;
    if (
      Math.min(r1, r2) < 0 ||
      Math.min(c1, c2) < 0 ||
      Math.max(r1, r2) >= MAX_ROWS ||
      Math.max(c1, c2) >= MAX_COLUMNS
    )
      return REF();
    const area = { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
    return { kind: "range", sheet, area };
  }

  /** Implicit intersection: a one-cell range is its cell; a column (row) gives the cell in the formula's row (column). */
  toScalar(v: Value): Scalar {
    if (isArray(v)) return v.rows[0]?.[0] ?? VALUE();
    if (!isRange(v)) return v;
    const { area, sheet } = v;
    if (area.r1 === area.r2 && area.c1 === area.c2) return this.host.valueAt(sheet, area.r1, area.c1);
    if (area.c1 === area.c2 && this.pos.row >= area.r1 && this.pos.row <= area.r2)
      return this.host.valueAt(sheet, this.pos.row, area.c1);
    if (area.r1 === area.r2 && this.pos.col >= area.c1 && this.pos.col <= area.c2)
      return this.host.valueAt(sheet, area.r1, this.pos.col);
    return VALUE();
  }

  /** A value as a rectangle of values (a scalar is 1×1). */
  toArray(v: Value): ArrayValue | Scalar {
    if (isArray(v)) return v;
    if (!isRange(v)) return { kind: "array", rows: [[v]] };
    return this.materialize(v);
  }

  materialize(v: RangeValue): ArrayValue | Scalar {
    const { area, sheet } = v;
    if (areaOf(area) > MAX_ARRAY_CELLS) return NUM();
    const rows: Scalar[][] = [];
    for (let r = area.r1; r <= area.r2; r++) {
      const row: Scalar[] = [];
      for (let c = area.c1; c <= area.c2; c++) row.push(this.host.valueAt(sheet, r, c));
      rows.push(row);
    }
    return { kind: "array", rows };
  }

  /** Applies `fn` element by element over arrays (scalars broadcast; a single row or column stretches). */
  broadcast(values: Value[], fn: (...xs: Scalar[]) => Scalar): Value {
    const arrays = values.map((v) => this.toArray(v));
    const bad = arrays.find((a): a is Scalar => !isArray(a as Value));
    if (bad !== undefined) return bad;
    const arrs = arrays as ArrayValue[];
    const height = Math.max(...arrs.map((a) => a.rows.length));
    const width = Math.max(...arrs.map((a) => a.rows[0]?.length ?? 0));
    const rows: Scalar[][] = [];
    for (let i = 0; i < height; i++) {
      const row: Scalar[] = [];
      for (let j = 0; j < width; j++) {
        const xs = arrs.map((a) => {
          const h = a.rows.length;
          const w = a.rows[0]?.length ?? 0;
          const ii = h === 1 ? 0 : i;
          const jj = w === 1 ? 0 : j;
          return ii < h && jj < w ? a.rows[ii][jj] : NA();
        });
        row.push(fn(...xs));
      }
      rows.push(row);
    }
    return { kind: "array", rows };
  }

  /** Runs a function of scalars, lifting it over arrays when the formula is evaluated as an array. */
  lift(args: Node[], arrayMode: boolean, fn: (...xs: Scalar[]) => Scalar): Value {
    const values = args.map((a) => this.eval(a, arrayMode));
    if (arrayMode && values.some((v) => isRange(v) || isArray(v))) return this.broadcast(values, fn);
    return fn(...values.map((v) => this.toScalar(v)));
  }

  private unary(op: string, v: Value, arrayMode: boolean): Value {
    const f = (x: Scalar): Scalar => {
      if (op === "+") return x;
      if (op === "@") return x;
      const n = toNumber(x);
      if (isError(n)) return n;
      return finish(op === "-" ? -n : n / 100);
    };
    if (arrayMode && (isRange(v) || isArray(v)) && op !== "@") return this.broadcast([v], f);
    return f(this.toScalar(v));
  }

  private binary(op: string, a: Value, b: Value, arrayMode: boolean): Value {
    if (arrayMode && (isRange(a) || isArray(a) || isRange(b) || isArray(b)))
      return this.broadcast([a, b], (x, y) => scalarBinary(op, x, y));
    return scalarBinary(op, this.toScalar(a), this.toScalar(b));
  }
}

export function scalarBinary(op: string, a: Scalar, b: Scalar): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  switch (op) {
    case "&": {
      const x = toText(a);
      const y = toText(b);
      if (isError(x)) return x;
      if (isError(y)) return y;
      return x + y;
    }
    case "=":
      return compareScalars(a, b) === 0;
    case "<>":
      return compareScalars(a, b) !== 0;
    case "<":
      return compareScalars(a, b) < 0;
    case ">":
      return compareScalars(a, b) > 0;
    case "<=":
      return compareScalars(a, b) <= 0;
    case ">=":
      return compareScalars(a, b) >= 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case "+":
      return finish(addNumbers(x, y));
    case "-":
      return finish(addNumbers(x, -y));
    case "*":
      return finish(x * y);
    case "/":
      return y === 0 ? DIV0() : finish(x / y);
    case "^":
      return x === 0 && y === 0 ? NUM() : finish(Math.pow(x, y));
  }
  return VALUE();
}

/** The value a cell formula shows: one scalar, an empty result reading as 0 (=A1 of an empty A1 is 0). */
export function evaluateCellFormula(node: Node, host: FormulaHost, pos: EvalPosition): Scalar {
  const ev = new Evaluator(host, pos);
  const v = ev.toScalar(ev.eval(node, false));
  return v === null ? 0 : v;
}
