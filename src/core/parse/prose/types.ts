// A number read out of a document's sentences ("确保制造业投资达到1000亿元以上"), and what the sentence says it is.
import type { Comparator, IndicatorKind } from "../../model";

/**
 * What a sentence says a number is: a target to reach (目标, 确保, 力争, 下达…任务), a result already reached
 * (完成, 1-8月, 同比, a past year), a forecast (预计, 预测, 有望), or the progress made against a target
 * (完成年度任务的62%, 超序时进度3个百分点), or the money and thresholds of a policy (奖励50万元, 对突破10亿元的企业).
 * Only targets are offered as 正文目标.
 */
export type Statement = "target" | "result" | "forecast" | "progress" | "policy";

/**
 * 确保 / 保底: the committed target; 力争 / 奋斗 / 争取: the stretch target; 预期: the expected figure of a
 * 政府工作报告's 主要预期目标; "": the sentence says none. `tierWord` keeps the word the text used.
 */
export type Tier = "committed" | "stretch" | "expected" | "";

export interface ProseNumber {
  /** The indicator, without verbs (达到/突破/完成), tier, year or scope; 增长 N% reads as "…增速". */
  indicator: string;
  value: number;
  /** Normalized, multiplier kept: 亿元, 万亩, 万吨标准煤, %, 万元/亩. */
  unit: string;
  op: Comparator;
  kind: IndicatorKind;
  statement: Statement;
  tier: Tier;
  /** The word that set the tier: 确保, 保底, 力争, 奋斗, 争取, 预期 (or ""). */
  tierWord: string;
  /**
   * "2027" from 到2027年 / 2027年; the document's year for 今年 / 全年; "" for a per-year target (每年, 年均) and
   * when the text states none.
   */
  year: string;
  /** 每年 / 年均 without a year: the target holds for every year of the plan (`years`). */
  perYear: boolean;
  /** The years the target is for: [year], the plan's years for a per-year target, [] when unknown. */
  years: string[];
  /**
   * The region or unit the sentence is about when it says so: 全市 / 全县 / 全区 for the whole, or a named town,
   * park or company (黄湾镇, 经开区, XX集团), whose targets are its own and not the city's. "" when unsaid.
   */
  scope: string;
  /** The whole sentence, as in the document, and its offsets in the document text ([start, end)). */
  sentence: string;
  start: number;
  end: number;
}

/** A number the text sets as a goal. */
export type ProseTarget = ProseNumber & { statement: "target" };

/** Any other number of the prose: a result, a forecast, progress or a policy's money; kept for 亮晒 / 通报. */
export type ProseFact = ProseNumber & { statement: Exclude<Statement, "target"> };

export interface ProseOptions {
  /** The document's year (全年 → it; earlier years are results, not targets). Inferred from the text if absent. */
  year?: string;
  /** The plan's years (2023…2027): a per-year target (每年 / 年均) holds for each. */
  years?: string[];
}

/** Scopes that stand for the whole city, county or district rather than one of its units. */
export const WHOLE_SCOPES = new Set(["", "全市", "全县", "全区", "全省", "全域", "市本级"]);

export function isWholeScope(scope: string): boolean {
  return WHOLE_SCOPES.has(scope);
}
