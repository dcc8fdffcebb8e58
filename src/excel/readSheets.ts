// Reads sheets' used ranges into Grids for the check: one request for the names, one for all the values. Excel on
// the web also refuses responses over 5 MB: only then are the values read again in blocks of rows, one request each.
import { gridValueFromExcel, type Grid, type GridValue } from "../core/grid";
import { type ExcelHost, OPTIONAL_FEATURES } from "./host";

/** "everything" includes hidden sheets (an issued template's identity marker is very hidden). */
export type SheetSelection = "active" | "all" | "everything" | string[];

export interface SheetsRead {
  grids: Grid[];
  /** Sheets read along because `alsoRead` asked for them (e.g. the indicator system for the cross-check). */
  extras: Grid[];
  activeSheet: string;
  sheetNames: string[];
  warnings: string[];
}

/** Used-range values placed at their real position (a used range starting at C3 gives two empty rows first). */
function toGrid(
  name: string,
  values: unknown[][],
  rowIndex: number,
  columnIndex: number,
  merges: string[],
): Grid {
  const rows: GridValue[][] = [];
  for (let r = 0; r < rowIndex; r++) rows.push([]);
  for (const line of values) {
    const row: GridValue[] = new Array(columnIndex).fill(null);
    for (const v of line) row.push(gridValueFromExcel(v));
    rows.push(row);
  }
  return { name, rows, merges };
}

/** "'My Sheet'!A1:C3, 'My Sheet'!E4" → ["A1:C3", "E4"]. */
export function areasOf(address: string): string[] {
  return address
    .split(",")
    .map((a) => a.trim().replace(/^.*!/, "").replace(/\$/g, ""))
    .filter((a) => a !== "");
}

/**
 * `alsoRead` picks, from the workbook's visible sheet names (and all names, hidden ones too), further sheets to
 * read in the same request, so a check of one sheet can still find the indicator system without a third sync.
 */
export async function readSheets(
  host: ExcelHost,
  which: SheetSelection = "all",
  alsoRead: (names: string[], allNames: string[]) => string[] = () => [],
): Promise<SheetsRead> {
  const withMerges = host.supports(OPTIONAL_FEATURES.merges.version);
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    const active = sheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    const names = sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
    const wanted =
      which === "active"
        ? [active.name]
        : which === "all"
          ? names
          : which === "everything"
            ? sheets.items.map((x) => x.name)
            : which;
    const missing = wanted.filter((n) => !sheets.items.some((s) => s.name === n));
    if (missing.length > 0) throw new Error(`没有名为“${missing.join("、")}”的工作表`);
    const extras = alsoRead(
      names,
      sheets.items.map((s) => s.name),
    ).filter((n) => !wanted.includes(n));
    const reads = [...wanted, ...extras].map((name) => {
      const ws = sheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("values,rowIndex,columnIndex");
      const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
      merged?.load("address");
      return { name, used, merged };
    });
    try {
      await context.sync();
    } catch (e) {
      if ((e as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded") throw e;
      return readInBlocks(context, [...wanted, ...extras], wanted.length, active.name, names, withMerges);
    }
    const grids = reads.map(({ name, used, merged }) =>
      used.isNullObject
        ? { name, rows: [] }
        : toGrid(
            name,
            used.values,
            used.rowIndex,
            used.columnIndex,
            withMerges && merged && !merged.isNullObject ? areasOf(merged.address) : [],
          ),
    );
    return {
      grids: grids.slice(0, wanted.length),
      extras: grids.slice(wanted.length),
      activeSheet: active.name,
      sheetNames: names,
      warnings: withMerges ? [] : [OPTIONAL_FEATURES.merges.message],
    };
  });
}

/** Cells per request when a response must be cut: ~4 bytes a number, well under 5 MB even for short texts. */
const BLOCK_CELLS = 250_000;

/** The fallback for responses over the limit: the used ranges' sizes, then their values block by block. */
async function readInBlocks(
  context: Excel.RequestContext,
  sheetNames: string[],
  wantedCount: number,
  activeSheet: string,
  sheetNamesVisible: string[],
  withMerges: boolean,
): Promise<SheetsRead> {
  const sizes = sheetNames.map((name) => {
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return used;
  });
  const merged = sheetNames.map((name) =>
    withMerges ? context.workbook.worksheets.getItem(name).getRange().getMergedAreasOrNullObject() : null,
  );
  if (withMerges) merged.forEach((m) => m?.load("address"));
  await context.sync();
  const grids: Grid[] = [];
  for (let i = 0; i < sheetNames.length; i++) {
    const used = sizes[i];
    if (used.isNullObject) {
      grids.push({ name: sheetNames[i], rows: [] });
      continue;
    }
    const values: unknown[][] = [];
    let step = Math.max(1, Math.floor(BLOCK_CELLS / used.columnCount));
    for (let r = 0; r < used.rowCount;) {
      const rows = Math.min(step, used.rowCount - r);
      const block = context.workbook.worksheets
        .getItem(sheetNames[i])
        .getRangeByIndexes(used.rowIndex + r, used.columnIndex, rows, used.columnCount);
      block.load("values");
      try {
        await context.sync();
      } catch (e) {
        // Long texts make a block too big: halve it and try again (a single row that is too big is an error).
        if ((e as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded" || rows === 1) throw e;
        step = Math.max(1, Math.floor(rows / 2));
        continue;
      }
      for (const row of block.values) values.push(row);
      r += rows;
    }
    const m = merged[i];
    grids.push(
      toGrid(
        sheetNames[i],
        values,
        used.rowIndex,
        used.columnIndex,
        withMerges && m && !m.isNullObject ? areasOf(m.address) : [],
      ),
    );
  }
  return {
    grids: grids.slice(0, wantedCount),
    extras: grids.slice(wantedCount),
    activeSheet,
    sheetNames: sheetNamesVisible,
    warnings: withMerges ? [] : [OPTIONAL_FEATURES.merges.message],
  };
}
