// Numbers with units inside a clause: "970亿元", "2万亩", "8%以上", "超百亿元", "31万元/人以上", "50万吨标煤".
import type { Comparator } from "../../model";
import { comparatorOf, isExcelNumber, UNIT_SOURCE } from "../../numbers";

export interface Quantity {
  value: number;
  unit: string;
  op: Comparator;
  /** Offsets in the clause: the number and unit, then where the text after 以上/以内/左右 begins. */
  start: number;
  end: number;
  tailStart: number;
}

/** A decimal number, or 百/千 standing for 100/1000 before 万/亿 ("超百亿元"); never the end of a range (1-2个). */
const QUANTITY = new RegExp(
  // Never the end of a range ("1至3个", "300万元至500万元"); but after a verb's 至 a figure starts ("降至0.08").
  `(?<![\\d.\\-~～])(?<![\\d万亿千百元%个家项件台套次人户亩吨天]\\s*至)(?:(\\d+(?:\\.\\d+)?)\\s*[~～\\-—–至到]\\s*)?(\\d+(?:\\.\\d+)?|[百千](?=[万亿])|万(?=亿))(${UNIT_SOURCE})`,
  "g",
);
/**
 * A round amount without digits that a goal names after 过/超/破 with no 元: "开票销售过万亿", "产值超千亿" (亿元).
 * (With 元 the figure is read by QUANTITY: "超百亿元".)
 */
const ROUND_AMOUNT = /(?<=过|超|破|突破|超过|迈上|跨越)([百千万])亿(?![\u4e00-\u9fff]{0,2}元)/g;
const ROUND_VALUES: Record<string, [number, string]> = {
  百: [100, "亿元"],
  千: [1000, "亿元"],
  万: [1, "万亿元"],
};
/** After the unit: an alternative unit in brackets ("3家(个)以上"), then 以上/以内/左右 (or 多: no figure). */
const AFTER = /^(?:\([\u4e00-\u9fff]{1,2}\))?(?:以上|以内|以下|左右|多)?/;
/** Words right before a number that set its comparator. */
const BEFORE = /(不低于|不少于|不超过|不高于|控制在|突破|超过|超|高于|低于|至少|最多|最少)$/;

/** The units of a rank ("第3位", "前50名"). */
export const RANK_UNIT = /^(?:位|名)$/;
/** 标煤 is 标准煤; nothing else changes: the multiplier stays in the unit (亿元, 万亩). */
export function normalizeUnit(unit: string): string {
  return unit.replace(/吨标煤$/, "吨标准煤").replace(/(?<!准)标煤$/, "标准煤");
}

export function findQuantities(clause: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of clause.matchAll(QUANTITY)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = AFTER.exec(clause.slice(end))?.[0] ?? "";
    // "100多亿元" is not a figure anyone set; "1000多家" neither.
    if (after.endsWith("多")) continue;
    const before = BEFORE.exec(clause.slice(Math.max(0, start - 3), start))?.[0] ?? "";
    // A range ("引进项目1~3个", "3-5家") sets its floor: at least the first figure.
    const floor = m[1];
    const digits = floor ?? m[2];
    const word = ROUND_WORDS[digits];
    const value = word ?? Number(digits);
    if (!isExcelNumber(value) || (value === 0 && /[1-9]/.test(digits))) continue; // a figure no cell can hold
    // "万亿元": 万 stands for the figure 1 and stays in the unit.
    const unit = normalizeUnit(digits === "万" ? `万${m[3]}` : m[3]);
    out.push({
      value,
      unit,
      // ("进入全省前10位": a rank of 10 or better.)
      op:
        floor !== undefined
          ? ">="
          : RANK_UNIT.test(unit) && clause[start - 1] === "前"
            ? "<="
            : comparatorOf(before + after),
      start,
      end,
      tailStart: end + after.length,
    });
  }
  for (const m of clause.matchAll(ROUND_AMOUNT)) {
    const [value, unit] = ROUND_VALUES[m[1]];
    const end = m.index + m[0].length;
    out.push({ value, unit, op: ">=", start: m.index, end, tailStart: end });
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/** 百 / 千 / 万 standing for a figure before 万 / 亿 ("超百亿元", "过万亿元"). */
const ROUND_WORDS: Record<string, number> = { 百: 100, 千: 1000, 万: 1 };
