// Targets out of a plan's prose, by rules: sentences → clauses → (name, figure) with year, tier and scope.
import { isCountUnit, kindOf } from "../../units";
import { splitClauses } from "./clauses";
import { explicitYear, scopeAt, soundsPast, statedYear, tierOf } from "./context";
import { pairList } from "./lists";
import { targetsOf, rateName, type Found } from "./clauseTargets";
import { cleanName, subjectOf } from "./names";
import {
  BARE_VERB,
  COMPARES,
  COUNT_VERB,
  GOAL_VERB,
  LEADING_VERB_OF,
  MANNER_ALONE,
  MEASURE_ALONE,
  NUMBERING,
  PLACE_ALONE,
  SETTING_WORDS,
  TASK_DOER,
  TASK_SETTER,
  TASK_TALK,
  TOPIC,
} from "./namingWords";
import { findQuantities, RANK_UNIT, type Quantity } from "./quantities";
import { documentMonths, documentYear, splitSentences, type Sentence } from "./sentences";
import {
  clauseMood,
  continuesGrant,
  figureStatement,
  grantsMoney,
  isPolicyFigure,
  isTaskFigure,
  isTaskNamedAfter,
  reportsResults,
} from "./statements";
import type { ProseFact, ProseNumber, ProseOptions, ProseTarget, Statement, Tier } from "./types";

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

/** Words of an assessment's marking, right before its figure. */
const SCORING =
  /(?:权重|分值|得分|扣分|加分|赋分)的?(?:不低于|不少于|不超过|为|占|达到|(?:提高|提升|调整|增加)(?:到|至|为))?$/;
/**
 * How far before a figure its surroundings are read: names and the words that say what a figure is (任务(…, 完成
 * 年度目标的, 由…提高到) are a few words. Reading all the text before every figure of a clause of 20,000 figures
 * was quadratic.
 */
const LOOK_BEHIND = 80;

