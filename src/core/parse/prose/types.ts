// A target read out of a plan's sentences ("确保制造业投资达到1000亿元以上").
import type { Comparator, IndicatorKind } from "../../model";

/** 确保: the committed target; 力争: the stretch target; "": the sentence says neither. */
export type Tier = "确保" | "力争" | "";

export interface ProseTarget {
  /** The indicator, without verbs (达到/突破/完成), tier, year or scope; 增长 N% reads as "…增速". */
  indicator: string;
  value: number;
  /** Normalized, multiplier kept: 亿元, 万亩, 万吨标准煤, %, 万元/亩. */
  unit: string;
  op: Comparator;
  kind: IndicatorKind;
  tier: Tier;
  /** "2027" from 到2027年; the document's year for 全年/今年/每年; "" when the text states none. */
  year: string;
  /** The region or unit the sentence is about when it says so (全市, 黄湾镇), else "". */
  scope: string;
  /** The whole sentence, as in the document, and its offsets in the document text ([start, end)). */
  sentence: string;
  start: number;
  end: number;
}

export interface ProseOptions {
  /** The document's year (全年 → it; earlier years are results, not targets). Inferred from the text if absent. */
  year?: string;
}
