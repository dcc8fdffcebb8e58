// The pure part of editing the workbench grid as in Excel: what a typed or pasted entry is written as, what the
// editor shows for a cell, Excel's clipboard text (tab-separated, quoted when a cell holds a tab, a line break or
// a quote), and moving the active cell over merged areas. No DOM: unit-tested in tests/workbench/.
import { containsCell, type Rect } from "./fakeExcel/a1";
import { convertInput } from "./fakeExcel/cellInput";
import { numberToText, parseNumericText } from "./fakeExcel/formula/values";
import type { FakeSheet } from "./fakeExcel/model";

/** Full-width forms an IME types (１２３，４５６．７８％) → ASCII, used only when the result reads as a number. */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0C\uFF0E\uFF0B\uFF0D\uFF05\u3000]/g;

function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * What the grid writes for what the clerk typed, through `range.formulas` (so the fake reads it as Excel reads
 * typing: "1,234" and "45.6" become numbers, "=E5+F5" a formula, "'007" text, anything else text). Numbers typed
 * with full-width digits are written as numbers too, as Excel in Chinese does. `textFormat`: the cell is
 * formatted "@" (Text), where everything stays as typed. A formula Excel cannot read is refused with a message.
 */
export function typedEntry(text: string, textFormat = false): { input: string } | { problem: string } {
  const input = !textFormat && parseNumericText(halfWidth(text)) !== null ? halfWidth(text).trim() : text;
  const converted = convertInput(input, textFormat);
  if ("problem" in converted)
    return {
      problem: `无法把“${text}”作为公式读取。若要输入文字,请在前面加英文单引号 '。`,
    };
  return { input };
}

/**
 * One cell of pasted plain text. Excel reads pasted text as if it were typed, cell by cell: numbers become
 * numbers, and text starting with "=" becomes a formula and is evaluated (so do "+…", "-…" and "@…", which Excel
 * reads as "=+…", "=-…" and "=…"). That is Excel's behaviour for a paste of plain text, and kept here on purpose.
 * A cell Excel could not read as a formula ("+86 571 1234" copied from a contact list) is kept as text rather
 * than failing the whole paste.
 */
export function pastedEntry(text: string, textFormat = false): string {
  const entry = typedEntry(text, textFormat);
  return "input" in entry ? entry.input : `'${text}`;
}

/** What the editor (in the cell or the formula bar) shows for a cell: its formula, or its constant as typed. */
export function editText(sheet: FakeSheet, row: number, col: number): string {
  const cell = sheet.cell(row, col);
  if (!cell) return "";
  if (cell.formula !== undefined) return cell.formula;
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "number") {
    // A percentage cell is edited as "12%", as Excel shows it in the formula bar.
    const percent = cell.numberFormat !== undefined && /%/.test(cell.numberFormat.replace(/"[^"]*"/g, ""));
    return percent ? `${numberToText(v * 100)}%` : numberToText(v);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "object") return v.error;
  return cell.quotePrefix ? `'${v}` : v;
}

/**
 * Excel's plain-text clipboard → rows of cells: rows end with CRLF (LF or CR alone are read too), cells are
 * separated by tabs, a cell in double quotes may hold tabs, line breaks and doubled quotes. The final line break
 * does not start a row. Short rows are padded with null (those cells are left as they are).
 */
export function parseTsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const isEnd = (j: number) => j >= n || text[j] === "\t" || text[j] === "\n" || text[j] === "\r";
  if (n === 0) return [];
  for (;;) {
    let cell: string | null = null;
    if (text[i] === '"') {
      // Quoted: up to the quote that is followed by a separator; "" inside is one quote.
      let j = i + 1;
      let out = "";
      for (;;) {
        if (j >= n) break;
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            out += '"';
            j += 2;
            continue;
          }
          if (isEnd(j + 1)) {
            cell = out;
            i = j + 1;
          }
          break;
        }
        out += text[j++];
      }
    }
    if (cell === null) {
      // Plain (or a quote that does not close a cell): up to the next tab or line break.
      let j = i;
      while (!isEnd(j)) j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i < n && text[i] === "\t") {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (i < n && text[i] === "\r") i++;
    if (i < n && text[i] === "\n") i++;
    if (i >= n) break;
  }
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<null>(width - r.length).fill(null)] : r));
}

/** Rows of cell texts → Excel's clipboard text (CRLF after every row, quotes only where needed). */
export function toTsv(rows: string[][]): string {
  const cell = (t: string) => (/[\t\r\n"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return rows.map((r) => r.map(cell).join("\t") + "\r\n").join("");
}

export interface CellPos {
  row: number;
  col: number;
}

/** The rectangle grown until every merged area it touches lies wholly inside it (Excel selects whole merges). */
export function expandToMerges(sheet: FakeSheet, area: Rect): Rect {
  const r = { ...area };
  for (let grown = true; grown;) {
    grown = false;
    for (const m of sheet.merges) {
      if (m.r1 > r.r2 || m.r2 < r.r1 || m.c1 > r.c2 || m.c2 < r.c1) continue;
      if (m.r1 < r.r1 || m.c1 < r.c1 || m.r2 > r.r2 || m.c2 > r.c2) {
        r.r1 = Math.min(r.r1, m.r1);
        r.c1 = Math.min(r.c1, m.c1);
        r.r2 = Math.max(r.r2, m.r2);
        r.c2 = Math.max(r.c2, m.c2);
        grown = true;
      }
    }
  }
  return r;
}

/** The cell that stands for (row, col): the top-left cell of its merged area, or itself. */
export function anchorOf(sheet: FakeSheet, pos: CellPos): CellPos {
  const m = sheet.mergeAt(pos.row, pos.col);
  return m ? { row: m.r1, col: m.c1 } : pos;
}

/**
 * One step of the active cell (dr, dc ∈ -1…1) inside rows × cols: a merged area is stepped over as one cell, and
 * landing inside one selects its top-left cell. At the edge it stays.
 */
export function step(
  sheet: FakeSheet,
  from: CellPos,
  dr: number,
  dc: number,
  rows: number,
  cols: number,
): CellPos {
  const m = sheet.mergeAt(from.row, from.col);
  let row = dr > 0 ? (m?.r2 ?? from.row) + 1 : dr < 0 ? (m?.r1 ?? from.row) - 1 : from.row;
  let col = dc > 0 ? (m?.c2 ?? from.col) + 1 : dc < 0 ? (m?.c1 ?? from.col) - 1 : from.col;
  row = Math.max(0, Math.min(rows - 1, row));
  col = Math.max(0, Math.min(cols - 1, col));
  if (m && containsCell(m, row, col)) return from;
  return anchorOf(sheet, { row, col });
}

/** The selection from the active cell to `end`, merges included. */
export function spanOf(sheet: FakeSheet, a: CellPos, end: CellPos): Rect {
  return expandToMerges(sheet, {
    r1: Math.min(a.row, end.row),
    c1: Math.min(a.col, end.col),
    r2: Math.max(a.row, end.row),
    c2: Math.max(a.col, end.col),
  });
}

/** Whether Excel would refuse typing into `area`: a protected sheet with a locked cell there. */
export function isLocked(sheet: FakeSheet, area: Rect): boolean {
  if (!sheet.protected) return false;
  // Cells are locked unless stored unlocked: count those, not every cell of a possibly huge area.
  let unlocked = 0;
  for (const [, , cell] of sheet.storedCells(area)) if (cell.unlocked) unlocked++;
  return unlocked < (area.r2 - area.r1 + 1) * (area.c2 - area.c1 + 1);
}
