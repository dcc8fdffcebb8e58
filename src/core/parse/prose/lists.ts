// "确保工业投资、制造业投资、技术改造投资分别达到970亿元、900亿元和540亿元以上": names paired with figures;
// "创建“未来工厂”和省级绿色工厂各1家": one figure for each name.
import { findQuantities, type Quantity } from "./quantities";

export interface Pair {
  name: string;
  quantity: Quantity;
  /** The place the figure is for, when the list pairs places with figures ("分别为岚江区32家、北岭区28家"). */
  scope?: string;
}

/** A place named before its figure in a 分别 list: "岚江区32家", "北岭区为28家". */
const PLACE_THEN_FIGURE =
  /^\s*(?:和|及|与)?\s*([\u4e00-\u9fff]{2,10}?(?:市|县|区|镇|街道|乡|开发区|园区|产业园|工业园|高新区|新区|集团|公司))\s*(?:为|是|完成|达到)?\s*$/;

const SEPARATOR = /、|和|及|与/;
/** Who set what the list names, before it: "今年区委、区政府确定", "会议提出". */
const SETTER = /^[^,，;；]{0,30}?(?:确定|提出|明确|部署)(?:了|的)?(?=[\u4e00-\u9fff“"])/;
const MEASURE = /(总产值|产值|增加值|营业收入|收入|税收|投资)$/;
const LEADING_VERB = /^(?:确保|力争)?(创建|培育|新增|引进|建成|认定|新认定)/;

/**
 * What one name lends the others (a subject, a shared ending) is a few words: longer, it is no part of a name,
 * and lending it to each of thousands of names would be quadratic in the text.
 */
const MAX_SHARED = 40;
const SHARED_END = /(?:占.+|(?:年均)?增速|增长率|比重|占比)$/;

/** Where the text's last line begins: a match of SHARED_END lies after any line end (. stops at one). */
function lastLineStart(text: string): number {
  let i = text.length;
  while (i > 0 && !"\n\r\u2028\u2029".includes(text[i - 1])) i--;
  return i;
}

/** "A、B、C三大主导产业产值": the list's count and kind, then what each one's figure measures. */
const COUNTED_KIND =
  /^(.+?)[两二三四五六七八九十]大(?:主导|重点|优势|支柱|特色|新兴|战略性新兴)?([\u4e00-\u9fff]{1,12})$/;

/** "规上工业总产值和增加值" → 规上工业总产值, 规上工业增加值; "A和B占规上工业比重" → both 占规上工业比重. */
function completeNames(listed: string[]): string[] {
  // "新能源汽车零部件、高端装备、电子信息三大主导产业产值" → 新能源汽车零部件产业产值, …, 电子信息产业产值.
  const counted = COUNTED_KIND.exec(listed[listed.length - 1]);
  const names = counted ? [...listed.slice(0, -1), counted[1]].map((n) => n + counted[2]) : listed;
  const last = names[names.length - 1];
  // "…占规上工业比重", "…年均增速": what the last name ends with belongs to every name of the list. (Matched on
  // the last line only: from each 占 before a line end, .+ would run to it and fail, quadratic.)
  const lineStart = lastLineStart(last);
  const shared = SHARED_END.exec(last.slice(lineStart));
  const share =
    shared && last.length - (lineStart + shared.index) <= MAX_SHARED ? lineStart + shared.index : -1;
  const first = names[0];
  const verb = LEADING_VERB.exec(first)?.[1] ?? "";
  const subject = MEASURE.test(first) ? first.replace(MEASURE, "") : null;
  const ending = share > 0 ? last.slice(share) : "";
  return names.map((n, i) => {
    let name = n;
    if (i > 0 && subject !== null && subject.length <= MAX_SHARED && MEASURE.exec(name)?.[0] === name)
      name = subject + name;
    if (i < names.length - 1 && share > 0 && !name.endsWith(ending) && !name.includes("占")) name += ending;
    if (i > 0 && verb && !LEADING_VERB.test(name)) name = verb + name;
    return name;
  });
}

/**
 * "新增规上工业企业任务分别为岚江区32家、北岭区28家": one name, each figure after its place; null unless every
 * figure has a place of its own before it.
 */
function placesThenFigures(name: string, valuesText: string, quantities: Quantity[]): Pair[] | null {
  if (quantities.length < 2) return null;
  const pairs: Pair[] = [];
  let from = 0;
  for (const q of quantities) {
    const place = PLACE_THEN_FIGURE.exec(
      valuesText.slice(from, q.start).replace(/^[\s、,，]*(?:为|是|:|：)?/, ""),
    );
    if (!place) return null;
    pairs.push({ name, quantity: q, scope: place[1] });
    from = q.tailStart;
  }
  return pairs;
}

/**
 * The pairs of a 分别 or 各 clause; null when the clause is neither or the counts do not match. `places`: the
 * places the clause opened with ("城关镇、金井镇6月份须分别完成产值2.1亿元、2亿元以上", the places cut off by
 * scopeAt): the figures are theirs, in order, all of one name.
 */
export function pairList(clause: string, places: string[] = []): Pair[] | null {
  const each = /各(?=\d)/.exec(clause);
  const respectively = clause.indexOf("分别");
  if (respectively < 0 && !each) return null;
  const cut = respectively >= 0 ? respectively : each!.index;
  // ("区委、区政府确定新能源装备、精细化工两大主导产业产值目标分别为…": who set the goals is not in the list.)
  const namesText = clause.slice(0, cut).replace(SETTER, "");
  const valuesText = clause.slice(cut + (respectively >= 0 ? 2 : 1));
  const quantities = findQuantities(valuesText);
  if (places.length >= 2 && respectively >= 0 && quantities.length === places.length) {
    const name = namesText + valuesText.slice(0, quantities[0].start);
    const op = quantities.find((q) => q.op !== "=")?.op ?? "=";
    return places.map((scope, i) => ({
      name,
      scope,
      quantity: { ...quantities[i], op: quantities[i].op === "=" ? op : quantities[i].op },
    }));
  }
  if (respectively >= 0 && !SEPARATOR.test(namesText)) {
    const byPlace = placesThenFigures(namesText, valuesText, quantities);
    if (byPlace) return byPlace;
    // "年度目标分别为7.2亿元、5.6亿元、5亿元": one name for figures of things the sentence named before.
    const between = valuesText.slice(0, quantities[0]?.start ?? 0);
    if (quantities.length >= 2 && /^\s*(?:为|是|达到|完成|增长|下降)?\s*$/.test(between)) {
      const rate = between.trim() === "增长" ? "增速" : between.trim() === "下降" ? "降幅" : between;
      // "城乡居民人均可支配收入分别增长5%和6.5%": 城镇居民's, then 农村居民's.
      const [urban, rural] =
        /^城乡/.test(namesText) && quantities.length === 2
          ? [namesText.replace(/^城乡/, "城镇"), namesText.replace(/^城乡/, "农村")]
          : [namesText, namesText];
      return quantities.map((quantity, i) => ({
        name: (i === 0 ? urban : rural) + (quantity.unit === "%" ? rate : between),
        quantity,
      }));
    }
  }
  const listed = namesText.split(SEPARATOR).filter((n) => n.trim() !== "");
  if (listed.length < 2) return null;
  if (respectively >= 0 ? quantities.length !== listed.length : quantities.length !== 1) return null;
  const names = completeNames(listed);
  if (respectively >= 0) {
    // "…和540亿元以上", "分别突破1000亿元和160亿元": the 以上 or 突破 of the list holds for every figure in it.
    const op = quantities.find((q) => q.op !== "=")?.op ?? "=";
    return names.map((name, i) => ({
      name,
      quantity: { ...quantities[i], op: quantities[i].op === "=" ? op : quantities[i].op },
    }));
  }
  return names.map((name) => ({ name, quantity: quantities[0] }));
}
