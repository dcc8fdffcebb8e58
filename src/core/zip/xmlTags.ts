// A small tag scanner for the little XML parts of a package (relationships, the workbook, shared strings): no
// DOM, names matched by local name whatever the namespace prefix (<x:sheet>, <ns0:Relationship>), attribute
// values in either quote style. Comments, processing instructions, CDATA sections and the DOCTYPE are skipped.
import { decodeXmlEntities, normalizeEol } from "./xmlText";

export interface XmlTag {
  /** Local name: the qualified name without its prefix ("sheet" for <x:sheet>). */
  name: string;
  /** Qualified name as written ("x:sheet"). */
  qname: string;
  /** An end tag (</x:sheet>). */
  close: boolean;
  selfClosing: boolean;
  /** Index of "<". */
  start: number;
  /** Index just after ">". */
  end: number;
  /** Where the attributes start (just after the name). */
  attrsFrom: number;
}

/** The local part of a qualified name. */
export function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const isNameEnd = (c: number) => c <= 32 || c === 62 /* > */ || c === 47 /* / */ || Number.isNaN(c);

/** The next start or end tag at or after `from`, or null (also when the last tag is cut off). */
export function nextTag(xml: string, from: number): XmlTag | null {
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return null;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      const stop = skipMarkup(xml, lt);
      if (stop < 0) return null;
      i = stop;
      continue;
    }
    const close = c === 47;
    const nameFrom = close ? lt + 2 : lt + 1;
    let p = nameFrom;
    while (!isNameEnd(xml.charCodeAt(p))) p++;
    if (p >= xml.length) return null;
    // ">" ends the tag unless inside a quoted attribute value (a sheet may be named "a>b").
    let q = p;
    let quote = 0;
    for (; q < xml.length; q++) {
      const ch = xml.charCodeAt(q);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) break;
    }
    if (q >= xml.length) return null;
    const qname = xml.slice(nameFrom, p);
    return {
      name: localName(qname),
      qname,
      close,
      selfClosing: !close && xml.charCodeAt(q - 1) === 47,
      start: lt,
      end: q + 1,
      attrsFrom: p,
    };
  }
}

/** Where a comment, PI, CDATA section or DOCTYPE starting at `lt` ends (just after it), or -1 if it is cut off. */
export function skipMarkup(xml: string, lt: number): number {
  let close = ">";
  if (xml.startsWith("<!--", lt)) close = "-->";
  else if (xml.startsWith("<![CDATA[", lt)) close = "]]>";
  else if (xml.charCodeAt(lt + 1) === 63) close = "?>";
  else if (xml.startsWith("<!DOCTYPE", lt)) return skipDoctype(xml, lt);
  const e = xml.indexOf(close, lt + 2);
  return e < 0 ? -1 : e + close.length;
}

function skipDoctype(xml: string, lt: number): number {
  // An internal subset in [...] may hold ">" of its own.
  const bracket = xml.indexOf("[", lt);
  const gt = xml.indexOf(">", lt);
  if (gt < 0) return -1;
  if (bracket < 0 || bracket > gt) return gt + 1;
  const endSubset = xml.indexOf("]", bracket);
  if (endSubset < 0) return -1;
  const e = xml.indexOf(">", endSubset);
  return e < 0 ? -1 : e + 1;
}

/** A tag's attributes by local name (the first of a name wins; xmlns declarations left out), values decoded. */
export function tagAttrs(xml: string, tag: XmlTag): Map<string, string> {
  const out = new Map<string, string>();
  const stop = tag.end - 1;
  let p = tag.attrsFrom;
  while (p < stop) {
    const c = xml.charCodeAt(p);
    if (c <= 32 || c === 47) {
      p++;
      continue;
    }
    const nameFrom = p;
    while (p < stop && xml.charCodeAt(p) !== 61 /* = */ && xml.charCodeAt(p) > 32) p++;
    const qname = xml.slice(nameFrom, p);
    while (p < stop && xml.charCodeAt(p) !== 61) p++;
    p++;
    while (p < stop && xml.charCodeAt(p) <= 32) p++;
    const quote = xml.charCodeAt(p);
    if (quote !== 34 && quote !== 39) break;
    const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", p + 1);
    if (valueEnd < 0 || valueEnd > stop) break;
    const name = localName(qname);
    if (qname !== "xmlns" && !qname.startsWith("xmlns:") && !out.has(name))
      out.set(name, attrValue(xml.slice(p + 1, valueEnd)));
    p = valueEnd + 1;
  }
  return out;
}

/** Attribute-value normalisation: literal tabs and line ends are spaces; then character references. */
function attrValue(raw: string): string {
  return decodeXmlEntities(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw);
}

/** Index of the "<" of the end tag `</qname>` at or after `from`, or -1. */
export function endTagIndex(xml: string, qname: string, from: number): number {
  const key = "</" + qname;
  for (let i = xml.indexOf(key, from); i >= 0; i = xml.indexOf(key, i + 1)) {
    const c = xml.charCodeAt(i + key.length);
    if (c === 62 || c <= 32) return i;
  }
  return -1;
}

/**
 * Character data from `from` up to the next tag: line ends normalised, character references decoded, CDATA
 * sections taken as they are, comments and PIs skipped. `end` is the index of that next tag's "<" (or the end).
 */
export function readXmlText(xml: string, from: number): { text: string; end: number } {
  let text = "";
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    const stop = lt < 0 ? xml.length : lt;
    if (stop > i) text += decodeXmlEntities(normalizeEol(xml.slice(i, stop)));
    if (lt < 0) return { text, end: xml.length };
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 && xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      if (e < 0) return { text: text + normalizeEol(xml.slice(lt + 9)), end: xml.length };
      text += normalizeEol(xml.slice(lt + 9, e));
      i = e + 3;
    } else if (c === 33 || c === 63) {
      const e = skipMarkup(xml, lt);
      if (e < 0) return { text, end: xml.length };
      i = e;
    } else return { text, end: lt };
  }
}
