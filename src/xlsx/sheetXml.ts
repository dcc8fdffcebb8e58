// Scans worksheet XML for cell values without building a DOM: the sheet part of a province-sized workbook is
// ~20 MB of XML, and a generic XML parser spends seconds and hundreds of MB on it. The scanner takes the XML in
// pieces as they are inflated, so the whole part never sits in memory at once.
//
// It reads SpreadsheetML as the writers in the wild write it, not only as Excel does: elements and attributes
// with any namespace prefix (<x:c r="A1">, as the OpenXML SDK, 腾讯文档 and WPS may write them), either quote
// style, extra attributes anywhere (<v xml:space="preserve">), CDATA sections, lower-case or missing cell
// references, rows without numbers, ISO-8601 date cells (t="d") and CRLF line ends (read as LF, as XML says).
import type { GridValue } from "../core/grid";
import { decodeXmlBytes, decodeXmlEntities, normalizeEol } from "../core/zip/xmlText";
import { endTagIndex, nextTag, readXmlText, skipMarkup } from "../core/zip/xmlTags";
import { LimitError, limitReason, READER_LIMITS, ReadBudget } from "../core/read/limits";
import { columnLetter } from "../core/layout/a1";
import { ReadError } from "../core/read/readError";

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** SpreadsheetML's _xHHHH_ escapes (ST_Xstring): only a lower-case "_x" escapes; "_x005F_" stands for "_". */
export function decodeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(OOXML_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Raw character data (no markup): line ends, XML entities, then SpreadsheetML's _xHHHH_ escapes. */
export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0 && s.indexOf("\r") < 0) return s;
  return decodeXstring(decodeXmlEntities(normalizeEol(s)));
}

/** The text of every <t> in a fragment (rich-text runs joined), phonetic runs (<rPh>) left out. */
export function textOfRuns(fragment: string): string {
  let out = "";
  for (let tag = nextTag(fragment, 0); tag;) {
    let at = tag.end;
    if (!tag.close && !tag.selfClosing) {
      if (tag.name === "rPh") {
        const e = endTagIndex(fragment, tag.qname, at);
        if (e < 0) break;
        at = e;
      } else if (tag.name === "t") {
        const text = readXmlText(fragment, at);
        out += text.text;
        at = text.end;
      }
    }
    tag = nextTag(fragment, at);
  }
  return decodeXstring(out);
}

/** Every shared string; one longer than a cell may hold (32,767 characters) is damage or a bomb, refused. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (let tag = nextTag(xml, 0); tag;) {
    let at = tag.end;
    if (!tag.close && (tag.name === "si" || tag.name === "sstItem") /* Excel 2007 beta */) {
      if (tag.selfClosing) out.push("");
      else {
        const e = endTagIndex(xml, tag.qname, at);
        const stop = e < 0 ? xml.length : e;
        const text = textOfRuns(xml.slice(at, stop));
        if (text.length > READER_LIMITS.cellChars)
          throw new LimitError("cellChars", limitReason.cellChars(), { part: "xl/sharedStrings.xml" });
        out.push(text);
        at = stop;
      }
    }
    tag = nextTag(xml, at);
  }
  return out;
}

export interface SheetScan {
  rows: GridValue[][];
  /** Rows the user hid (<row hidden="1">), 0-based. */
  hiddenRows: number[];
  merges: string[];
  /**
   * Only when the scanner was given the date styles: the number cells typed as dates (a date-format style,
   * or t="d"), by row × 16384 + column; and the part's root element (worksheet, chartsheet, macrosheet…).
   */
  dates?: Set<number>;
  root?: string | null;
}

const SLASH = 47; // /
const COLON = 58; // :
const EQUALS = 61; // =
const GT = 62; // >
const LT = 60; // <
const DQUOTE = 34; // "
const SQUOTE = 39; // '
const BANG = 33; // !
const QMARK = 63; // ?
/** Excel's limits: a reference beyond them is damage, and would otherwise make rows of millions of nulls. */
const MAX_ROWS = READER_LIMITS.rows;
const MAX_COLS = READER_LIMITS.columns;

/** A character that ends an element or attribute name (NaN: the piece ends first). */
const endsName = (c: number) => c <= 32 || c === GT || c === SLASH || c !== c;

