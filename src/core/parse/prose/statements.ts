// What a clause says its numbers are: a target, a result, a forecast or progress (types.ts, Statement). Work
// reports, half-year summaries and speeches mix the year's targets with the results of its first months, the
// forecast for the half year and the share of the task done; clerks would rather miss a target than be handed a
// result as one, so a number is a target only when nothing around it says otherwise.
import type { Statement } from "./types";
import { CHANGED_TO } from "./namingWords";
import { RANK_UNIT } from "./quantities";

/**
 * The year's task named without brackets: "完成年度目标任务68亿元的60.7%" (before the figure; the 的 follows it).
 * Also the second task of a bracket of two: "分别完成年度目标(13亿元、12亿元)的66.2%、65.8%".
 */
const TASK_INLINE =
  /(?:完成|占|达到|为)(?:了)?(?:[省市县区]?下达(?:的)?)?(?:年度|全年)?(?:目标任务|目标|任务|计划)(?:数)?$/;
const TASK_BRACKET_GOES_ON = /(?:目标任务|任务|目标|计划)(?:数|值)?\s*[(（][\d.]+[^()（）\d]{0,4}、\s*$/;
/** Progress said as such: "完成进度66.1%", "完成率82%", "仅完成63%". */
const PROGRESS_SAID = /(?:完成进度|进度|完成率|完成比例)(?:分别)?(?:为|达到?|是)?$|(?:仅|只|已)完成(?:了)?$/;
/** The year's task named inside a progress sentence: "完成年任务(40.2亿元)的32.5%" → 40.2亿元 is a target. */
const TASK_IN_BRACKETS =
  /(?:(?:目标任务|任务|目标|计划|预算)(?:数|值|投资|增速|增幅)?\s*[(（][^()（）\d,，;；]{0,12}?|[(（]\s*(?:年度|全年)?(?:目标任务|任务|目标)(?:数)?\s*[:：为]?)\s*(?:增长|下降|降低|提高)?\s*$/;
/** A share of a task done: "完成全年目标的56.6%", "占任务数的45%", "完成年计划的44.3%". */
const SHARE_OF_TASK =
  /(?:完成|占|(?<!下)达到|(?<!下)达|为|实现)(?:了)?[^,，;；。]{0,16}?(?:目标任务|目标|任务|计划|预算)(?:数|值|量|投资)?(?:\([^()]*\)|\s*[\d.]+(?:万|亿)?[\u4e00-\u9fff]{0,3})?的?\s*$/;
/** Against the schedule or the target: "超序时进度6.6个百分点", "高于市政府下达目标4个百分点", "落后序时进度". */
const AGAINST_TARGET =
  /(?:序时|时序|时间)进度|(?:高于|低于|超过|超出|快于|慢于|落后于?|距离?)[^\d,，;；]{0,12}(?:目标|任务)/;
/**
 * A gap to a target in 个百分点: "高于8.5%的年度目标0.1个百分点", "比年度目标(8.5%)高0.4个百分点", "距8%的年度目标还差
 * 0.9个百分点", "与…年度目标相比仍差0.6个百分点".
 */
const GAP_TO_TARGET =
  /(?:目标|任务)[^,，;；]{0,16}(?:高|低|差|超|快|慢|落后|相比|持平)[^,，;；\d]{0,4}$|(?:高于|低于|距离?|相差|差距)[^,，;；]{0,16}(?:目标|任务)[^,，;；\d]{0,6}$/;

const FORECAST = /预计|预测|有望|可望|预估|估计/;
/**
 * Talk of progress against a target: "完成年度任务(98亿元)的42.4%", "占任务数的42.3%", "低于序时进度6.2个百分点".
 * Its 目标 and 任务 name the target a result is measured against, so they set no goal themselves.
 */
const PROGRESS_TALK =
  /(?:完成|占|(?<!下)达到|(?<!下)达|为|实现|超|低于|高于|滞后于?|落后于?|快于|慢于)(?:了)?[^,，;；。]{0,16}?(?:目标任务|目标|任务|计划|进度)(?:数|值|量|投资)?(?:\s*[(（][^()（）]*[)）]|\s*[\d.]+(?:万|亿)?[\u4e00-\u9fff]{0,3}(?=的))?的?/g;
/**
 * Words that set a goal. 预期 is the 政府工作报告's 预期目标; 下达 a target handed down ("下达我县…目标任务19家").
 * (目标 and 任务 in a share of a task are caught first, per figure.)
 */
const GOAL =
  /目标|任务|确保|力争|奋斗|争取|保底|预期|下达|计划(?!总投资)|努力|要求|确定|(?<!评)定为|明确|[需须](?:要)?(?:分别)?完成|必须|要(?:分别)?(?:确保|力争|完成|实现|达到|突破|新(?:增|招引|开工|建|培育|签约)|引进|培育|建成|开工|投产|签约|争取|推动|实施)/;
/** The words that name a task without setting one: what remains of a clause after them sets a goal or not. */
const TASK_WORDS = /(?:年度|全年)?(?:目标任务|目标|任务)(?:数|值)?(?:为|是)?/g;
/**
 * A sentence that reports: it compares with a period before (同比) and has no word of a goal or a forecast.
 * ("从区域看,岷川经开区完成产值31.6亿元,占全县的60.4%,同比增长9.1%": all of it is results.)
 */
export function reportsResults(sentence: string): boolean {
  if (!COMPARED.test(sentence) || FORECAST.test(sentence)) return false;
  const words = sentence.replace(PROGRESS_TALK, "").replace(SEEKING_FUNDS, "").replace(BRACKETED, "");
  // (Nor a modal: "石桥镇要巩固良好势头,全年规上工业总产值完成38亿元,同比增长12%" sets the town's goals.)
  return !GOAL.test(words) && !/(?<![主重需只])要(?!求)|[须需]|将/.test(words);
}
/** 争取 of funds or policies ("帮助企业争取各级奖补资金"): seeking money, not a stretch goal. */
export const SEEKING_FUNDS = /争取(?=[^,，;；]{0,8}(?:资金|政策|支持|奖补|专项|项目资金))/g;
/** A sentence granting money: its amounts and the thresholds it pays for are a policy's, no goal. */
const GRANT = /奖励|补助|补贴|奖补|资助|给予[^,，;；]{0,8}(?:支持|奖|补)/;
/** A clause stating whom a grant is for: "对年营业收入首次突破10亿元、50亿元的企业". */
const GRANT_CONDITION = /^对.+(?:的|企业|项目|单位)$/;
/** Money a policy sets aside: "安排…专项资金3亿元", "最高补助300万元", "一次性奖励50万元". */
const POLICY_MONEY =
  /(?:(?:奖励|补助|补贴|奖补|资助|最高|一次性|专项资金|扶持资金|引导资金|奖补资金|引导基金|产业基金)[^,，;；]{0,8}|安排[^,，;；]{0,16}(?:资金|经费)[^,，;；]{0,4}|专项经费|工作经费)$/;

/** An item's numbering before its words: "(三)对开票销售首次突破10亿元…". */
const NUMBERED = /^[(（][一二三四五六七八九十]+[)）]\s*/;
/** Whether a sentence grants money (its conditions and amounts are then policy). */
export function grantsMoney(sentence: string): boolean {
  return GRANT.test(sentence);
}

/**
 * A figure of a policy: money set aside or granted, any money of a sentence granting it (the amounts and the
 * thresholds they pay for: "对年营业收入首次突破10亿元、50亿元的企业,分别奖励50万元、100万元"), or a threshold
 * of a clause stating whom a grant is for.
 */
export function isPolicyFigure(clause: string, before: string, unit: string, granting: boolean): boolean {
  const money = /元$/.test(unit);
  if (money && POLICY_MONEY.test(before)) return true;
  // (`granting`: the clause belongs to a grant, continuesGrant: its figures are the grant's amounts and conditions.)
  const t = clause.trim().replace(NUMBERED, "");
  return granting && (money || GRANT_CONDITION.test(t) || /^对/.test(t));
}

/**
 * Whether a clause of a granting sentence belongs to the grant: it grants ("分别奖励50万元") or states whom for
 * ("对年营业收入首次突破10亿元"), or it continues such a clause's list with figures alone ("50亿元", "100亿元的企业").
 */
export function continuesGrant(clause: string, previousWasGrant: boolean): boolean {
  const t = clause.trim().replace(NUMBERED, "");
  if (GRANT.test(t) || /^对/.test(t)) return true;
  return (
    previousWasGrant && t.replace(/[\d.]+|[\u4e00-\u9fff]{0,2}元|的|企业|项目|单位|以上/g, "").length <= 2
  );
}
/**
 * A past period: the first months (1-8月), a quarter, 上半年, 今年以来, last year, 截至, 目前, 已. "比上年增长8%" is
 * a target's comparison, not a past period: 上年 and 去年 count only without 比/较 before them.
 */
const PAST_PERIOD =
  /(?<![\d.])1\s*[-—–~～至]\s*\d{1,2}\s*月|今年以来|年初以来|(?<![比较])(?:去年|上年)|截至|截止|目前|已(?!(?:签约|建成|投产|开工|备案|落地)未)|(?:被)?评(?:定)?为|刚刚过去|[一二三四五六七八九十]年来|实际(?=增长|完成|实现|下降|达到)/;
/**
 * A part of the year: a result's period in a report ("上半年,全市…增长13%"), a target's in a plan ("确保一季度增长
 * 6%以上、上半年增长7.5%以上"): it speaks of results unless the sentence is setting goals.
 */
const SEASON = /[一二三四1-4]季度|前三季度|上半年/;
/** The month a season ends with: it is over once the document's months reach it. */
const SEASON_END: Record<string, number> = {
  前三季度: 9,
  上半年: 6,
  一季度: 3,
  二季度: 6,
  三季度: 9,
  四季度: 12,
};
function seasonEnd(season: string): number {
  return (
    SEASON_END[season.replace(/^([1-4])季度$/, (_, d: string) => "一二三四"[Number(d) - 1] + "季度")] ?? 0
  );
}
const MONTH_SPAN = /(?<![\d.])1\s*[-—–~～至]\s*(\d{1,2})\s*月/;
/** A comparison with a period before: a result's, or a forecast's when the sentence forecasts. */
const COMPARED = /同比|比上年同期|较上年同期|比去年同期|同期/;

export interface ClauseMood {
  /** What the clause's own words say, or null when they say nothing. */
  said: Statement | null;
  /** A past period is named (1-5月, 上半年, 去年): it carries to the next sentences of the paragraph. */
  past: boolean;
  /**
   * The clause names the year's task and sets nothing else ("年度目标为33亿元", "目标任务23亿元"): in a report of
   * results its figure is a target, and the next clauses report again ("…,完成进度66.1%;完成工业投资3.9亿元").
   */
  taskOnly?: boolean;
}

const BRACKETED = /[(（][^()（）]*[)）]/g;

/**
 * What a clause's words say of its numbers, before each figure is looked at on its own. `planning`: the clause
 * stands in a section of goals (二、下半年工作打算), where a season is a goal's period ("三季度增速保持在9%以上").
 */
export function clauseMood(
  clause: string,
  carried: Statement | null,
  planning = false,
  monthsDone = 0,
): ClauseMood {
  if (FORECAST.test(clause)) return { said: "forecast", past: false };
  // (A target in brackets, "增长9.1%(年度目标8.5%)", is read per figure: it makes no goal of the clause.)
  const withoutProgress = clause.replace(PROGRESS_TALK, "");
  const goalWords = withoutProgress.replace(SEEKING_FUNDS, "").replace(BRACKETED, "");
  if (GOAL.test(goalWords))
    return { said: "target", past: false, taskOnly: !GOAL.test(goalWords.replace(TASK_WORDS, "")) };
  // (A span of months beyond those the report covers is to come: "1-8月…累计完成1476亿元以上" in a 1-7月 通报.)
  const span = MONTH_SPAN.exec(clause);
  const spanToCome = span !== null && monthsDone > 0 && Number(span[1]) > monthsDone;
  if (PAST_PERIOD.test(spanToCome ? clause.replace(span[0], "") : clause))
    return { said: "result", past: true };
  // "11月当月新增9家" in a 1-11月 通报 is a result; "6月当月新增…不少于15户" in a 1-5月 one is a goal.
  const month = /(?:(\d{1,2})月(?:份)?)?当月/.exec(clause);
  if (month && monthsDone > 0 && (!month[1] || Number(month[1]) <= monthsDone))
    return { said: "result", past: true };
  // (In a section of goals a season is a goal's period, unless the clause reports what it achieved.)
  const reports = /实现|完成|合计|累计/.test(clause);
  // (After a goal, outside a section of goals, a season that completed something reports it: "全区工业投资年度
  // 目标为128亿元,一季度完成年度目标的25.5%".)
  // (A season still to come, in a document of the year's first months, is a goal's period: "四季度完成…" in a
  // 1-9月 bulletin; `monthsDone`, the months the document reports, 0 when it says none.)
  const season = SEASON.exec(clause)?.[0];
  const toCome = season !== undefined && monthsDone > 0 && seasonEnd(season) > monthsDone;
  if (season && !toCome && !planning && (carried !== "target" || reports))
    return { said: "result", past: true };
  // Progress against a target speaks of results ("…,占任务数的42.3%,其中“小升规”企业7家").
  // In a sentence setting goals it is one more goal ("确保…,工业投资完成年度目标的50%以上").
  if (withoutProgress.length < clause.length)
    return { said: carried === "forecast" || carried === "target" ? carried : "result", past: false };
  // (After a goal, "…完成产值85亿元,同比增长20%以上" is the goal's growth.)
  // A comparison with a period before reports a result, unless the sentence forecasts or sets a goal. (Left
  // to the section instead, it gained recall and lost precision on the labelled texts: clerks prefer the miss.)
  if (COMPARED.test(clause))
    return { said: carried === "forecast" || carried === "target" ? carried : "result", past: false };
  return { said: null, past: false };
}

/**
 * The statement of one figure: its own surroundings first (a task in brackets, a share of a task), then the clause's.
 * `reviewing`: the sentence is in a review of what was done, and says no goal.
 */
export function figureStatement(
  before: string,
  unit: string,
  clauseStatement: Statement,
  after = "",
  reviewing = false,
): Statement {
  if (isTaskFigure(before, after)) return "target";
  // (A rate of completion to reach is a goal: "确保年内35个市级重点项目投资完成率达到100%".)
  if (unit === "%" && PROGRESS_SAID.test(before))
    return clauseStatement === "target" && RATE_TO_REACH.test(before) ? "target" : "progress";
  // "区内现有规模工业企业412家", "全区共有…": what exists now.
  if (
    /(?:现有|共有|拥有)[^,，;；\d]{0,16}$/.test(before) &&
    !/(?:确保|力争|达到|要|争取)[^,，;；]*$/.test(before)
  )
    return "result";
  // A figure with its target in brackets after it is the result measured against it: "增长9.1%(年度目标8.5%)".
  if (TARGET_FOLLOWS.test(after)) return clauseStatement === "forecast" ? "forecast" : "result";
  // "由目前的12.4万元/亩提高到18万元/亩": the figure the change goes to is the goal.
  // (In a review of what was done it is what was reached: "全市生产总值由2020年的1752亿元增加到2386.5亿元". The
  // clause's own statement cannot say so: the figure it starts from is past in any plan, "由目前的12.4万元/亩".)
  if (CHANGED_TO.test(before)) return reviewing ? "result" : "target";
  // A share of the task to reach is a goal ("确保…工业投资完成年度目标的50%以上"); one reached is progress.
  if ((unit === "%" || unit === "个百分点") && SHARE_OF_TASK.test(before))
    return clauseStatement === "target" ? "target" : "progress";
  if (AGAINST_TARGET.test(before)) return "progress";
  if (
    unit === "个百分点" &&
    (GAP_TO_TARGET.test(before) || /^\s*(?:尚|还|仍)(?:有)?(?:差(?:距)?|低|高)$/.test(before))
  )
    return "progress";
  // "距全年目标,…还差18.6亿元", "存在缺口12亿元": how far a result is from its target, whatever its unit.
  if (AMOUNT_SHORT.test(before)) return "progress";
  // "…仅投产5个", "只开工3个": what little was done.
  if (
    /(?:仅|只|才)(?:有|完成|实现|投产|开工|签约|竣工|入库|入规|新增)$/.test(before) &&
    clauseStatement !== "forecast"
  )
    return "result";
  // "…已开工11个": what is done already, after a plan in the same clause.
  if (
    /已(?:经)?(?:开工|完成|实现|签约|投产|竣工|入库|入规|建成|落地)$/.test(before) &&
    clauseStatement !== "forecast"
  )
    return "result";
  // "增速居全市第5位": a place held is a result, unless the clause seeks it ("力争居全市第1位").
  if (
    RANK_UNIT.test(unit) &&
    /第$/.test(before) &&
    !/(?:确保|力争|争取|要|保持|进入|跻身|争创)[^,，;；]*$/.test(before)
  )
    return "result";
  // "…,比上年增加0.6亿元": the change from last year, not a goal of its own.
  if (/^\s*(?:比|较)(?:上年|去年)(?:同期)?(?:增加|减少|提高|下降|增长|多|少)$/.test(before)) return "result";
  return clauseStatement;
}

const RATE_TO_REACH = /(?:确保|力争|争取|必须|要|须)[^,，;；]{0,24}完成率(?:达到?|为)$/;
const AMOUNT_SHORT = /(?:还|尚|仍)(?:差|欠|少)$|缺口(?:为|达|是|约)?$/;
const TARGET_FOLLOWS = /^\s*[(（]\s*(?:年度|全年)?(?:目标|任务|计划)/;

/**
 * The task of a progress clause, whose name is the clause's subject: "(40.2亿元)" of "完成年任务(40.2亿元)的32.5%",
 * "68亿元" of "完成年度目标任务68亿元的60.7%" (`after`: the text after the figure).
 */
export function isTaskFigure(before: string, after = ""): boolean {
  return (
    TASK_IN_BRACKETS.test(before) || TASK_BRACKET_GOES_ON.test(before) || isTaskNamedAfter(before, after)
  );
}

/**
 * A task whose figure stands before the words naming it a task: "完成年度目标任务68亿元的60.7%", "高于8.5%的年度
 * 目标", "按全年80亿元的目标测算", "确保完成新增规上工业企业160家的目标任务" (the words before it may name it).
 */
export function isTaskNamedAfter(before: string, after: string): boolean {
  return (
    (TASK_INLINE.test(before) && /^\s*的/.test(after)) ||
    /^\s*(?:以上|左右)?的(?:年度|全年)?(?:预期|奋斗|确保)?(?:目标任务|目标|任务)/.test(after) ||
    // "超额完成市下达的38家任务", "超额完成省下达的下降13.5%目标任务", "占全年320亿元任务的61.3%": the task.
    (/(?:完成|占)[^,，;；\d]{0,12}$/.test(before) &&
      /^\s*(?:以上|左右)?的?(?:年度|全年)?(?:目标任务|目标|任务)/.test(after))
  );
}

/** Heading words of a section about what was done (past) or what is to be done (plan). */
const PAST_SECTION =
  /回顾|情况|成效|成绩|进展|完成情况|总结|亮点|主要做法|开展情况|问题|不足|发展基础|发展现状|现状|基础条件/;
/** A period gone by heads a section of results ("一、上半年经济运行"), unless the heading plans it ("6月及上半年工作要求"). */
const PAST_PERIOD_SECTION = /上半年|前三季度/;
const PLAN_SECTION =
  /目标|思路|打算|安排|计划|要点|任务|举措|重点(?:工作|任务)|工作重点|部署|意见|要求|预期|措施|路径|下一步|下阶段|下半年|今后/;

export type SectionMood = "past" | "plan" | "";

/** "一、2022年重点工作开展情况" → past; "二、下半年工作打算" → plan; "(一)工业方面" → "" (inherits). */
export function sectionMood(heading: string, top = true): SectionMood {
  if (PAST_SECTION.test(heading)) return "past";
  if (PLAN_SECTION.test(heading)) return "plan";
  // (A sub-heading naming a season names its goals' period: "(二)上半年“双过半”。6月底前…".)
  if (top && PAST_PERIOD_SECTION.test(heading)) return "past";
  return "";
}
