// What to tell the clerk when a sheet looks like a breakdown but cannot be read as one: the header that was found
// and the axis that is missing, so they can fix the sheet (or select the table) instead of guessing.
import type { TableProblem } from "./types";

/** What a breakdown table needs, for the message when no sheet holds one. */
export const NO_TABLE_HINT =
  "需有表头:指标为行时含“指标名称/指标/项目”和“全市/合计/总计”列,单位为行时含“镇(街道)/单位”和“合计/全市”行";

const MISSING_ZH: Record<TableProblem["missing"], (rows: boolean) => string> = {
  total: (unitRows) =>
    unitRows
      ? "没有合计行(首列应有“合计/全市/总计/全县/全区”)"
      : "没有合计列(表头应有“全市/合计/总计/全县/全区”)",
  units: (unitRows) =>
    unitRows ? "表头下没有单位行(各镇、街道、园区)" : "表头中没有单位列(各镇、街道、园区)",
  indicators: (unitRows) => (unitRows ? "表头中没有指标列" : "表头下没有指标行"),
};

/** "工作表“草稿”第1行有表头“指标名称”(指标为行),但没有合计列(…)". */
export function problemText(p: TableProblem): string {
  const unitRows = p.orientation === "unit-rows";
  const axis = unitRows ? "单位为行" : "指标为行";
  return `工作表“${p.sheet}”第${p.headerRow + 1}行有表头“${p.label}”(${axis}),但${MISSING_ZH[p.missing](unitRows)}`;
}
