// Writes numbers into given cells (an allocation's town cells) and returns what they held before, for undo:
// one request to read the old values, one to write. Only these cells change.
import { excelInput } from "./cellInput";
import type { ExcelHost } from "./host";

export interface CellWrite {
  address: string;
  value: number | string | null;
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
    const previous = ranges.map((r, i) => {
      const f = r.formulas[0][0];
      return { address: writes[i].address, value: f === "" ? null : (f as number | string) };
    });
    // A formula goes back as a formula; any other text keeps Excel's text prefix when it needs one.
    const input = (v: CellWrite["value"]) =>
      v === null ? "" : typeof v === "string" && v.startsWith("=") ? v : excelInput(v);
    writes.forEach((w, i) => (ranges[i].formulas = [[input(w.value)]]));
    await context.sync();
    return previous;
  });
}
