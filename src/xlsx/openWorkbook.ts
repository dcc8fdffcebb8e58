// The one way the CLI opens a workbook file: told by its bytes, not its name. A zip is an .xlsx (XlsxFile, which
// reads sheets one at a time); an OLE compound file holding a Workbook/Book stream is a legacy .xls or WPS .et
// (read whole by SheetJS); an encrypted package or a Word/WPS document gets its own message; anything else is
// left to XlsxFile, whose messages already say what the bytes are not.
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { assertOleWorkbook, isOle, oleKind } from "../core/oleFile";
import { legacyParseSeconds, limitReason } from "../core/read/limits";
import { ReadError } from "../core/read/readError";
import { type ParseGuard, readLegacyWorkbook } from "./readLegacyWorkbook";
import type { BrowserXlsxGrid } from "./readXlsxBrowser";
import { XlsxFile, XlsxReadError, type XlsxGrid } from "./readXlsx";

/** What the CLI uses of a workbook: XlsxFile has this shape, and so does a legacy workbook read whole. */
export interface Workbook {
  readonly fileName: string;
  readonly sheets: { name: string; hidden: boolean }[];
  readonly epoch1904: boolean;
  readSheet(name: string): Promise<XlsxGrid>;
  readVisible(): Promise<XlsxGrid[]>;
  readAll(): Promise<XlsxGrid[]>;
}

/** A legacy workbook: SheetJS parses every sheet at once, so the grids are kept and handed out. */
class LegacyWorkbook implements Workbook {
  readonly sheets: { name: string; hidden: boolean }[];
  readonly epoch1904: boolean;
  private byName: Map<string, BrowserXlsxGrid> | null = null;

  constructor(
    readonly fileName: string,
    private readonly grids: BrowserXlsxGrid[],
  ) {
    this.sheets = grids.map((g) => ({ name: g.name, hidden: g.hidden }));
    this.epoch1904 = grids[0]?.epoch1904 ?? false;
  }

  async readSheet(name: string): Promise<XlsxGrid> {
    // By name from a map (the first of a name, as find gave), not a search per sheet read.
    if (!this.byName) {
      this.byName = new Map();
      for (const g of this.grids) if (!this.byName.has(g.name)) this.byName.set(g.name, g);
    }
    const grid = this.byName.get(name);
    if (!grid)
      throw new XlsxReadError(
        `${this.fileName}: 没有名为“${name}”的工作表(有:${this.sheets.map((s) => s.name).join("、")})`,
      );
    return { name: grid.name, rows: grid.rows, hiddenRows: grid.hiddenRows, merges: grid.merges };
  }

  async readVisible(): Promise<XlsxGrid[]> {
    return Promise.all(this.sheets.filter((s) => !s.hidden).map((s) => this.readSheet(s.name)));
  }

  async readAll(): Promise<XlsxGrid[]> {
    return Promise.all(this.sheets.map((s) => this.readSheet(s.name)));
  }
}

/** V8 stops code run through a vm script at the script's timeout, whatever that code calls. */
export function parseTimeLimit(seconds: number): ParseGuard {
  return <T>(run: () => T): T => {
    try {
      return runInNewContext("run()", { run }, { timeout: seconds * 1000 }) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ERR_SCRIPT_EXECUTION_TIMEOUT") throw e;
      throw new ReadError(limitReason.legacyParse(seconds));
    }
  };
}

/** Opens a path, or bytes already read (`fileName` names them in messages). Throws a ReadError for bad input. */
export async function openWorkbook(source: string | Uint8Array, fileName?: string): Promise<Workbook> {
  const name = fileName ?? (typeof source === "string" ? source : "");
  let bytes: Buffer;
  try {
    bytes =
      typeof source === "string"
        ? readFileSync(source)
        : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReadError(code === "ENOENT" ? "文件不存在" : `无法打开文件:${(e as Error).message}`, {
      file: name,
    });
  }
  if (isOle(bytes)) {
    assertOleWorkbook(oleKind(bytes), name);
    return new LegacyWorkbook(
      name,
      await readLegacyWorkbook(bytes, name, parseTimeLimit(legacyParseSeconds(bytes.length))),
    );
  }
  return new XlsxFile(bytes, name);
}