/**
 * Feed it the sheet XML in pieces of any size (`push`), then `finish()`. Formula cells give their cached value
 * (<v>), or null when none is stored. Rows are kept dense (holes are null). `epoch1904` is the workbook's date
 * system, for ISO-8601 date cells (t="d").
 */
export class SheetXmlScanner {
  private carry = "";
  private inData = false;
  private done = false;
  private tail = "";
  private row = -1;
  private col = -1;
  private readonly rows: GridValue[][] = [];
  private readonly hiddenRows: number[] = [];
  private readonly merges: string[] = [];
  // Where attrs() found the values of r, t, s and hidden (start, end), -1 when absent.
  private sFrom = -1;
  private rFrom = -1;
  private rTo = -1;
  private tFrom = -1;
  private tTo = -1;
  private hFrom = -1;
  // The end tag of a prefixed cell (</x:c>), for the prefix last seen.
  private cellQname = "";
  private cellEnd = "";

  /**
   * `budget` counts the grid's cells against the file's limits (a fresh one when the sheet is read alone);
   * `sheet` names the sheet in limit messages.
   */
  private readonly dates: Set<number> | null;
  private root: string | null = null;

  /**
   * `dateStyles`, when given, are the cell formats (s="…") that show dates: the scan then also marks which
   * number cells are dates (`inspect` types them; the commands need only the serials).
   */
  constructor(
    private readonly shared: string[],
    private readonly epoch1904 = false,
    private readonly budget = new ReadBudget(),
    private readonly sheet?: string,
    private readonly dateStyles?: ReadonlySet<number>,
  ) {
    this.dates = dateStyles ? new Set() : null;
  }

  private limit(name: "elementChars" | "merges", reason: string): LimitError {
    return new LimitError(name, reason, { file: this.budget.file, sheet: this.sheet });
  }

  push(chunk: string): void {
    if (this.done) {
      this.pushTail(chunk);
      return;
    }
    // What a piece leaves unfinished is one element (a cell with its value, a start tag): never megabytes.
    if (this.carry.length > READER_LIMITS.elementChars)
      throw this.limit("elementChars", limitReason.elementChars());
    const s = this.carry + chunk;
    let i = 0;
    if (this.dates && this.root === null) this.root = rootName(s);
    if (!this.inData) {
      i = this.sheetDataStart(s);
      if (i < 0) return;
      this.inData = true;
      if (this.done) {
        this.tail = s.slice(i);
        this.carry = "";
        return;
      }
    }
    const stop = this.scan(s, i);
    if (this.done) {
      this.carry = "";
      this.pushTail(s.slice(stop));
    } else this.carry = s.slice(stop);
  }

  /**
   * After the cells: the merged ranges, taken tag by tag as the text comes (the rest of the part — conditional
   * formats, drawings — can be as long as it likes without being kept).
   */
  private pushTail(chunk: string): void {
    const s = this.tail + chunk;
    let at = 0;
    for (const m of s.matchAll(MERGE_CELL)) {
      const ref = MERGE_REF.exec(m[0]);
      if (ref) this.merges.push((ref[1] ?? ref[2]).trim());
      if (this.merges.length > READER_LIMITS.merges) throw this.limit("merges", limitReason.merges());
      at = (m.index ?? 0) + m[0].length;
    }
    // Keep what may be the start of a tag cut off by the piece's end.
    const lt = s.lastIndexOf("<");
    const keep = lt >= at && s.indexOf(">", lt) < 0 ? lt : s.length;
    this.tail = s.slice(keep);
    if (this.tail.length > READER_LIMITS.elementChars)
      throw this.limit("elementChars", limitReason.elementChars());
  }

  finish(): SheetScan {
    const scan: SheetScan = { rows: this.rows, hiddenRows: this.hiddenRows, merges: this.merges };
    if (this.dates) {
      scan.dates = this.dates;
      scan.root = this.root;
    }
    return scan;
  }

