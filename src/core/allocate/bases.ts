// The bases (drivers) of one breakdown row: what its towns' shares are proportional to, or, for a 质态型 row, the
// weights B_i of its rates. Shared by the CLI (`allocate --base`) and the task pane. A source is one of
//   "" / "current"        the row's own current town values;
//   an indicator name     another row on the same sheet ("规上工业增加值增长");
//   a sheet name          the row of the same indicator on that sheet (a 基数 sheet in the breakdown layout);
//   an A1 range           "E5:L5", "基数!E5:L5", "'My Sheet'!E5:E12": one cell per town, in the table's town order.
import { columnLetter } from "../layout/a1";
import { expandMerges, type Grid, type GridValue, parseRange } from "../grid";
import {
  cellAt,
  findBreakdownTable,
  type BreakdownRowRef,
  type BreakdownTable,
} from "../check/breakdownTable";
import { readSheetValue } from "../check/sheetValue";
import type { TableUnit } from "../table/types";
import { normalizeName, toHalfWidth } from "../text";
import { message, MessageError, zh, type Message } from "../messages/message";
import { valueNotes } from "../messages/valueNotes";

export interface BasesContext {
  /** The sheet of the row (merges expanded, as the table was found on it). */
  grid: Grid;
  table: BreakdownTable;
  row: BreakdownRowRef;
  /** Every sheet of the workbook, for sources on other sheets. */
  grids: Grid[];
}

export interface ResolvedBases {
  /** One per town, in the table's town order; null where there is no number. */
  bases: (number | null)[];
  /** What the bases are, for messages: "当前值", "第6行“规上工业增加值”", "基数!E5:L5". */
  label: string;
  /** Cells whose number was read from text, cells that hold no number, towns missing on the source sheet. */
  notes: string[];
  noteMsgs: Message[];
}

/** A source that names nothing usable, or a range of the wrong size: `message` in Chinese, `msg` as a message. */
export class BasesError extends MessageError {}

const CURRENT = /^(current|当前|当前值)$/i;

/** "Sheet!E5:L5" / "'My Sheet'!E5:L5" / "E5:L5" → sheet (or null) and range; null when not a range at all. */
export function parseSheetRange(source: string): { sheet: string | null; ref: string } | null {
  const s = toHalfWidth(source).trim();
  const bang = s.lastIndexOf("!");
  const ref = bang >= 0 ? s.slice(bang + 1) : s;
  if (!parseRange(ref)) return null;
  if (bang < 0) return { sheet: null, ref: ref.toUpperCase().replace(/\$/g, "") };
  let sheet = s.slice(0, bang).trim();
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (sheet === "") return null;
  return { sheet, ref: ref.toUpperCase().replace(/\$/g, "") };
}

const at = (grid: Grid, r: number, c: number): GridValue => grid.rows[r]?.[c] ?? null;
const a1 = (r: number, c: number) => `${columnLetter(c + 1)}${r + 1}`;
const sameName = (a: string, b: string) => normalizeName(a) === normalizeName(b);

/** One cell as a base: a number (typed or as text), else null, with a note when the cell is not plainly empty. */
function readBase(value: GridValue, where: string, town: string, notes: Message[]): number | null {
  const v = readSheetValue(value);
  if (v.status === "number") {
    if (v.notes.length > 0)
      notes.push(message("bases.text_number", { cell: where, text: v.text, notes: valueNotes(v.notes) }));
    return v.value;
  }
  if (v.status === "invalid" || v.status === "qualitative" || v.status === "pending")
    notes.push(message("bases.not_number", { cell: where, text: v.text, town }));
  return null;
}

/** The bases with their notes, in Chinese and as messages. */
function resolved(bases: (number | null)[], label: string, notes: Message[]): ResolvedBases {
  return { bases, label, notes: notes.map(zh), noteMsgs: notes };
}

function rowValues(
  grid: Grid,
  table: BreakdownTable,
  row: BreakdownRowRef,
  sheetPrefix: string,
  notes: Message[],
) {
  return table.towns.map((t) => {
    const [r, c] = cellAt(table, row, t.line);
    return readBase(at(grid, r, c), sheetPrefix + a1(r, c), t.header, notes);
  });
}

function findGrid(grids: Grid[], name: string): Grid | undefined {
  return grids.find((g) => g.name === name) ?? grids.find((g) => g.name.trim() === name.trim());
}

