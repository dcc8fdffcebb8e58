// Writes numbers into given cells (an allocation's town cells, and its 全市 cell unless that holds a formula) and
// returns what the written cells held before, for undo: one request to read the old values, one to write. Only
// these cells change, and (when a record is asked for) the sheet 调整记录, whose rows go in the same two requests.
import { keepWritten, type RowChange } from "../core/allocate/changeLog";
import { planChangeLog, type ChangeLogMeta } from "../core/layout/changeLogSheet";
import { loadChangeLog, queueChangeLog } from "./changeLog";
import { excelInput } from "./cellInput";
import type { ExcelHost } from "./host";

export interface CellWrite {
  address: string;
  value: number | string | null;
  /** A 全市 cell written to follow a new target: a formula there is kept (it follows, or is the clerk's rule). */
  total?: true;
}

/** What to record in 调整记录: the changes as planned (cells kept as formulas are left out here) and when, why. */
export interface CellRecord extends ChangeLogMeta {
  changes: RowChange[];
}

export interface CellsWritten {
  /** What the written cells held before, for undo. */
  previous: CellWrite[];
  /** The batch recorded and its changes (as written); null when no record was asked for or nothing changed. */
  recorded: { batch: number; changes: RowChange[] } | null;
}

export async function writeCells(
  host: ExcelHost,
  sheet: string,
  writes: CellWrite[],
  record?: CellRecord,
): Promise<CellsWritten> {
  return host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const ranges = writes.map((w) => {
      const r = ws.getRange(w.address);
      r.load("formulas");
      return r;
    });
    const log = record ? loadChangeLog(context) : null;
    await context.sync();
    // Formulas, not values: undoing must bring back a formula the clerk had typed, not its result.
    const before = ranges.map((r) => r.formulas[0][0]);
    const keeps = (i: number) =>
      writes[i].total === true && typeof before[i] === "string" && before[i].startsWith("=");
    const previous: CellWrite[] = [];
    writes.forEach((w, i) => {
      if (keeps(i)) return;
      const f = before[i];
      previous.push({ address: w.address, value: f === "" ? null : (f as number | string) });
    });

    let recorded: CellsWritten["recorded"] = null;
    if (record && log) {
      const changes = keepWritten(
        record.changes,
        previous.map((p) => p.address),
      );
      const existing = log();
      const planned = planChangeLog(existing, changes, record);
      // The record goes first: should it fail (a protected sheet), no cell has changed without a record.
      if (planned) {
        queueChangeLog(host, context, planned.write, existing !== null);
        recorded = { batch: planned.batch, changes };
      }
    }
    // A formula goes back as a formula; any other text keeps Excel's text prefix when it needs one.
    const input = (v: CellWrite["value"]) =>
      v === null ? "" : typeof v === "string" && v.startsWith("=") ? v : excelInput(v);
    writes.forEach((w, i) => {
      if (!keeps(i)) ranges[i].formulas = [[input(w.value)]];
    });
    await context.sync();
    return { previous, recorded };
  });
}
