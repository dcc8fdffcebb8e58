// The targets one clause states, read from its figures' places: the figure closing it, a count opening a name
// ("确保50个以上重大项目投产"), a list of counts ("2000个…、1000个…"), a growth to keep; and how a rate is named.
import { isCountUnit } from "../../units";
import { AMOUNT_NAME } from "./namingWords";
import { cleanName, declineName, growthName, isDecline, isGrowth } from "./names";
import { findQuantities, RANK_UNIT, type Quantity } from "./quantities";

/**
 * Verbs after which a count opens the target's name: "确保50个以上重大项目投产", "建成10个标杆示范项目", "年初计划新开工
 * 的16个亿元以上工业项目".
 */
const COUNT_FIRST_VERB =
  /(建成|组织|实施|引进|培育|新增|创建|推进|建设|完成|开工|落地|确保|力争|举办|开展|打造|推动|新建|认定|导入|组建|成立|设立|计划新开工的|计划开工的|计划实施的|计划竣工的)$/;
/**
 * What may follow the figure that closes a clause: quotes, brackets, "的目标". (The second run of marks only after
 * the words: two runs side by side split a long run every way, quadratic.)
 */
const EMPTY_TAIL =
  /^[\s”"’)）]*(?:的?(?:总体|总量|发展|主要|奋斗|年度)?(?:目标任务|目标|任务)[\s”"’)）]*|(?:新)?(?:台阶|大关|关口))?$/;
/**
 * A share closing its clause with what it applies to: "新增用地指标35%用于工业", "工业项目用地100%按“标准地”供地",
 * "重点企业100%实现数字化改造": the words after the figure complete the name.
 */
const SHARE_TAIL = /^(?:用于|按|实行|采用|纳入|接入|实现)[\u4e00-\u9fff“”"]{1,16}$/;

export interface Found {
  name: string;
  quantity: Quantity;
  /** The place a 分别 list gives the figure ("分别为岚江区32家、…"). */
  scope?: string;
}

/** The name a count opens: "100KW电堆系统" of "2000个100KW电堆系统", "重大制造业项目" of "15项左右具有…的重大制造业项目". */
function nameAfter(tail: string): string {
  let t = tail.replace(/(?:的)?(?:生产|产能)?(?:任务|目标)$/, "");
  const of = t.lastIndexOf("的");
  if (of >= 0 && of < t.length - 1) t = t.slice(of + 1);
  const etc = t.indexOf("等");
  if (etc > 0) t = t.slice(0, etc);
  return doerLast(cleanName(t));
}

/**
 * Companies counted by what they do are named by the deed, then who: "推动20家规上企业实施设备更新和技术改造" counts
 * 实施设备更新和技术改造规上企业, "推动2家企业在北交所或新三板挂牌" 北交所或新三板挂牌企业 (as "实施数字化改造的规上工业
 * 企业"); when it is due is no part of it ("…企业在12月底前达标入库").
 */
const DOER = /^((?:规上|规模以上|重点|骨干|中小|龙头|工业|制造业)*(?:工业)?企业)(在)?/;
const DEED_VERB = /实施|启动|开展|完成|实现|建成|进行|参与|接入|入选|通过|申报|挂牌|上市|进入|入库|入规|上云/;

function doerLast(name: string): string {
  const m = DOER.exec(name);
  if (!m) return name;
  const deed = name.slice(m[0].length).replace(/^(?:\d{1,2}月(?:底|末)?前|年底前|年内)(?:在)?/, "");
  const deedFirst = m[2] ? DEED_VERB.test(deed) : DEED_VERB.exec(deed)?.index === 0;
  return deedFirst && deed.length >= 4 ? `${deed}${m[1]}` : name;
}

/**
 * The one target of a clause without 分别: the figure closing it, or a count opening a name (after a verb, or
 * continuing a list: "确保完成2000个100KW电堆系统、1000个25立方米电解槽的生产任务").
 */
export function targetsOf(clause: string, continuesList: boolean): Found[] {
  const qs = findQuantities(clause);
  if (qs.length === 0) return [];
  const last = qs[qs.length - 1];
  const tail = clause.slice(last.tailStart);
  if (last.unit === "%" && SHARE_TAIL.test(tail))
    return [{ name: cleanName(clause.slice(0, last.start)) + tail, quantity: last }];
  if (EMPTY_TAIL.test(tail)) {
    const before = clause.slice(0, last.start);
    const name = cleanName(before);
    return [{ name: rateName(name, before, last.unit), quantity: last }];
  }
  // "工业投资保持10%以上增长", "保持12%以上的增速": the growth to keep.
  if (last.unit === "%" && /^\s*(?:的)?(?:增长|增速|增幅)$/.test(tail))
    return [{ name: growthName(cleanName(clause.slice(0, last.start)), ""), quantity: last }];
  // Each "、" + count continues the list in what follows it ("2000个…、1000个…"). Walked here, with the figures
  // of the whole clause found once: the list's rest as a clause of its own would find its figures again (those
  // after a "、" are the same either way) and recurse once a count, quadratic and past the stack on long lists.
  // `base` is where the rest begins; its figures keep end and tailStart relative to it, as they were.
  const out: Found[] = [];
  let base = 0;
  let k = 0;
  let continues = continuesList;
  for (;;) {
    while (k < qs.length && qs[k].start < base) k++;
    if (k === qs.length) return out;
    const first = qs[k];
    const opening = clause.slice(base, first.start);
    if (!isCountUnit(first.unit) || !(COUNT_FIRST_VERB.test(opening) || (continues && opening.trim() === "")))
      return out;
    const quantity =
      base === 0 ? first : { ...first, end: first.end - base, tailStart: first.tailStart - base };
    const tail = clause.slice(first.tailStart);
    const next = /、(?=\d)/.exec(tail);
    if (!next) {
      out.push({ name: nameAfter(tail), quantity });
      return out;
    }
    out.push({ name: nameAfter(tail.slice(0, next.index)), quantity });
    base = first.tailStart + next.index + 1;
    continues = true;
  }
}

/** A growth is named …增速, a fall …降幅 ("能耗下降3%" → 能耗降幅); any other name stays. */
export function rateName(name: string, before: string, unit: string): string {
  if (RANK_UNIT.test(unit) && /[前第]\s*$/.test(before)) return rankName(name);
  if (isGrowth(before, unit)) return growthName(name, before);
  if (isDecline(before, unit)) return declineName(name, before);
  // An amount in % is its growth, whatever the verb: "规上工业增加值要稳在6.5%以上" (not a share: "…占…").
  if (unit === "%" && AMOUNT_NAME.test(name) && !name.includes("占")) return growthName(name, before);
  return name;
}

/** A rank to reach is named by the ranking it is in: "力争在全省开发区综合考评中进入前15位" → 全省开发区综合考评排名. */
function rankName(name: string): string {
  const ranking = name
    .replace(/[前第]$/, "")
    .replace(/(?:进入|跻身|挺进|迈入|保持|稳居|位居|居|争创|进)$/, "")
    .replace(/^(?:进入|跻身|挺进|迈入|保持|稳居|位居|争创)/, "")
    .replace(/^在(.+)中$/, "$1");
  return /(?:排名|位次)$/.test(ranking) ? ranking : `${ranking}排名`;
}
