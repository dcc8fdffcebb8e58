// A Word table laid on its grid: each cell placed in the columns it covers (w:gridSpan), cells covered from
// above (w:vMerge continue) marked, header rows found (w:tblHeader, or rows a vertical merge ties to the first),
// header rows repeated further down dropped. Gives the plan table (planTable.ts) and the table's lines of text.
import { removeWrapSpaces } from "../text";
import { normalizeHeader, type PlanTable, type TableRow } from "../parse/planTable";
import type { DocxTable } from "./documentXml";

interface Slot {
  text: string;
  /** Covered by the cell above (vertical merge). */
  fromAbove: boolean;
  /** Covered by the cell to the left (horizontal merge). */
  fromLeft: boolean;
}

export interface GridTable {
  rows: Slot[][];
  columns: number;
  /** Number of header rows at the top. */
  headerRows: number;
  /** Text of leading rows that are one cell across the table: a caption written inside it. */
  caption: string[];
}

/** A cell's lines as one text: a space only between two Latin letters or digits ("2.5 产业" stays apart). */
function joinLines(lines: string[]): string {
  // The text so far is asked only for its last character (kept), never matched again whole (/…$/ on it for
  // each line was quadratic in a cell of many paragraphs).
  const parts: string[] = [];
  let last = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    parts.push(parts.length > 0 && /[A-Za-z0-9]/.test(last) && /^[A-Za-z0-9]/.test(line) ? ` ${line}` : line);
    last = line[line.length - 1];
  }
  return removeWrapSpaces(parts.join(""));
}

const EMPTY: Slot = { text: "", fromAbove: false, fromLeft: false };

function layRows(table: DocxTable): Slot[][] {
  return table.rows.map((row) => {
    const slots: Slot[] = Array.from({ length: row.gridBefore }, () => EMPTY);
    for (const cell of row.cells) {
      const text = joinLines(cell.paragraphs.flatMap((p) => p.split("\n")));
      const fromAbove = cell.vMerge === "continue";
      for (let k = 0; k < cell.span; k++)
        slots.push({ text: fromAbove ? "" : text, fromAbove, fromLeft: k > 0 });
    }
    return slots;
  });
}

/** A row compared as written: merged-from-above cells count as empty. */
const rowKey = (row: Slot[]) => row.map((s) => (s.fromAbove ? "" : s.text)).join("\u0001");

/**
 * Lays a table on its grid; `continued` are the tables that carry it on after page breaks (their own copy of
 * the header rows is left out, a vertical merge may go on across the break).
 */
export function layOnGrid(table: DocxTable, continued: DocxTable[] = []): GridTable {
  const rows = layRows(table);
  const repeat = table.rows.map((r) => r.repeatHeader);
  // A first row that is one cell across the table is its caption ("附件1 主要目标体系"), not its header.
  const caption: string[] = [];
  // Counted, then cut once: shift() per row moves the whole array each time, quadratic in a long table.
  let captionRows = 0;
  while (
    rows.length - captionRows > 1 &&
    rows[captionRows].length > 1 &&
    rows[captionRows].slice(1).every((s) => s.fromLeft)
  )
    caption.push(rows[captionRows++][0].text);
  rows.splice(0, captionRows);
  repeat.splice(0, captionRows);
  const headerRows = countHeaderRows(rows, repeat);
  const header = new Set(rows.slice(0, headerRows).map(rowKey));
  for (const next of continued) {
    const more = layRows(next);
    let skip = 0;
    while (skip < more.length && (next.rows[skip].repeatHeader || header.has(rowKey(more[skip])))) skip++;
    for (let k = skip; k < more.length; k++) rows.push(more[k]);
  }
  const columns = rows.reduce((w, r) => Math.max(w, r.length), 0); // not Math.max(...): past the stack
  for (const r of rows) while (r.length < columns) r.push(EMPTY);
  // Vertically merged cells take the text of the cell their merge began in.
  rows.forEach((r, i) =>
    r.forEach((s, c) => {
      if (s.fromAbove && i > 0) r[c] = { ...s, text: rows[i - 1][c].text };
    }),
  );
  return { rows, columns, headerRows, caption };
}

/**
 * Header rows: the w:tblHeader rows; else the first row, with the rows a header cell is merged down over (序号
 * beside 目标值 over 2023年 | 2025年), or the row naming the columns under a grouped cell when nothing else is in it.
 */
function countHeaderRows(rows: Slot[][], repeat: boolean[]): number {
  const marked = repeat.findIndex((r) => !r);
  if (marked !== 0) return marked < 0 ? rows.length : marked;
  if (rows.length === 0) return 0;
  let n = 1;
  while (n < rows.length && rows[n].some((s, c) => s.fromAbove && rows[0][c]?.text !== "")) n++;
  if (n === 1 && rows.length > 2) {
    const grouped = rows[0].map((s, c) => s.fromLeft || rows[0][c + 1]?.fromLeft === true);
    const under = rows[1];
    if (grouped.some((g) => g) && grouped.every((g, c) => (g ? under[c]?.text !== "" : !under[c]?.text)))
      n = 2;
  }
  return n;
}

/** Column headers: the lowest non-empty header text of each column ("目标值" over "2023年" gives "2023年"). */
function headerTexts(grid: GridTable): string[] {
  return Array.from({ length: grid.columns }, (_, c) => {
    for (let r = grid.headerRows - 1; r >= 0; r--)
      if (grid.rows[r][c].text !== "") return grid.rows[r][c].text;
    return "";
  }).map(normalizeHeader);
}

/** The table as lines in the seeds' text form: cells between "|", merged cells written once. */
export function tableLines(grid: GridTable): string[] {
  return grid.rows.map((row) => {
    const cells = row.filter((s) => !s.fromAbove && !s.fromLeft).map((s) => s.text);
    const pad = grid.columns - cells.length;
    return `${cells.join(" | ")} |${pad > 0 ? " " + "|".repeat(pad) : ""}`;
  });
}

/** The plan table; `line` is the 1-based line of the table's first row in the document's text. */
export function planTableOf(grid: GridTable, label: string, title: string, line: number): PlanTable {
  const header = headerTexts(grid);
  const headerKeys = new Set(grid.rows.slice(0, grid.headerRows).map(rowKey));
  // A header row repeated further down (typed again after a page break) is not data.
  const rows: TableRow[] = [];
  grid.rows.forEach((row, r) => {
    if (r < grid.headerRows || headerKeys.has(rowKey(row))) return;
    rows.push({
      cells: row.map((s) => (s.fromAbove ? undefined : s.text)),
      spanned: row.map((s) => s.fromLeft),
      line: line + r,
    });
  });
  return { label, title, header, rows, line: line + grid.headerRows - 1 };
}
