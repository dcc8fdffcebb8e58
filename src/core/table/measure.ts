// Measures: what the numbers of a breakdown table are. A table may hold several for each indicator and unit —
// a year's target in tiers (确保 / 力争), targets of several years, last year's result (the base), a growth rate,
// a share — and each is checked on its own, never added to another.
import { headerKey } from "./vocabulary";

/** target: a year's target; base: a result it grows from (上年完成, 基数); growth: 增长%; share: 占比. */
export type MeasureRole = "target" | "base" | "growth" | "share";
/** 确保/保底 → committed, 力争/奋斗/争取 → stretch, 预期 → expected. */
export type Tier = "committed" | "stretch" | "expected";

export interface Measure {
  role: MeasureRole;
  /** "2023"; "" when the table does not say. */
  year: string;
  tier: Tier | "";
  /** The header words it was read from, e.g. "2023年 确保"; "" for the table's only, unnamed measure. */
  label: string;
}

/** Part of a measure read from one header cell: the cell may state the role, the year, the tier or several. */
export interface MeasurePart {
  role?: MeasureRole;
  year?: string;
  tier?: Tier;
  /** The cell's text, for the label. */
  text: string;
  /** The unit of measure the cell gives in parentheses ("增长(%)"). */
  unit?: string;
}

export const TIER_WORD: Record<Tier, string> = { committed: "确保", stretch: "力争", expected: "预期" };

const TIER = /^(确保|保底|力争|奋斗|争取|预期)(目标|值|数|任务|目标值)?$/;
/** The words that name a tier, in a table's headers and in a plan's sentences alike (prose/context.ts). */
export const TIER_OF: Record<string, Tier> = {
  确保: "committed",
  保底: "committed",
  力争: "stretch",
  奋斗: "stretch",
  争取: "stretch",
  预期: "expected",
};
const TARGET =
  /^(目标|目标值|目标数|任务|任务数|目标任务|计划|计划数|下达目标|分解目标|下达任务|年度目标|全年目标)$/;
const BASE =
  /^(完成|完成值|完成数|实绩|实际完成|实际|基数|基期|基期值|基准|现状|现状值|上年完成|上年实绩|上年基数|去年完成|上年|上年度完成|同期完成|上年同期)$/;
const GROWTH = /^(增长|增速|增幅|增长率|同比增长|比上年增长|同比|年增长|年均增长|增减)$/;
const SHARE = /^(占比|比重|占全市比重|占全市比例|占全县比重|占全区比重|份额|所占比重|占比重)$/;

/**
 * Reads a header cell as (part of) a measure: "2023年目标", "2022年完成", "确保", "增长(%)", "2024年"; null when
 * the cell is not a measure word (a town, an indicator, anything else).
 */
export function readMeasurePart(text: string): MeasurePart | null {
  let key = headerKey(text);
  if (key === "") return null;
  let unit: string | undefined;
  const paren = /^(.*?)\(([^()]{1,8})\)$/.exec(key);
  if (paren && paren[1] !== "") {
    key = paren[1];
    unit = paren[2].replace(/^单位[::]/, "");
  }
  const part: MeasurePart = { text: headerKey(text), unit };
  const year = /^((?:19|20)\d{2})(?:年度?)?/.exec(key);
  if (year) {
    part.year = year[1];
    key = key.slice(year[0].length);
    if (key === "") return { ...part, role: "target" };
  }
  if (/^(全年|本年)./.test(key)) key = key.slice(2);
  const tier = TIER.exec(key);
  if (tier) return { ...part, role: "target", tier: TIER_OF[tier[1]] };
  if (TARGET.test(key)) return { ...part, role: "target" };
  if (BASE.test(key)) return { ...part, role: "base" };
  if (GROWTH.test(key)) return { ...part, role: "growth" };
  if (SHARE.test(key)) return { ...part, role: "share" };
  return null;
}

/** Parts read from one axis position (a column's header rows, a row's measure cell) joined into one measure. */
export function joinMeasure(parts: MeasurePart[], defaultYear: string): Measure {
  let role: MeasureRole | undefined;
  let year = "";
  let tier: Tier | "" = "";
  for (const p of parts) {
    // A role other than target wins: "2022年" over "完成" is a base, "2023年" over "增长" a growth.
    if (p.role && (role === undefined || role === "target")) role = p.role;
    if (p.year) year = p.year;
    if (p.tier) tier = p.tier;
  }
  role ??= "target";
  if (year === "" && (role === "target" || role === "growth")) year = defaultYear;
  if (year === "" && role === "base" && /^\d{4}$/.test(defaultYear)) year = String(Number(defaultYear) - 1);
  return { role, year, tier, label: parts.map((p) => p.text).join(" ") };
}

export function measureKey(m: Measure): string {
  return `${m.role}|${m.year}|${m.tier}`;
}

/** How a measure is named in messages: "2023年 确保", "2022年 基数", "增长". */
export function measureName(m: Measure): string {
  const role = { target: "", base: "基数", growth: "增长", share: "占比" }[m.role];
  return [m.year ? `${m.year}年` : "", m.tier ? TIER_WORD[m.tier] : "", role].filter(Boolean).join(" ");
}

/** Orders measures as a clerk reads them: targets first (by year, 确保 before 力争), then bases, growth, shares. */
export function compareMeasures(a: Measure, b: Measure): number {
  const roles: MeasureRole[] = ["target", "base", "growth", "share"];
  const tiers: (Tier | "")[] = ["", "committed", "expected", "stretch"];
  return (
    roles.indexOf(a.role) - roles.indexOf(b.role) ||
    a.year.localeCompare(b.year) ||
    tiers.indexOf(a.tier) - tiers.indexOf(b.tier)
  );
}
