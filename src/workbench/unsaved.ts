// Whether the in-memory workbook holds changes a reload would lose. Every change goes through the fake's API (the
// pane's actions and the grid's edits alike), so a run that sent an operation other than reading, selecting or
// activating has changed the workbook.
import type { FakeExcel } from "./fakeExcel";

/** Operations that leave the workbook's contents as they are: loads, selection, the active sheet, hints. */
const VIEW_ONLY = /\.(load|select|activate|autofitColumns|autofitRows|suspendApiCalculationUntilNextSync)$/;

/** Whether a request with these operation names ("Range.values=", "Range.load"…) changed the workbook. */
export function changesWorkbook(names: readonly string[]): boolean {
  return names.some((name) => !VIEW_ONLY.test(name));
}

/** `fake.run`, calling `onChange` after each run that sent a change (even one whose sync then failed). */
export function trackChanges(fake: FakeExcel, onChange: () => void): FakeExcel["run"] {
  return async (batch) => {
    const before = fake.stats.requests.length;
    try {
      return await fake.run(batch);
    } finally {
      if (fake.stats.requests.slice(before).some((r) => changesWorkbook(r.names))) onChange();
    }
  };
}
