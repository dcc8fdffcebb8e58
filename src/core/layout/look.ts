// The official look shared by every sheet: 宋体 body, bold title, grey header, thin borders, A4.
import type { CellStyle } from "./sheetSpec";

export const FONT = "宋体";
export const TITLE_STYLE: CellStyle = {
  font: { bold: true, size: 16, name: "黑体" },
  horizontal: "center",
  vertical: "middle",
};
export const NOTE_STYLE: CellStyle = { font: { size: 10, color: "#595959", name: FONT }, horizontal: "left" };
export const HEADER_STYLE: CellStyle = {
  font: { bold: true, size: 11, name: FONT },
  fill: "#D9E1F2",
  horizontal: "center",
  vertical: "middle",
  wrap: true,
  border: true,
};
export const BODY_STYLE: CellStyle = { font: { size: 11, name: FONT }, vertical: "middle", border: true };
export const CENTER: CellStyle = { horizontal: "center" };
export const WRAP_LEFT: CellStyle = { horizontal: "left", wrap: true };
export const SECTION_STYLE: CellStyle = { font: { bold: true, size: 11, name: FONT }, fill: "#F2F2F2" };
/** Fills of the conditional formats: red for errors, amber for warnings. */
export const ERROR_FILL = "#FFC7CE";
export const ERROR_FONT = "#9C0006";
export const WARNING_FILL = "#FFEB9C";
export const WARNING_FONT = "#9C5700";

/** Height in points of a row holding `lines` lines of text (Excel's limit is 409). */
export function rowHeightForLines(lines: number, lineHeight = 15): number {
  return Math.min(409, lines * lineHeight + 3);
}

/** Height in points of a row whose longest wrapped text is `chars` wide in a column `width` characters wide. */
export function wrappedRowHeight(chars: number, width: number, lineHeight = 15): number {
  return rowHeightForLines(Math.max(1, Math.ceil((chars * 2) / Math.max(4, width - 1))), lineHeight);
}

/** Number format showing `decimals` places with thousands separators; suffix text (e.g. "以上") is kept numeric. */
export function numberFormat(decimals: number, suffix = ""): string {
  const base = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  return suffix ? `${base}"${suffix}"` : base;
}

/** Column width in points for a width in characters (Excel: a character ≈ 7 px plus 5 px padding; 0.75 pt/px). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
