// How a cell's value had to be read, and why a number is none a cell can hold: the words src/core/numbers.ts and
// src/core/check/sheetValue.ts write into `notes` and `numberProblem`, which other messages quote.
import type { Wording } from "./message";

export const VALUE_WORDS = {
  "value.spaces": { zh: "首尾空格", en: "spaces around it" },
  "value.full_width": { zh: "全角字符", en: "full-width characters" },
  "value.e_notation": { zh: "科学计数法", en: "scientific notation" },
  "value.with_unit": { zh: "带单位“{unit}”", en: "with the unit “{unit}”" },
  "value.with_words": { zh: "带文字“{words}”", en: "with the words “{words}”" },
  "value.thousands": { zh: "千位分隔符", en: "thousands separators" },
  "value.text_number": { zh: "文本型数字", en: "a number stored as text" },
  "value.error_value": { zh: "错误值 {error}", en: "the error value {error}" },
  "value.logical": { zh: "逻辑值", en: "a logical value" },
  "value.not_number": { zh: "不是数字", en: "not a number" },
  "value.nan": { zh: "非数值 NaN", en: "NaN, not a number" },
  "value.infinity": { zh: "无穷大", en: "infinity" },
  "value.negative_infinity": { zh: "负无穷大", en: "negative infinity" },
  "value.too_large": {
    zh: "超出 Excel 的数值范围(绝对值最大 9.99999999999999E+307)",
    en: "beyond Excel's range (largest magnitude 9.99999999999999E+307)",
  },
  "value.too_small": {
    zh: "小于 Excel 能保存的最小非零数 2.2250738585072E-308",
    en: "below the smallest non-zero number Excel keeps, 2.2250738585072E-308",
  },
  "value.empty": { zh: "(空)", en: "(empty)" },
  /** Words core passes on as they are (an exception's text, a reader's reason): the same in either language. */
  text: { zh: "{text}", en: "{text}" },
} as const satisfies Record<string, Wording>;
