// What a clause says around its figure: the year, the tier (确保/力争), the scope, and whether it is a past result.
import { TIER_OF } from "../../table/measure";
import { SEEKING_FUNDS } from "./statements";
import type { Tier } from "./types";

const PLAN_PERIODS: Record<string, string> = { 十三五: "2020", 十四五: "2025", 十五五: "2030" };

/**
 * The year a clause states: 到2027年 / 2023年 → that year; 全年/今年/每年/新的一年 → `current`, the year of the
 * section or paragraph it stands in (the document's year when they state none).
 */
export function statedYear(text: string, current: string): string {
  const explicit = explicitYear(text);
  if (explicit) return explicit;
  // "明年力争产值超百亿" in a December speech: the year after the document's.
  if (/明年|下一年/.test(text) && /^\d{4}$/.test(current)) return String(Number(current) + 1);
  return /全年|今年|年度|每年|新的一年|本年/.test(text) ? current : "";
}

/** Only a year written out: 2023年, 到2027年, “十四五”期间 (→ 2025). */
export function explicitYear(text: string): string {
  const explicit = /(?<![\d\-—–~])(\d{4})年(?!度)/.exec(text);
  if (explicit) return explicit[1];
  const period = /[“"]?(十[三四五]五)[”"]?(?:期间|末|时期)/.exec(text);
  return period ? PLAN_PERIODS[period[1]] : "";
}

/** The words that set a tier: the tables' own (TIER_OF), so a sentence and a header mean the same by 保底. */
const TIER_WORD = new RegExp(Object.keys(TIER_OF).join("|"), "g");

/** The last tier word of a clause ("GDP确保增长6%以上、力争7%" is split before this), or null when it has none. */
export function tierOf(text: string): { tier: Tier; word: string } | null {
  let last: { tier: Tier; word: string } | null = null;
  for (const hit of text.replace(SEEKING_FUNDS, "").matchAll(TIER_WORD))
    last = { tier: TIER_OF[hit[0]], word: hit[0] };
  return last;
}

/** Words that open a clause about the present or the past: "截至2021年底", "目前公司获评…10人", "已上线…". */
export function soundsPast(clause: string): boolean {
  return /^(?:截至|截止|目前|已经|已)/.test(clause.trim());
}

const SCOPE_AT_START = /^(全市|全县|全区|全省|全镇|全域|我市|本市|市本级)/;
/**
 * "2023年黄湾镇的目标是", "嘉善县将…", "经开区要确保…", "XX集团力争…": a named place, park or company whose goals
 * the clause states (then they are its own, not the city's).
 */
const NAMED_SCOPE =
  /^(?:其中)?((?![^,，]*下达)[\u4e00-\u9fff]{2,10}?(?:市|县|区|镇|街道|乡|开发区|园区|产业园|工业园|高新区|新区|集团|公司))(?:的(?:目标|任务)|将|要|力争|确保|争取|保底|奋斗|全年|今年|不少于|不低于|达到|突破|完成|实现|已|新增)/;

/** A target handed down to the place the document speaks for: "市下达我区…", "省下达给我市的…". */
const HANDED_DOWN = /^(?:今年)?(?:[省市县]里?|上级)下达(?:给)?(我市|我县|我区|全市|全县|全区)/;
const WHOLE_OF: Record<string, string> = { 我市: "全市", 我县: "全县", 我区: "全区" };

/** The scope a clause opens with (after any year), and the rest of the clause. */
export function scopeAt(text: string): { scope: string; rest: string } {
  const t = text.replace(/^(?:到|至)?\d{4}年[,，]?/, "");
  const down = HANDED_DOWN.exec(t);
  if (down) return { scope: WHOLE_OF[down[1]] ?? down[1], rest: t.slice(down[0].length) };
  const m = SCOPE_AT_START.exec(t) ?? NAMED_SCOPE.exec(t);
  if (!m) return { scope: "", rest: text };
  const scope = m[1] === "我市" || m[1] === "本市" ? "全市" : m[1];
  return { scope, rest: t.slice(m.index + m[0].indexOf(m[1]) + m[1].length) };
}
