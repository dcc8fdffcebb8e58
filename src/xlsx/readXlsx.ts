// Reads the sheets of an .xlsx file into Grids: the parts found through the package's relationships
// (workbookParts.ts), cells by a streaming scan of each sheet.
import { readFileSync } from "node:fs";
import type { Grid } from "../core/grid";
import { parseSharedStrings, SheetXmlScanner } from "./sheetXml";
import {
  openPackageSync,
  PartIndex,
  type SheetRef,
  type WorkbookPackage,
  XlsxReadError,
} from "./workbookParts";
import { readZipDirectory, readZipEntryText, streamZipEntryText, ZipError, type ZipEntry } from "./zip";

export { XlsxReadError, type SheetRef };

export interface XlsxGrid extends Grid {
  hiddenRows: number[];
  merges: string[];
}

/** Whether the bytes are an .xlsx package: a zip whose relationships (or conventional names) lead to a workbook. */
export function isXlsxPackage(bytes: Buffer): boolean {
  try {
    new XlsxFile(bytes);
    return true;
  } catch {
    return false;
  }
}

export class XlsxFile {
  private readonly entries: Map<string, ZipEntry>;
  private readonly parts: WorkbookPackage;
  private shared: string[] | null = null;
  readonly sheets: SheetRef[];
  /** The workbook counts dates from 1904 (<workbookPr date1904="1"/>): serials of t="d" cells follow it. */
  readonly epoch1904: boolean;

  constructor(
    private readonly buf: Buffer,
    readonly fileName = "",
  ) {
    try {
      this.entries = readZipDirectory(buf);
    } catch (e) {
      throw new XlsxReadError(`${fileName}: ${(e as Error).message}`);
    }
    try {
      const index = new PartIndex(this.entries);
      this.parts = openPackageSync(index, (name) =>
        readZipEntryText(buf, this.entries.get(name) as ZipEntry),
      );
    } catch (e) {
      throw this.error(e);
    }
    this.sheets = this.parts.sheets;
    this.epoch1904 = this.parts.epoch1904;
  }

  static open(path: string): XlsxFile {
    return new XlsxFile(readFileSync(path), path);
  }

  /** The zip path of the workbook part (xl/workbook.xml in most files). */
  get workbookPart(): string {
    return this.parts.workbook;
  }

  /** Zip and package errors as XlsxReadError naming the file; anything else is a bug and left as it is. */
  private error(e: unknown, what = ""): unknown {
    if (!(e instanceof ZipError) && !(e instanceof XlsxReadError)) return e;
    return new XlsxReadError(`${this.fileName}: ${what}${e.message}`);
  }

  private sharedStrings(): string[] {
    if (!this.shared) {
      const entry =
        this.parts.sharedStrings === null ? undefined : this.entries.get(this.parts.sharedStrings);
      try {
        this.shared = entry ? parseSharedStrings(readZipEntryText(this.buf, entry)) : [];
      } catch (e) {
        throw this.error(e);
      }
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
    const scanner = new SheetXmlScanner(this.sharedStrings(), this.epoch1904);
    try {
      await streamZipEntryText(this.buf, entry, (text) => scanner.push(text));
    } catch (e) {
      throw this.error(e, `工作表“${name}”:`);
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
