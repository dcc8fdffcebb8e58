// What a reader read, in the shape of the real-world corpus's reference readings (../shared/corpus/README.md):
// `target-breakdown inspect --jsonl` prints it, and the corpus bench and test compare it with the references, so
// both see one conversion. Pure: the readers (Node or browser) hand in the grids, blocks or text.
//
//   xlsx  {"file","epoch1904","sheets":[{"name","kind"?,"cells":[[row0,col0,value,type]]}]}
//   docx  {"file","paragraphs":[…],"tables":[{"rows":[[…]],"merges"?:[[row,col,rowspan,colspan]]}],"order":"ptp"}
//   text  {"file","encoding","text"}
//   error {"file","error"}
import type { DocxBlock, DocxTable } from "../docx/documentXml";
import type { GridError, GridValue } from "../grid";

/** s string, n number, date a date/time-formatted number (the serial in the workbook's epoch), b boolean, e error. */
export type ShapeType = "s" | "n" | "date" | "b" | "e";
export type ShapeValue = string | number | boolean | GridError;
export type ShapeCell = [row: number, col: number, value: ShapeValue, type: ShapeType];
/** Sheets that are not worksheets; a worksheet has no kind. */
export type SheetKind = "chartsheet" | "macrosheet" | "dialogsheet";

/** One sheet as a reader read it. */
export interface InspectSheet {
  name: string;
  kind?: SheetKind;
  /** Hidden or very hidden (for the summary; the shape does not say it). */
  hidden?: boolean;
  rows: GridValue[][];
  /** Cells whose number is a date, by row × 16384 + column (0-based). */
  dates?: ReadonlySet<number>;
}

export interface InspectWorkbook {
  epoch1904: boolean;
  sheets: InspectSheet[];
}

export interface XlsxSheetShape {
  name: string;
  kind?: SheetKind;
  cells: ShapeCell[];
}
export interface XlsxShape {
  file: string;
  epoch1904: boolean;
  sheets: XlsxSheetShape[];
}
export interface DocxTableShape {
  rows: string[][];
  merges?: [row: number, col: number, rowspan: number, colspan: number][];
}
export interface DocxShape {
  file: string;
  paragraphs: string[];
  tables: DocxTableShape[];
  /** The body's blocks in turn: p a paragraph, t a table. */
  order: string;
}
export interface TextShape {
  file: string;
  encoding: string;
  text: string;
}
export interface ErrorShape {
  file: string;
  error: string;
}

const KINDS = new Set<string>(["chartsheet", "macrosheet", "dialogsheet"]);

/** The sheet kind a part's root element names ("chartsheet"…), or undefined for a worksheet or anything else. */
export function sheetKindOfRoot(root: string | null | undefined): SheetKind | undefined {
  return root && KINDS.has(root) ? (root as SheetKind) : undefined;
}

/** The cell with its type, or null for a cell without a value (null, ""). */
function shapeCell(sheet: InspectSheet, r: number, c: number, v: GridValue): ShapeCell | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") return [r, c, v, "s"];
  if (typeof v === "number") return [r, c, v, sheet.dates?.has(r * 16384 + c) ? "date" : "n"];
  if (typeof v === "boolean") return [r, c, v, "b"];
  return [r, c, { error: v.error }, "e"];
}

/** A sheet's cells with a value, by row then column. */
export function* sheetCells(sheet: InspectSheet): Generator<ShapeCell> {
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = shapeCell(sheet, r, c, row[c]);
      if (cell) yield cell;
    }
  }
}

export function xlsxSheetShape(sheet: InspectSheet): XlsxSheetShape {
  const cells = [...sheetCells(sheet)];
  return sheet.kind ? { name: sheet.name, kind: sheet.kind, cells } : { name: sheet.name, cells };
}

export function xlsxShape(file: string, book: InspectWorkbook): XlsxShape {
  return { file, epoch1904: book.epoch1904, sheets: book.sheets.map(xlsxSheetShape) };
}

/**
 * JSON.stringify(xlsxShape(file, book)) in pieces, so a workbook of millions of cells is printed without its
 * whole text (or an array per cell) in memory at once.
 */
export function* xlsxShapeJson(file: string, book: InspectWorkbook, cellsPerPiece = 4096): Generator<string> {
  yield `{"file":${JSON.stringify(file)},"epoch1904":${book.epoch1904},"sheets":[`;
  let firstSheet = true;
  for (const sheet of book.sheets) {
    const kind = sheet.kind ? `,"kind":${JSON.stringify(sheet.kind)}` : "";
    let piece = `${firstSheet ? "" : ","}{"name":${JSON.stringify(sheet.name)}${kind},"cells":[`;
    firstSheet = false;
    let n = 0;
    for (const cell of sheetCells(sheet)) {
      piece += (n > 0 ? "," : "") + JSON.stringify(cell);
      if (++n % cellsPerPiece === 0) {
        yield piece;
        piece = "";
      }
    }
    yield `${piece}]}`;
  }
  yield "]}";
}

/** A table laid on its grid: a cell's text in its top-left slot, "" in the slots it covers, and the merged regions. */
export function docxTableShape(table: DocxTable): DocxTableShape {
  const rows: string[][] = [];
  const merges: [number, number, number, number][] = [];
  // The region each grid column's cell belongs to, as of the row above (for w:vMerge continuation).
  let above = new Map<number, [number, number, number, number]>();
  table.rows.forEach((row, r) => {
    const slots: string[] = Array.from({ length: row.gridBefore }, () => "");
    const here = new Map<number, [number, number, number, number]>();
    for (const cell of row.cells) {
      const col = slots.length;
      const span = Math.max(1, cell.span);
      const open = cell.vMerge === "continue" ? above.get(col) : undefined;
      if (open && open[3] === span) {
        open[2] = r - open[0] + 1;
        here.set(col, open);
      } else {
        const region: [number, number, number, number] = [r, col, 1, span];
        merges.push(region);
        here.set(col, region);
      }
      slots.push(cell.vMerge === "continue" ? "" : cell.paragraphs.join("\n"));
      for (let k = 1; k < span; k++) slots.push("");
    }
    rows.push(slots);
    above = here;
  });
  const regions = merges.filter((m) => m[2] > 1 || m[3] > 1);
  return regions.length > 0 ? { rows, merges: regions } : { rows };
}

export function docxShape(file: string, blocks: DocxBlock[]): DocxShape {
  const paragraphs: string[] = [];
  const tables: DocxTableShape[] = [];
  let order = "";
  for (const b of blocks) {
    if (b.kind === "paragraph") {
      paragraphs.push(b.text);
      order += "p";
    } else {
      tables.push(docxTableShape(b.table));
      order += "t";
    }
  }
  return { file, paragraphs, tables, order };
}

export function textShape(file: string, encoding: string, text: string): TextShape {
  return { file, encoding, text };
}

export function errorShape(file: string, error: string): ErrorShape {
  return { file, error };
}
