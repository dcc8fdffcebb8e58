// The one place that sets how much any reader takes from one file, CLI and pane alike. Returned files are
// untrusted: a few MB can inflate to GBs, a cell can claim row 2^31, an element can run for 256 MB. Each limit
// is far above what a real plan or return holds (a province-sized workbook inflates to ~40 MB) and far below
// what would exhaust memory or time; passing one is a LimitError naming the file, the part and the limit.
import { ReadError, type ReadErrorPlace } from "./readError";

const MB = 1024 * 1024;

export const READER_LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 256 * MB,
  /** Bytes all the parts read from one file inflate to, together. */
  inflatedBytes: 200 * MB,
  /** Bytes one part inflates to. */
  partBytes: 200 * MB,
  /** Inflated ÷ compressed size of a part, checked once a part has inflated past `ratioGraceBytes`. */
  compressionRatio: 500,
  ratioGraceBytes: 4 * MB,
  /** Entries in one zip. */
  zipEntries: 20000,
  /** Excel's own sheet size. */
  rows: 1048576,
  columns: 16384,
  /** Cells a file's grids hold, holes included (the grids are dense: a cell at XFD1048576 costs the rest). */
  gridCells: 20_000_000,
  /** Merged ranges in one sheet, and cells they cover (clipped to the sheet's cells). */
  merges: 100_000,
  /** Characters in one cell: Excel's limit. */
  cellChars: 32767,
  /** Characters in one XML element being scanned (a cell with its value, a start tag with its attributes). */
  elementChars: 8 * MB,
  /** Grid columns of one .docx table row (Word makes at most 63). */
  tableColumns: 1000,
  /** Nesting of XML elements (tables in tables in a .docx). */
  xmlDepth: 256,
  /** Bytes of one text plan (a 300-page plan is under 1 MB of text). */
  textBytes: 16 * MB,
} as const;

export type LimitName = keyof typeof READER_LIMITS;

/**
 * Seconds SheetJS may take to parse a legacy .xls/.et of `bytes` (it loops for ever on some damaged files): far
 * more than a real file needs (a few MB a second), for a 256 MB file too. The CLI (openWorkbook.ts) and the
 * pane (readLegacyInWorker.ts) both stop the parse when the time is up.
 */
export const legacyParseSeconds = (bytes: number) => 6 + Math.ceil(bytes / MB);

export class LimitError extends ReadError {
  constructor(
    readonly limit: LimitName,
    reason: string,
    place: ReadErrorPlace = {},
  ) {
    super(reason, place);
  }
}

export const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const count = (n: number) => n.toLocaleString("en-US");

/** The messages, one per limit, so every reader words a limit the same way. */
export const limitReason = {
  fileBytes: () => `文件超过 ${megabytes(READER_LIMITS.fileBytes)},已拒绝`,
  inflatedBytes: () => `解压后超过 ${megabytes(READER_LIMITS.inflatedBytes)},疑似压缩炸弹,已拒绝`,
  partBytes: () => `解压后超过 ${megabytes(READER_LIMITS.partBytes)},疑似压缩炸弹,已拒绝`,
  compressionRatio: () => `压缩比超过 ${READER_LIMITS.compressionRatio}:1,疑似压缩炸弹,已拒绝`,
  zipEntries: (n: number) => `zip 条目有 ${count(n)} 个,超过 ${count(READER_LIMITS.zipEntries)} 个,已拒绝`,
  cellRef: (ref: string) =>
    `单元格 ${ref} 超出 Excel 的范围(${count(READER_LIMITS.rows)} 行 × ${count(READER_LIMITS.columns)} 列),文件已损坏,已拒绝`,
  gridCells: () => `单元格范围超过 ${count(READER_LIMITS.gridCells)} 个单元格,已拒绝`,
  merges: () => `合并单元格超过 ${count(READER_LIMITS.merges)} 个,已拒绝`,
  mergeArea: () => `合并单元格覆盖超过 ${count(READER_LIMITS.gridCells)} 个单元格,已拒绝`,
  cellChars: (ref?: string) =>
    `${ref ? `单元格 ${ref}` : "一个单元格"}的文字超过 ${count(READER_LIMITS.cellChars)} 个字符(Excel 的上限),文件已损坏,已拒绝`,
  elementChars: () => `一个 XML 元素超过 ${megabytes(READER_LIMITS.elementChars)},文件已损坏,已拒绝`,
  tableColumns: () =>
    `表格的一行超过 ${count(READER_LIMITS.tableColumns)} 列(w:gridSpan/w:gridBefore),文件已损坏,已拒绝`,
  xmlDepth: () => `XML 嵌套超过 ${READER_LIMITS.xmlDepth} 层,已拒绝`,
  legacyParse: (seconds: number) =>
    `旧版 Excel(.xls)文件读取超过 ${seconds} 秒仍未完成,文件可能已损坏,已放弃读取`,
  textBytes: () => `文本文件超过 ${megabytes(READER_LIMITS.textBytes)},不像是方案文本,已拒绝`,
} as const;

/**
 * What one file may still take. A reader makes one per file and hands it to the inflater and the scanners, so
 * the limits hold for the whole file, not per call.
 */
export class ReadBudget {
  private inflated = 0;
  private cells = 0;

  constructor(readonly file = "") {}

  /** Fails when the file is larger than a file may be. */
  fileSize(bytes: number): void {
    if (bytes > READER_LIMITS.fileBytes)
      throw new LimitError("fileBytes", limitReason.fileBytes(), { file: this.file });
  }

  /**
   * Counts `bytes` more inflated from `part` (of which `partSoFar` so far, from `compressed` bytes); throws
   * before a bomb can fill memory.
   */
  inflate(part: string, bytes: number, partSoFar: number, compressed: number): void {
    this.inflated += bytes;
    const place = { file: this.file, part };
    if (partSoFar > READER_LIMITS.partBytes)
      throw new LimitError("partBytes", limitReason.partBytes(), place);
    if (this.inflated > READER_LIMITS.inflatedBytes)
      throw new LimitError("inflatedBytes", limitReason.inflatedBytes(), place);
    if (
      partSoFar > READER_LIMITS.ratioGraceBytes &&
      partSoFar > READER_LIMITS.compressionRatio * Math.max(1, compressed)
    )
      throw new LimitError("compressionRatio", limitReason.compressionRatio(), place);
  }

  /** Bytes a part may still inflate to: the smaller of its own limit and what the file has left. */
  partAllowance(): number {
    return Math.max(0, Math.min(READER_LIMITS.partBytes, READER_LIMITS.inflatedBytes - this.inflated));
  }

  /** Counts `n` more grid cells (holes included) for `sheet`. */
  gridCells(n: number, sheet?: string): void {
    this.cells += n;
    if (this.cells > READER_LIMITS.gridCells)
      throw new LimitError("gridCells", limitReason.gridCells(), { file: this.file, sheet });
  }
}
