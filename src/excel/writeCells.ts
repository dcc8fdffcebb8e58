// Writes numbers into given cells (an allocation's town cells, and its 全市 cell unless that holds a formula) and
// returns what the written cells held before, for undo: one request to read the old values, one to write. Only
// these cells change.
import { excelInput } from "./cellInput";
import type { ExcelHost } from "./host";

export interface CellWrite {
  address: string;
  value: number | string | null;
  /** A 全市 cell written to follow a new target: a formula there is kept (it follows, or is the clerk's rule). */
  total?: true;
}

export async function writeCells(host: ExcelHost, sheet: string, writes: CellWrite[]): Promise<CellWrite[]> {
  return host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const ranges = writes.map((w) => {
      const r = ws.getRange(w.address);
      r.load("formulas");
      return r;
    });
    await context.sync();
    // Formulas, not values: undoing must bring back a formula the clerk had typed, not its result.
    const before = ranges.map((r) => r.formulas[0][0]);
    const keeps = (i: number) =>
      writes[i].total === true && typeof before[i] === "string" && before[i].startsWith("=");
    const previous: CellWrite[] = [];
    // A formula goes back as a formula; any other text keeps Excel's text prefix when it needs one.
    const input = (v: CellWrite["value"]) =>
      v === null ? "" : typeof v === "string" && v.startsWith("=") ? v : excelInput(v);
    writes.forEach((w, i) => {
      if (keeps(i)) return;
      const f = before[i];
      previous.push({ address: w.address, value: f === "" ? null : (f as number | string) });
      ranges[i].formulas = [[input(w.value)]];
    });
    await context.sync();
    return previous;
  });
}
