// What the product's readers read from one file, for `inspect` and for the corpus bench and test (which bundle
// this module): a workbook through openWorkbook as every command opens it (XlsxFile for an .xlsx, with the date
// cells its number formats mark; SheetJS for a legacy .xls/.et), every sheet, hidden ones too; a Word document
// through readDocx (its body as parseDocumentXml gives it, the layer readDocx builds on); a text plan through
// decodeText. The kind is told by the bytes, then the extension. Anything the readers refuse is thrown as they
// throw it (the ReadError family, XlsxReadError, DocxReadError); anything else is a bug.
import { extname } from "node:path";
import { decodeTextFile, type TextEncoding } from "../core/decodeText";
import { parseDocumentXml, type DocxBlock } from "../core/docx/documentXml";
import { DocxReadError, readDocx } from "../core/docx/readDocx";
import {
  docxShape,
  sheetKindOfRoot,
  xlsxShape,
  type DocxShape,
  type InspectSheet,
  type InspectWorkbook,
  type XlsxShape,
} from "../core/read/inspectShape";
import { ReadBudget } from "../core/read/limits";
import { ReadError } from "../core/read/readError";
import { isOle, oleKind } from "../core/oleFile";
import { startsWith } from "../core/submissions/fileKind";
import { openWorkbook } from "../xlsx/openWorkbook";
import { XlsxFile, XlsxReadError } from "../xlsx/readXlsx";
import { readZipDirectory, readZipEntryText } from "../xlsx/zip";

export type InspectKind = "xlsx" | "docx" | "text";

export type InspectReading =
  | { kind: "xlsx"; book: InspectWorkbook }
  | { kind: "docx"; blocks: DocxBlock[] }
  | { kind: "text"; encoding: TextEncoding; text: string };

const WORKBOOK_EXT = /^\.(xlsx|xlsm|xltx|xltm|xlam|xls|xlt|xla|xlsb|et|ods|fods)$/;
const DOCUMENT_EXT = /^\.(docx|docm|dotx|dotm|doc|dot|wps|rtf|odt)$/;

/** The reader a file goes to: a zip by the part it holds, an OLE file by its streams, else by its extension. */
export function inspectKind(bytes: Uint8Array, file: string): InspectKind {
  const ext = extname(file).toLowerCase();
  const byName: InspectKind | null = DOCUMENT_EXT.test(ext) ? "docx" : WORKBOOK_EXT.test(ext) ? "xlsx" : null;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    try {
      const entries = readZipDirectory(bytes);
      if (entries.has("word/document.xml")) return "docx";
      if (entries.has("xl/workbook.xml")) return "xlsx";
    } catch {
      // a damaged zip: its name says which reader is to explain it
    }
    return byName ?? "xlsx";
  }
  if (isOle(bytes)) {
    const kind = oleKind(bytes);
    if (kind === "workbook" || kind === "biff5") return "xlsx";
    if (kind === "word") return "docx";
    return byName ?? "xlsx"; // encrypted, or nothing telling: the reader its name calls for explains it
  }
  if (startsWith(bytes, [0x50, 0x4b])) return byName ?? "xlsx";
  return byName ?? "text";
}

/**
 * Every sheet of a workbook as the commands read it (openWorkbook + readSheet), hidden ones too, with the cells
 * whose number format is a date (.xlsx; SheetJS is asked for no formats, so a legacy .xls types none). The one
 * place `inspect` and the corpus bench open a workbook.
 */
export async function readWorkbookForInspect(bytes: Buffer, file: string): Promise<InspectWorkbook> {
  const book = await openWorkbook(bytes, file);
  const sheets: InspectSheet[] = [];
  if (!(book instanceof XlsxFile)) {
    for (const ref of book.sheets)
      sheets.push({ name: ref.name, hidden: ref.hidden, rows: (await book.readSheet(ref.name)).rows });
    return { epoch1904: book.epoch1904, sheets };
  }
  for (const ref of book.sheets) {
    const grid = await book.readSheet(ref.name, { dates: true });
    const kind = sheetKindOfRoot(grid.root);
    sheets.push({
      name: ref.name,
      ...(kind ? { kind } : {}),
      hidden: ref.hidden,
      rows: grid.rows,
      dates: grid.dates,
    });
  }
  return { epoch1904: book.epoch1904, sheets };
}

/** A Word document's body: its paragraphs and top-level tables, as readDocx reads the part it inflates. */
export async function readDocxForInspect(bytes: Buffer, file: string): Promise<DocxBlock[]> {
  let part = "";
  // The same inflater `load` hands readDocx; the last part it inflates is the document.
  await readDocx(bytes, file, async (b, entry, budget) => {
    part = readZipEntryText(b as Buffer, entry, budget);
    return part;
  });
  return parseDocumentXml(part);
}

/** A text plan, in the encoding its bytes tell (UTF-8, UTF-16, GB18030), within the size `load` reads. */
export function readTextForInspect(
  bytes: Uint8Array,
  file: string,
): { encoding: TextEncoding; text: string } {
  const decoded = decodeTextFile(bytes, file);
  if (!decoded)
    throw new ReadError("不是文本文件(可读取 UTF-8、UTF-16 或 GB18030/GBK 编码的文本,或 .docx、.xlsx)", {
      file,
    });
  return { encoding: decoded.encoding, text: decoded.text };
}

/** Reads one file's bytes with the reader its kind calls for; `file` names it in messages. */
export async function readForInspect(bytes: Buffer, file: string): Promise<InspectReading> {
  new ReadBudget(file).fileSize(bytes.length);
  const kind = inspectKind(bytes, file);
  if (kind === "xlsx") return { kind, book: await readWorkbookForInspect(bytes, file) };
  if (kind === "docx") return { kind, blocks: await readDocxForInspect(bytes, file) };
  return { kind, ...readTextForInspect(bytes, file) };
}

/** A reader's own refusal (with a message), as against a bug: the ReadError family and the readers' classes. */
export function isClearReadError(e: unknown): e is Error {
  return (
    (e instanceof ReadError || e instanceof XlsxReadError || e instanceof DocxReadError) &&
    e.message.trim() !== ""
  );
}

/** The message without the file name it starts with (the shape names the file apart). */
export function readErrorText(e: Error, file: string): string {
  const prefix = `${file}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}

/** For the corpus bench: a workbook's reading in the reference shape. */
export async function xlsxShapeOfBytes(bytes: Buffer, file: string): Promise<XlsxShape> {
  return xlsxShape(file, await readWorkbookForInspect(bytes, file));
}

/** For the corpus bench: a document's reading in the reference shape. */
export async function docxShapeOfBytes(bytes: Buffer, file: string): Promise<DocxShape> {
  return docxShape(file, await readDocxForInspect(bytes, file));
}
