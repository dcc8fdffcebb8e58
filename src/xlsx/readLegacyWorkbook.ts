// Reads a legacy binary workbook (Excel 97-2003 .xls, BIFF8; WPS .et; Excel 95's BIFF5) with SheetJS Community
// Edition into the same grids as the .xlsx readers. The library (~1 MB) is imported only when such a file is
// opened: a separate chunk in the task pane, loaded from node_modules at run time by the CLI (see
// scripts/build-cli.mjs). It parses the whole file at once, so the file's size is checked first; whatever it
// throws on a damaged file is bad input, reported as a ReadError naming the file, never as our bug.
import type { CellObject, ParsingOptions, WorkBook, WorkSheet } from "@e965/xlsx";
import { columnLetter } from "../core/layout/a1";
import type { GridValue } from "../core/grid";
import { LimitError, limitReason, ReadBudget, READER_LIMITS } from "../core/read/limits";
import { ReadError } from "../core/read/readError";
import { EncryptedWorkbookError, OLE_REASON, oleKind } from "../core/oleFile";
import type { BrowserXlsxGrid } from "./readXlsxBrowser";

/** Only the cached values are wanted: no formula text, formatted text, HTML, styles, macros or dates. */
const OPTIONS: ParsingOptions = {
  type: "array",
  dense: true,
  cellFormula: false,
  cellHTML: false,
  cellText: false,
  cellNF: false,
  cellStyles: false,
  cellDates: false,
  sheetStubs: false,
  bookVBA: false,
  bookDeps: false,
};

/** BIFF error codes (as SheetJS gives them in `v` of t="e" cells) → the text Excel shows. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

type SheetJs = typeof import("@e965/xlsx");

/**
 * Runs SheetJS's synchronous parse; the CLI's puts it under a time limit (openWorkbook.ts), and the pane's worker's
 * tells the page to start timing it (legacyWorkbook.worker.ts), as a damaged file can send SheetJS into an
 * endless loop (fuzzing found cut-short FORMULA, SST, EXTERNSHEET and SHRFMLA records doing so). It throws a
 * ReadError when the time is up.
 */
export type ParseGuard = <T>(run: () => T) => T;

/**
 * BIFF5 keeps text in the file's code page (GBK in Chinese files), and SheetJS's ES build comes without code
 * pages (its text would be mojibake): they are fetched for such files only. The ES module is the table itself
 * (it exports `utils`); the CommonJS one, as a namespace, holds it as `default`.
 */
async function withCodePages(xlsx: SheetJs): Promise<void> {
  const cp = (await import("@e965/xlsx/dist/cpexcel")) as { utils?: unknown; default?: unknown };
  xlsx.set_cptable(cp.utils ? cp : cp.default);
}

/**
 * SheetJS notes odd records on the console ("Missing Info for XLS Record 0x…"): the CLI's stderr and the pane's
 * console are not its to write on. The parse is synchronous, so nothing else runs while they are muted.
 */
function quietly<T>(run: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = () => {};
  try {
    return run();
  } finally {
    Object.assign(console, saved);
  }
}

interface CfbEntry {
  content?: Uint8Array | number[];
}

/**
 * The workbook stream, parsed on its own: SheetJS would also parse the document's property sets (author, title),
 * which we never use and on which a damaged file can make it allocate gigabytes.
 */
