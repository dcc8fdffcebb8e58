// Per-cell styles → the few ranges a SheetSpec lists them as. Shared by the readers of user-made templates (an
// .xlsx file through ExcelJS, a sheet of the open workbook through Office.js), so both give the same spec.
import { cellRef, rangeRef } from "./a1";
import type { CellStyle, RangeStyle } from "./sheetSpec";

/**
 * Per-cell styles as ranges: a run of cells in a row with the same style is one range, and a run with the same
 * columns and style in the row below extends it downwards.
 */
export function styleRanges(
  lastRow: number,
  lastColumn: number,
  styleAt: (row: number, column: number) => CellStyle | null,
): RangeStyle[] {
  interface Open {
    r1: number;
    r2: number;
    c1: number;
    c2: number;
    style: CellStyle;
  }
  const done: Open[] = [];
  let open = new Map<string, Open>();
  for (let r = 1; r <= lastRow; r++) {
    const runs: { c1: number; c2: number; style: CellStyle; key: string }[] = [];
    for (let c = 1; c <= lastColumn; c++) {
      const style = styleAt(r, c);
      if (!style) continue;
      const key = JSON.stringify(style);
      const last = runs[runs.length - 1];
      if (last && last.c2 === c - 1 && last.key === key) last.c2 = c;
      else runs.push({ c1: c, c2: c, style, key });
    }
    const next = new Map<string, Open>();
    for (const run of runs) {
      const id = `${run.c1}:${run.c2}:${run.key}`;
      const above = open.get(id);
      if (above) {
        above.r2 = r;
        open.delete(id);
        next.set(id, above);
      } else next.set(id, { r1: r, r2: r, c1: run.c1, c2: run.c2, style: run.style });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  done.sort((x, y) => x.r1 - y.r1 || x.c1 - y.c1);
  return done.map((o) => ({
    ref: o.r1 === o.r2 && o.c1 === o.c2 ? cellRef(o.r1, o.c1) : rangeRef(o.r1, o.c1, o.r2, o.c2),
    style: o.style,
  }));
}