  /**
   * Just after the <sheetData> start tag (any prefix), or -1 with what may hold its start kept for the next
   * piece. An empty <sheetData/> sets `done`.
   */
  private sheetDataStart(s: string): number {
    for (let from = 0; ;) {
      const k = s.indexOf("sheetData", from);
      if (k < 0) {
        const lt = s.lastIndexOf("<");
        this.carry = lt < 0 ? "" : s.slice(lt); // "<x:sheetData…>" may straddle two pieces
        return -1;
      }
      let b = k - 1;
      if (s.charCodeAt(b) === COLON) {
        b--; // back over the prefix to "<"
        while (b >= 0 && s.charCodeAt(b) !== LT && !endsName(s.charCodeAt(b))) b--;
      }
      if (s.charCodeAt(b) !== LT) {
        from = k + 9;
        continue;
      }
      if (k + 9 >= s.length) {
        this.carry = s.slice(b);
        return -1;
      }
      if (!endsName(s.charCodeAt(k + 9))) {
        from = k + 9;
        continue;
      }
      const gt = s.indexOf(">", k);
      if (gt < 0) {
        this.carry = s.slice(b);
        return -1;
      }
      if (s.charCodeAt(gt - 1) === SLASH) this.done = true; // <sheetData/>: an empty sheet
      return gt + 1;
    }
  }

  /** Scans complete elements from `i`; returns where an incomplete one starts (to be carried to the next piece). */
  private scan(s: string, from: number): number {
    let i = from;
    for (;;) {
      const lt = s.indexOf("<", i);
      if (lt < 0) return s.length;
      let p = lt + 1;
      let c = s.charCodeAt(p);
      if (c === SLASH) {
        // An end tag: </row>, or </sheetData> (any prefix), which ends the cells.
        const gt = s.indexOf(">", p);
        if (gt < 0) return lt;
        let name = p + 1;
        for (let q = name; q < gt; q++) {
          if (s.charCodeAt(q) === COLON) {
            name = q + 1;
            break;
          }
        }
        if (gt - name >= 9 && s.startsWith("sheetData", name)) {
          this.done = true;
          return lt;
        }
        i = gt + 1;
        continue;
      }
      if (c === BANG || c === QMARK) {
        const e = skipMarkup(s, lt); // a comment, PI or CDATA section
        if (e < 0) return lt;
        i = e;
        continue;
      }
      let local = p;
      while (!endsName(c)) {
        if (c === COLON) local = p + 1;
        c = s.charCodeAt(++p);
      }
      const len = p - local;
      const gt = s.indexOf(">", p);
      if (gt < 0) return lt;
      if (len === 1 && s.charCodeAt(local) === 99 /* c */) {
        if (s.charCodeAt(gt - 1) === SLASH) {
          this.cell(s, p, gt, -1);
          i = gt + 1;
        } else {
          const close = local === lt + 1 ? "</c>" : this.prefixedCellEnd(s, lt + 1, p);
          const end = s.indexOf(close, gt);
          if (end < 0) return lt;
          this.cell(s, p, gt, end);
          i = end + close.length;
        }
      } else if (len === 3 && s.startsWith("row", local)) {
        this.attrs(s, p, gt);
        this.row = this.rFrom >= 0 ? this.readInt(s, this.rFrom) - 1 : this.row + 1;
        this.col = -1;
        const h = this.hFrom >= 0 ? s.charCodeAt(this.hFrom) : 0;
        if (h === 49 /* 1 */ || h === 116 /* t */) this.hiddenRows.push(this.row);
        i = gt + 1;
      } else i = gt + 1;
    }
  }

  private prefixedCellEnd(s: string, from: number, to: number): string {
    if (to - from !== this.cellQname.length || !s.startsWith(this.cellQname, from)) {
      this.cellQname = s.slice(from, to);
      this.cellEnd = `</${this.cellQname}>`;
    }
    return this.cellEnd;
  }

