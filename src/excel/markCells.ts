// Colours the cells a check found wrong, and takes the colours off again. The fills the cells had before are
// kept in a very hidden sheet, so removing the marks restores them even after the pane was closed. Marking again
// replaces the earlier marks. Each command: at most 3 syncs.
import type { SheetReport } from "../core/check/checkWorkbook";
import { ERROR_FILL, WARNING_FILL } from "../core/layout/look";
import type { ExcelHost } from "./host";

export const MARK_SHEET = "目标分解助手_标记";
/** How Excel reports a cell without fill. */
const NO_FILL = "#FFFFFF";

interface Mark {
  sheet: string;
  address: string;
  /** The fill the cell had before it was marked. */
  original: string;
}

const key = (m: { sheet: string; address: string }) => `${m.sheet}!${m.address}`;

/** The marks stored by an earlier call, or [] (syncs 1–2). */
async function storedMarks(
  context: Excel.RequestContext,
): Promise<{ marks: Mark[]; store: Excel.Worksheet | null; sheets: string[] }> {
  const book = context.workbook.worksheets;
  book.load("items/name");
  await context.sync();
  const sheets = book.items.map((s) => s.name);
  if (!sheets.includes(MARK_SHEET)) return { marks: [], store: null, sheets };
  const store = book.getItem(MARK_SHEET);
  const used = store.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  const rows = used.isNullObject ? [] : used.values;
  return {
    marks: rows.map(([sheet, address, original]) => ({
      sheet: String(sheet),
      address: String(address),
      original: String(original || NO_FILL),
    })),
    store,
    sheets,
  };
}

function restore(context: Excel.RequestContext, marks: Mark[], sheets: string[]): void {
  for (const m of marks) {
    if (!sheets.includes(m.sheet)) continue; // the sheet was deleted since
    const fill = context.workbook.worksheets.getItem(m.sheet).getRange(m.address).format.fill;
    if (m.original.toUpperCase() === NO_FILL) fill.clear();
    else fill.color = m.original;
  }
}

/** Colours each offending cell: errors red, warnings amber. Returns how many cells were marked. */
export async function markFindings(host: ExcelHost, reports: SheetReport[]): Promise<number> {
  const wanted = reports.flatMap((r) =>
    r.results.flatMap((x) =>
      x.severity === "info"
        ? []
        : x.cells.map((address) => ({
            sheet: r.sheet,
            address,
            colour: x.severity === "error" ? ERROR_FILL : WARNING_FILL,
          })),
    ),
  );
  return host.run(async (context) => {
    const book = context.workbook.worksheets;
    // Sync 1 (and 2 when marks exist) also loads the current fills of the cells to be marked.
    const fills = wanted.map((m) => {
      const f = book.getItem(m.sheet).getRange(m.address).format.fill;
      f.load("color");
      return f;
    });
    const old = await storedMarks(context);
    const oldOriginal = new Map(old.marks.map((m) => [key(m), m.original]));
    // A cell marked before shows the old mark colour now: its original is the one stored.
    const marks: Mark[] = wanted.map((m, i) => ({
      sheet: m.sheet,
      address: m.address,
      original: oldOriginal.get(key(m)) ?? fills[i].color ?? NO_FILL,
    }));
    restore(
      context,
      old.marks.filter((m) => !wanted.some((w) => key(w) === key(m))),
      old.sheets,
    );
    wanted.forEach((m) => (book.getItem(m.sheet).getRange(m.address).format.fill.color = m.colour));
    old.store?.delete();
    if (marks.length > 0) {
      const store = book.add(MARK_SHEET);
      store.visibility = "VeryHidden" as Excel.SheetVisibility.veryHidden;
      store.getRangeByIndexes(0, 0, marks.length, 3).values = marks.map((m) => [
        m.sheet,
        m.address,
        m.original,
      ]);
    }
    await context.sync();
    return marks.length;
  });
}

/** Takes the marks off, restoring each cell's fill. Returns how many cells were restored. */
export async function clearMarks(host: ExcelHost): Promise<number> {
  return host.run(async (context) => {
    const old = await storedMarks(context);
    if (!old.store) return 0;
    restore(context, old.marks, old.sheets);
    old.store.delete();
    await context.sync();
    return old.marks.length;
  });
}
