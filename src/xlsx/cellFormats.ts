// Which cell formats show dates: what the number format says (styles.xml: cellXfs → numFmtId → format code). The
// cell reader gives a date as the serial number it stores, which is all the commands need; `inspect` and the
// corpus comparison want the type too, so the sheet scanner (sheetXml.ts) marks the number cells whose style is
// one of these. Pure (no Node): the text comes from the caller.
import { nextTag, tagAttrs } from "../core/zip/xmlTags";

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, as openpyxl knows them). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Whether a format code shows a number as a date or time: its first section, without quoted text and bracketed
 * colours/locales (but keeping [h], [mm], [ss]), holds d, m, h, y or s after a character other than a backslash.
 * openpyxl's rule, which the corpus's reference readings follow: a lone "D" or "H" is no date, "DD" is.
 */
export function isDateFormatCode(code: string): boolean {
  const first = code.split(";")[0];
  const stripped = first.replace(/".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]/g, "");
  return /[^\\][dmhysDMHYS]/.test(stripped);
}

/** The indices of the cell formats (<cellXfs>/<xf>, 0-based, as a cell's s="…" counts them) that show dates. */
export function dateStyleIndices(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  for (let tag = nextTag(stylesXml, 0); tag; tag = nextTag(stylesXml, tag.end)) {
    const opens = !tag.close && !tag.selfClosing;
    if (tag.name === "numFmts") inNumFmts = opens;
    else if (tag.name === "cellXfs") inCellXfs = opens;
    else if (tag.close) continue;
    else if (tag.name === "numFmt" && inNumFmts) {
      const a = tagAttrs(stylesXml, tag);
      const id = Number(a.get("numFmtId"));
      if (Number.isInteger(id) && !custom.has(id)) custom.set(id, a.get("formatCode") ?? "");
    } else if (tag.name === "xf" && inCellXfs) {
      const id = Number(tagAttrs(stylesXml, tag).get("numFmtId") ?? 0);
      xfs.push(Number.isInteger(id) ? id : 0);
    }
  }
  const dates = new Set<number>();
  xfs.forEach((id, index) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(index);
  });
  return dates;
}
