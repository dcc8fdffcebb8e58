// The findings of a returned 填报 (validateReturn, returnTable, returnValues, breakdownReturn, consolidate): who
// sent it, how its sheet drifted from the issued template, what its figures say against the targets.
import type { Wording } from "./message";

export const RETURN_WORDS = {
  "return.marker_unit_unknown": {
    zh: "模板标记中的单位“{unit}”不在本次下达的单位中",
    en: "The template marker's unit “{unit}” is not one of the units issued",
  },
  "return.unit_conflict_title": {
    zh: "模板标记为“{unit}”,但标题写的是“{title}”;按标记归为{unit}",
    en: "The template marker says “{unit}” but the title “{title}”; counted as {unit}, by the marker",
  },
  "return.unit_conflict_file_name": {
    zh: "文件名指向“{named}”,表中是“{unit}”;按表中归为{unit}",
    en: "The file name points to “{named}”, the table to “{unit}”; counted as {unit}, by the table",
  },
  "return.no_marker": {
    zh: "文件中没有模板标记(可能不是用下发的模板填写),按{by}识别为{unit}",
    en: "No template marker in the file (perhaps not filled in on the issued template): taken as {unit} by its {by}",
  },
  "return.unit_unknown": {
    zh: "无法识别报送单位(没有模板标记,标题和文件名中也没有下达单位的名称)",
    en: "The reporting unit is not known (no template marker, and no issued unit named in the title or file name)",
  },
  "return.wrong_year": {
    zh: "这是{year}年的模板,本次汇总的是{collected}年",
    en: "This is a template for {year}; this collection is for {collected}",
  },
  "return.other_indicator_set": {
    zh: "指标集与本次下达的模板不一致(可能是其他方案或旧版模板)",
    en: "The indicators differ from the issued template (another plan or an old template?)",
  },
  "return.other_version": {
    zh: "模板版本 {version} 与当前版本 {current} 不同",
    en: "Template version {version} is not the current {current}",
  },
  "return.empty": { zh: "工作簿是空的,没有任何数据", en: "The workbook is empty: no data at all" },
  "return.no_table": {
    zh: "没有找到填报表(前 20 行内需有“指标名称”表头;工作表:{sheets})",
    en: "No return table found (a 指标名称 header is due within the first 20 rows; sheets: {sheets})",
  },
  "return.sheet_renamed": {
    zh: "工作表名称由“{from}”改为“{to}”",
    en: "The sheet was renamed from “{from}” to “{to}”",
  },
  "return.row": { zh: "{indicator}:{detail}", en: "{indicator}: {detail}" },
  "return.explained": {
    zh: "{detail}(已说明:“{note}”)",
    en: "{detail} (explained: “{note}”)",
  },
  "return.header_moved": {
    zh: "表头在第{row}行,模板为第{expected}行(表头上方增删了行)",
    en: "The header is in row {row}, the template's in row {expected} (rows added or deleted above it)",
  },
  "return.column_added": {
    zh: "插入了列“{header}”(模板中没有此列,未读取)",
    en: "A column “{header}” was inserted (not in the template; not read)",
  },
  "return.column_added_untitled": {
    zh: "插入了无标题的列(未读取)",
    en: "A column without a header was inserted (not read)",
  },
  "return.column_missing": { zh: "缺少“{column}”列", en: "The column “{column}” is missing" },
  "return.value_column_missing": {
    zh: "缺少“{column}”列,无法读取填报数",
    en: "The column “{column}” is missing: no figures can be read",
  },
  "return.column_moved": {
    zh: "“{column}”列的位置与模板不同",
    en: "The column “{column}” is not where the template has it",
  },
  "return.merged_cells": {
    zh: "表格中合并了单元格 {range}(合并后只有左上角单元格有值)",
    en: "Cells {range} were merged (only the top-left cell keeps a value)",
  },
  "return.hidden_row": { zh: "第{row}行被隐藏", en: "Row {row} is hidden" },
  "return.row_unnamed": {
    zh: "第{row}行没有指标名称(未读取)",
    en: "Row {row} has no indicator name (not read)",
  },
  "return.row_duplicate": {
    zh: "指标“{name}”重复出现(第{first}行与第{row}行),只读取第一行",
    en: "The indicator “{name}” appears twice (rows {first} and {row}); only the first is read",
  },
  "return.indicator_renamed": {
    zh: "指标名称由“{from}”改为“{to}”,按原指标读取",
    en: "The indicator “{from}” was renamed “{to}”; read as the issued one",
  },
  "return.row_added": {
    zh: "新增了指标“{name}”(下达模板中没有,未读取)",
    en: "An indicator “{name}” was added (not in the issued template; not read)",
  },
  "return.row_deleted": {
    zh: "缺少指标“{name}”(行被删除?)",
    en: "The indicator “{name}” is missing (its row deleted?)",
  },
  "return.row_missing": { zh: "缺少指标“{name}”", en: "The indicator “{name}” is missing" },
  "return.row_moved": {
    zh: "指标“{name}”的位置与模板不同(模板第{expected}行,现第{row}行),按名称读取",
    en: "The indicator “{name}” moved (row {expected} in the template, now row {row}); read by its name",
  },
  "return.other_layout": {
    zh: "不是下发的填报模板:按分解表({way})读取“{unit}”的数字,请核对",
    en: "Not the issued template: the figures of “{unit}” were read from a breakdown table ({way}); please verify",
  },
  "return.target_changed": {
    zh: "下达目标被改动:下达“{issued}”,文件中为“{found}”",
    en: "The issued target was changed: issued “{issued}”, the file has “{found}”",
  },
  "return.unit_changed": {
    zh: "计量单位由“{issued}”改为“{found}”,仍按“{issued}”读取",
    en: "The unit was changed from “{issued}” to “{found}”; still read in “{issued}”",
  },
  "return.kind_changed": {
    zh: "类型由“{issued}”改为“{found}”,仍按{issued}校验",
    en: "The type was changed from “{issued}” to “{found}”; still checked as {issued}",
  },
  "return.invalid_number_at": {
    zh: "{cell} 的值“{text}”不是有效数字({problem}),未计入汇总",
    en: "{cell} holds “{text}”, no valid number ({problem}); left out of the summary",
  },
  "return.invalid_number": {
    zh: "填报值“{text}”不是有效数字({problem}),未计入汇总",
    en: "The figure “{text}” is no valid number ({problem}); left out of the summary",
  },
  "return.invalid_value": {
    zh: "“{text}”不是有效数字({notes})",
    en: "“{text}” is no valid number ({notes})",
  },
  "return.blank": { zh: "未填写(下达目标 {target})", en: "Not filled in (target {target})" },
  "return.blank_words_target": {
    zh: "未填写(下达目标“{target}”)",
    en: "Not filled in (target “{target}”)",
  },
  "return.words_for_number": {
    zh: "填了“{text}”,应填写数字(下达目标 {target})",
    en: "Filled in “{text}” where a number is due (target {target})",
  },
  "return.unit_mismatch": {
    zh: "“{text}”的单位“{unit}”与计量单位“{expected}”不同,请换算为{expected}后只填数字",
    en: "“{text}” is in “{unit}”, not the indicator's “{expected}”: convert to {expected} and enter the number only",
  },
  "return.text_number": {
    zh: "按数字读取:“{text}”→ {value}({notes})",
    en: "Read as a number: “{text}” → {value} ({notes})",
  },
  "return.negative": {
    zh: "总量型指标不能为负数:{value}",
    en: "An amount cannot be negative: {value}",
  },
  "return.far_above_year": {
    zh: "累计 {value} 超过全年目标 {target} 的 2 倍,请核对单位和数量级",
    en: "The cumulative {value} is more than twice the year's target {target}: check the unit and magnitude",
  },
  "return.below_target": {
    zh: "低于下达目标:填报 {value},下达 {target}(差 {gap}{unit})",
    en: "Below the issued target: {value} filled in, {target} issued ({gap}{unit} short)",
  },
  "return.above_limit": {
    zh: "超过下达的上限:填报 {value},上限 {target}",
    en: "Above the issued limit: {value} filled in, limit {target}",
  },
  "return.far_above": {
    zh: "填报 {value} 是下达目标的 {times} 倍(下达 {target}),请核对单位和数量级",
    en: "{value} filled in is {times} times the target ({target} issued): check the unit and magnitude",
  },
  "return.far_below": {
    zh: "填报 {value} 仅为下达目标的 {percent}%(下达 {target}),请核对单位和数量级",
    en: "{value} filled in is only {percent}% of the target ({target} issued): check the unit and magnitude",
  },
  "return.duplicate": {
    zh: "{unit}另有更新的报送文件“{file}”,本文件未计入汇总",
    en: "{unit} sent a newer file “{file}”; this one is left out of the summary",
  },
} as const satisfies Record<string, Wording>;