/** The name a figure of a clause is given when no target reading names it: the words before it, cleaned. */
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
  /** The statement of the sentence's last figure. */
  let lastKind: Statement | null = null;
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
      // (Nor does its tier carry: "石门镇…确保增长8%,力争增长10%;东岭街道全年目标为33.5亿元".)
      if (at.scope !== scope && scope !== "" && !/^(?:全|我|本)/.test(at.scope)) {
        mood = carried.past ? "result" : null;
        tier = { tier: "", word: "" };
      }
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
    const reviewing = byDefault === "result" && mood !== "target" && mood !== "forecast";
    // A target of places listed together is each one's ("平岗县、长埠县不低于7.5%", "…,并力争各新增1家").
    // (Not of every clause after the list: "…分别新增…;岭下镇工业投资增长15%" names a place the list does not.)
    // (A list of more places than a county has is no list of towns: its targets stay one each.)
    const each =
      (at.places.length >= 2 || (places.length >= 2 && /各|均/.test(clause.text))) &&
      places.length <= MAX_PLACES &&
      // ("澜州经开区、澜州高新区合计不少于120万平方米": one figure for the places together.)
      !/合计|共计|总计|一共/.test(clause.text)
        ? places
        : [];
    const t = tierOf(clause.text);
    if (t) tier = t;
    const perYear = /每年|年均/.test(clause.text) && !stated && !sentenceStatesYear;
    // A clause without figures may name what the next clause measures ("从规上工业总产值看", "确保完成规上
    // 工业总产值年度目标,力争突破750亿元").
    const topic = TOPIC.exec(clause.text.trim());
    // A clause that is places alone, numbered or not ("鹤坪县:", "(七)荷塘乡、枫林乡、新市镇。"), opens what
    // the clauses after it say of them.
    const alone = clause.text.replace(NUMBERING, "").trim();
    const placesAlone = alone.split("、");
    if (placesAlone.every((p) => PLACE_ALONE.test(p))) {
      scope = alone;
      places = headingPlaces = placesAlone;
    } else if (topic) {
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
          // ("…任务分解到村(社区):": where it goes names nothing either.)
          .replace(
            /(?:(?:分解|下达|安排|分配)?(?:如下|为|到各[\u4e00-\u9fff]{1,4})|(?:分解|下达|分配)(?:到|至|给)[\u4e00-\u9fff]{1,4}(?:[(（][^()（）]{1,6}[)）])?)$/,
            "",
          )
          // ("区级任务分解为:高新区20家、…": who breaks it down names nothing; nor how, "…按季度推进:".)
          .replace(/^(?:[区市县镇]级)/, "")
          .replace(/(?:按(?:季度|月度?|年度?))?(?:推进|安排|落实)$/, "")
          .replace(/(?:的)?(?:年度|全年)?(?:目标|任务)(?:任务)?$/, ""),
      );
      // ("青杉镇新增3家,已提前完成年度任务": how a task was done names nothing.)
      if (words.length >= 2 && words.length <= MAX_SUBJECT && !MANNER_ALONE.test(words)) {
        lastName = words;
        namedAhead = true;
      }
    }
    grantClause = granting && continuesGrant(clause.text, grantClause);
    // (Places named in an earlier clause share a 分别 list too: "桐林镇、石湾镇要…,力争…产值分别达到48亿元、…".)
    const pairs = pairList(at.rest, at.places.length >= 2 ? at.places : places);
    const found: Found[] =
      // ("南川区、北浦区规上工业总产值年均分别增长10%和9%": each place's growth.)
      pairs?.map((p) => ({
        name: rateName(cleanName(p.name), p.name, p.quantity.unit),
        quantity: p.quantity,
        scope: p.scope,
      })) ?? targetsOf(at.rest, anyTarget);
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
      let kind = figureStatement(before, f.quantity.unit, statement, after, reviewing);
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
      const task = isTaskFigure(before, after);
      if (f.other && kind === "target" && !task) continue;
      // "…已开工23个,开工率74.2%": the rate of what was just reported done is done too.
      if (
        kind === "target" &&
        said.said === null &&
        !(docYear && year > docYear) &&
        lastKind === "result" &&
        /率$/.test(f.name) &&
        f.quantity.unit === "%"
      )
        kind = "result";
      // The weight or score of an assessment is how targets are marked, none to reach: "工业类指标权重不低于40%".
      if (kind === "target" && SCORING.test(before)) continue;
      // (Words inside the brackets name the task themselves: "完成年度招商任务(签约项目40个)的57.5%".)
      const inside = task ? /[(（]([^()（）\d,，;；]{2,12})$/.exec(before)?.[1] : undefined;
      const bracketWords =
        inside && !/^(?:增长|下降|降低|提高|减少|(?:年度|全年)?(?:任务|目标)(?:数)?[:：为]?)$/.test(inside)
          ? inside
          : undefined;
      // (A task's own words name it when they are a name: "确保完成新增规上工业企业160家的目标任务"; "高于8.5%的
      // 年度目标" and "完成年度任务(22亿元)" name none.)
      // ("工业投资完成市下达年度任务63亿元的92.4%": the words before 完成 name the task; who set it does not.)
      // ("超额完成县下达我镇签约亿元以上工业项目5个的目标任务": who set it and for whom name nothing.)
      const ownText = before.replace(/^.*[\d%)）]/, "").replace(TASK_SETTER, "");
      const doer = TASK_DOER.exec(ownText)?.[1];
      const ownWords = task && !pairs && isTaskNamedAfter(before, after) ? cleanName(doer ?? ownText) : "";
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
          // (A year's task is no running total: "…累计完成投资63.4亿元,完成年度计划(125亿元)" is 投资's task.)
          (namedIn.get(f.quantity.unit) ?? "")
            .replace(/累计/, "")
            .replace(/降幅$/, /下降|降低|减少/.test(before.replace(/^.*[\d%]/, "")) ? "降幅" : "增速") ||
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
        if (f.quantity.unit === "%") name = rateName(name, "", "%");
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
        // (A comparison, "比1-9月回落0.4个百分点", names nothing a later figure could be of.)
        // (Nor does a rank, "居全市第2位": the next bare growth is not the rank's.)
        const comparison = /^(?:比|较)/.test(name) || RANK_UNIT.test(f.quantity.unit);
        if (!comparison) lastName = name;
        lastUnit = f.quantity.unit;
        // What each unit last measured, for a task in brackets ("…增长9.2%,高于全市1.5个百分点,…高于年度目标
        // (8.5%)"); a gap in 个百分点 measures nothing of its own.
        if (f.quantity.unit !== "个百分点" && !comparison) namedIn.set(f.quantity.unit, name);
        // (A gap in 个百分点, "比上半年加快0.5个百分点", measures nothing a later task could be of; nor does a
        // comparison or a rank, "比一季度前移3位", "居全市38个区县第17位".)
        if (!/增速|增长|占|比重|率$/.test(name) && f.quantity.unit !== "个百分点" && !comparison)
          subject = name;
        lastWasTarget = kind === "target";
        namedAhead = false;
      }
      if (kind === "target") anyTarget = true;
      lastKind = kind;
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