  /** Finds the r, t and hidden attributes (any prefix, either quote) in a start tag's s[p..gt]. */
  private attrs(s: string, p: number, gt: number): void {
    this.rFrom = this.tFrom = this.hFrom = this.sFrom = -1;
    while (p < gt) {
      let c = s.charCodeAt(p);
      if (c <= 32) {
        p++;
        continue;
      }
      if (c === SLASH) return;
      const name = p;
      let local = p;
      while (c !== EQUALS && c > 32 && p < gt) {
        if (c === COLON) local = p + 1;
        c = s.charCodeAt(++p);
      }
      const len = p - local;
      while (c !== EQUALS && p < gt) c = s.charCodeAt(++p);
      c = s.charCodeAt(++p);
      while (c <= 32 && p < gt) c = s.charCodeAt(++p);
      if (c !== DQUOTE && c !== SQUOTE) return;
      const from = p + 1;
      const to = s.indexOf(c === DQUOTE ? '"' : "'", from);
      if (to < 0 || to > gt) return;
      if (local === name || !s.startsWith("xmlns:", name)) {
        if (len === 1) {
          const n = s.charCodeAt(local);
          if (n === 114 /* r */) {
            this.rFrom = from;
            this.rTo = to;
          } else if (n === 116 /* t */) {
            this.tFrom = from;
            this.tTo = to;
          } else if (n === 115 /* s */) this.sFrom = from;
        } else if (len === 6 && s.startsWith("hidden", local)) this.hFrom = from;
      }
      p = to + 1;
    }
  }

  private readInt(s: string, p: number): number {
    let n = 0;
    for (let c = s.charCodeAt(p); c >= 48 && c <= 57; c = s.charCodeAt(++p)) n = n * 10 + (c - 48);
    return n;
  }

  /** A cell whose start tag's attributes are s[p..gt]; `end` is where its end tag starts (-1: <c …/>). */
  private cell(s: string, p: number, gt: number, end: number): void {
    this.attrs(s, p, gt);
    let row = this.row < 0 ? 0 : this.row;
    let col = this.col + 1;
    if (this.rFrom >= 0) {
      // "B12", "b12" (lower case, as some writers put it). A reference of digits only ("0", "1") is no cell
      // reference at all: where each cell belongs cannot be known, so the file is refused (as openpyxl does)
      // rather than read with cells in guessed places. An empty r="" counts as missing.
      let q = this.rFrom;
      let letters = 0;
      for (let c = s.charCodeAt(q); ; c = s.charCodeAt(++q)) {
        if (c >= 65 && c <= 90) letters = letters * 26 + (c - 64);
        else if (c >= 97 && c <= 122) letters = letters * 26 + (c - 96);
        else break;
        if (letters > MAX_COLS) break;
      }
      const first = s.charCodeAt(this.rFrom);
      if (letters === 0 && first >= 48 && first <= 57) {
        const ref = s.slice(this.rFrom, Math.min(this.rTo, this.rFrom + 24));
        throw new ReadError(`单元格引用 r="${ref}" 无效(应为 A1 这样的列字母加行号),文件已损坏,无法读取`);
      }
      if (letters > 0) {
        col = letters - 1;
        const c = s.charCodeAt(q);
        if (c >= 48 && c <= 57) {
          row = this.readInt(s, q) - 1;
          if (row < 0) {
            this.col = col;
            return; // row 0: no such cell
          }
          this.row = row;
        }
      }
    }
    this.col = col;
    if (end < 0) return;
    if (col >= MAX_COLS || row >= MAX_ROWS) {
      const ref = this.rFrom >= 0 ? s.slice(this.rFrom, Math.min(this.rTo, this.rFrom + 24)) : "";
      throw new LimitError("rows", limitReason.cellRef(ref || `${columnLetter(col + 1)}${row + 1}`), {
        file: this.budget.file,
        sheet: this.sheet,
      });
    }
    const value = this.value(s, gt + 1, end);
    if (value === null || value === "") return;
    if (typeof value === "string" && value.length > READER_LIMITS.cellChars)
      throw new LimitError("cellChars", limitReason.cellChars(`${columnLetter(col + 1)}${row + 1}`), {
        file: this.budget.file,
        sheet: this.sheet,
      });
    const cells = this.rows[row] ?? this.fillRowsTo(row);
    if (cells.length <= col) {
      // The grid is dense: the holes up to this cell cost as much as cells.
      this.budget.gridCells(col + 1 - cells.length, this.sheet);
      while (cells.length < col) cells.push(null);
    }
    cells[col] = value;
    if (this.dates && typeof value === "number" && this.isDate(s)) this.dates.add(row * MAX_COLS + col);
  }

