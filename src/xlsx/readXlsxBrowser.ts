// Reads an .xlsx in the browser (the task pane, the workbench): the same zip directory, workbook parts and
// streaming sheet scanner as the CLI, with the platform's DecompressionStream instead of node:zlib. Nothing
// leaves the page.
import type { Grid } from "../core/grid";
import { parseSharedStrings, SheetXmlScanner } from "./sheetXml";
import { sheetRefs, type SheetRef, XlsxReadError } from "./workbookParts";
import { entryText as text, streamEntryText as streamText } from "../core/zip/inflate";
import { readZipDirectory } from "../core/zip/zipDirectory";

export interface BrowserXlsxGrid extends Grid {
  hidden: boolean;
  hiddenRows: number[];
  merges: string[];
}

/** Every sheet of the workbook (hidden ones too, flagged), in workbook order. */
export async function readXlsxInBrowser(bytes: Uint8Array, fileName: string): Promise<BrowserXlsxGrid[]> {
  try {
    const entries = readZipDirectory(bytes);
    const workbook = await text(bytes, entries.get("xl/workbook.xml"));
    if (!workbook) throw new XlsxReadError("不是 Excel 工作簿(缺少 xl/workbook.xml)");
    const refs: SheetRef[] = sheetRefs(
      workbook,
      await text(bytes, entries.get("xl/_rels/workbook.xml.rels")),
    );
    const shared = parseSharedStrings(await text(bytes, entries.get("xl/sharedStrings.xml")));
    const grids: BrowserXlsxGrid[] = [];
    for (const ref of refs) {
      const entry = entries.get(ref.part);
      if (!entry) throw new XlsxReadError(`工作表“${ref.name}”的内容缺失(${ref.part})`);
      const scanner = new SheetXmlScanner(shared);
      await streamText(bytes, entry, (t) => scanner.push(t));
      grids.push({ name: ref.name, hidden: ref.hidden, ...scanner.finish() });
    }
    return grids;
  } catch (e) {
    throw new XlsxReadError(`${fileName}: ${(e as Error).message}`);
  }
}
