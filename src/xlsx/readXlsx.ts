// Reads the sheets of an .xlsx file into Grids: the parts found through the package's relationships
// (workbookParts.ts), cells by a streaming scan of each sheet.
import { readFileSync } from "node:fs";
import type { Grid } from "../core/grid";
import { dateStyleIndices } from "./cellFormats";
import { parseSharedStrings, SheetXmlScanner } from "./sheetXml";
import {
  openPackageSync,
  PartIndex,
  type SheetRef,
  type WorkbookPackage,
  XlsxReadError,
} from "./workbookParts";
import { readZipDirectory, readZipEntryText, streamZipEntryText, type ZipEntry } from "./zip";
import { LimitError, ReadBudget } from "../core/read/limits";
import { ReadError } from "../core/read/readError";

export { XlsxReadError, type SheetRef };

export interface XlsxGrid extends Grid {
  hiddenRows: number[];
  merges: string[];
  /** Read with `dates` only: see SheetScan. */
  dates?: Set<number>;
  root?: string | null;
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
  private byName: Map<string, SheetRef> | null = null;
  /** The workbook counts dates from 1904 (<workbookPr date1904="1"/>): serials of t="d" cells follow it. */
  readonly epoch1904: boolean;
  /** What this file may still inflate to and hold (core/read/limits.ts): one budget for all its parts. */
  private readonly budget: ReadBudget;

  constructor(
    private readonly buf: Buffer,
    readonly fileName = "",
  ) {
    this.budget = new ReadBudget(fileName);
    try {
      this.budget.fileSize(buf.length);
      this.entries = readZipDirectory(buf);
    } catch (e) {
      throw this.error(e);
    }
    try {
      const index = new PartIndex(this.entries);
      this.parts = openPackageSync(index, (name) =>
        readZipEntryText(buf, this.entries.get(name) as ZipEntry, this.budget),
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

  /**
   * Read errors (a damaged zip, a part missing, a limit passed) as XlsxReadError naming the file; a LimitError
   * keeps its class and limit. Anything else is a bug and left as it is.
   */
  private error(e: unknown, sheet?: string): unknown {
    if (!(e instanceof ReadError)) return e;
    if (e instanceof LimitError) return e.at({ file: this.fileName, sheet });
    const what = sheet === undefined ? "" : `工作表“${sheet}”:`;
    return new XlsxReadError(`${this.fileName}: ${what}${e.message}`);
  }

  private dates: Set<number> | null = null;

  /**
   * The cell formats that show dates. The commands never need styles.xml, so one it cannot take (damaged, a
   * bomb) only means no number is typed a date: the cells read as they read.
   */
  private dateStyles(): Set<number> {
    if (!this.dates) {
      const entry = this.parts.styles === null ? undefined : this.entries.get(this.parts.styles);
      try {
        this.dates = entry
          ? dateStyleIndices(readZipEntryText(this.buf, entry, new ReadBudget()))
          : new Set();
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        this.dates = new Set();
      }
    }
    return this.dates;
  }

  private sharedStrings(): string[] {
    if (!this.shared) {
      const entry =
        this.parts.sharedStrings === null ? undefined : this.entries.get(this.parts.sharedStrings);
      try {
        this.shared = entry ? parseSharedStrings(readZipEntryText(this.buf, entry, this.budget)) : [];
      } catch (e) {
        throw this.error(e);
      }
    }
    return this.shared;
  }

  /**
   * Reads one sheet's cells; the sheet XML is inflated and scanned in pieces. With `dates`, the grid also says
   * which number cells are dates (their number format) and what the part's root element is (`inspect`).
   */
  async readSheet(name: string, options: { dates?: boolean } = {}): Promise<XlsxGrid> {
    // By name from a map (the first sheet of a name, as find gave): a workbook may list a million sheets.
    if (!this.byName) {
      this.byName = new Map();
      for (const s of this.sheets) if (!this.byName.has(s.name)) this.byName.set(s.name, s);
    }
    const ref = this.byName.get(name);
    if (!ref)
      throw new XlsxReadError(
        `${this.fileName}: 没有名为“${name}”的工作表(有:${this.sheets.map((s) => s.name).join("、")})`,
      );
    const entry = this.entries.get(ref.part);
    if (!entry) throw new XlsxReadError(`${this.fileName}: 工作表“${name}”的内容缺失(${ref.part})`);
    const dateStyles = options.dates ? this.dateStyles() : undefined;
    const scanner = new SheetXmlScanner(this.sharedStrings(), this.epoch1904, this.budget, name, dateStyles);
    try {
      await streamZipEntryText(this.buf, entry, (text) => scanner.push(text), this.budget);
      return { name, ...scanner.finish() };
    } catch (e) {
      throw this.error(e, name);
    }
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
