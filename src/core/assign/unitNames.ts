// Unit (department) names as plans write them: "市经信局" and "市经济和信息化局" are one department, "嘉兴银保监分局
// 平湖监管组" is one name broken by a line wrap. Names are normalized, aliases resolved; an unknown name is kept as
// it is and listed for review, never merged into another by guesswork.
import { toHalfWidth } from "../text";

/** Full names → the short names plans use. Editable: a workbook's alias sheet extends it (issue 6). */
export const DEFAULT_ALIASES: Record<string, string> = {
  市经济和信息化局: "市经信局",
  市发展和改革局: "市发改局",
  市科学技术局: "市科技局",
  市市场监督管理局: "市市场监管局",
  市人力资源和社会保障局: "市人力社保局",
  市自然资源和规划局: "市自然资源和规划局",
  市生态环境局: "市生态环境局",
};

/** Line-wrap spaces out, full-width brackets half-width: "市委组织部（人才办）" → "市委组织部(人才办)". */
export function normalizeUnitName(name: string): string {
  const t = toHalfWidth(name).replace(/\s+/g, "");
  // Trailing 、,; cut by hand: /[、,;]+$/ tries every run from each of its characters, quadratic in a long one.
  let end = t.length;
  while (end > 0 && "、,;".includes(t[end - 1])) end--;
  return end === t.length ? t : t.slice(0, end);
}

export function resolveUnit(name: string, aliases: Record<string, string> = DEFAULT_ALIASES): string {
  const n = normalizeUnitName(name);
  return aliases[n] ?? n;
}

/**
 * Pairs of names that may be one unit written two ways ("市经信局" and "市经济和信息化局" when no alias says so):
 * listed for the clerk to confirm in the alias table, never merged here.
 */
export function similarUnitNames(
  names: string[],
  aliases: Record<string, string> = DEFAULT_ALIASES,
): [string, string][] {
  const unique = [...new Set(names.map((n) => resolveUnit(n, aliases)))];
  const core = (n: string) => n.replace(/^(市|县|区)/, "").replace(/(局|办|委|中心|组|部|会|行)$/, "");
  const cores = unique.map(core); // once per name, not once per pair
  const pairs: [string, string][] = [];
  // Pairwise by nature, so bounded: a plan names a few dozen units; a list of 100,000 would be 5 × 10^9 pairs.
  let left = SIMILAR_PAIRS;
  for (let i = 0; i < unique.length && left > 0; i++)
    for (let j = i + 1; j < unique.length && left-- > 0; j++) {
      const [a, b] = [cores[i], cores[j]];
      if (a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a)))
        pairs.push([unique[i], unique[j]]);
    }
  return pairs;
}

/** Pairs of names similarUnitNames compares at most. */
const SIMILAR_PAIRS = 4_000_000;

export const ALIAS_SHEET = "单位别名";

/**
 * The workbook's alias table: a sheet with a header row naming 别名 (or 简称/全称) and 规范名称 (or 统一名称), one
 * pair per row, added to (and overriding) the built-in ones. Rows with either cell empty are skipped.
 */
export function aliasesFromRows(
  rows: (string | number | boolean | null | { error: string })[][],
): Record<string, string> {
  const text = (v: unknown) =>
    typeof v === "string" || typeof v === "number" ? normalizeUnitName(String(v)) : "";
  const header = rows.findIndex((r) => (r ?? []).some((v) => /^(别名|简称|全称)$/.test(text(v))));
  if (header < 0) return { ...DEFAULT_ALIASES };
  const heads = rows[header].map(text);
  const from = heads.findIndex((h) => /^(别名|简称|全称)$/.test(h));
  const to = heads.findIndex((h) => /^(规范名称|统一名称|标准名称)$/.test(h));
  const table: Record<string, string> = { ...DEFAULT_ALIASES };
  if (to < 0) return table;
  for (const r of rows.slice(header + 1)) {
    const [a, b] = [text(r?.[from]), text(r?.[to])];
    if (a && b) table[a] = b;
  }
  return table;
}
