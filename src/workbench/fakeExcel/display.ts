// What the workbench grid draws for a cell: its value as Excel would show it (number formats of the kinds our
// sheets use), its look after conditional formats, and how merges cover it.
import { cellValue } from "./calc";
import { evaluateConditionalFormats, evaluateIconsAndBars, type IconLook } from "./conditionalFormats";
import { borderAt } from "./rangeOps";
import { numberToText, type Scalar } from "./formula/values";
import {
  DEFAULTS,
  type Edge,
  type FakeBorder,
  type FakeSheet,
  type HorizontalAlignment,
  type VerticalAlignment,
} from "./model";

export interface CellDisplay {
  /** The computed value; null when empty. */
  value: Scalar;
  /** The value as shown, through the number format. */
  text: string;
  /** "=…" for formula cells. */
  formula?: string;
  /** Background after conditional formats; null for no fill. */
  fill: string | null;
  /** An icon set's icon and a data bar drawn in the cell, when a rule gives one. */
  icon?: IconLook["icon"];
  bar?: IconLook["bar"];
  font: { bold: boolean; italic: boolean; size: number; name: string; color: string };
  horizontalAlignment: HorizontalAlignment;
  verticalAlignment: VerticalAlignment;
  wrapText: boolean;
  borders: Record<Edge, FakeBorder | null>;
  /** The top-left cell of a merged area spans it; the other cells of the area are covered (not drawn). */
  merge: { rowSpan: number; colSpan: number } | "covered" | null;
}

/** Formats a number with the kinds of formats our sheets use: General, 0, 0.00, #,##0.00, 0%, "literal" text. */
export function formatNumber(n: number, format: string): string {
  const section = format.split(";")[n < 0 && format.includes(";") ? 1 : 0] ?? format;
  if (section === "" || /^general$/i.test(section) || section === "@") return numberToText(n);
  const literals: string[] = [];
  const pattern = section.replace(
    /"([^"]*)"|\\(.)/g,
    (_, quoted: string | undefined, escaped: string | undefined) => {
      literals.push(quoted ?? escaped ?? "");
      return `\uE000${literals.length - 1}\uE000`;
    },
  );
  const m = /[#0,.]*[0#](?:[.][0#]*)?%?/.exec(pattern) ?? /[#0]/.exec(pattern);
  if (!m) return numberToText(n);
  const spec = m[0];
  const percent = spec.endsWith("%");
  const decimals = (/\.([0#]*)/.exec(spec)?.[1] ?? "").length;
  const grouped = spec.includes(",");
  const value = Math.abs(percent ? n * 100 : n);
  let body = value.toFixed(decimals);
  if (grouped) {
    const [int, frac] = body.split(".");
    body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  const sign = n < 0 && !format.includes(";") ? "-" : "";
  const shown = pattern.replace(spec, `${sign}${body}${percent ? "%" : ""}`);
  return shown.replace(/\uE000(\d+)\uE000/g, (_, i: string) => literals[Number(i)]);
}

/** What the cell shows: its value through its number format (Range.text). */
export function shownText(sheet: FakeSheet, row: number, col: number): string {
  const value = cellValue(sheet, row, col);
  const format = sheet.cell(row, col)?.numberFormat ?? DEFAULTS.numberFormat;
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value, format);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return typeof value === "string" ? value : value.error;
}

export function cellDisplay(sheet: FakeSheet, row: number, col: number): CellDisplay {
  const cell = sheet.cell(row, col);
  const value = cellValue(sheet, row, col);
  const look = evaluateConditionalFormats(sheet, row, col);
  const text = shownText(sheet, row, col);
  const merged = sheet.mergeAt(row, col);
  const edge = (e: Edge) => borderAt(sheet, row, col, e) ?? null;
  const drawn = evaluateIconsAndBars(sheet, row, col);
  return {
    value,
    text,
    ...drawn,
    ...(cell?.formula !== undefined ? { formula: cell.formula } : {}),
    fill: look.fill ?? cell?.fill ?? null,
    font: {
      bold: look.bold ?? cell?.font?.bold ?? DEFAULTS.font.bold,
      italic: cell?.font?.italic ?? DEFAULTS.font.italic,
      size: cell?.font?.size ?? DEFAULTS.font.size,
      name: cell?.font?.name ?? DEFAULTS.font.name,
      color: look.fontColor ?? cell?.font?.color ?? DEFAULTS.font.color,
    },
    horizontalAlignment: cell?.horizontalAlignment ?? DEFAULTS.horizontalAlignment,
    verticalAlignment: cell?.verticalAlignment ?? DEFAULTS.verticalAlignment,
    wrapText: cell?.wrapText ?? DEFAULTS.wrapText,
    borders: { top: edge("top"), bottom: edge("bottom"), left: edge("left"), right: edge("right") },
    merge: !merged
      ? null
      : merged.r1 === row && merged.c1 === col
        ? { rowSpan: merged.r2 - merged.r1 + 1, colSpan: merged.c2 - merged.c1 + 1 }
        : "covered",
  };
}
