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

const SCOPE_AT_START =
  /^(全市|全县|全区|全省|全镇|全域|我市|本市|市本级|其[余他](?:乡镇|镇街|镇|街道|县(?:\(市、区\)|（市、区）)?|区县|县区))/;
/** A place's name: a proper name of 2–10 characters and the kind of place (or company) it is. */
const PLACE =
  "(?:(?!各|全|本|我|该|其|[一二三四]季度|上半年|下半年|年内|今年)(?:(?!各)[\\u4e00-\\u9fff]){2,10}?(?:市|县|区|镇|街道|乡|开发区|园区|产业园|工业园|高新区|新区|集团|公司|园|片区|村|社区)" +
  // A park's quarters by their side ("北区", "南片区"), and what kind of quarter it is: "北区(装备制造片区)".
  "|[东南西北](?:区|片区))(?:\\([\\u4e00-\\u9fff]{1,10}(?:片区|园区|园|区|基地)\\))?";
/**
 * A town, county or district named right before its figure ("东港镇45亿元、西河镇38亿元"): a place proper, not a
 * thing counted ("绿色园区1家", "示范社区3个").
 */
const TOWN =
  "(?!各|全|本|我|该|其|[一二三四]季度|上半年|下半年|年内|今年)(?:(?!各)[\\u4e00-\\u9fff]){2,10}?(?:市|县|(?<![园社景小厂矿片营])区|镇|乡|街道|村|社区|(?:园|片区)(?=[\\d.]+(?:万|亿)?元|[\\d.]+%))";
/** When a place's goal is due, between the place and its verb: "6月份须完成", "四季度须", "上半年要". */
const DUE = "(?:\\d{1,2}月(?:份)?(?:底前|前)?|[一二三四]季度|上半年|下半年|全年|今年|年内)?";
/** What follows a place whose goals or results the clause states: a verb, a modal, a tier, a goal's words. */
const OPENS =
  "(?:的(?:目标|任务)|将|要|须|需|应|必须|仅|只|分别|力争|确保|争取|保底|奋斗|全年|今年|不少于|不低于|达到|突破|完成|实现|已|新增|累计|增长|增速|下降|冲刺|承担|负责|合计|共计|各不少于|各不低于)";
/**
 * "2023年黄湾镇的目标是", "嘉善县将…", "经开区要确保…", "XX集团力争…", "青岗县四季度须完成…", "大坪乡仅完成…": a named
 * place, park or company whose goals the clause states (then they are its own, not the city's).
 */
const NAMED_SCOPE = new RegExp(
  `^(?:其中)?((?![^,，]*下达)${PLACE})(?=${DUE}${OPENS})|^(?:其中)?(${TOWN})(?=\\d)`,
);
/** "岚江区、北岭区规上工业增加值增速不低于8%", "城关镇、金井镇6月份须分别完成…": places sharing what follows. */
const PLACE_LIST = new RegExp(`^(?:其中)?(${PLACE}(?:(?:、|和|及)${PLACE})+)`);
const PLACE_AT = new RegExp(`^${PLACE}$`);

/** A target handed down to the place the document speaks for: "市下达我区…", "省下达给我市的…". */
const HANDED_DOWN = /^(?:今年)?(?:[省市县]里?|上级)?下达(?:给)?(我市|我县|我区|全市|全县|全区)/;
const WHOLE_OF: Record<string, string> = { 我市: "全市", 我县: "全县", 我区: "全区" };

export interface ScopeAt {
  /** The scope the clause opens with ("" when none): the whole, a place, or places joined by 、. */
  scope: string;
  /** The places of a scope naming several ("城关镇、金井镇" → both); one place, or none, otherwise. */
  places: string[];
  /** The clause after the scope. */
  rest: string;
}

/**
 * The scope a clause opens with (after any year), and the rest of the clause. `known`: places the document has
 * named as a scope before: a clause opening with one is about it whatever follows ("潇源经济开发区实际到位资金…").
 */
export function scopeAt(text: string, known?: ReadonlySet<string>): ScopeAt {
  const t = text.replace(/^(?:到|至)?\d{4}年[,，]?/, "");
  const down = HANDED_DOWN.exec(t);
  if (down) {
    const scope = WHOLE_OF[down[1]] ?? down[1];
    return { scope, places: [scope], rest: t.slice(down[0].length) };
  }
  const list = PLACE_LIST.exec(t);
  // (A list going on past its places, "A镇、B镇工业、农业…", lists something else.)
  if (list && t[list[0].length] !== "、") {
    const places = list[1].split(/、|和|及/);
    if (places.every((p) => PLACE_AT.test(p)))
      return { scope: list[1], places, rest: t.slice(list.index + list[0].length) };
  }
  const m = SCOPE_AT_START.exec(t) ?? NAMED_SCOPE.exec(t);
  // (The place's end: after its match's words, or after a known place the clause opens with.)
  const place = m ? (m[1] ?? m[2]) : knownPlaceAt(t, known);
  if (!place) return { scope: "", places: [], rest: text };
  const end = m ? m.index + m[0].indexOf(place) + place.length : t.indexOf(place) + place.length;
  const scope = place === "我市" || place === "本市" ? "全市" : place;
  return { scope, places: [scope], rest: t.slice(end) };
}

/** The known place a clause opens with (after 其中), or null. */
function knownPlaceAt(t: string, known?: ReadonlySet<string>): string | null {
  if (!known || known.size === 0) return null;
  const head = t.startsWith("其中") ? 2 : 0;
  for (let end = Math.min(t.length, head + 16); end > head + 2; end--) {
    const place = t.slice(head, end);
    if (known.has(place)) return place;
  }
  return null;
}
