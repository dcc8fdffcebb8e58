// The parts of an .xlsx that say which sheets there are: xl/workbook.xml and its relationships. Shared by the
// Node reader (CLI) and the browser reader (task pane, workbench).
import { unescapeXml } from "./sheetXml";

export interface SheetRef {
  name: string;
  /** Zip path of the part, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
  hidden: boolean;
}

export class XlsxReadError extends Error {}

export function sheetRefs(workbookXml: string, relsXml: string): SheetRef[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1] ?? "";
    const part = targets.get(rid);
    if (part)
      sheets.push({
        name,
        part: part.replace(/\/\.\//g, "/"),
        hidden: /\bstate="(hidden|veryHidden)"/.test(m[0]),
      });
  }
  return sheets;
}