  /** The cell just scanned is typed a date: t="d", or its style (s="…", 0 when absent) shows dates. */
  private isDate(s: string): boolean {
    if (this.tFrom >= 0 && this.tTo - this.tFrom === 1 && s.charCodeAt(this.tFrom) === 100 /* d */)
      return true;
    let p = this.sFrom;
    if (p >= 0) while (s.charCodeAt(p) <= 32) p++;
    const style = p >= 0 ? this.readInt(s, p) : 0;
    return (this.dateStyles as ReadonlySet<number>).has(style);
  }

  /** The value held between a cell's start tag and its end tag, s[from..end], read as its t="…" says. */
  private value(s: string, from: number, end: number): GridValue {
    let raw: string | null = null; // the <v> text as stored (entities undecoded), or
    let text: string | null = null; // its text already decoded (when it had CDATA or comments)
    // t="inlineStr": the text is in <is>; a <v> beside it is ignored (as Excel, openpyxl and SheetJS do).
    const inline = this.tFrom >= 0 && this.tTo - this.tFrom === 9 && s.charCodeAt(this.tFrom) === 105;
    if (
      !inline &&
      s.charCodeAt(from) === LT &&
      s.charCodeAt(from + 1) === 118 &&
      s.charCodeAt(from + 2) === GT
    ) {
      // The common case, <c …><v>…</v></c>, taken without the general loop below.
      const next = s.indexOf("<", from + 3);
      if (next >= 0 && s.charCodeAt(next + 1) === SLASH) raw = s.slice(from + 3, next);
      else text = readXmlText(s, from + 3).text;
    } else {
      for (let k = from; k < end;) {
        const lt = s.indexOf("<", k);
        if (lt < 0 || lt >= end) break;
        let q = lt + 1;
        let c = s.charCodeAt(q);
        if (c === SLASH) {
          k = q; // the end of <f>, <extLst>…
          continue;
        }
        if (c === BANG || c === QMARK) {
          const e = skipMarkup(s, lt);
          k = e < 0 ? end : e;
          continue;
        }
        let local = q;
        while (!endsName(c)) {
          if (c === COLON) local = q + 1;
          c = s.charCodeAt(++q);
        }
        const gt = s.indexOf(">", q);
        if (gt < 0 || gt > end) break;
        const len = q - local;
        const first = s.charCodeAt(local);
        if (len === 1 && first === 118 /* v */ && !inline) {
          if (s.charCodeAt(gt - 1) === SLASH) break; // <v/>: no value
          const next = s.indexOf("<", gt + 1);
          if (next >= 0 && s.charCodeAt(next + 1) === SLASH) raw = s.slice(gt + 1, next);
          else text = readXmlText(s, gt + 1).text;
          break;
        }
        if (len === 2 && first === 105 && s.charCodeAt(local + 1) === 115 /* is */) {
          if (s.charCodeAt(gt - 1) === SLASH) return null;
          const e = endTagIndex(s, s.slice(lt + 1, q), gt);
          return textOfRuns(s.slice(gt + 1, e < 0 || e > end ? end : e)); // an inline string, whatever t says
        }
        k = gt + 1; // <f>, <extLst> and the like: their text and children are passed over
      }
    }
    if (raw === null && text === null) return null;
    const t0 = this.tFrom < 0 ? 110 /* n */ : s.charCodeAt(this.tFrom);
    const tLen = this.tFrom < 0 ? 1 : this.tTo - this.tFrom;
    const stored = raw ?? (text as string);
    if (t0 === 115 /* s, str */ || t0 === 105 /* inlineStr */) {
      if (tLen === 1 && t0 === 115) {
        const index = +stored; // a whole number ("" and "  " are none)
        return index >= 0 && index % 1 === 0 && (index > 0 || /\d/.test(stored))
          ? (this.shared[index] ?? null)
          : null;
      }
      return text === null ? unescapeXml(stored) : decodeXstring(text);
    }
    if (t0 !== 98 /* b */ && t0 !== 101 /* e */ && (t0 !== 100 /* d */ || tLen !== 1)) {
      const n = +stored;
      if (n - n === 0) return n === 0 && !/\d/.test(stored) ? null : n; // finite; "" and "  " hold no number
    }
    if (t0 === 98) {
      const b = stored.trim().toLowerCase();
      return b === "1" || b === "true" ? true : b === "0" || b === "false" ? false : null;
    }
    const decoded = () => (text === null ? unescapeXml(stored) : decodeXstring(text)).trim();
    if (t0 === 101) {
      const error = decoded();
      return error ? { error } : null;
    }
    if (t0 === 100 && tLen === 1) {
      const iso = decoded();
      return iso ? (isoToSerial(iso, this.epoch1904) ?? iso) : null;
    }
    const invalid = decoded(); // "NaN", "1,5" as a number: kept as the text it is, never as a number
    return invalid || null;
  }

