// Where a template row ends up once its blocks are repeated: a row below a block moves down by what the block
// grew; a row of a block appears once per item; a range that ends on a block's row grows to the block's last copy.
// Applied alike to formulas, styles, merges, validations, conditional formats and row heights.
import { parseRange } from "../grid";
import { cellRef, rangeRef } from "../layout/a1";

export interface RepeatedBlock {
  /** 1-based first and last template row of the block. */
  first: number;
  last: number;
  count: number;
}

export type Side = "start" | "end";

export class RowMap {
  constructor(private readonly blocks: RepeatedBlock[]) {}

  private height(b: RepeatedBlock) {
    return b.last - b.first + 1;
  }

  /** Rows added (or removed) by the blocks entirely above template row `row`. */
  private shiftBefore(row: number): number {
    let s = 0;
    for (const b of this.blocks) if (b.last < row) s += (b.count - 1) * this.height(b);
    return s;
  }

  blockOf(row: number): RepeatedBlock | undefined {
    return this.blocks.find((b) => row >= b.first && row <= b.last);
  }

  /** Output row of template `row`; inside its own block's copy `copy` (0-based) when given. */
  row(row: number, side: Side = "start", copy?: { block: RepeatedBlock; k: number }): number {
    const b = this.blockOf(row);
    const base = row + this.shiftBefore(row);
    if (!b) return base;
    if (copy && copy.block === b) return base + copy.k * this.height(b);
    return side === "end" ? base + Math.max(0, b.count - 1) * this.height(b) : base;
  }

  /** An A1 range or cell mapped: its start as a start, its end as an end. */
  range(ref: string, copy?: { block: RepeatedBlock; k: number }): string {
    const r = parseRange(ref);
    if (!r) return ref;
    const [r1, c1, r2, c2] = r.map((x) => x + 1);
    const n1 = this.row(r1, "start", copy);
    const n2 = this.row(r2, "end", copy);
    return r1 === r2 && c1 === c2 ? cellRef(n1, c1) : rangeRef(n1, c1, n2, c2);
  }

  /** Every A1 reference of a formula mapped (text in quotes left alone). */
  formula(formula: string, copy?: { block: RepeatedBlock; k: number }): string {
    return formula.replace(
      /"[^"]*"|(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![\d(A-Za-z_])/g,
      (m: string, a?: string, b?: string) => {
        if (!a) return m; // a string literal
        const one = (ref: string, side: Side) => {
          const p = /^(\$?[A-Z]{1,3}\$?)(\d+)$/.exec(ref)!;
          return `${p[1]}${this.row(Number(p[2]), side, copy)}`;
        };
        return b ? `${one(a, "start")}:${one(b, "end")}` : one(a, "start");
      },
    );
  }
}
