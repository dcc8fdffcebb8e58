// A plan document in the seeds' text form → Plan: 附件1 indicator system, 附件2 职责分工, 附件3 town breakdown.
import type { Breakdown, BreakdownRow, Indicator, Plan, Task } from "../model";
import { parseTargetCell } from "../numbers";
import { kindOf, splitNameUnit } from "../units";
import {
  alignRow,
  type AlignedRow,
  type ColumnRole,
  findTextTables,
  inheritMerged,
  type TextTable,
} from "./textTable";
import { parseUnitList } from "./unitList";
import { extractProseTargets } from "./prose/extract";
import { linkProseTargets, type ProseLinks } from "./prose/link";
import type { ProseTarget } from "./prose/types";

export interface ParseIssue {
  /** 1-based line of the document. */
  line: number;
  message: string;
}

export interface ParsedPlan extends Plan {
  issues: ParseIssue[];
  /** The targets stated in the document's sentences (not its tables), and how they compare with the tables. */
  proseTargets: ProseTarget[];
  proseLinks: ProseLinks;
}

const YEAR_HEADER = /^(\d{4})年?$/;
const TOTAL_HEADER = /^(全市|合计|总计|全县|全区|全镇|市合计|全省)$/;
const UNITS_HEADER = /^(责任单位|责任部门|牵头单位|责任主体)$/;
const SECTION_ROW = /^[(（][一二三四五六七八九十]+[)）]/;

type TableKind = "indicators" | "tasks" | "breakdown";

function classify(table: TextTable): TableKind | null {
  const h = table.header;
  if (h.some((c) => /重点任务|具体内容|主要任务|工作任务/.test(c))) return "tasks";
  if (h.some((c) => TOTAL_HEADER.test(c))) return "breakdown";
  if (h.filter((c) => YEAR_HEADER.test(c)).length > 0 && h.some((c) => /指标/.test(c))) return "indicators";
  return null;
}

function rolesOf(header: string[], kind: TableKind): ColumnRole[] {
  const nameCol = header.findIndex((c) => /二级指标|指标名称|^指标$/.test(c));
  return header.map((c, i) => {
    if (/^序号$/.test(c)) return "key";
    if (UNITS_HEADER.test(c)) return "units";
    if (kind === "indicators") {
      if (/一级指标|类别/.test(c)) return "inherit";
      return YEAR_HEADER.test(c) ? "value" : "text";
    }
    if (kind === "tasks") return /重点任务|主要任务/.test(c) ? "inherit" : "text";
    return i > nameCol ? "value" : "text";
  });
}

/** Aligns every row of a table; rows that fit no alignment are reported and skipped. */
function alignTable(table: TextTable, roles: ColumnRole[], issues: ParseIssue[]) {
  const aligned: { row: AlignedRow; index: number }[] = [];
  table.rows.forEach((cells, index) => {
    const row = alignRow(cells, roles);
    if (row) aligned.push({ row, index });
    else
      issues.push({
        line: table.line + 1 + index,
        message: `${table.label || "表格"}第${index + 1}行有${cells.length}个单元格,与表头${table.header.length}列对不上,已跳过`,
      });
  });
  return { filled: inheritMerged(aligned.map((a) => a.row)), aligned };
}

function parseIndicators(
  table: TextTable,
  issues: ParseIssue[],
): { years: string[]; indicators: Indicator[] } {
  const roles = rolesOf(table.header, "indicators");
  const col = (re: RegExp) => table.header.findIndex((c) => re.test(c));
  const catCol = col(/一级指标|类别/);
  const nameCol = col(/二级指标|指标名称|^指标$/);
  const unitsCol = roles.indexOf("units");
  const yearCols = roles.flatMap((r, i) => (r === "value" ? [i] : []));
  const years = yearCols.map((i) => YEAR_HEADER.exec(table.header[i])![1]);
  const { filled } = alignTable(table, roles, issues);
  const indicators = filled.map((cells): Indicator => {
    const { name, unit } = splitNameUnit(cells[nameCol]);
    const units = unitsCol >= 0 ? parseUnitList(cells[unitsCol]) : { lead: "", partners: [] };
    const targets: Indicator["targets"] = {};
    yearCols.forEach((c, k) => (targets[years[k]] = parseTargetCell(cells[c])));
    return {
      category: catCol >= 0 ? cells[catCol] : "",
      name,
      unit,
      kind: kindOf(name, unit),
      targets,
      lead: units.lead,
      partners: units.partners,
    };
  });
  return { years, indicators };
}

