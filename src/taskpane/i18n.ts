// UI words: Simplified Chinese first, English on the switch. One flat table so a missing word is a type error.

export type Lang = "zh" | "en";

const zh = {
  appTitle: "目标分解助手",
  language: "English",
  pageLoad: "载入指标",
  pageAllocate: "分解目标",
  pageCheck: "校验",
  pageSubmissions: "汇总报送",
  pageAssign: "责任分工",
  samplePlan: "示例方案",
  openFile: "打开方案文件(.txt)…",
  preview: "预览",
  indicators: "指标",
  tasks: "任务",
  breakdowns: "分解表",
  towns: "个单位",
  write: "写入工作表",
  writing: "正在写入…",
  written: "已写入工作表",
  conflictTitle: "以下工作表已存在",
  conflictBody: "选择替换(原内容将被清除)或另存为新工作表。",
  replace: "替换",
  rename: "另存为新表",
  cancel: "取消",
  nonEmpty: "有内容",
  empty: "空表",
  noTables: "文件中没有找到附件表格(指标体系、职责分工或目标分解表)。",
  parseIssues: "有几行无法对齐,已跳过",
  sheetToCheck: "要校验的工作表",
  activeSheet: "当前工作表",
  allSheets: "全部工作表",
  runCheck: "校验",
  checking: "正在校验…",
  noBreakdown: "没有找到目标分解表:需要在前 20 行内有含“指标名称”和“全市/合计”的表头行。",
  markCells: "标出问题单元格",
  clearMarks: "清除标记",
  writeReport: "生成校验报告",
  marked: "已标出 {n} 个单元格",
  cleared: "已清除 {n} 个单元格的标记",
  rowLabel: "第{row}行",
  clickToSelect: "点击定位到该行",
  errors: "错误",
  warnings: "警告",
  passed: "通过",
  other: "其他",
  crossMismatch: "与指标体系不一致",
  comingTitle: "下一版本提供",
  comingAllocate: "按基数比例、平均、保底封顶等方法把全市目标分解到各镇(街道),保持合计不变。",
  comingSubmissions: "向各镇(街道)分发填报表,校验报回的表格并汇总,跟踪报送情况。",
  comingAssign: "按牵头单位、配合单位生成职责分工表、部门任务清单和目标责任书。",
  unsupported: "当前 Excel 版本较旧:{what}",
  error: "出错了",
  busy: "请稍候…",
} as const;

export type Words = Record<keyof typeof zh, string>;

const en: Words = {
  appTitle: "Target Breakdown",
  language: "中文",
  pageLoad: "Load",
  pageAllocate: "Allocate",
  pageCheck: "Check",
  pageSubmissions: "Submissions",
  pageAssign: "Duties",
  samplePlan: "Sample plan",
  openFile: "Open a plan file (.txt)…",
  preview: "Preview",
  indicators: "indicators",
  tasks: "tasks",
  breakdowns: "breakdowns",
  towns: "units",
  write: "Write sheets",
  writing: "Writing…",
  written: "Sheets written",
  conflictTitle: "These sheets exist already",
  conflictBody: "Replace them (their contents are cleared) or write new sheets.",
  replace: "Replace",
  rename: "New sheet",
  cancel: "Cancel",
  nonEmpty: "has data",
  empty: "empty",
  noTables: "No annex tables (indicator system, duties or town breakdown) were found in the file.",
  parseIssues: "Some rows could not be aligned and were skipped",
  sheetToCheck: "Sheet to check",
  activeSheet: "Active sheet",
  allSheets: "All sheets",
  runCheck: "Check",
  checking: "Checking…",
  noBreakdown:
    "No breakdown table found: a header row with an indicator column and 全市/合计 is needed within the first 20 rows.",
  markCells: "Mark cells",
  clearMarks: "Clear marks",
  writeReport: "Write report sheet",
  marked: "{n} cells marked",
  cleared: "Marks removed from {n} cells",
  rowLabel: "Row {row}",
  clickToSelect: "Click to select the row",
  errors: "Errors",
  warnings: "Warnings",
  passed: "Passed",
  other: "Other",
  crossMismatch: "Differs from the indicator system",
  comingTitle: "Coming in the next version",
  comingAllocate: "Spread city targets to towns by base, equally, with floors and caps, keeping the total.",
  comingSubmissions: "Send sheets to towns, validate what they return, consolidate and track who reported.",
  comingAssign: "Fill duty tables, per-department task lists and target letters from lead and partner units.",
  unsupported: "This Excel is older: {what}",
  error: "Something went wrong",
  busy: "Please wait…",
};

export const WORDS: Record<Lang, Words> = { zh, en };

/** Fills "{n}"-style slots. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}

import type { RowStatus } from "../core/check/status";
import { STATUS_LABEL } from "../core/check/status";

const STATUS_EN: Record<RowStatus, string> = {
  ok: "Passed",
  over: "Over-allocated",
  short: "Shortfall",
  out_of_range: "Out of range",
  missing: "Missing",
  invalid: "Invalid",
  none: "No target",
  pending: "Pending",
  qualitative: "Qualitative",
};

export function statusLabel(status: RowStatus, lang: Lang): string {
  return lang === "zh" ? STATUS_LABEL[status] : STATUS_EN[status];
}
