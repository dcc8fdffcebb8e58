// The breakdown check's sentences (checkBreakdown, growth, crossCheck). {label} is the whole the towns are
// checked against, as the sheet names it (全市, 街道小计); {problem} and {note} are value words (./values.ts).
import type { Wording } from "./message";

export const CHECK_WORDS = {
  "check.total_bad_number": {
    zh: "{label}目标 {cell} 的值“{text}”({problem})不是有效数字",
    en: "The {label} target {cell} holds “{text}” ({problem}), no valid number",
  },
  "check.total_not_number": {
    zh: "{label}目标 {cell}“{text}”不是数字",
    en: "The {label} target {cell} “{text}” is not a number",
  },
  "check.total_pending": {
    zh: "{label}目标待下达({text})",
    en: "The {label} target is to be issued later ({text})",
  },
  "check.qualitative": { zh: "定性目标:{text}", en: "A target in words: {text}" },
  "check.total_none": { zh: "{label}无此项目标", en: "{label} has no target for this" },
  "check.cells_invalid": { zh: "{cells} 不是有效数字", en: "Not a valid number: {cells}" },
  "check.cell_bad_number": {
    zh: "{cell}({town})的值“{text}”({problem})",
    en: "{cell} ({town}) holds “{text}” ({problem})",
  },
  "check.cell_text": { zh: "{cell}({town})“{text}”", en: "{cell} ({town}) “{text}”" },
  "check.cell_text_note": {
    zh: "{cell}({town})“{text}”{note}",
    en: "{cell} ({town}) “{text}”, {note}",
  },
  "check.cells_missing": { zh: "{cells} 为空,应填写数字", en: "Empty where a number is due: {cells}" },
  "check.cell_town": { zh: "{cell}({town})", en: "{cell} ({town})" },
  "check.towns_pending": { zh: "各单位目标待下达", en: "The units' targets are to be issued later" },
  "check.towns_none": { zh: "各单位均无此项目标", en: "No unit has a target for this" },
  "check.sum_too_large": {
    zh: "各单位合计 {sum} 超出 Excel 的数值范围(绝对值最大 9.99999999999999E+307),无法校验",
    en: "The units add up to {sum}, beyond Excel's range (largest magnitude 9.99999999999999E+307): not checked",
  },
  "check.share_ok": {
    zh: "各单位占比合计 {sum},与{label} {target} 一致(含四舍五入)",
    en: "The units' shares add up to {sum}, matching {label} {target} (within rounding)",
  },
  "check.share_off": {
    zh: "各单位占比合计 {sum},与{label} {target} 相差 {gap}",
    en: "The units' shares add up to {sum}, {gap} off {label} {target}",
  },
  "check.sum_ok": {
    zh: "各单位合计 {sum},与{label} {target} 一致",
    en: "The units add up to {sum}, matching {label} {target}",
  },
  "check.sum_over": {
    zh: "各单位合计 {sum},超过{label}目标 {target},超额 {excess}",
    en: "The units add up to {sum}, above the {label} target {target} by {excess}",
  },
  "check.sum_short": {
    zh: "各单位合计 {sum},低于{label}目标 {target},缺口 {gap}",
    en: "The units add up to {sum}, below the {label} target {target} by {gap}",
  },
  "check.weighted_ok": {
    zh: "按基数加权平均 {mean},与{label} {target} 一致",
    en: "The base-weighted mean is {mean}, matching {label} {target}",
  },
  "check.weighted_off": {
    zh: "按基数加权平均 {mean},与{label} {target} 不符",
    en: "The base-weighted mean is {mean}, not {label} {target}",
  },
  "check.range_ok": {
    zh: "{label} {target} 介于各单位 {min}–{max} 之间",
    en: "{label} {target} lies within the units' {min}–{max}",
  },
  "check.range_off": {
    zh: "{label} {target} 不在各单位 {min}–{max} 之间(质态型指标的全市值应为各单位的加权平均)",
    en: "{label} {target} lies outside the units' {min}–{max} (a rate's city value is the units' weighted mean)",
  },
  "check.same_ok": {
    zh: "{label} {target} 与各单位一致(均为 {value})",
    en: "{label} {target} matches the units (all {value})",
  },
  "check.same_off": {
    zh: "{label} {target} 与各单位不符(各单位均为 {value};质态型指标的全市值应为各单位的加权平均)",
    en: "{label} {target} differs from the units (all {value}; a rate's city value is the units' weighted mean)",
  },
  "check.growth_ok": {
    zh: "各单位目标合计 {targets} ÷ 基数合计 {bases} − 1 = {rate}%,与{label} {total}% 一致",
    en: "The units' targets {targets} ÷ their bases {bases} − 1 = {rate}%, matching {label} {total}%",
  },
  "check.growth_total_off": {
    zh: "各单位目标合计 {targets} ÷ 基数合计 {bases} − 1 = {rate}%,与{label} {total}% 不符",
    en: "The units' targets {targets} ÷ their bases {bases} − 1 = {rate}%, not {label} {total}%",
  },
  "check.growth_units_off": {
    zh: "单位增速与其目标、基数不符:{units}",
    en: "Units' growth not matching their target and base: {units}",
  },
  "check.growth_unit": {
    zh: "{cell}({town}){value} 应为 {expected}",
    en: "{cell} ({town}) {value} should be {expected}",
  },
  "check.growth_both_off": { zh: "{total};{units}", en: "{total}. {units}" },
  "cross.not_comparable": {
    zh: "分解表与指标体系{year}年目标不全是数字,未比较",
    en: "The breakdown's and the indicator system's {year} targets are not both numbers: not compared",
  },
  "cross.ok": {
    zh: "与指标体系“{name}”{year}年目标 {target} 一致",
    en: "Matches the indicator system's “{name}” {year} target {target}",
  },
  "cross.mismatch": {
    zh: "分解表全市值 {total} 与指标体系“{name}”{year}年目标 {target} 不一致(相差 {difference})",
    en: "The breakdown's city value {total} differs from the indicator system's “{name}” {year} target {target} (by {difference})",
  },
} as const satisfies Record<string, Wording>;
