// How a 通报 writes its numbers and lists: 亿元 to 2 decimals, counted things whole, percentages to 1 decimal,
// gaps in 个百分点, names joined with 、 and cut with 等, and its punctuation full width. One place, so the text
// and the 附件 table agree.
import { officialPunctuation } from "../text";
import { isCountUnit } from "../units";

/**
 * A sentence template of the 通报 (公文, hence gw): its own punctuation made full width, the data put in as given,
 * so a town or an indicator is named exactly as the progress rows name it.
 */
export function gw(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (out, s, i) => out + officialPunctuation(s) + (i < values.length ? String(values[i]) : ""),
    "",
  );
}

/** A share as the documents write it: 0.4695 → "47.0%". */
export function percentText(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** The size of a gap in percentage points, 1 decimal: −0.1067 → "10.7个百分点". */
export function pointsText(fraction: number): string {
  return `${Math.abs(fraction * 100).toFixed(1)}个百分点`;
}

/** Money to 2 decimals; counted things whole; anything else as precise as it is, at most 4 decimals. */
export function amountText(value: number, measure: string): string {
  if (/元/.test(measure)) return value.toFixed(2);
  if (isCountUnit(measure) && Number.isInteger(value)) return String(value);
  return String(Math.round(value * 1e4) / 1e4);
}

/** The amount with its unit of measure: "55.43亿元", "14家", "3.2%". */
export function quantityText(value: number, measure: string): string {
  return `${amountText(value, measure)}${measure}`;
}

/** 甲、乙、丙; more than `most` names: the first `most` and "等N个" (the count says what is left out). */
export function listText(names: readonly string[], most = 6, counter = "个"): string {
  if (names.length <= most) return names.join("、");
  return `${names.slice(0, most).join("、")}等${names.length}${counter}`;
}

/**
 * The gap between a completion and 序时进度 as the reader of the text computes it: from the two shares as printed
 * (45.5% against 46.0% is 0.5 个百分点, though the unrounded figures differ by 0.55).
 */
export function shownGap(completion: number, schedule: number): number {
  return (Math.round(completion * 1000) - Math.round(schedule * 1000)) / 1000;
}

/** Rounded to the 0.1 point the text shows: a gap that rounds to nothing is no gap in the text either. */
const shownPoints = (fraction: number) => Math.round(Math.abs(fraction) * 1000);

/**
 * A completion against 序时进度 in words: "快于序时进度1.0个百分点", "慢于序时进度10.7个百分点", "与序时进度持平".
 * A shortfall under 0.05 points is still said (it makes a yellow light): "略慢于序时进度(不足0.1个百分点)".
 */
export function scheduleGapText(gap: number, what = "序时进度"): string {
  if (shownPoints(gap) > 0) return `${gap > 0 ? "快于" : "慢于"}${what}${pointsText(gap)}`;
  return gap < 0 ? gw`略慢于${what}(不足0.1个百分点)` : `与${what}持平`;
}

/**
 * A rate against its target: in points when the rate is a percentage ("低于目标1.8个百分点"), else as a share
 * of the target ("为目标的95.0%").
 */
export function rateGapText(value: number, target: number, measure: string): string {
  if (measure !== "%") return `为目标的${percentText(target === 0 ? 0 : value / target)}`;
  const gap = (value - target) / 100;
  if (shownPoints(gap) > 0) return `${gap > 0 ? "高于" : "低于"}目标${pointsText(gap)}`;
  return gap < 0 ? gw`略低于目标(不足0.1个百分点)` : "达到目标";
}

/** "增加2项", "减少1项", "持平": how a count moved since last month. */
export function changeText(now: number, before: number, counter = "项"): string {
  if (now === before) return "与上月持平";
  return `比上月${now > before ? "增加" : "减少"}${Math.abs(now - before)}${counter}`;
}

/** "经开区、新仓镇、广陈镇3个镇(街道)"; many: "甲、乙…等9个镇(街道)". */
export function unitsText(names: readonly string[], most = 6): string {
  const shown = names.length <= most ? names.join("、") : `${names.slice(0, most).join("、")}等`;
  return gw`${shown}${names.length}个镇(街道)`;
}

/** The bottom share as the rule says it: 1/3 → "三分之一", 0.25 → "25%". */
export function shareText(share: number): string {
  return Math.abs(share - 1 / 3) < 1e-9 ? "三分之一" : `${Math.round(share * 100)}%`;
}
