// The allocation's notes and the reasons it refuses (allocate, waterFill, rates, plan), and the bases' (bases).
import type { Wording } from "./message";

export const ALLOCATE_WORDS = {
  "alloc.decimals": {
    zh: "小数位数应为 0–10 的整数,收到 {asked}",
    en: "Decimals must be a whole number 0–10, not {asked}",
  },
  "alloc.no_towns": { zh: "没有可分配的单位", en: "No units to allocate to" },
  "alloc.duplicate_town": { zh: "单位“{town}”出现了两次", en: "The unit “{town}” is listed twice" },
  "alloc.unknown_town": {
    zh: "没有名为“{town}”的单位(可选:{towns})",
    en: "No unit is named “{town}” (the units: {towns})",
  },
  "alloc.held_no_value": {
    zh: "锁定的单位“{town}”没有当前值",
    en: "The held unit “{town}” has no current value",
  },
  "alloc.held_empty": {
    zh: "锁定的单位“{town}”没有当前值:单元格 {cell} 为空",
    en: "The held unit “{town}” has no current value: cell {cell} is empty",
  },
  "alloc.held_not_number": {
    zh: "锁定的单位“{town}”没有当前值:单元格 {cell}“{text}”不是数字",
    en: "The held unit “{town}” has no current value: cell {cell} “{text}” is not a number",
  },
  "alloc.all_held": {
    zh: "所有单位都已锁定,没有可分配的单位",
    en: "Every unit is held: none is left to allocate to",
  },
  "alloc.fill_needs_value": {
    zh: "统一填充需要一个数值(--total)",
    en: "Same value needs the value to fill in (--total)",
  },
  "alloc.adjust_needs_percent": {
    zh: "按比例调整需要一个百分比(--percent)",
    en: "Adjust needs a percentage (--percent)",
  },
  "alloc.adjust_no_current": {
    zh: "“{town}”没有当前值,无法按比例调整",
    en: "“{town}” has no current value to adjust",
  },
  "alloc.needs_total": {
    zh: "{method}需要全市目标(--total)",
    en: "{method} needs the city target (--total)",
  },
  "alloc.held_over_total": {
    zh: "锁定单位合计 {held} 超过全市目标 {total},超出 {excess}",
    en: "The held units add up to {held}, above the city target {total} by {excess}",
  },
  "alloc.negative_bases": { zh: "基数不能为负:{towns}", en: "Bases cannot be negative: {towns}" },
  "alloc.clamped": {
    zh: "“{town}”受上下限约束,由 {from} 调为 {to}",
    en: "“{town}” held to its bounds: {from} became {to}",
  },
  "alloc.total_rounded": {
    zh: "全市目标 {total} 的小数位多于 {decimals} 位,按 {rounded} 分配",
    en: "The city target {total} has more than {decimals} decimals; {rounded} was allocated",
  },
  "alloc.no_bases_equal": {
    zh: "{towns} 没有基数,改为平均分配",
    en: "{towns} without a base: equal shares instead",
  },
  "alloc.zero_bases_equal": {
    zh: "基数合计为 0,改为平均分配",
    en: "The bases add up to 0: equal shares instead",
  },
  "alloc.floors_over": {
    zh: "各单位下限合计 {floor} 超过可分配量 {amount},超出 {excess}",
    en: "The units' minimums add up to {floor}, above the {amount} to allocate by {excess}",
  },
  "alloc.caps_under": {
    zh: "各单位上限合计 {cap} 少于可分配量 {amount},缺 {gap}",
    en: "The units' maximums add up to {cap}, below the {amount} to allocate by {gap}",
  },
  "alloc.capped_bases": {
    zh: "有基数的单位都已到上限,合计 {reachable},还差 {gap} 无法分配(其余单位基数为 0)",
    en: "The units with a base are all at their maximum, {reachable} in all; {gap} cannot be allocated (the others' base is 0)",
  },
  "alloc.no_weights": {
    zh: "没有可按比例分配的单位(基数全为 0),无法分配 {amount}",
    en: "No unit to share in proportion (every base is 0): {amount} cannot be allocated",
  },
  "alloc.no_rate_bases": {
    zh: "没有可用的基数,无法计算全市加权值",
    en: "No usable bases: the city's weighted value cannot be worked out",
  },
  "alloc.rate_needs_bases": {
    zh: "质态型指标需要每个单位的基数(>0):{towns} 缺少基数",
    en: "A rate needs every unit's base (>0): {towns} without one",
  },
  "alloc.rate_rounded": {
    zh: "各单位取 {decimals} 位小数后,加权合计为 {implied}",
    en: "With the units rounded to {decimals} decimals, the weighted total is {implied}",
  },
  "alloc.rate_methods": {
    zh: "质态型指标按加权分配只支持按基数比例或平均分配",
    en: "A rate is allocated by weight only proportionally to a base or in equal shares",
  },
  "alloc.rate_needs_weights": {
    zh: "质态型指标按加权分配需要各单位的基数(权重)",
    en: "Allocating a rate by weight needs the units' bases (weights)",
  },
  "alloc.rate_no_bounds": {
    zh: "质态型指标按加权分配不支持上下限({towns})",
    en: "Allocating a rate by weight takes no minimums or maximums ({towns})",
  },
  "alloc.no_total_cell": {
    zh: "未给全市目标,且该表没有{header}单元格",
    en: "No city target given, and the table has no {header} cell",
  },
  "alloc.no_total_option_cell": {
    zh: "未给 {option},且该表没有{header}单元格",
    en: "No {option} given, and the table has no {header} cell",
  },
  "alloc.total_not_number": {
    zh: "未给全市目标,且{header}单元格 {cell} 不是数字",
    en: "No city target given, and the {header} cell {cell} is not a number",
  },
  "alloc.total_option_not_number": {
    zh: "未给 {option},且{header}单元格 {cell} 不是数字",
    en: "No {option} given, and the {header} cell {cell} is not a number",
  },
  "bases.text_number": {
    zh: "{cell}“{text}”按数字读取({notes})",
    en: "{cell} “{text}” read as a number ({notes})",
  },
  "bases.not_number": {
    zh: "{cell}“{text}”不是数字,“{town}”没有基数",
    en: "{cell} “{text}” is not a number: “{town}” has no base",
  },
  "bases.no_table": {
    zh: "工作表“{sheet}”里没有找到分解表(表头需含 指标名称 与 全市/合计),无法从中读取“{name}”的基数",
    en: "No breakdown table on sheet “{sheet}” (a header with 指标名称 and 全市/合计 is due): no bases for “{name}” there",
  },
  "bases.no_indicator": {
    zh: "工作表“{sheet}”里没有指标“{name}”(该表的指标:{names})",
    en: "Sheet “{sheet}” has no indicator “{name}” (its indicators: {names})",
  },
  "bases.no_column": {
    zh: "工作表“{sheet}”没有“{town}”列,“{town}”没有基数",
    en: "Sheet “{sheet}” has no column “{town}”: “{town}” has no base",
  },
  "bases.no_sheet": {
    zh: "区域“{range}”中的工作表“{sheet}”不存在(工作表:{sheets})",
    en: "The range “{range}” names a sheet “{sheet}” that does not exist (sheets: {sheets})",
  },
  "bases.not_a_line": {
    zh: "区域“{range}”有 {rows} 行 × {cols} 列;基数区域应为一行或一列,共 {n} 个单元格(每个单位一个)",
    en: "The range “{range}” has {rows} rows × {cols} columns; bases are one row or one column of {n} cells (one per unit)",
  },
  "bases.wrong_size": {
    zh: "区域“{range}”有 {count} 个单元格,分解表有 {n} 个单位({towns}),应一一对应",
    en: "The range “{range}” has {count} cells and the breakdown {n} units ({towns}): one cell per unit is due",
  },
  "bases.unknown": {
    zh: "找不到基数“{source}”:不是本表的指标({names});不是工作表名({sheets});也不是单元格区域(如 E5:L5、基数!E5:L5、'My Sheet'!E5:E12)。不写或写 current 时用本行当前值",
    en: "No bases “{source}”: not an indicator of this table ({names}), not a sheet ({sheets}), nor a range (such as E5:L5, 基数!E5:L5, 'My Sheet'!E5:E12). Leave it out or write current for the row's own values",
  },
} as const satisfies Record<string, Wording>;
