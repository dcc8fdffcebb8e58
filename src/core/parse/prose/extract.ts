// Targets out of a plan's prose, by rules: sentences → clauses → (name, figure) with year, tier and scope.
import { isCountUnit, kindOf } from "../../units";
import { splitClauses } from "./clauses";
import { explicitYear, scopeAt, soundsPast, statedYear, tierOf } from "./context";
import { pairList } from "./lists";
import { cleanName, declineName, growthName, isDecline, isGrowth, subjectOf } from "./names";
import { findQuantities, type Quantity } from "./quantities";
import { documentMonths, documentYear, splitSentences, type Sentence } from "./sentences";
import {
  clauseMood,
  continuesGrant,
  figureStatement,
  grantsMoney,
  isPolicyFigure,
  isTaskInBrackets,
  isTaskNamedAfter,
  reportsResults,
} from "./statements";
import type { ProseFact, ProseNumber, ProseOptions, ProseTarget, Statement, Tier } from "./types";

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
/** A name that is only a verb ("临江区新增8家"): the figure measures what the sentence last measured. */
const BARE_VERB =
  /^(?:冲刺|新增|完成|实现|达到|引进|签约|开工|投产|累计|累计完成|总量|规模|总额|(?:年度|全年)?(?:目标|任务|目标任务|计划)(?:数|值)?)$/;
