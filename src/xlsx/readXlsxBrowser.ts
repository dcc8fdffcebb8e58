// Reads an .xlsx in the browser (the task pane, the workbench): the same zip directory, package parts and
// streaming sheet scanner as the CLI, with the platform's DecompressionStream instead of node:zlib. A legacy
// .xls/.et goes to readLegacyWorkbook, whose library is fetched only then, in a Web Worker ended on a time limit
// (readLegacyInWorker.ts). Nothing leaves the page.
import type { Grid } from "../core/grid";
import { parseSharedStrings, SheetXmlScanner } from "./sheetXml";
import { openPackageAsync, PartIndex, XlsxReadError } from "./workbookParts";
import { entryText as text, streamEntryText as streamText } from "../core/zip/inflate";
import { readZipDirectory } from "../core/zip/zipDirectory";
import { assertOleWorkbook, isOle, oleKind } from "../core/oleFile";

export interface BrowserXlsxGrid extends Grid {
  hidden: boolean;
  hiddenRows: number[];
  merges: string[];
  /** The workbook counts dates from 1904 (<workbookPr date1904="1"/>). */
  epoch1904: boolean;
}

/** Every sheet of the workbook (hidden ones too, flagged), in workbook order. */
export async function readXlsxInBrowser(bytes: Uint8Array, fileName: string): Promise<BrowserXlsxGrid[]> {
  if (isOle(bytes)) {
    assertOleWorkbook(oleKind(bytes), fileName);
    // Imported here, not at the top: the reader, its worker and its library stay out of the pane's initial
    // JavaScript.
    const { readLegacyInWorker } = await import("./readLegacyInWorker");
    return readLegacyInWorker(bytes, fileName);
  }
  try {
    const entries = readZipDirectory(bytes);
    const parts = await openPackageAsync(new PartIndex(entries), (name) => text(bytes, entries.get(name)));
    const shared =
      parts.sharedStrings === null
        ? []
        : parseSharedStrings(await text(bytes, entries.get(parts.sharedStrings)));
    const grids: BrowserXlsxGrid[] = [];
    for (const ref of parts.sheets) {
      const entry = entries.get(ref.part);
      if (!entry) throw new XlsxReadError(`工作表“${ref.name}”的内容缺失(${ref.part})`);
      const scanner = new SheetXmlScanner(shared, parts.epoch1904);
      await streamText(bytes, entry, (t) => scanner.push(t));
      grids.push({ name: ref.name, hidden: ref.hidden, ...scanner.finish(), epoch1904: parts.epoch1904 });
    }
    return grids;
  } catch (e) {
    throw new XlsxReadError(`${fileName}: ${(e as Error).message}`);
  }
}
