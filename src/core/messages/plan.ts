// What reading a plan document could not take as written (planTables, textTable, planDocument). {table} is the
// table's own label (附件1…) as the document has it.
import type { Wording } from "./message";

export const PLAN_WORDS = {
  "plan.bad_number": {
    zh: "{where}的值“{text}”不是有效数字({problem}),未作为数字读取",
    en: "{where} holds “{text}”, no valid number ({problem}); not read as a number",
  },
  "plan.cell_of_year": { zh: "{table}“{name}”{year}年", en: "{table} “{name}” {year}" },
  "plan.cell_of_unit": { zh: "{table}“{name}”{unit}", en: "{table} “{name}” {unit}" },
  "plan.row_misaligned": {
    zh: "{table}第{row}行有{cells}个单元格,与表头{columns}列对不上,已跳过",
    en: "{table} row {row} has {cells} cells, which do not fit the header's {columns} columns; skipped",
  },
  "plan.unknown_table": {
    zh: "无法识别的表格(表头:{header}),已跳过",
    en: "A table of no known kind (header: {header}); skipped",
  },
  "plan.too_many_prose": {
    zh: "正文目标超过 {max} 项,不像是方案正文,其余未读取",
    en: "More than {max} targets in the text: it does not read like a plan, and the rest was not read",
  },
} as const satisfies Record<string, Wording>;