function parse(xlsx: SheetJs, bytes: Uint8Array, fileName: string, guard: ParseGuard): WorkBook {
  const damaged = (e: unknown) => {
    if (e instanceof ReadError) return e.at({ file: fileName });
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    // A BIFF FILEPASS record: the workbook is encrypted inside its own stream.
    if (/password/i.test(message))
      return new EncryptedWorkbookError(OLE_REASON.encrypted, { file: fileName });
    return new ReadError(`旧版 Excel(.xls)文件已损坏,无法读取:${message}`, { file: fileName });
  };
  const stream = (): WorkBook => {
    const cfb = xlsx.CFB.read(bytes, { type: "array" });
    const entry: CfbEntry | null = xlsx.CFB.find(cfb, "/Workbook") ?? xlsx.CFB.find(cfb, "/Book");
    // A whole compound file without a workbook stream: a PowerPoint file or the like, not a damaged workbook.
    if (!entry) throw new ReadError(OLE_REASON.other);
    const content = entry.content ?? [];
    // BIFF5/8 streams open with a BOF record (0x0809); SheetJS would read anything else as some other format.
    if (content[0] !== 0x09 || content[1] !== 0x08) throw new Error("工作簿数据流的开头不是 BOF 记录");
    return xlsx.read(content, OPTIONS);
  };
  try {
    return quietly(() => guard(stream));
  } catch (e) {
    throw damaged(e);
  }
}

function cellValue(cell: CellObject | undefined): GridValue {
  if (!cell) return null;
  const v = cell.v;
  switch (cell.t) {
    case "n":
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    case "s":
      return typeof v === "string" && v !== "" ? v : null;
    case "b":
      return typeof v === "boolean" ? v : null;
    case "e":
      return { error: (typeof v === "number" && ERRORS[v]) || cell.w || "#VALUE!" };
    default:
      return null; // "z" (a stub) and "d" (not asked for)
  }
}

/** A sheet as the .xlsx readers give it: rows up to the last value, each up to its last value, holes null. */
function sheetGrid(ws: WorkSheet, name: string, budget: ReadBudget) {
  const data: (CellObject[] | undefined)[] = ws["!data"] ?? [];
  const rows: GridValue[][] = [];
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    let last = -1;
    if (cells)
      for (let c = cells.length - 1; c >= 0 && last < 0; c--) if (cellValue(cells[c]) !== null) last = c;
    if (last < 0) continue;
    if (r >= READER_LIMITS.rows || last >= READER_LIMITS.columns) {
      const ref = `${columnLetter(last + 1)}${r + 1}`;
      throw new LimitError("rows", limitReason.cellRef(ref), { file: budget.file, sheet: name });
    }
    budget.gridCells(last + 1 + r - rows.length, name); // the empty rows before it cost a row each
    while (rows.length < r) rows.push([]);
    const row: GridValue[] = new Array(last + 1);
    for (let c = 0; c <= last; c++) row[c] = cellValue((cells as CellObject[])[c]);
    rows.push(row);
  }
  const hiddenRows: number[] = [];
  (ws["!rows"] ?? []).forEach((info, r) => {
    if (info?.hidden) hiddenRows.push(r);
  });
  const ranges = ws["!merges"] ?? [];
  if (ranges.length > READER_LIMITS.merges)
    throw new LimitError("merges", limitReason.merges(), { file: budget.file, sheet: name });
  const a1 = (r: number, c: number) => `${columnLetter(c + 1)}${r + 1}`;
  const merges = ranges.map((m) => `${a1(m.s.r, m.s.c)}:${a1(m.e.r, m.e.c)}`);
  return { rows, hiddenRows, merges };
}

/** Every sheet of the workbook (hidden ones flagged), in workbook order. */
export async function readLegacyWorkbook(
  bytes: Uint8Array,
  fileName: string,
  guard: ParseGuard = (run) => run(),
): Promise<BrowserXlsxGrid[]> {
  const budget = new ReadBudget(fileName);
  budget.fileSize(bytes.length);
  const xlsx: SheetJs = await import("@e965/xlsx");
  if (oleKind(bytes) === "biff5") await withCodePages(xlsx);
  const wb = parse(xlsx, bytes, fileName, guard);
  const epoch1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const grid = ws ? sheetGrid(ws, name, budget) : { rows: [], hiddenRows: [], merges: [] };
    return { name, hidden: Boolean(wb.Workbook?.Sheets?.[i]?.Hidden), ...grid, epoch1904 };
  });
}