  private fillRowsTo(row: number): GridValue[] {
    this.budget.gridCells(row + 1 - this.rows.length, this.sheet);
    while (this.rows.length <= row) this.rows.push([]);
    return this.rows[row];
  }
}

// "[^<>]": no "<" stands inside a tag (XML forbids it), so a <mergeCell never closed costs up to the next "<",
// not the rest of the piece once per such tag.
/** The local name of the first element in `s` (comments, PIs, a DOCTYPE passed over), or null if not there yet. */
function rootName(s: string): string | null {
  for (let tag = nextTag(s, 0); tag; tag = nextTag(s, tag.end)) if (!tag.close) return tag.name;
  return null;
}

const MERGE_CELL = /<(?:[^\s<>/:]+:)?mergeCell[\s/][^<>]*>/g;
const MERGE_REF = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/;

const ISO_DATE =
  /^([+-]?\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}(?:[.,]\d+)?))?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_TIME = /^T?(\d{1,2}):(\d{2})(?::(\d{2}(?:[.,]\d+)?))?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** A duration as Excel writes a time span in Strict files: "PT0H11M0.000S", "P1DT2H". */
const ISO_DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** Days from 1970-01-01 to a proleptic Gregorian date (no Date object: years 0–99 would be taken as 19xx). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const EPOCH_1900 = daysFromCivil(1899, 12, 30);
const EPOCH_1904 = daysFromCivil(1904, 1, 1);

/**
 * An ISO-8601 date, date-time, time or duration (a t="d" cell) as the Excel serial number in the workbook's date
 * system; null when it is none. The time zone, if written, is dropped: Excel's serials are wall-clock times. In
 * the 1900 system Excel counts a 29 February 1900 that never was, so serials from 61 (1 March 1900) are days
 * since 1899-12-30 and those before it days since 1899-12-31; 1899-12-30 itself, the day times are written on,
 * is 0.
 */
export function isoToSerial(iso: string, epoch1904 = false): number | null {
  const span = ISO_DURATION.exec(iso);
  if (span && iso.length > 2 && !/T$/i.test(iso)) {
    const [d, h, m, sec] = [2, 3, 4, 5].map((k) => Number(span[k] ?? 0));
    return (span[1] ? -1 : 1) * (d + (h * 3600 + m * 60 + sec) / 86400);
  }
  let days = 0;
  let clock: (string | undefined)[];
  const date = ISO_DATE.exec(iso);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (m < 1 || m > 12 || d < 1 || d > 31) return null;
    days = daysFromCivil(y, m, d) - (epoch1904 ? EPOCH_1904 : EPOCH_1900);
    if (!epoch1904 && days > 0 && days < 61) days -= 1;
    clock = date.slice(4, 7);
  } else {
    const time = ISO_TIME.exec(iso);
    if (!time) return null;
    clock = time.slice(1, 4);
  }
  const [h, mi, sec] = clock.map((x) => Number((x ?? "0").replace(",", ".")));
  if (h > 24 || mi > 59 || sec >= 61) return null;
  return days + (h * 3600 + mi * 60 + sec) / 86400;
}

/** Scans a whole sheet part held in memory (small sheets, tests). */
export function scanSheetXml(xml: Buffer | string, shared: string[], epoch1904 = false): SheetScan {
  const scanner = new SheetXmlScanner(shared, epoch1904);
  scanner.push(typeof xml === "string" ? xml : decodeXmlBytes(xml));
  return scanner.finish();
}
