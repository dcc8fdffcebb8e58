// The identity marker of an issued template: a very hidden sheet of key/value rows (类型, 单位, 年份, 指标集,
// 模板版本, 方案). Clerks rename returned files ("当湖-最终版(2).xlsx") and sheets; the marker survives both, so
// a returned file is recognised without trusting its name.
import { cellText, type Grid } from "../grid";
import { SheetBuilder } from "../layout/builder";
import type { SheetSpec } from "../layout/sheetSpec";
import { normalizeName } from "../text";

export const MARKER_SHEET = "_目标分解助手";
export const TEMPLATE_KIND = "目标分解填报";
export const TEMPLATE_VERSION = "1";

export interface TemplateMarker {
  kind: string;
  unit: string;
  year: string;
  /** indicatorSetHash of the issued indicators: tells a template of another plan (or edited list) apart. */
  indicatorSet: string;
  version: string;
  plan: string;
}

const KEYS: [keyof TemplateMarker, string][] = [
  ["kind", "类型"],
  ["unit", "单位"],
  ["year", "年份"],
  ["indicatorSet", "指标集"],
  ["version", "模板版本"],
  ["plan", "方案"],
];

/**
 * FNV-1a (32 bit) of the normalized indicator names in order, as 8 hex digits: short enough to read, stable
 * across runs and machines, and the same whether a name was typed with full-width brackets or not.
 */
export function indicatorSetHash(names: string[]): string {
  const text = names.map(normalizeName).join("\n");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export function markerSheet(marker: TemplateMarker): SheetSpec {
  const b = new SheetBuilder(MARKER_SHEET);
  KEYS.forEach(([key, label], i) => b.setRow(i + 1, 1, [label, marker[key]]));
  // Text format, so an 8-digit hash such as "00012345" or a year stays text if someone edits the sheet.
  b.style(1, 2, KEYS.length, 2, { numberFormat: "@" });
  b.spec.columnWidths = [12, 60];
  b.spec.visibility = "veryHidden";
  return b.spec;
}

/** Reads a marker sheet (by its name, or by its first row 类型 = 目标分解填报); null when the grid is none. */
export function readMarker(grid: Grid): TemplateMarker | null {
  // Every sheet of every returned file passes here: leave the 填报 sheet at its first cell.
  if (grid.name !== MARKER_SHEET && cellText(grid.rows[0]?.[0] ?? null).trim() !== "类型") return null;
  const pairs = new Map<string, string>();
  for (const row of grid.rows.slice(0, 20))
    pairs.set(cellText(row?.[0] ?? null).trim(), cellText(row?.[1] ?? null).trim());
  if (grid.name !== MARKER_SHEET && pairs.get("类型") !== TEMPLATE_KIND) return null;
  const m = {} as TemplateMarker;
  for (const [key, label] of KEYS) m[key] = pairs.get(label) ?? "";
  return m.kind === TEMPLATE_KIND ? m : null;
}
