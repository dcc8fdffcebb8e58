// Scans worksheet XML for cell values without building a DOM: the sheet part of a province-sized workbook is
// ~20 MB of XML, and a generic XML parser spends seconds and hundreds of MB on it. The inflated bytes are decoded
// in chunks cut at tag boundaries, so memory stays near the size of the compressed file plus one chunk.
import type { GridValue } from "../core/grid";

const XML_ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0) return s;
  return s
    .replace(XML_ENTITY, (_, e: string) => {
      switch (e) {
        case "amp":
          return "&";
        case "lt":
          return "<";
        case "gt":
          return ">";
        case "quot":
          return '"';
        case "apos":
          return "'";
        default:
          return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      }
    })
    .replace(OOXML_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
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

function attr(tag: string, name: string): string | null {
  const key = ` ${name}="`;
  const i = tag.indexOf(key);
  if (i < 0) return null;
  const j = tag.indexOf('"', i + key.length);
  return tag.slice(i + key.length, j);
}

/** "AB12" → [11, 27] as 0-based row and column. */
function parseRef(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return [Number(ref.slice(i)) - 1, col - 1];
}

export interface SheetScan {
  rows: GridValue[][];
  /** Rows the user hid (<row hidden="1">), 0-based. */
  hiddenRows: number[];
  merges: string[];
}

const CHUNK = 1 << 20;

/** Reads the cells of a worksheet part. Formula cells give their cached value (<v>), or null when none is stored. */
export function scanSheetXml(xml: Buffer, shared: string[]): SheetScan {
  const rows: GridValue[][] = [];
  const hiddenRows: number[] = [];
  let merges: string[] = [];
  let row = -1;
  let col = -1;
  let carry = "";
  let inData = false;
  let done = false;
  for (let offset = 0; offset < xml.length && !done;) {
    // Cut the chunk after a '>' so no tag is split; the UTF-8 decoder never sees half a character then.
    let end = Math.min(xml.length, offset + CHUNK);
    if (end < xml.length) {
      const gt = xml.lastIndexOf(0x3e, end - 1);
      end = gt >= offset ? gt + 1 : xml.length;
    }
    const s = carry + xml.toString("utf8", offset, end);
    offset = end;
    carry = "";
    let i = 0;
    if (!inData) {
      const d = s.indexOf("<sheetData");
      if (d < 0) continue;
      inData = true;
      i = d;
    }
    while (i < s.length) {
      const lt = s.indexOf("<", i);
      if (lt < 0) break;
      const next = s.charCodeAt(lt + 1);
      if (next === 99 /* c */ && (s.charCodeAt(lt + 2) === 32 || s.charCodeAt(lt + 2) === 62)) {
        const gt = s.indexOf(">", lt);
        if (gt < 0) {
          carry = s.slice(lt);
          break;
        }
        const tag = s.slice(lt, gt + 1);
        const r = attr(tag, "r");
        if (r) [row, col] = parseRef(r);
        else col++;
        if (row < 0) row = 0;
        if (s.charCodeAt(gt - 1) === 47 /* / */) {
          i = gt + 1;
          continue;
        }
        const close = s.indexOf("</c>", gt);
        if (close < 0) {
          carry = s.slice(lt);
          break;
        }
        const body = s.slice(gt + 1, close);
        i = close + 4;
        const t = attr(tag, "t");
        let value: GridValue = null;
        if (t === "inlineStr") value = textOfRuns(body);
        else {
          const v0 = body.indexOf("<v>");
          if (v0 >= 0) {
            const raw = body.slice(v0 + 3, body.indexOf("</v>", v0));
            if (t === "s") value = shared[Number(raw)] ?? "";
            else if (t === "str") value = unescapeXml(raw);
            else if (t === "b") value = raw === "1";
            else if (t === "e") value = { error: raw };
            else value = Number(raw);
          }
        }
        if (value !== null && value !== "") {
          const cells = rows[row] ?? (rows[row] = []);
          cells[col] = value;
        }
      } else if (next === 114 /* r */ && s.startsWith("<row", lt)) {
        const gt = s.indexOf(">", lt);
        if (gt < 0) {
          carry = s.slice(lt);
          break;
        }
        const tag = s.slice(lt, gt + 1);
        const r = attr(tag, "r");
        row = r ? Number(r) - 1 : row + 1;
        col = -1;
        if (attr(tag, "hidden") === "1" || attr(tag, "hidden") === "true") hiddenRows.push(row);
        i = gt + 1;
      } else if (next === 47 /* / */ && s.startsWith("</sheetData", lt)) {
        const rest = s.slice(lt) + xml.toString("utf8", offset);
        merges = [...rest.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]);
        done = true;
        break;
      } else {
        const gt = s.indexOf(">", lt);
        if (gt < 0) {
          carry = s.slice(lt);
          break;
        }
        i = gt + 1;
      }
    }
  }
  // Fill holes so every row is a dense array (sparse arrays are slow and yield undefined).
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? (rows[r] = []);
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
  }
  return { rows, hiddenRows, merges };
}
