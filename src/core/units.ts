// Units and kinds: "制造业投资(亿元)" → name 制造业投资, unit 亿元, kind total.
import type { IndicatorKind } from "./model";
import { toHalfWidth } from "./text";

/**
 * Splits the trailing unit off an indicator name: "累计建成省级智能工厂(数字化车间)(家)" → ["累计建成省级智能工厂(数字化车间)", "家"].
 * Only the last parenthesised group counts, and only when it reads like a unit (short, no verb).
 */
export function splitNameUnit(fullName: string): { name: string; unit: string } {
  const half = fullName.replace(/（/g, "(").replace(/）/g, ")").trim();
  const m = /^(.*\S)\s*\(([^()]{1,12})\)$/.exec(half);
  if (!m) return { name: half, unit: "" };
  const unit = toHalfWidth(m[2]).trim();
  if (!/^(%|‰|[\u4e00-\u9fff]{1,6}(\/[\u4e00-\u9fff]{1,4})?|[a-zA-Z]{1,6})$/.test(unit))
    return { name: half, unit: "" };
  // "(数字化车间)" is part of a name, not a unit: units are short and end in a measure word.
  if (
    unit.length > 2 &&
    !/(元|亩|吨|煤|人|户|家|项|件|个|台|套|次|辆|米|瓦|时|%|‰)$/.test(unit) &&
    !unit.includes("/")
  ) {
    return { name: half, unit: "" };
  }
  return { name: m[1], unit };
}

/** Units of amounts that add up (总量型). */
const TOTAL_UNITS =
  /^(万|亿|千|百)?(元|美元|亩|家|项|件|个|台|套|次|辆|人|户|吨|吨标准煤|千瓦|千瓦时|平方米|公顷)$/;
/** Words that make an indicator a rate, share or intensity (质态型) whatever its unit. */
const RATE_WORDS = /(增长|增速|比重|占比|亩均|人均|每万人|率|降幅|下降|强度|贡献度|密度)/;

/**
 * 总量型 or 质态型, from the unit first and the name second (DOMAIN.md): %, anything per something (万元/亩, 件/万人)
 * and names with 增长/增速/比重/占比/亩均/人均/每万人/率 are rates; everything else is an amount.
 */
export function kindOf(name: string, unit: string): IndicatorKind {
  const u = unit.trim();
  if (u === "%" || u === "‰" || u.endsWith("百分点") || u.includes("/")) return "rate";
  if (RATE_WORDS.test(name)) return "rate";
  if (TOTAL_UNITS.test(u)) return "total";
  return "total";
}

/** Units counted in whole things: their targets are integers. */
export function isCountUnit(unit: string): boolean {
  return /^(家|项|件|个|台|套|次|辆|人|户|场)$/.test(unit.trim());
}

/** Reads a 类型 column: 总量型/总量 → total, 质态型/质态/比率 → rate, otherwise undefined. */
export function kindFromLabel(label: string): IndicatorKind | undefined {
  const t = label.replace(/\s+/g, "");
  if (/^(总量型?|total)$/i.test(t)) return "total";
  if (/^(质态型?|比率型?|rate)$/i.test(t)) return "rate";
  return undefined;
}

export const KIND_LABEL: Record<IndicatorKind, string> = { total: "总量型", rate: "质态型" };
