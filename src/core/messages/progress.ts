// What reading a month's actuals and the 进度设置 sheet found (actuals, longTable, settings, evaluate).
// {unit} · {month}月 says whose figure for which month.
import type { Wording } from "./message";

export const PROGRESS_WORDS = {
  "progress.unknown_indicator": {
    zh: "指标“{name}”不在分解表中,已跳过",
    en: "The indicator “{name}” is not in the breakdown; skipped",
  },
  "progress.unknown_unit": {
    zh: "单位“{name}”不在分解表中,已跳过",
    en: "The unit “{name}” is not in the breakdown; skipped",
  },
  "progress.text_number": {
    zh: "{unit} · {month}月:“{text}”按数字 {value} 读取({notes})",
    en: "{unit} · month {month}: “{text}” read as the number {value} ({notes})",
  },
  "progress.invalid_number": {
    zh: "{unit} · {month}月:{cell} 的值“{text}”不是有效数字({problem}),不计入进度",
    en: "{unit} · month {month}: {cell} holds “{text}”, no valid number ({problem}); not counted",
  },
  "progress.blank": {
    zh: "{unit} · {month}月:未填报(空白)",
    en: "{unit} · month {month}: not reported (blank)",
  },
  "progress.not_number": {
    zh: "{unit} · {month}月:“{text}”不是数字",
    en: "{unit} · month {month}: “{text}” is not a number",
  },
  "progress.not_number_notes": {
    zh: "{unit} · {month}月:“{text}”不是数字({notes})",
    en: "{unit} · month {month}: “{text}” is not a number ({notes})",
  },
  "progress.duplicate": {
    zh: "{unit} · {month}月:重复填报,取后者",
    en: "{unit} · month {month}: reported twice; the later one is taken",
  },
  "progress.bad_month": {
    zh: "月份“{text}”不是 1–12 月,该行已跳过",
    en: "The month “{text}” is not 1–12; the row is skipped",
  },
  "progress.zero_target": {
    zh: "{unit} · {indicator}:年度目标为 0,无法计算完成率",
    en: "{unit} · {indicator}: the year's target is 0, so there is no completion rate",
  },
  "progress.bad_setting": {
    zh: "{label}“{text}”无效,按默认值",
    en: "{label} “{text}” is not valid; the default is used",
  },
  "progress.bad_profile": { zh: "“{name}”:{problem}", en: "“{name}”: {problem}" },
  "progress.profile_incomplete": {
    zh: "月度进度需填满 1–12 月",
    en: "the monthly profile needs all of months 1–12",
  },
  "progress.profile_decreasing": {
    zh: "月度进度应为逐月不减的累计比例",
    en: "the monthly profile must be cumulative shares that never fall",
  },
  "progress.profile_end": {
    zh: "12 月的累计进度应为 100%",
    en: "the cumulative share by December must be 100%",
  },
} as const satisfies Record<string, Wording>;
