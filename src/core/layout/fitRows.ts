// Row heights for wrapped text. Excel grows a row to fit wrapped text only when the row has no height of its own,
// and LibreOffice's PDF export keeps the height written in the file: a template row sized for one line would cut
// a long 具体内容 or 待…另行下达. This estimates the lines each wrapped cell needs from its column width.
import { parseRange } from "../grid";
import { rowHeightForLines } from "./look";
import type { SheetSpec } from "./sheetSpec";

/** Width of a character in units of Excel's column width (the digit "0"): CJK and full-width forms take two. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)
    ? 2
    : 1.1;
}

/** Lines a text needs in a column `width` characters wide (explicit line breaks included). */
export function linesNeeded(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split("\n").reduce((n, line) => {
    let w = 0;
    for (const ch of line) w += charWidth(ch);
    return n + Math.max(1, Math.ceil(w / usable));
  }, 0);
}

/**
 * Raises the height of each row in `rows` (1-based) to what its wrapped cells need; never lowers a height.
 * Merged cells count with the width of all their columns.
 */
export function fitRowHeights(spec: SheetSpec, rows: Iterable<number>): void {
  const wrapped = new Map<string, number>(); // "r,c" → font size, for cells styled to wrap
  for (const { ref, style } of spec.styles) {
    const p = parseRange(ref);
    if (!p) continue;
    for (let r = p[0]; r <= p[2]; r++)
      for (let c = p[1]; c <= p[3]; c++) {
        const key = `${r + 1},${c + 1}`;
        if (style.wrap === true) wrapped.set(key, style.font?.size ?? wrapped.get(key) ?? 11);
        else if (style.wrap === false) wrapped.delete(key);
        else if (style.font?.size && wrapped.has(key)) wrapped.set(key, style.font.size);
      }
  }
  // The first merge starting at each cell, looked up (not searched in every merge for every wrapped cell).
  const spans = new Map<string, [number, number, number, number]>();
  for (const m of spec.merges.map(parseRange))
    if (m !== null && !spans.has(`${m[0]},${m[1]}`)) spans.set(`${m[0]},${m[1]}`, m);
  const width = (c: number) => spec.columnWidths[c - 1] ?? 8.43;
  for (const row of rows) {
    let need = 0;
    (spec.rows[row - 1] ?? []).forEach((v, i) => {
      const size = wrapped.get(`${row},${i + 1}`);
      if (size === undefined || (typeof v !== "string" && typeof v !== "number")) return;
      const span = spans.get(`${row - 1},${i}`);
      let w = 0;
      for (let c = i + 1; c <= (span ? span[3] + 1 : i + 1); c++) w += width(c);
      const lines = linesNeeded(String(v), (w * 11) / size);
      // One line fits any row: only text that wraps onto more lines needs a taller one.
      if (lines > 1) need = Math.max(need, rowHeightForLines(lines, (15 * size) / 11));
    });
    if (need > (spec.rowHeights[row] ?? 15)) spec.rowHeights[row] = need;
  }
}