function parseTasks(table: TextTable, issues: ParseIssue[]): Task[] {
  const roles = rolesOf(table.header, "tasks");
  const taskCol = roles.indexOf("inherit");
  const contentCol = table.header.findIndex((c) => /具体内容|工作内容|内容/.test(c));
  const unitsCol = roles.indexOf("units");
  const noCol = roles.indexOf("key");
  const tasks: Task[] = [];
  let section = "";
  // Section rows ("(一)着力…") split the table; merged 重点任务 cells never cross a section.
  let block: { cells: string[]; index: number }[] = [];
  const flush = () => {
    const sub: TextTable = { ...table, rows: block.map((b) => b.cells) };
    const { filled } = alignTable(sub, roles, issues);
    for (const cells of filled) {
      const units = parseUnitList(cells[unitsCol] ?? "");
      tasks.push({
        no: Number(cells[noCol]) || tasks.length + 1,
        section,
        task: taskCol >= 0 ? cells[taskCol] : "",
        content: contentCol >= 0 ? cells[contentCol] : "",
        lead: units.lead,
        partners: units.partners,
      });
    }
    block = [];
  };
  table.rows.forEach((cells, index) => {
    if (cells.filter((c) => c !== "").length === 1 && SECTION_ROW.test(cells[0])) {
      flush();
      section = cells[0];
    } else block.push({ cells, index });
  });
  flush();
  return tasks;
}

function parseBreakdown(table: TextTable, issues: ParseIssue[]): Breakdown {
  const roles = rolesOf(table.header, "breakdown");
  const nameCol = roles.indexOf("text");
  const totalCol = table.header.findIndex((c) => TOTAL_HEADER.test(c));
  const deptCol = roles.indexOf("units");
  const noCol = roles.indexOf("key");
  const townCols = roles.flatMap((r, i) => (r === "value" && i !== totalCol ? [i] : []));
  const units = townCols.map((i) => table.header[i]);
  const { filled } = alignTable(table, roles, issues);
  const rows = filled.map((cells, r): BreakdownRow => {
    const { name, unit } = splitNameUnit(cells[nameCol]);
    const values: BreakdownRow["values"] = {};
    townCols.forEach((c, k) => (values[units[k]] = parseTargetCell(cells[c])));
    return {
      no: Number(cells[noCol]) || r + 1,
      name,
      unit,
      kind: kindOf(name, unit),
      values,
      total: parseTargetCell(cells[totalCol]),
      dept: deptCol >= 0 ? parseUnitList(cells[deptCol]).all.join("、") : "",
    };
  });
  const year = /(\d{4})年/.exec(table.title)?.[1] ?? "";
  return { title: table.title, year, units, totalColumn: table.header[totalCol], rows };
}

/** Lines of a saved web page that are navigation, not the document: "设为首页| 收藏本站", "首页 > 热点 > 正文". */
const NAV_LINE = /[|>]|首页|当前位置|发布(时间|日期)|来源[:：]|浏览次数|字号|返回|顶部|网站地图|news/i;
const TITLE_WORDS = /(方案|规划|意见|通知|思路|总结|计划|办法|纲要|决定|报告|要点)/;

/** The plan's own name: the 《…》 in the first lines, else the first heading-like line that names a document. */
function planTitle(document: string): string {
  const lines = document.split(/\r?\n/).map((l) => l.trim());
  const quoted = /《([^》]+)》/.exec(lines.slice(0, 5).join("\n"));
  if (quoted) return quoted[1];
  const candidates = lines.slice(0, 20).filter((l) => l.length >= 6 && l.length <= 60 && !NAV_LINE.test(l));
  return candidates.find((l) => TITLE_WORDS.test(l)) ?? candidates[0] ?? "";
}

export function parsePlanDocument(document: string): ParsedPlan {
  const issues: ParseIssue[] = [];
  const plan: ParsedPlan = {
    title: planTitle(document),
    years: [],
    indicatorTitle: "",
    indicators: [],
    taskTitle: "",
    tasks: [],
    breakdowns: [],
    issues,
    proseTargets: [],
    proseLinks: { links: [], disagreements: [] },
  };
  for (const table of findTextTables(document)) {
    // A lone line with "|" is page navigation or a caption, not a table: a table has a header and rows.
    if (table.rows.length === 0) continue;
    const kind = classify(table);
    if (kind === "indicators") {
      const { years, indicators } = parseIndicators(table, issues);
      plan.years = years;
      plan.indicators.push(...indicators);
      plan.indicatorTitle ||= table.title;
    } else if (kind === "tasks") {
      plan.tasks.push(...parseTasks(table, issues));
      plan.taskTitle ||= table.title;
    } else if (kind === "breakdown") {
      plan.breakdowns.push(parseBreakdown(table, issues));
    } else if (table.header.filter((h) => h !== "").length >= 3 && table.rows.length >= 2) {
      // Report only what looks like a real table; two "|" lines of page navigation are not one.
      issues.push({ line: table.line, message: `无法识别的表格(表头:${table.header.join("|")}),已跳过` });
    }
  }
  plan.proseTargets = extractProseTargets(document, plan.years[0] ? { year: plan.years[0] } : {});
  plan.proseLinks = linkProseTargets(plan.proseTargets, plan);
  return plan;
}
