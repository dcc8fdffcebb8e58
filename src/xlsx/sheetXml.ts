// Scans worksheet XML for cell values without building a DOM: the sheet part of a province-sized workbook is
// ~20 MB of XML, and a generic XML parser spends seconds and hundreds of MB on it. The scanner takes the XML in
// pieces as they are inflated, so the whole part never sits in memory at once.
import type { GridValue } from "../core/grid";
import { decodeXmlEntities } from "../core/zip/xmlText";

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** XML entities, then SpreadsheetML's _xHHHH_ escapes. */
export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0) return s;
  return decodeXmlEntities(s).replace(OOXML_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of every <t> in a fragment, phonetic runs (<rPh>) left out. */
export function textOfRuns(fragment: string): string {
  const clean = fragment.indexOf("<rPh") >= 0 ? fragment.replace(/<rPh[\s\S]*?<\/rPh>/g, "") : fragment;
  let out = "";
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean))) out += m[1] ?? "";
  return unescapeXml(out);
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\s*\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] === undefined ? "" : textOfRuns(m[1]));
  return out;
}

export interface SheetScan {
  rows: GridValue[][];
  /** Rows the user hid (<row hidden="1">), 0-based. */
  hiddenRows: number[];
  merges: string[];
}

const QUOTE = 34; // "
const SLASH = 47; // /

/**
 * Feed it the sheet XML in pieces of any size (`push`), then `finish()`. Formula cells give their cached value
 * (<v>), or null when none is stored. Rows are kept dense (holes are null).
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

  constructor(private readonly shared: string[]) {}

  push(chunk: string): void {
    if (this.done) {
      this.tail += chunk;
      return;
    }
    const s = this.carry + chunk;
    let i = 0;
    if (!this.inData) {
      const d = s.indexOf("<sheetData");
      const gt = d < 0 ? -1 : s.indexOf(">", d);
      if (gt < 0) {
        this.carry = d < 0 ? s.slice(-16) : s.slice(d); // "<sheetData…>" may straddle two pieces
        return;
      }
      this.inData = true;
      i = gt + 1;
      if (s.charCodeAt(gt - 1) === SLASH) {
        this.done = true; // <sheetData/>: an empty sheet
        this.tail = s.slice(i);
        this.carry = "";
        return;
      }
    }
    const stop = this.scan(s, i);
    if (this.done) {
      this.tail = s.slice(stop);
      this.carry = "";
    } else this.carry = s.slice(stop);
  }

  finish(): SheetScan {
    const merges = [...this.tail.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]);
    return { rows: this.rows, hiddenRows: this.hiddenRows, merges };
  }

  /** Scans complete elements from `i`; returns where an incomplete one starts (to be carried to the next piece). */
  private scan(s: string, from: number): number {
    let i = from;
    for (;;) {
      const lt = s.indexOf("<", i);
      if (lt < 0) return s.length;
      const c1 = s.charCodeAt(lt + 1);
      const c2 = s.charCodeAt(lt + 2);
      if (c1 === 99 /* c */ && (c2 === 32 || c2 === 62 || c2 === SLASH)) {
        const gt = s.indexOf(">", lt);
        if (gt < 0) return lt;
        const selfClosing = s.charCodeAt(gt - 1) === SLASH;
        const end = selfClosing ? gt : s.indexOf("</c>", gt);
        if (end < 0) return lt;
        this.cell(s, lt, gt, selfClosing ? -1 : end);
        i = selfClosing ? gt + 1 : end + 4;
      } else if (c1 === 114 /* r */ && c2 === 111 /* o */) {
        const gt = s.indexOf(">", lt);
        if (gt < 0) return lt;
        const r = this.attrStart(s, lt, gt, ' r="');
        this.row = r >= 0 ? this.readInt(s, r) - 1 : this.row + 1;
        this.col = -1;
        const h = this.attrStart(s, lt, gt, ' hidden="');
        if (h >= 0 && (s.charCodeAt(h) === 49 || s.charCodeAt(h) === 116)) this.hiddenRows.push(this.row);
        i = gt + 1;
      } else if (c1 === SLASH && s.startsWith("</sheetData", lt)) {
        this.done = true;
        return lt;
      } else {
        const gt = s.indexOf(">", lt);
        if (gt < 0) return lt;
        i = gt + 1;
      }
    }
  }

  /** Index of an attribute's value inside the tag s[lt..gt], or -1. */
  private attrStart(s: string, lt: number, gt: number, key: string): number {
    // Only inside the tag: an unbounded indexOf would run ahead to the next cell that has the attribute, which
    // for a row of 1,360 numbers without t="…" means scanning the rest of the row for every cell.
    const last = gt - key.length;
    for (let p = lt + 2; p <= last; p++) {
      if (s.charCodeAt(p) === 32 && s.startsWith(key, p)) return p + key.length;
    }
    return -1;
  }

  private readInt(s: string, p: number): number {
    let n = 0;
    for (let c = s.charCodeAt(p); c >= 48 && c <= 57; c = s.charCodeAt(++p)) n = n * 10 + (c - 48);
    return n;
  }

  private cell(s: string, lt: number, gt: number, end: number): void {
    const r = this.attrStart(s, lt, gt, ' r="');
    if (r >= 0) {
      let p = r;
      let col = 0;
      for (let c = s.charCodeAt(p); c >= 65 && c <= 90; c = s.charCodeAt(++p)) col = col * 26 + (c - 64);
      this.col = col - 1;
      this.row = this.readInt(s, p) - 1;
    } else this.col++;
    if (this.row < 0) this.row = 0;
    if (end < 0) return;
    const tp = this.attrStart(s, lt, gt, ' t="');
    const t = tp >= 0 ? s.charCodeAt(tp) : 110; // n
    let value: GridValue = null;
    if (t === 105 /* inlineStr */) value = textOfRuns(s.slice(gt + 1, end));
    else {
      const v0 = s.indexOf("<v>", gt);
      if (v0 >= 0 && v0 < end) {
        const v1 = s.indexOf("</v>", v0);
        if (t === 115 /* s or str */) {
          value =
            s.charCodeAt(tp + 1) === QUOTE
              ? (this.shared[this.readInt(s, v0 + 3)] ?? "")
              : unescapeXml(s.slice(v0 + 3, v1));
        } else if (t === 98 /* b */) value = s.charCodeAt(v0 + 3) === 49;
        else if (t === 101 /* e */) value = { error: s.slice(v0 + 3, v1) };
        else value = Number(s.slice(v0 + 3, v1));
      }
    }
    if (value === null || value === "") return;
    const cells = this.rows[this.row] ?? this.fillRowsTo(this.row);
    while (cells.length < this.col) cells.push(null);
    cells[this.col] = value;
  }

  private fillRowsTo(row: number): GridValue[] {
    while (this.rows.length <= row) this.rows.push([]);
    return this.rows[row];
  }
}

/** Scans a whole sheet part held in memory (small sheets, tests). */
export function scanSheetXml(xml: Buffer | string, shared: string[]): SheetScan {
  const scanner = new SheetXmlScanner(shared);
  scanner.push(typeof xml === "string" ? xml : xml.toString("utf8"));
  return scanner.finish();
}