/** Words around a task that name none: "高于8.5%的年度目标", "完成年度任务(", "与年初确定的增长". */
const TASK_TALK =
  /[(（]|(?:完成|超额完成|高于|低于|距离?|与|比|较|还差|仍差|超过|年初|确定的?|下达的?|按|全年|年度|目标任务|目标|任务|计划|数|为|增长|下降|的|[省市县区]|才能|方能|实现|确保|力争|对照|人代会|预期)/g;
/** Words of who set a task or what it is compared with: no part of its name ("…工作报告确定的增长7.5%的目标"). */
const SETTING_WORDS = /确定|下达|会议|报告|对照|相比|但|仍|与/;
/** Verbs that make a clause more than a name. */
const GOAL_VERB = /完成|实现|达到|突破|新增|引进|建成|开工|培育|推动|确保|力争|加快|提升|提高|增长|下降/;
/**
 * A clause that is only what the next ones measure: "规上工业营业收入,确保突破800亿元,力争达到850亿元" (a name
 * ending as a measure does, no figure, no verb).
 */
const MEASURE_ALONE =
  /^[\u4e00-\u9fff“”"]{2,16}(?:产值|增加值|投资|收入|利润|税收|总额|销售|用电量|出口|进出口|营收|企业|项目|增速|比重|规模)$/;
/** An amount's name, whose bare % is its growth: "(一)规上工业增加值" then "东港镇:目标8%". */
const AMOUNT_NAME = /(?:产值|增加值|投资|收入|利润|税收|总额|销售|用电量|出口|进出口|营收)$/;
/** A clause that is a place alone, opening what it says of that place: "鹤坪县:规上工业增加值增长9.1%…". */
const PLACE_ALONE = /^[\u4e00-\u9fff]{2,10}(?:市|县|区|镇|街道|乡|开发区|园区|产业园|高新区|新区)$/;
/** A sub-heading's numbering before the place it is about: "(七)荷塘乡、枫林乡、新市镇". */
const NUMBERING = /^\s*[(（][一二三四五六七八九十]+[)）]\s*/;
/** A verb a count's bare name has, that says what the last thing measured undergoes: "…实施重点工业项目62个,一季度要确保开工18个". */
const COUNT_VERB = /^(?:开工|签约|投产|竣工|建成|落地|引进|新增|入库)$/;
const LEADING_VERB_OF =
  /^(?:计划)?(?:实施|推进|建设|谋划|储备|开工|新开工|签约|投产|竣工|建成|落地|引进|新增|入库)/;
/** A clause naming what the next ones measure: "从规上工业总产值看", "新入规企业方面". */
const TOPIC = /^(?:从)?(?!分)([\u4e00-\u9fff“”"]{2,16}?)(?:来看|看|方面|情况)$/;
/** Words that compare with a target rather than name what it measures: "…,均已超过年度目标;". */
const COMPARES = /超过|超出|超额|接近|低于|高于|差距|距离|落后|快于|慢于/;
/**
 * A share closing its clause with what it applies to: "新增用地指标35%用于工业", "工业项目用地100%按“标准地”供地",
 * "重点企业100%实现数字化改造": the words after the figure complete the name.
 */
const SHARE_TAIL = /^(?:用于|按|实行|采用|纳入|接入|实现)[\u4e00-\u9fff“”"]{1,16}$/;

/** The longest name a following "占…比重" clause takes for its subject; real names are a few words. */
const MAX_SUBJECT = 64;
/**
 * A plan's sentences are a few hundred characters and state a few dozen targets in all. Past these a document
 * is no plan's prose (5 MB without a full stop states 400,000 "targets", each carrying its sentence): a target
 * keeps its sentence's first 1,000 characters, and reading stops at 10,000 targets.
 */
const MAX_SENTENCE = 1000;
/** The most places one target is given to: a county's towns and parks are a few dozen. */
const MAX_PLACES = 60;
export const MAX_PROSE_TARGETS = 10_000;

interface Found {
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
  return cleanName(t);
}

/**
 * The one target of a clause without 分别: the figure closing it, or a count opening a name (after a verb, or
 * continuing a list: "确保完成2000个100KW电堆系统、1000个25立方米电解槽的生产任务").
 */
function targetsOf(clause: string, continuesList: boolean): Found[] {
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

/** What the sentences before, in the same paragraph, leave to the next one. */
interface Carried {
  year: string;
  /** A past period was named (去年, 1-5月): the paragraph's next sentences speak of it until they say otherwise. */
  past: boolean;
  /** What the paragraph last measured: a figure without words of its own measures it ("…如下:东港镇45亿元"). */
  subject: string;
  /** The places a heading opening the paragraph named ("(二)龙潭街道。1-8月完成…"): its sentences are theirs. */
  places: string[];
  /** What each unit last measured in the paragraph (a task in a later sentence is of it). */
  namedIn: ReadonlyMap<string, string>;
}

interface Reading {
  docYear: string;
  years: string[];
  /** The places the document has named as a scope so far ("潇源经济开发区完成…"). */
  places: Set<string>;
  /** The months of the year the document reports (a 1-9月 bulletin: 9), 0 when it says none. */
  monthsDone: number;
}

/** A growth is named …增速, a fall …降幅 ("能耗下降3%" → 能耗降幅); any other name stays. */
function rateName(name: string, before: string, unit: string): string {
  if (isGrowth(before, unit)) return growthName(name, before);
  if (isDecline(before, unit)) return declineName(name, before);
  return name;
}

/** The name a figure of a clause is given when no target reading names it: the words before it, cleaned. */
/**
 * How far before a figure its surroundings are read: names and the words that say what a figure is (任务(…, 完成
 * 年度目标的, 由…提高到) are a few words. Reading all the text before every figure of a clause of 20,000 figures
 * was quadratic.
 */
const LOOK_BEHIND = 80;

function plainName(clause: string, q: Quantity, from: number): string {
  const before = clause.slice(Math.max(from, q.start - LOOK_BEHIND), q.start);
  const cut = Math.max(before.lastIndexOf("("), before.lastIndexOf("（"));
  const words = cleanName(cut >= 0 && cut > before.length - 2 ? before.slice(0, cut) : before);
  return rateName(words, before, q.unit);
}

/** `room`: how many more numbers the document may have (MAX_PROSE_TARGETS); the sentence stops there. */
function sentenceNumbers(
  s: Sentence,
  reading: Reading,
  carried: Carried,
  room: number,
): { found: ProseNumber[]; past: boolean; subject: string; places: string[]; namedIn: Map<string, string> } {
  const { docYear } = reading;
  const out: ProseNumber[] = [];
  const current = s.contextYear || docYear;
  const sentenceStatesYear = explicitYear(s.text) !== "";
  const granting = grantsMoney(s.text);
  let grantClause = false;
  let year = statedYear(s.text, current) || carried.year || s.contextYear;
  let tier: { tier: Tier; word: string } = { tier: "", word: "" };
  let scope = carried.places.join("、");
  /** The places of the scope, when it names several ("石牛镇、黄泥塘镇…"). */
  let places: string[] = carried.places;
  let headingPlaces = carried.places;
  const reportSentence = reportsResults(s.text);
  let lastName = "";
  /**
   * The last measured thing named (not its 增速): what a "完成年任务(40.2亿元)" clause is about; at first, what the
   * section is about ("(一)规上工业总产值。" then "城关镇完成9.4亿元,完成年度任务(22亿元)的42.7%").
   */
  let subject = carried.subject || s.topic;
  let lastUnit = "";
  /** Whether the last figure named was a target (a task: "年度目标任务为100家"). */
  let lastWasTarget = false;
  /**
   * Whether the last name comes from a clause without figures naming what follows, whatever its unit: "工业固定资产
   * 投资确保完成年度任务,力争达到40亿元" (not what 亿元 last measured).
   */
  let namedAhead = false;
  let sharesSeen = false;
  /** Whether the sentence has given a target yet (kept, not searched for: a sentence may have 20,000 clauses). */
  let anyTarget = false;
  // (What each unit last measured carries over the paragraph: "…增长7.2%…。对照…全年增长8%的目标,…".)
  const namedIn = new Map<string, string>(carried.namedIn);
  let prevShareEnd = -1;
  /**
   * What a figure without words of its own measures: another tier of the last figure when the units agree
   * ("确保105个、力争120个"), the subject of a growth just stated ("…增长15%,力争突破150亿元"), else what the
   * sentence last measured in the same unit ("柳桥镇完成42.8亿元" after "…完成规上工业总产值198.5亿元").
   */
  const bareName = (unit: string): string => {
    if (unit === lastUnit || namedAhead) return lastName;
    if (/(?:增速|降幅)$/.test(lastName)) return subjectOf(lastName);
    return namedIn.get(unit) ?? (subjectOf(lastName) || subject);
  };
  let mood: Statement | null = carried.past ? "result" : null;
  let moodBeforeQuote: Statement | null | undefined;
  let past = carried.past;
  const sentence = s.text.length <= MAX_SENTENCE ? s.text : `${s.text.slice(0, MAX_SENTENCE)}…`;
  for (const clause of splitClauses(s.text)) {
    if (out.length >= room) break;
    // Only a written year moves a sentence on; "每年" inside "到2027年,每年实施…" keeps 2027.
    const stated = explicitYear(clause.text);
    // 今年 / 明年 say their year even after another ("2024年…46个,今年全县要新招引…50个以上").
    // (今年 is the document's year, whatever year the paragraph opened with; 全年 is the paragraph's.)
    const relative = /今年|明年|本年|新的一年/.test(clause.text)
      ? statedYear(clause.text, docYear || current)
      : "";
    year = stated || relative || year || statedYear(clause.text, current);
    const at = scopeAt(clause.text, reading.places);
    if (at.scope) {
      // Another place opens another statement: "南湖镇…年度目标任务15亿元;北山镇完成9.1亿元" (a result).
      if (at.scope !== scope && scope !== "" && !/^(?:全|我|本)/.test(at.scope))
        mood = carried.past ? "result" : null;
      scope = at.scope;
      places = at.places;
      for (const p of at.places) if (!/^(?:全|我|本)/.test(p)) reading.places.add(p);
    }
    const said = clauseMood(clause.text, mood, s.section === "plan", reading.monthsDone);
    // A year to come opens a new statement ("目前…10人,“十四五”期间…不少于30人"); one gone by is a result.
    // (So does 今年 / 明年 after a past period: "去年…占全市的63.7%,今年要进一步提高到66%以上".)
    const toCome = stated || (relative && !/今年以来/.test(clause.text) ? relative : "");
    // (After a goal the year goes on stating it: "区人代会确定,2026年全区规上工业增加值增长8%,…".)
    if (
      toCome &&
      docYear &&
      toCome >= docYear &&
      said.said === null &&
      mood !== "target" &&
      (stated || mood === "result")
    ) {
      mood = null;
      past = false;
    }
    const moodBefore: Statement | null = mood;
    // A goal quoted to be measured against ("但与年初确定的“确保增长8%、力争增长9%”的目标仍有差距"): the mood
    // before the quote comes back after it.
    if (/[“"]/.test(clause.text) && !/[”"]/.test(clause.text.slice(clause.text.search(/[“"]/) + 1)))
      moodBeforeQuote = mood;
    if (said.said !== null) mood = said.said;
    if (said.past) past = true;
    if (said.said === "target" || said.said === "forecast") past = false;
    if (soundsPast(clause.text)) mood = "result";
    const bygone = docYear !== "" && year !== "" && year < docYear;
    const byDefault: Statement =
      (s.section === "past" || reportSentence) && !(year && docYear && year > docYear) ? "result" : "target";
    // A year gone by holds results, and forecasts of how it ends ("预计全年实现…" in a review of that year).
    const statement: Statement = bygone ? (mood === "forecast" ? "forecast" : "result") : (mood ?? byDefault);
    // A target of places listed together is each one's ("平岗县、长埠县不低于7.5%", "…,并力争各新增1家").
    // (Not of every clause after the list: "…分别新增…;岭下镇工业投资增长15%" names a place the list does not.)
    // (A list of more places than a county has is no list of towns: its targets stay one each.)
    const each =
      (at.places.length >= 2 || (places.length >= 2 && /各|均/.test(clause.text))) &&
      places.length <= MAX_PLACES
        ? places
        : [];
    const t = tierOf(clause.text);
    if (t) tier = t;
    const perYear = /每年|年均/.test(clause.text) && !stated && !sentenceStatesYear;
    // A clause without figures may name what the next clause measures ("从规上工业总产值看", "确保完成规上
    // 工业总产值年度目标,力争突破750亿元").
    const topic = TOPIC.exec(clause.text.trim());
    const alone = clause.text.replace(NUMBERING, "").trim();
    const listed = alone.split("、");
    if (listed.length > 1 && listed.every((p) => PLACE_ALONE.test(p))) {
      scope = alone;
      places = headingPlaces = listed;
    } else if (PLACE_ALONE.test(alone)) {
      scope = alone;
      places = headingPlaces = [alone];
    }
    if (PLACE_ALONE.test(clause.text.trim())) scope = clause.text.trim();
    else if (topic) {
      // (It names the next figures whatever their unit: "技改投资方面,高新区完成60亿元".)
      subject = cleanName(topic[1]);
      lastName = subject;
      namedAhead = true;
    } else if (MEASURE_ALONE.test(clause.text.trim()) && !GOAL_VERB.test(clause.text)) {
      lastName = cleanName(clause.text.trim());
      namedAhead = true;
    } else if (
      findQuantities(clause.text).length === 0 &&
      ((/目标|任务/.test(clause.text) && !COMPARES.test(clause.text)) ||
        s.text[clause.start + clause.text.length] === ":")
    ) {
      // (Or a clause opening a list: "二季度规上工业产值确保完成:装备制造园86亿元、…".)
      // ("规上工业增加值在完成年度目标的基础上,确保增长9%": the words before 在…基础上 name it.)
      const words = cleanName(
        clause.text
          .replace(/在[^,，;；]{0,20}?基础上$/, "")
          .replace(/(?:分解|下达|安排|分配)?(?:如下|为|到各[\u4e00-\u9fff]{1,4})$/, "")
          // ("区级任务分解为:高新区20家、…": who breaks it down names nothing; nor how, "…按季度推进:".)
          .replace(/^(?:[区市县镇]级)/, "")
          .replace(/(?:按(?:季度|月度?|年度?))?(?:推进|安排|落实)$/, "")
          .replace(/(?:的)?(?:年度|全年)?(?:目标|任务)(?:任务)?$/, ""),
      );
      if (words.length >= 2 && words.length <= MAX_SUBJECT) {
        lastName = words;
        namedAhead = true;
      }
    }
    grantClause = granting && continuesGrant(clause.text, grantClause);
    // (Places named in an earlier clause share a 分别 list too: "桐林镇、石湾镇要…,力争…产值分别达到48亿元、…".)
    const pairs = pairList(at.rest, at.places.length >= 2 ? at.places : places);
    const found: Found[] =
      pairs?.map((p) => ({ name: cleanName(p.name), quantity: p.quantity, scope: p.scope })) ??
      targetsOf(at.rest, anyTarget);
    // The figures a target reading names; then, for the facts, the clause's other figures by the words before
    // them. Those others are never targets (a project's 总投资10亿元 inside a sentence is no goal), unless one is
    // the year's task in brackets of a progress clause. (A 分别 list's figures are all named already.)
    const named = new Set(found.map((f) => f.quantity.start));
    const others = pairs
      ? []
      : findQuantities(at.rest)
          .filter((q) => !named.has(q.start))
          .map((q) => ({ name: "", quantity: q, scope: undefined, other: true }));
    const figures = [...found.map((f) => ({ ...f, other: false })), ...others].sort(
      (a, b) => a.quantity.start - b.quantity.start,
    );
    let previousEnd = 0;
    for (const f of figures) {
      // (A 分别 list's figures stand after its names: what precedes them is the clause up to its first figure.)
      const upTo = pairs ? Math.max(0, at.rest.search(/\d/)) : f.quantity.start;
      const before = at.rest.slice(Math.max(0, upTo - LOOK_BEHIND), upTo);
      const after = at.rest.slice(f.quantity.tailStart, f.quantity.tailStart + LOOK_BEHIND);
      let kind = figureStatement(before, f.quantity.unit, statement, after);
      // "石门镇已完成年度任务的70%以上,长岭镇仅完成41.6%": a share after shares of the task is one too.
      // ("…分别完成年度任务的86.3%和81.5%": a share joined to a share is one too.)
      const joined =
        prevShareEnd >= 0 && /^\s*(?:和|、|及|与)\s*$/.test(at.rest.slice(prevShareEnd, f.quantity.start));
      // ("…年度目标任务为100家,完成86%": a share completed, after a task of another unit, is progress.)
      const afterTask = lastWasTarget && lastUnit !== "%" && said.said === null;
      if (
        kind !== "progress" &&
        f.quantity.unit === "%" &&
        (((sharesSeen || afterTask) && /完成(?:了)?$/.test(before)) || joined)
      )
        kind = "progress";
      prevShareEnd = kind === "progress" ? f.quantity.tailStart : -1;
      if (kind === "progress") sharesSeen = true;
      // The year's task inside a progress clause is a target about the clause's subject, unless that year is gone.
      const task = isTaskInBrackets(before, after);
      if (f.other && kind === "target" && !task) continue;
      // (Words inside the brackets name the task themselves: "完成年度招商任务(签约项目40个)的57.5%".)
      const inside = task ? /[(（]([^()（）\d,，;；]{2,12})$/.exec(before)?.[1] : undefined;
      const bracketWords =
        inside && !/^(?:增长|下降|降低|提高|减少|(?:年度|全年)?(?:任务|目标)(?:数)?[:：为]?)$/.test(inside)
          ? inside
          : undefined;
      // (A task's own words name it when they are a name: "确保完成新增规上工业企业160家的目标任务"; "高于8.5%的
      // 年度目标" and "完成年度任务(22亿元)" name none.)
      const ownWords =
        task && !pairs && isTaskNamedAfter(before, after) ? cleanName(before.replace(/^.*[\d%)）]/, "")) : "";
      const ownName =
        ownWords.replace(TASK_TALK, "").length >= 2 &&
        !BARE_VERB.test(ownWords) &&
        !SETTING_WORDS.test(ownWords)
          ? rateName(ownWords, before, f.quantity.unit)
          : "";
      let name = task
        ? (bracketWords && cleanName(bracketWords)) ||
          ownName ||
          // ("泓州高新区下降2.4%(年度目标12%)": the target is still a growth.)
          (namedIn.get(f.quantity.unit) ?? "").replace(
            /降幅$/,
            /下降|降低|减少/.test(before.replace(/^.*[\d%]/, "")) ? "降幅" : "增速",
          ) ||
          subject ||
          lastName
        : f.other
          ? plainName(at.rest, f.quantity, previousEnd)
          : f.name;
      // No words of its own: another tier of the last figure's indicator when the units agree ("确保105个、力争
      // 120个"), else the thing last measured ("确保…增长15%,力争突破150亿元").
      if (!name || BARE_VERB.test(name)) {
        const verb = COUNT_VERB.test(name) && isCountUnit(f.quantity.unit) ? name : "";
        name = bareName(f.quantity.unit);
        // ("实施重点工业项目" then "确保开工18个": 开工重点工业项目.)
        if (verb && LEADING_VERB_OF.test(name)) name = name.replace(LEADING_VERB_OF, verb);
        if (f.quantity.unit === "%" && AMOUNT_NAME.test(name)) name = growthName(name, "");
      }
      // "…2594.5亿元,同比增长14%": a bare growth is the growth of what the sentence last measured.
      if (/^(?:年均)?(?:增速|降幅)$/.test(name) && (lastName || subject))
        name = subjectOf(lastName || subject) + name;
      // (A subject of a few words only: "A100亿元,占1%,占2%,…" would grow it by each clause, quadratic.)
      if (name.startsWith("占") && lastName && lastName.length <= MAX_SUBJECT)
        name = subjectOf(lastName) + name;
      if (name.length < 2) continue;
      if (kind === "target" && isPolicyFigure(at.rest, before, f.quantity.unit, grantClause)) kind = "policy";
      // A share of a task done names no new subject ("完成年度目标的72.5%"): the next figures keep the last.
      if (kind !== "progress") {
        lastName = name;
        lastUnit = f.quantity.unit;
        // What each unit last measured, for a task in brackets ("…增长9.2%,高于全市1.5个百分点,…高于年度目标
        // (8.5%)"); a gap in 个百分点 measures nothing of its own.
        if (f.quantity.unit !== "个百分点" && !/^(?:比|较)/.test(name)) namedIn.set(f.quantity.unit, name);
        // (A gap in 个百分点, "比上半年加快0.5个百分点", measures nothing a later task could be of; nor does a
        // comparison or a rank, "比一季度前移3位", "居全市38个区县第17位".)
        if (!/增速|增长|占|比重|率$/.test(name) && f.quantity.unit !== "个百分点" && !/^(?:比|较)/.test(name))
          subject = name;
        lastWasTarget = kind === "target";
        namedAhead = false;
      }
      if (kind === "target") anyTarget = true;
      previousEnd = f.quantity.tailStart;
      const { value, unit, op } = f.quantity;
      const scopes = f.scope ? [f.scope] : kind === "target" && each.length >= 2 && !pairs ? each : [scope];
      for (const figureScope of scopes)
        out.push({
          indicator: name,
          value,
          unit,
          op,
          kind: kindOf(name, unit),
          statement: kind,
          tier: kind === "target" ? tier.tier : "",
          tierWord: kind === "target" ? tier.word : "",
          year: perYear ? "" : year,
          perYear: perYear && kind === "target",
          years: perYear ? reading.years : year ? [year] : [],
          scope: figureScope,
          sentence,
          start: s.start,
          end: s.end,
        });
      if (out.length >= room) break;
    }
    if (moodBeforeQuote !== undefined && /[”"](?:的)?(?:年度|全年)?目标/.test(clause.text)) {
      mood = moodBeforeQuote;
      moodBeforeQuote = undefined;
    }
    // (A report's "年度目标为33亿元" sets no goal for what follows: "…,完成进度66.1%;完成工业投资3.9亿元".)
    if (
      said.taskOnly &&
      s.section !== "plan" &&
      (s.section === "past" || reading.monthsDone > 0 || reportSentence)
    )
      mood = moodBefore;
  }
  // (A sub-heading naming a season, "(一)一季度“开门红”。", names the period its goals are for: no past.)
  const heading = NUMBERING.test(s.text) && out.length === 0 && s.text.length <= 40;
  return { found: out, past: heading ? carried.past : past, subject, places: headingPlaces, namedIn };
}

export interface ProseReading {
  /** The numbers the text sets as goals. */
  targets: ProseTarget[];
  /** Every other number of the prose, with what it is: results, forecasts, progress. */
  facts: ProseFact[];
}

/**
 * Reads the numbers a document states in its sentences, each with what it is (a target, a result, a forecast,
 * progress). Table rows (附件) are skipped. The input is the document's plain text, whatever it was read from
 * (.txt, a .docx's paragraphs).
 */
export function readProse(text: string, options: ProseOptions = {}): ProseReading {
  const reading: Reading = {
    docYear: options.year ?? documentYear(text),
    years: options.years ?? [],
    places: new Set(),
    monthsDone: documentMonths(text),
  };
  const targets: ProseTarget[] = [];
  const facts: ProseFact[] = [];
  let paragraph = -1;
  let carried: Carried = { year: "", past: false, subject: "", places: [], namedIn: new Map() };
  for (const s of splitSentences(text)) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      carried = { year: "", past: false, subject: "", places: [], namedIn: new Map() };
    }
    const room = MAX_PROSE_TARGETS - targets.length - facts.length;
    const { found, past, subject, places, namedIn } = sentenceNumbers(s, reading, carried, room);
    for (const n of found) {
      if (n.statement === "target") targets.push(n as ProseTarget);
      else facts.push(n as ProseFact);
    }
    if (targets.length + facts.length >= MAX_PROSE_TARGETS) break;
    carried = {
      year: statedYear(s.text, s.contextYear || reading.docYear) || carried.year,
      past,
      subject,
      places,
      namedIn,
    };
  }
  return { targets, facts };
}

/** The targets alone (see readProse). */
export function extractProseTargets(text: string, options: ProseOptions = {}): ProseTarget[] {
  return readProse(text, options).targets;
}
