// What a clause says around its figure: the year, the tier (确保/力争), the scope, and whether it is a past result.
import type { Tier } from "./types";

const PLAN_PERIODS: Record<string, string> = { 十三五: "2020", 十四五: "2025", 十五五: "2030" };

/**
 * The year a clause states: 到2027年 / 2023年 → that year; 全年/今年/每年/新的一年 → `current`, the year of the
 * section or paragraph it stands in (the document's year when they state none).
 */
export function statedYear(text: string, current: string): string {
  return explicitYear(text) || (/全年|今年|年度|每年|新的一年|本年/.test(text) ? current : "");
}

/** Only a year written out: 2023年, 到2027年, “十四五”期间 (→ 2025). */
export function explicitYear(text: string): string {
  const explicit = /(?<![\d\-—–~])(\d{4})年(?!度)/.exec(text);
  if (explicit) return explicit[1];
  const period = /[“"]?(十[三四五]五)[”"]?(?:期间|末|时期)/.exec(text);
  return period ? PLAN_PERIODS[period[1]] : "";
}

export function tierOf(text: string): Tier | null {
  const m = /(确保|力争|争取)/g;
  let last: Tier | null = null;
  for (const hit of text.matchAll(m)) last = hit[1] === "确保" ? "确保" : "力争";
  return last;
}

/** Words that open a clause about the present or the past: "截至2021年底", "目前公司获评…10人", "已上线…". */
export function soundsPast(clause: string): boolean {
  return /^(?:截至|截止|目前|已经|已)/.test(clause.trim());
}

const SCOPE_AT_START = /^(全市|全县|全区|全省|全镇|全域|我市|本市|市本级)/;
/** "2023年黄湾镇的目标是", "嘉善县将…": a named place or unit whose goals the sentence states. */
const NAMED_SCOPE = /^([\u4e00-\u9fff]{2,8}?(?:市|县|区|镇|街道|乡))(?:的(?:目标|任务)|将|要)/;

/** The scope a clause opens with (after any year), and the rest of the clause. */
export function scopeAt(text: string): { scope: string; rest: string } {
  const t = text.replace(/^(?:到|至)?\d{4}年[,，]?/, "");
  const m = SCOPE_AT_START.exec(t) ?? NAMED_SCOPE.exec(t);
  if (!m) return { scope: "", rest: text };
  const scope = m[1] === "我市" || m[1] === "本市" ? "全市" : m[1];
  return { scope, rest: t.slice(m[1].length) };
}
