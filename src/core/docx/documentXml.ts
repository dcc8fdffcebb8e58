// word/document.xml → paragraphs and tables in document order, scanned tag by tag without building a DOM (a
// 300-page plan is megabytes of XML). Tables keep what Word says of their structure: w:gridSpan, w:vMerge,
// w:tblHeader, w:gridBefore; a table nested in a cell becomes lines of that cell.
import { LimitError, limitReason, READER_LIMITS } from "../read/limits";
import { decodeXmlEntities } from "../zip/xmlText";

export interface DocxCell {
  /** The cell's paragraphs, as written. */
  paragraphs: string[];
  /** Grid columns the cell covers (w:gridSpan). */
  span: number;
  /** w:vMerge: "restart" begins a vertical merge, "continue" is covered by the cell above. */
  vMerge: "restart" | "continue" | null;
}

export interface DocxRow {
  cells: DocxCell[];
  /** w:tblHeader: a header row Word repeats on each page. */
  repeatHeader: boolean;
  /** w:gridBefore: grid columns left empty before the first cell. */
  gridBefore: number;
}

export interface DocxTable {
  rows: DocxRow[];
}

export type DocxBlock = { kind: "paragraph"; text: string } | { kind: "table"; table: DocxTable };

interface OpenTable {
  table: DocxTable;
  row: DocxRow | null;
  cell: DocxCell | null;
}

// "[^<>]": a tag's attributes hold no "<" (XML forbids it), so a tag never left open costs only up to the next
// "<" — with "[^>]" a document of unclosed tags would be scanned to its end once per tag.
const TAG = /<(\/?)([A-Za-z]+:[A-Za-z]+)([^<>]*?)(\/?)>/g;
/**
 * Content that is not the document's flow: the fallback copy of a drawing, text boxes, deleted runs, and the
 * paragraph's properties (a w:tab there is a tab stop, not a tab character).
 */
const SKIPPED = new Set(["mc:Fallback", "w:txbxContent", "w:del", "w:moveFrom", "w:pPr"]);

/** A reference to a named entity: XML's five, or one of the document's DTD ("&testent;"). */
const NAMED_ENTITY = /&([A-Za-z_:][\w.:-]*);/g;
const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);

/**
 * A w:t's text. An entity of the document's own DTD (<!DOCTYPE … [<!ENTITY testent SYSTEM "http://…">]>) is never
 * expanded: it may name an outside resource (XXE) or blow up (a billion laughs). python-docx, the reference, reads
 * such a w:t with lxml without resolving entities: the reference is a node of its own, and the element's text is
 * what comes before it; the rest of that w:t is not read. So here.
 */
function runText(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  NAMED_ENTITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAMED_ENTITY.exec(raw)))
    if (!PREDEFINED.has(m[1])) return decodeXmlEntities(raw.slice(0, m.index));
  return decodeXmlEntities(raw);
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : null;
}

/** A whole, non-negative count ("2"); `fallback` for none, a fraction or a negative. */
function count(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function isOn(attrs: string): boolean {
  const v = attr(attrs, "w:val");
  return v === null || !/^(false|0|off)$/.test(v);
}

export function parseDocumentXml(xml: string): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  const open: OpenTable[] = [];
  let para: string[] | null = null;
  const top = () => open[open.length - 1];
  const endParagraph = (text: string) => {
    const t = top();
    if (t?.cell) t.cell.paragraphs.push(text);
    else if (!t) blocks.push({ kind: "paragraph", text });
  };
  TAG.lastIndex = 0;
  let slots = 0; // grid slots of all table rows so far
  let textEnds = true; // false once no "</w:t>" is left: each later <w:t> need not look again
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(xml))) {
    const [, closing, name, attrs, selfClosing] = m;
    if (!closing && SKIPPED.has(name) && !selfClosing) {
      const end = xml.indexOf(`</${name}>`, TAG.lastIndex);
      TAG.lastIndex = end < 0 ? xml.length : end + name.length + 3;
      continue;
    }
    // The body is the document's first w:body. A second one (POI's MultipleBodyBug.docx has three) is not the
    // document's: python-docx, the reference, reads only the first, and so does this.
    if (name === "w:body" && (closing || selfClosing)) break;
    if (closing) {
      if (name === "w:p" && para) {
        endParagraph(para.join(""));
        para = null;
      } else if (name === "w:tc") {
        const t = top();
        if (t?.row && t.cell) t.row.cells.push(t.cell);
        if (t) t.cell = null;
      } else if (name === "w:tr") {
        const t = top();
        if (t?.row) {
          // A row is laid on the table grid slot by slot (docxTable.ts): its width and all rows' together
          // are bounded, so a damaged w:gridSpan="99999999" is refused instead of filling memory.
          let width = t.row.gridBefore;
          for (const c of t.row.cells) width += c.span;
          if (width > READER_LIMITS.tableColumns)
            throw new LimitError("tableColumns", limitReason.tableColumns());
          slots += width;
          if (slots > READER_LIMITS.gridCells) throw new LimitError("gridCells", limitReason.gridCells());
          t.table.rows.push(t.row);
        }
        if (t) t.row = null;
      } else if (name === "w:tbl") {
        const done = open.pop();
        const outer = top();
        if (done && outer?.cell)
          for (const row of done.table.rows)
            outer.cell.paragraphs.push(row.cells.map((c) => c.paragraphs.join(" ")).join(" "));
        else if (done && !outer) blocks.push({ kind: "table", table: done.table });
      }
      continue;
    }
    switch (name) {
      case "w:p":
        if (selfClosing) endParagraph("");
        else para = [];
        break;
      case "w:t": {
        if (selfClosing || !textEnds) break;
        const end = xml.indexOf("</w:t>", TAG.lastIndex);
        if (end < 0) {
          textEnds = false;
          break;
        }
        para?.push(runText(xml.slice(TAG.lastIndex, end)));
        TAG.lastIndex = end + 6;
        break;
      }
      case "w:tab":
        para?.push("\t");
        break;
      case "w:noBreakHyphen":
        para?.push("-");
        break;
      case "w:br":
      case "w:cr":
        if (attr(attrs, "w:type") !== "page" && attr(attrs, "w:type") !== "column") para?.push("\n");
        break;
      case "w:tbl":
        // Tables in tables in tables: Word nests a few deep; thousands are a hostile file.
        if (open.length >= READER_LIMITS.xmlDepth) throw new LimitError("xmlDepth", limitReason.xmlDepth());
        open.push({ table: { rows: [] }, row: null, cell: null });
        break;
      case "w:tr":
        if (top()) top().row = { cells: [], repeatHeader: false, gridBefore: 0 };
        break;
      case "w:tblHeader":
        if (top()?.row && isOn(attrs)) top().row!.repeatHeader = true;
        break;
      case "w:gridBefore":
        if (top()?.row) top().row!.gridBefore = count(attr(attrs, "w:val"), 0);
        break;
      case "w:tc":
        if (top()) top().cell = { paragraphs: [], span: 1, vMerge: null };
        break;
      case "w:gridSpan":
        if (top()?.cell) top().cell!.span = Math.max(1, count(attr(attrs, "w:val"), 1));
        break;
      case "w:vMerge":
        if (top()?.cell) top().cell!.vMerge = attr(attrs, "w:val") === "restart" ? "restart" : "continue";
        break;
    }
  }
  return blocks;
}
