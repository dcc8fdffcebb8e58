// Reads the sheets of an .xlsx file into Grids: names from workbook.xml, cells by a streaming scan of each sheet.
import { readFileSync } from "node:fs";
import type { Grid } from "../core/grid";
import { parseSharedStrings, SheetXmlScanner } from "./sheetXml";
import { sheetRefs, type SheetRef, XlsxReadError } from "./workbookParts";
import { readZipDirectory, readZipEntry, streamZipEntryText } from "./zip";

export { XlsxReadError, type SheetRef };

export interface XlsxGrid extends Grid {
  hiddenRows: number[];
  merges: string[];
}

export class XlsxFile {
  private readonly entries;
  private shared: string[] | null = null;
  readonly sheets: SheetRef[];

  constructor(
    private readonly buf: Buffer,
    readonly fileName = "",
  ) {
    try {
      this.entries = readZipDirectory(buf);
    } catch (e) {
      throw new XlsxReadError(`${fileName}: ${(e as Error).message}`);
    }
    this.sheets = this.listSheets();
  }

  static open(path: string): XlsxFile {
    return new XlsxFile(readFileSync(path), path);
  }

  private part(path: string): Buffer | null {
    const entry = this.entries.get(path);
    if (!entry) return null;
    try {
      return readZipEntry(this.buf, entry);
    } catch (e) {
      throw new XlsxReadError(`${this.fileName}: ${(e as Error).message}`);
    }
  }

  private listSheets(): SheetRef[] {
    const wb = this.part("xl/workbook.xml")?.toString("utf8");
    if (!wb) throw new XlsxReadError(`${this.fileName}: 不是 Excel 工作簿(缺少 xl/workbook.xml)`);
    return sheetRefs(wb, this.part("xl/_rels/workbook.xml.rels")?.toString("utf8") ?? "");
  }

  private sharedStrings(): string[] {
    if (!this.shared) {
      const xml = this.part("xl/sharedStrings.xml");
      this.shared = xml ? parseSharedStrings(xml.toString("utf8")) : [];
    }
    return this.shared;
  }

  /** Reads one sheet's cells; the sheet XML is inflated and scanned in pieces. */
  async readSheet(name: string): Promise<XlsxGrid> {
    const ref = this.sheets.find((s) => s.name === name);
    if (!ref)
      throw new XlsxReadError(
        `${this.fileName}: 没有名为“${name}”的工作表(有:${this.sheets.map((s) => s.name).join("、")})`,
      );
    const entry = this.entries.get(ref.part);
    if (!entry) throw new XlsxReadError(`${this.fileName}: 工作表“${name}”的内容缺失(${ref.part})`);
    const scanner = new SheetXmlScanner(this.sharedStrings());
    try {
      await streamZipEntryText(this.buf, entry, (text) => scanner.push(text));
    } catch (e) {
      throw new XlsxReadError(`${this.fileName}: 工作表“${name}”:${(e as Error).message}`);
    }
    return { name, ...scanner.finish() };
  }

  /** The sheets a user sees (not hidden or very hidden), in workbook order. */
  async readVisible(): Promise<XlsxGrid[]> {
    const grids: XlsxGrid[] = [];
    for (const s of this.sheets) if (!s.hidden) grids.push(await this.readSheet(s.name));
    return grids;
  }

  /** Every sheet, in workbook order. */
  async readAll(): Promise<XlsxGrid[]> {
    const grids: XlsxGrid[] = [];
    for (const s of this.sheets) grids.push(await this.readSheet(s.name));
    return grids;
  }
}