/** Resolves `source` to one base per town of `ctx.table`; throws BasesError when it names nothing usable. */
export function resolveBases(source: string, ctx: BasesContext): ResolvedBases {
  const { grid, table, row } = ctx;
  const src = source.trim();
  const notes: Message[] = [];

  if (src === "" || CURRENT.test(src)) {
    return resolved(rowValues(grid, table, row, "", notes), "当前值", notes);
  }

  // Another indicator row on the same sheet.
  const same = table.rows.find((r) => sameName(r.name, src));
  if (same) {
    const bases = rowValues(grid, table, same, "", notes);
    return resolved(bases, `第${same.row + 1}行“${same.name}”`, notes);
  }

  // Another sheet in the breakdown layout: the row of the same indicator, towns matched by name.
  const sheet = findGrid(ctx.grids, src);
  if (sheet) {
    const expanded = expandMerges(sheet);
    const other = findBreakdownTable(expanded);
    if (!other || other.towns.length === 0)
      throw new BasesError(message("bases.no_table", { sheet: sheet.name, name: row.name }));
    const match = other.rows.find((r) => sameName(r.name, row.name));
    if (!match)
      throw new BasesError(
        message("bases.no_indicator", {
          sheet: sheet.name,
          name: row.name,
          names: other.rows.map((r) => r.name),
        }),
      );
    const prefix = `${quoteSheet(sheet.name)}!`;
    // The other sheet's towns by header and by normalized header, the first of each: looked up, not searched
    // for every town (quadratic with thousands of towns as rows).
    const byHeader = new Map<string, TableUnit>();
    const byName = new Map<string, TableUnit>();
    for (const o of other.towns) {
      if (!byHeader.has(o.header)) byHeader.set(o.header, o);
      const key = normalizeName(o.header);
      if (!byName.has(key)) byName.set(key, o);
    }
    const bases = table.towns.map((t) => {
      const col = byHeader.get(t.header) ?? byName.get(normalizeName(t.header));
      if (!col) {
        notes.push(message("bases.no_column", { sheet: sheet.name, town: t.header }));
        return null;
      }
      const [r, c] = cellAt(other, match, col.line);
      return readBase(at(expanded, r, c), prefix + a1(r, c), t.header, notes);
    });
    return resolved(bases, `工作表“${sheet.name}”第${match.row + 1}行“${match.name}”`, notes);
  }

  // An A1 range: one row or one column, exactly one cell per town.
  const range = parseSheetRange(src);
  if (range) {
    let target = grid;
    if (range.sheet !== null) {
      const g = findGrid(ctx.grids, range.sheet) ?? (range.sheet === grid.name ? grid : undefined);
      if (!g)
        throw new BasesError(
          message("bases.no_sheet", { range: src, sheet: range.sheet, sheets: ctx.grids.map((x) => x.name) }),
        );
      target = g === grid ? grid : expandMerges(g);
    }
    const [r1, c1, r2, c2] = parseRange(range.ref) as [number, number, number, number];
    const rows = r2 - r1 + 1;
    const cols = c2 - c1 + 1;
    const n = table.towns.length;
    if (rows > 1 && cols > 1)
      throw new BasesError(message("bases.not_a_line", { range: src, rows, cols, n }));
    const count = rows * cols;
    if (count !== n)
      throw new BasesError(
        message("bases.wrong_size", { range: src, count, n, towns: table.towns.map((t) => t.header) }),
      );
    const prefix = range.sheet !== null ? `${quoteSheet(target.name)}!` : "";
    const bases = table.towns.map((t, k) => {
      const r = rows > 1 ? r1 + k : r1;
      const c = cols > 1 ? c1 + k : c1;
      return readBase(at(target, r, c), prefix + a1(r, c), t.header, notes);
    });
    const label = range.sheet !== null ? `${quoteSheet(target.name)}!${range.ref}` : range.ref;
    return resolved(bases, label, notes);
  }

  throw new BasesError(
    message("bases.unknown", {
      source: src,
      names: table.rows.map((r) => r.name),
      sheets: ctx.grids.map((g) => g.name),
    }),
  );
}

/** A sheet name as Excel writes it in a reference: quoted unless letters (CJK too) and digits, not leading. */
function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
