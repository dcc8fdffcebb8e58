// Excel formula text → syntax tree, with Excel's operator precedence (lowest first): comparisons, &, + -, * /,
// ^, %, unary - + (so =-2^2 is 4, as in Excel). Operators of one level group left to right (=2^3^2 is 64).
import { FormulaSyntaxError, tokenize, type RefArea, type Token } from "./tokenize";

export type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: string }
  | { t: "ref"; sheet?: string; area: RefArea }
  | { t: "name"; name: string }
  | { t: "call"; name: string; args: Node[] }
  /** An omitted argument: IF(A1,,1). */
  | { t: "missing" }
  | { t: "unary"; op: (typeof UNARY_OPERATORS)[number]; arg: Node }
  | { t: "bin"; op: string; left: Node; right: Node }
  | { t: "array"; rows: Node[][] };

const LEVELS: string[][] = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];

/** The binary operators the parser reads, and the unary ones (prefix - + @, postfix %). */
export const BINARY_OPERATORS: readonly string[] = LEVELS.flat();
export const UNARY_OPERATORS = ["-", "+", "%", "@"] as const;

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === "op" && t.v === v;
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new FormulaSyntaxError(`expected "${v}"`);
    this.i++;
  }

  parseFormula(): Node {
    const node = this.binary(0);
    if (this.i < this.tokens.length) throw new FormulaSyntaxError("unexpected text after the formula");
    return node;
  }

  private binary(level: number): Node {
    if (level === LEVELS.length) return this.postfix();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t?.t !== "op" || !LEVELS[level].includes(t.v)) return left;
      this.i++;
      left = { t: "bin", op: t.v, left, right: this.binary(level + 1) };
    }
  }

  private postfix(): Node {
    let node = this.unary();
    while (this.isOp("%")) {
      this.i++;
      node = { t: "unary", op: "%", arg: node };
    }
    return node;
  }

  private unary(): Node {
    const t = this.peek();
    if (t?.t === "op" && (t.v === "-" || t.v === "+" || t.v === "@")) {
      this.i++;
      return { t: "unary", op: t.v, arg: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.peek();
    if (!t) throw new FormulaSyntaxError("the formula ends too early");
    this.i++;
    switch (t.t) {
      case "num":
        return { t: "num", v: t.v };
      case "str":
        return { t: "str", v: t.v };
      case "bool":
        return { t: "bool", v: t.v };
      case "err":
        return { t: "err", v: t.v };
      case "ref":
        return t.sheet === undefined
          ? { t: "ref", area: t.area }
          : { t: "ref", sheet: t.sheet, area: t.area };
      case "name":
        return { t: "name", name: t.name };
      case "func":
        return { t: "call", name: t.name.replace(/^_XLFN\./, ""), args: this.args() };
      case "op":
        if (t.v === "(") {
          const inner = this.binary(0);
          this.expectOp(")");
          return inner;
        }
        if (t.v === "{") return this.arrayConstant();
        throw new FormulaSyntaxError(`unexpected "${t.v}"`);
    }
  }

  private args(): Node[] {
    this.expectOp("(");
    const args: Node[] = [];
    if (this.isOp(")")) {
      this.i++;
      return args;
    }
    for (;;) {
      if (this.isOp(",") || this.isOp(")")) args.push({ t: "missing" });
      else args.push(this.binary(0));
      if (this.isOp(",")) {
        this.i++;
        continue;
      }
      this.expectOp(")");
      return args;
    }
  }

  private arrayConstant(): Node {
    const rows: Node[][] = [[]];
    for (;;) {
      const t = this.peek();
      this.i++;
      let sign = 1;
      let item = t;
      if (item?.t === "op" && item.v === "-") {
        sign = -1;
        item = this.peek();
        this.i++;
      }
      if (!item) throw new FormulaSyntaxError("unterminated array constant");
      if (item.t === "num") rows[rows.length - 1].push({ t: "num", v: sign * item.v });
      else if (sign === 1 && (item.t === "str" || item.t === "bool" || item.t === "err"))
        rows[rows.length - 1].push({ t: item.t, v: item.v } as Node);
      else throw new FormulaSyntaxError("array constants hold numbers, text, booleans or errors");
      if (this.isOp(",")) this.i++;
      else if (this.isOp(";")) {
        this.i++;
        rows.push([]);
      } else {
        this.expectOp("}");
        break;
      }
    }
    if (rows.some((r) => r.length !== rows[0].length)) throw new FormulaSyntaxError("ragged array constant");
    return { t: "array", rows };
  }
}

/** Parses a formula with or without its leading "=". Throws FormulaSyntaxError. */
export function parseFormula(formula: string): Node {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  if (text.trim() === "") throw new FormulaSyntaxError("empty formula");
  return new Parser(tokenize(text)).parseFormula();
}

const cache = new Map<string, Node | FormulaSyntaxError>();

/** parseFormula, remembered: sheets repeat the same formula text a great deal. Errors are returned, not thrown. */
export function parseCached(formula: string): Node | FormulaSyntaxError {
  let hit = cache.get(formula);
  if (hit === undefined) {
    try {
      hit = parseFormula(formula);
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      hit = e;
    }
    if (cache.size > 20_000) cache.clear();
    cache.set(formula, hit);
  }
  return hit;
}

export { FormulaSyntaxError };
