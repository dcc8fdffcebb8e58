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
const QUANTITY = new RegExp(`(?<![\\d.\\-~至])(\\d+(?:\\.\\d+)?|[百千](?=[万亿]))(${UNIT_SOURCE})`, "g");
/** After the unit: an alternative unit in brackets ("3家(个)以上"), then 以上/以内/左右 (or 多: no figure). */
const AFTER = /^(?:\([\u4e00-\u9fff]{1,2}\))?(?:以上|以内|以下|左右|多)?/;
/** Words right before a number that set its comparator. */
const BEFORE = /(不低于|不少于|不超过|不高于|控制在|突破|超过|超|高于|低于|至少)$/;

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
    const value = m[1] === "百" ? 100 : m[1] === "千" ? 1000 : Number(m[1]);
    if (!isExcelNumber(value) || (value === 0 && /[1-9]/.test(m[1]))) continue; // a figure no cell can hold
    out.push({
      value,
      unit: normalizeUnit(m[2]),
      op: comparatorOf(before + after),
      start,
      end,
      tailStart: end + after.length,
    });
  }
  return out;
}
