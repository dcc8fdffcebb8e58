// The sheet 调整记录 as data: its layout when it is first made, and the rows an allocation appends to it. The
// record is only ever appended to (a batch of rows per applied allocation or undo, after the last used row), so
// what both adapters get is either a new sheet to create or a block of rows to add; they decide nothing.
import {
  CHANGE_LOG_HEADER,
  CHANGE_LOG_SHEET,
  changeLogHeaderRow,
  changeOf,
  nextBatch,
  readChangeLog,
  type RowChange,
} from "../allocate/changeLog";
import type { Grid } from "../grid";
import { READER_LIMITS } from "../read/limits";
import { rangeRef } from "./a1";
import { SheetBuilder } from "./builder";
import { BODY_STYLE, CENTER, HEADER_STYLE, NOTE_STYLE, TITLE_STYLE, WRAP_LEFT } from "./look";
import type { RangeStyle, SheetSpec, SpecValue } from "./sheetSpec";

const HEADER_ROW = 3;
const COLUMNS = CHANGE_LOG_HEADER.length;
const WIDTHS = [6, 18, 16, 24, 8, 12, 10, 8, 10, 10, 10, 24, 10, 10, 28, 10];
/** Excel's limit on a cell's text. */
const CELL_TEXT_LIMIT = READER_LIMITS.cellChars;

/** When, why and by whom: the same for every row of a batch. */
export interface ChangeLogMeta {
  /** Local time as localTime writes it: "2024年6月5日 10:03". */
  time: string;
  reason: string;
  operator: string;
}

/** What an adapter does to the workbook: create the sheet, or add rows under what it holds. */
export type ChangeLogWrite =
  | { kind: "create"; spec: SheetSpec }
  | {
      kind: "append";
      sheet: string;
      /** 1-based row of the first row added. */
      firstRow: number;
      rows: SpecValue[][];
      styles: RangeStyle[];
    };

/** The rows of one batch, in the order of the changes and their cells. */
export function changeLogRows(changes: RowChange[], batch: number, meta: ChangeLogMeta): SpecValue[][] {
  const text = (s: string) => s.trim().slice(0, CELL_TEXT_LIMIT);
  return changes.flatMap((c) =>
    c.cells.map((x) => [
      batch,
      meta.time,
      c.sheet,
      c.indicator,
      c.unit,
      c.measure,
      x.town,
      x.cell,
      x.before,
      x.after,
      changeOf(x.before, x.after),
      x.method ?? c.method,
      c.cityBefore,
      c.cityAfter,
      text(meta.reason),
      text(meta.operator),
    ]),
  );
}

/** The body's look over rows first…last (1-based): borders, 批次/单位/单元格 centred, 原因 wrapped. */
function bodyStyles(first: number, last: number): RangeStyle[] {
  const ref = (c1: number, c2: number) => rangeRef(first, c1, last, c2);
  return [
    { ref: ref(1, COLUMNS), style: BODY_STYLE },
    { ref: ref(1, 1), style: CENTER },
    { ref: ref(5, 8), style: CENTER },
    { ref: ref(15, 15), style: WRAP_LEFT },
  ];
}

/** A new 调整记录: title, a note on how it is kept, the header, and the first batch's rows. */
export function changeLogSheet(rows: SpecValue[][]): SheetSpec {
  const b = new SheetBuilder(CHANGE_LOG_SHEET);
  b.title(1, COLUMNS, "目标调整记录", TITLE_STYLE);
  b.set(2, 1, "每次在分解目标中应用或撤销,都在下方追加一批记录(同一批次同一时间);请勿修改或删除已有记录。");
  b.merge(2, 1, 2, COLUMNS).style(2, 1, 2, COLUMNS, NOTE_STYLE);
  b.setRow(HEADER_ROW, 1, [...CHANGE_LOG_HEADER]).style(HEADER_ROW, 1, HEADER_ROW, COLUMNS, HEADER_STYLE);
  rows.forEach((r, i) => b.setRow(HEADER_ROW + 1 + i, 1, r));
  const last = HEADER_ROW + Math.max(1, rows.length);
  b.spec.styles.push(...bodyStyles(HEADER_ROW + 1, last));
  return b.finishTable({
    headerRow: HEADER_ROW,
    lastRow: last,
    lastColumn: COLUMNS,
    widths: WIDTHS,
    frozenColumns: 2,
  });
}

/** The last row (1-based) holding anything, 0 for an empty sheet. */
function lastUsedRow(grid: Grid): number {
  for (let r = grid.rows.length - 1; r >= 0; r--)
    if (grid.rows[r]?.some((v) => v !== null && v !== undefined && v !== "")) return r + 1;
  return 0;
}

/**
 * What to write for one batch, given the record as it stands (null: no such sheet): its batch number and the
 * sheet to create, or the rows to add after the last used row (a header first when the sheet has none, so the
 * record reads back); null when the changes change nothing.
 */
export function planChangeLog(
  existing: Grid | null,
  changes: RowChange[],
  meta: ChangeLogMeta,
): { batch: number; write: ChangeLogWrite } | null {
  if (changes.every((c) => c.cells.length === 0)) return null;
  const last = existing ? lastUsedRow(existing) : 0;
  const batch = existing ? nextBatch(readChangeLog(existing)) : 1;
  const rows = changeLogRows(changes, batch, meta);
  if (last === 0) return { batch, write: { kind: "create", spec: changeLogSheet(rows) } };
  const withHeader = changeLogHeaderRow(existing!) < 0;
  // A sheet of that name that is not a record yet: a blank row, then the header, then the rows.
  const firstRow = last + (withHeader ? 2 : 1);
  const first = firstRow + (withHeader ? 1 : 0);
  const styles = bodyStyles(first, first + rows.length - 1);
  if (withHeader) styles.unshift({ ref: rangeRef(firstRow, 1, firstRow, COLUMNS), style: HEADER_STYLE });
  return {
    batch,
    write: {
      kind: "append",
      sheet: CHANGE_LOG_SHEET,
      firstRow,
      rows: withHeader ? [[...CHANGE_LOG_HEADER], ...rows] : rows,
      styles,
    },
  };
}
