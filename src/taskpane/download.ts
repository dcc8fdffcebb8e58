// Files the pane hands to the browser's downloads: workbooks rendered from SheetSpecs, alone or many in one .zip,
// and Word documents from DocSpecs (the 通报). ExcelJS, the zip writer and the .docx adapter load only when a
// download is asked for: the pane's first download stays small.
import type { DocSpec } from "../core/layout/docSpec";
import type { SheetSpec } from "../core/layout/sheetSpec";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const ZIP_TYPE = "application/zip";

/** Offers bytes as a download named `name`. */
export function saveFile(parts: BlobPart[], name: string, type: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob(parts, { type }));
  a.download = name;
  a.click();
  // Revoked later, not at once: the browser may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
}

/** One workbook of these sheets as .xlsx bytes (ExcelJS, the CLI's renderer). */
export async function workbookBytes(specs: SheetSpec[]): Promise<Uint8Array<ArrayBuffer>> {
  const { renderWorkbook } = await import("../xlsx/renderXlsx");
  const wb = await renderWorkbook(specs);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A Word document as .docx bytes (the `docx` package, the CLI's renderer), imported at the click. */
export async function documentBytes(spec: DocSpec): Promise<Uint8Array<ArrayBuffer>> {
  const { renderBulletinDocx } = await import("../docx/renderBulletinDocx");
  const bytes = await renderBulletinDocx(spec);
  // On a plain ArrayBuffer, as a Blob takes it (the renderer's may be any ArrayBufferLike).
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export interface NamedWorkbook {
  /** The file name inside the archive (already safe and distinct: uniqueFileNames). */
  name: string;
  specs: SheetSpec[];
}

/**
 * Renders each workbook in turn (`onEach` tells which, for the progress line), zips them and offers the .zip.
 * Returns the archive's size in bytes.
 */
export async function saveWorkbooksAsZip(
  workbooks: NamedWorkbook[],
  zipName: string,
  onEach: (i: number, name: string) => void = () => {},
): Promise<number> {
  const { zipParts } = await import("../core/zip/writeZip");
  const files: { name: string; data: Uint8Array }[] = [];
  for (const [i, w] of workbooks.entries()) {
    onEach(i, w.name);
    files.push({ name: w.name, data: await workbookBytes(w.specs) });
  }
  const parts = zipParts(files, new Date());
  // Every piece is on a plain ArrayBuffer (made here or by workbookBytes), never a shared one: the Blob takes
  // them as they are, without copying each workbook again.
  saveFile(parts as Uint8Array<ArrayBuffer>[], zipName, ZIP_TYPE);
  return parts.reduce((n, p) => n + p.length, 0);
}

/** "86 KB", "1.2 MB": a size as the clerk reads it. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
