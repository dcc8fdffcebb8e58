// The header words of breakdown tables, for the whole product: every reader of a breakdown (check, allocate,
// collect, progress, fill) and the plan-table parsers take their words from here, so the lists cannot drift.
// Words are compared after headerKey(): half-width, no spaces.
import { memoText, toHalfWidth } from "../text";

/** A header cell as compared: half-width, no spaces, full-width brackets made half-width ("序 号" → "序号"). */
export function headerKey(text: string): string {
  longKey ??= memoText(keyOf); // a long text repeated in every cell is keyed once (memoText)
  return longKey(text);
}
let longKey: ((text: string) => string) | undefined;
const keyOf = (text: string) => toHalfWidth(text).replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");

/** The whole of the units: a column (or row) that is the city's, county's or district's total. */
export const TOTAL_WORD =
  /^(全市|合计|总计|全县|全区|全省|全镇|市合计|县合计|区合计|全市合计|全县合计|全区合计|全省合计|全市总计|总量|总数|汇总)$/;

/** The column (corner cell) holding indicator names, when indicators are rows. */
export const INDICATOR_LABEL =
  /^(指标名称|二级指标|三级指标|指标|指标项|指标项目|考核指标|主要指标|目标任务|任务指标|项目|指标内容|主要目标|具体指标)$/;
/** A looser form, for corner cells such as "主要经济指标" or "指标(单位)". */
export const INDICATOR_LABEL_LOOSE = /指标/;

/** The column (corner cell) holding unit names, when units are rows: 镇(街道), 县(市、区), 单位名称… */
export const UNIT_LABEL =
  /^(各?(镇|乡镇|镇街|镇街道|街道|县|县市区|区县|地区|区域|片区|园区|单位|部门)(\([^()]*\))?(名称)?|单位名称|地区|区域|镇\(街道\)|镇\(街道、园区\)|镇\(街道、平台\)|县\(市、区\)|县\(市\)区|乡镇\(街道\)|镇街\(园区\))$/;

/** 计量单位: the unit of measure (亿元, %, 家). Bare 单位 is that only in an indicators-as-rows table. */
export const MEASURE_UNIT_LABEL = /^(计量单位|指标单位|单位|单位\(计量\))$/;
/** 类型: 总量型 / 质态型. */
export const KIND_LABEL_WORD = /^(类型|指标类型|指标性质|性质|指标属性)$/;
/** A column whose cells say which measure a row is (确保 / 力争, or a year). */
export const ROW_MEASURE_LABEL = /^(目标类型|目标层级|档次|层级|类别|年份|年度|目标档次)$/;

/** The column naming who answers for a row (责任单位, 牵头部门): departments, never units of the breakdown. */
export const RESPONSIBLE_LABEL = /^(责任单位|责任部门|牵头单位|责任主体|牵头部门)$/;

/** Columns (or rows) that are never units nor indicators: numbering, notes, departments. */
export const META_WORD =
  /^(序号|编号|排序|排名|名次|一级指标|类别|分类|领域|责任部门|责任单位|责任主体|牵头单位|配合单位|牵头部门|协同单位|责任人|联系人|备注|说明|备 注|依据|数据来源|来源|口径|属性|评分|权重|分值)$/;
/** Columns our own sheets compute from the others (breakdownSheet.ts): never units. */
export const COMPUTED_WORD = /^(分解合计|合计数|差额|校验|校验结果|状态|核对|差异|是否平衡)$/;

/** A line of notes under a table: not data. */
export const NOTE_LINE = /^(注|备注|说明|填报|制表|审核|联系电话|填报人|填表人|负责人|单位负责人)[::]?/;

/** "单位:万元" / "(单位:亿元)" / "计量单位:家": a unit of measure given once for the whole table. */
export const MEASURE_UNIT_LINE = /(?:^|[(\s])(?:计量)?单位[::]\s*([^\s)(,,;;]{1,8})/;

/** "街道小计", "东片区合计", "小计": a subtotal of some units; the prefix names the group. */
export const SUBTOTAL_WORD = /^(.*?)(小计|合计|汇总)$/;
/** "其中:经开区" — a part of the unit above it, never counted in the total. */
export const PART_OF_WORD = /^其中[::、]?(.*)$/;

/** Names of towns, streets, parks, counties: what a unit name ends with. */
export const UNIT_NAME =
  /(镇|乡|街道|办事处|区|县|市|旗|园区|园|开发区|片区|新城|新区|管委会|度假区|港区|港|社区|村|平台|本级|直属)(\([^()]*\))?$/;

/** A section heading inside a table: "一、总量指标", "(二)质态指标". */
export const SECTION_HEADING = /^([一二三四五六七八九十]+[、..]|[(][一二三四五六七八九十]+[)])/;

/** Suffixes that make a subtotal's group clear by name: 街道小计 is the 街道s. */
const GROUP_SUFFIXES = ["街道", "镇", "乡", "乡镇", "园区", "开发区", "社区", "村", "县", "区", "市"];

/** Members of a named group (街道 → the units ending in 街道), or null when the name does not say. */
export function membersByName(group: string, units: string[]): number[] | null {
  const g = group.replace(/^各/, "");
  if (!GROUP_SUFFIXES.includes(g)) return null;
  const hits = units.flatMap((u, i) => {
    const name = u.replace(/\([^()]*\)$/, "");
    if (!name.endsWith(g)) return [];
    // 镇 is not 乡镇's; 区 is not 街道's or 园区's unless asked for.
    if (g === "区" && /(园区|片区|社区)$/.test(name)) return [];
    return [i];
  });
  return hits.length > 0 ? hits : null;
}

export function isTotalWord(text: string): boolean {
  return TOTAL_WORD.test(headerKey(text));
}

/** A header cell that names a subtotal (and not the total): its group ("街道", "东片区", ""), else null. */
export function subtotalGroup(text: string): string | null {
  const key = headerKey(text);
  if (TOTAL_WORD.test(key)) return null;
  const m = SUBTOTAL_WORD.exec(key);
  if (!m) return null;
  const group = m[1].replace(/^其中[::]?/, "");
  // "分解合计"/"合计数" are our own computed columns, not subtotals.
  if (COMPUTED_WORD.test(key)) return null;
  return group;
}

export function looksLikeUnitName(text: string): boolean {
  const key = headerKey(text);
  if (key.length < 2 || key.length > 16 || /\d/.test(key)) return false;
  if (TOTAL_WORD.test(key) || META_WORD.test(key)) return false;
  return UNIT_NAME.test(key);
}
