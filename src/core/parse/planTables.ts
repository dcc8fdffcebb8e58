// Structured plan tables → the plan model: 附件1 indicator system, 附件2 职责分工, 附件3 town breakdown. The same
// code reads the text form, a .docx and a sheet, so each gives the same plan.
import type { Breakdown, BreakdownRow, Cell, Indicator, Plan, Task } from "../model";
import { numberTextProblem, parseTargetCell } from "../numbers";
import { MEASURE_UNIT_LABEL } from "../table/vocabulary";
import { splitUnits } from "../text";
import { kindOf, splitNameUnit } from "../units";
import {
  classify,
  inheritMerged,
  isFullWidth,
  isNameHeader,
  isRepeatedHeader,
  type PlanTable,
  type TableRow,
  TOTAL_HEADER,
  UNITS_HEADER,
  YEAR_HEADER,
} from "./planTable";
import { message, said, type Message } from "../messages/message";
import { valueNote } from "../messages/valueNotes";
import type { ProseLinks } from "./prose/link";
import type { ProseFact, ProseTarget } from "./prose/types";
import { parseUnitList } from "./unitList";

export interface ParseIssue {
  /** 1-based line of the document (or row of the sheet). */
  line: number;
  message: string;
  msg: Message;
}

export interface ParsedPlan extends Plan {
  issues: ParseIssue[];
  /** The targets stated in the document's sentences (not its tables), and how they compare with the tables. */
  proseTargets: ProseTarget[];
  /** The other numbers of the sentences, each a result, forecast or progress: for 亮晒 / 通报, never targets. */
  proseFacts: ProseFact[];
  proseLinks: ProseLinks;
  /** The text file's encoding, when the plan was read from one (UTF-8, UTF-16LE/BE, GB18030). */
  encoding?: string;
}

const PARTNERS_HEADER = /^(配合单位|配合部门)$/;

/** Data rows: repeated header rows (a table continued on the next page) dropped. */
function dataRows(table: PlanTable): TableRow[] {
  return table.rows.filter((r) => !isRepeatedHeader(r, table.header));
}

/** Lead and partners from a 责任单位 column, or from separate 牵头单位 / 配合单位 columns. */
function unitsOf(cells: string[], unitsCol: number, partnersCol: number) {
  const units = unitsCol >= 0 ? parseUnitList(cells[unitsCol] ?? "") : { lead: "", partners: [] };
  if (partnersCol < 0) return { lead: units.lead, partners: units.partners };
  return { lead: units.lead, partners: [...units.partners, ...splitUnits(cells[partnersCol] ?? "")] };
}

function nameAndUnit(cells: string[], nameCol: number, unitCol: number) {
  const split = splitNameUnit(cells[nameCol] ?? "");
  return { name: split.name, unit: (unitCol >= 0 ? cells[unitCol]?.trim() : "") || split.unit };
}

/**
 * A target cell as parseTargetCell reads it. Text that stands for a number no cell can hold ("NaN", "Infinity",
 * "1e309") is kept as the words it is, never a number, and reported with where it stands.
 */
function targetCell(text: string, line: number, where: Message, issues: ParseIssue[]): Cell {
  const problem = numberTextProblem(text);
  if (problem)
    issues.push({
      line,
      ...said(message("plan.bad_number", { where, text: text.trim(), problem: valueNote(problem) })),
    });
  return parseTargetCell(text);
}

/** Merged cells filled in, each row with its line. */
const filledRows = (rows: TableRow[]) =>
  inheritMerged(rows).map((cells, i) => ({ cells, line: rows[i].line }));

function parseIndicators(
  table: PlanTable,
  issues: ParseIssue[],
): { years: string[]; indicators: Indicator[] } {
  const h = table.header;
  const catCol = h.findIndex((c) => /一级指标|类别/.test(c));
  const nameCol = h.findIndex(isNameHeader);
  const unitCol = h.findIndex((c) => MEASURE_UNIT_LABEL.test(c));
  const unitsCol = h.findIndex((c) => UNITS_HEADER.test(c));
  const partnersCol = h.findIndex((c) => PARTNERS_HEADER.test(c));
  const yearCols = h.flatMap((c, i) => (YEAR_HEADER.test(c) ? [i] : []));
  const years = yearCols.map((i) => YEAR_HEADER.exec(h[i])![1]);
  const rows = dataRows(table).filter((r) => !isFullWidth(r));
  const label = table.label || "指标表";
  const indicators = filledRows(rows)
    .filter(({ cells }) => (cells[nameCol] ?? "") !== "")
    .map(({ cells, line }): Indicator => {
      const { name, unit } = nameAndUnit(cells, nameCol, unitCol);
      const targets: Indicator["targets"] = {};
      yearCols.forEach(
        (c, k) =>
          (targets[years[k]] = targetCell(
            cells[c] ?? "",
            line,
            message("plan.cell_of_year", { table: label, name, year: years[k] }),
            issues,
          )),
      );
      return {
        category: catCol >= 0 ? cells[catCol] : "",
        name,
        unit,
        kind: kindOf(name, unit),
        targets,
        ...unitsOf(cells, unitsCol, partnersCol),
      };
    });
  return { years, indicators };
}

function parseTasks(table: PlanTable): Task[] {
  const h = table.header;
  const taskCol = h.findIndex((c) => /重点任务|主要任务/.test(c));
  const contentCol = h.findIndex((c) => /具体内容|工作内容|内容/.test(c));
  const unitsCol = h.findIndex((c) => UNITS_HEADER.test(c));
  const partnersCol = h.findIndex((c) => PARTNERS_HEADER.test(c));
  const noCol = h.findIndex((c) => /^序号$/.test(c));
  const tasks: Task[] = [];
  let section = "";
  // Section rows ("(一)着力…") split the table; merged 重点任务 cells never cross a section.
  let block: TableRow[] = [];
  const flush = () => {
    for (const cells of inheritMerged(block)) {
      tasks.push({
        no: Number(cells[noCol]) || tasks.length + 1,
        section,
        task: taskCol >= 0 ? cells[taskCol] : "",
        content: contentCol >= 0 ? cells[contentCol] : "",
        ...unitsOf(cells, unitsCol, partnersCol),
      });
    }
    block = [];
  };
  for (const row of dataRows(table)) {
    if (isFullWidth(row)) {
      flush();
      section = row.cells[0] ?? "";
    } else if (row.cells.some((c) => c)) block.push(row);
  }
  flush();
  return tasks;
}

function parseBreakdown(table: PlanTable, issues: ParseIssue[]): Breakdown {
  const h = table.header;
  const nameCol = h.findIndex(isNameHeader);
  const totalCol = h.findIndex((c) => TOTAL_HEADER.test(c));
  const deptCol = h.findIndex((c) => UNITS_HEADER.test(c));
  const noCol = h.findIndex((c) => /^序号$/.test(c));
  const unitCol = h.findIndex((c) => MEASURE_UNIT_LABEL.test(c));
  const townCols = h.flatMap((c, i) =>
    i > nameCol && i !== totalCol && i !== deptCol && i !== unitCol && c !== "" ? [i] : [],
  );
  const units = townCols.map((i) => h[i]);
  const rows = dataRows(table).filter((r) => !isFullWidth(r));
  const label = table.label || "分解表";
  const out = filledRows(rows)
    .filter(({ cells }) => (cells[nameCol] ?? "") !== "")
    .map(({ cells, line }, r): BreakdownRow => {
      const { name, unit } = nameAndUnit(cells, nameCol, unitCol);
      const at = (c: number, who: string) =>
        targetCell(
          cells[c] ?? "",
          line,
          message("plan.cell_of_unit", { table: label, name, unit: who }),
          issues,
        );
      const values: BreakdownRow["values"] = {};
      townCols.forEach((c, k) => (values[units[k]] = at(c, units[k])));
      return {
        no: Number(cells[noCol]) || r + 1,
        name,
        unit,
        kind: kindOf(name, unit),
        values,
        total: at(totalCol, h[totalCol] ?? "合计"),
        dept: deptCol >= 0 ? parseUnitList(cells[deptCol] ?? "").all.join("、") : "",
      };
    });
  const year = /(\d{4})年/.exec(table.title)?.[1] ?? "";
  return { title: table.title, year, units, totalColumn: h[totalCol], rows: out };
}

/** Adds a table to the plan by its kind; returns false when it is none of the three. */
export function addPlanTable(plan: ParsedPlan, table: PlanTable): boolean {
  const kind = classify(table.header);
  if (kind === "indicators") {
    const { years, indicators } = parseIndicators(table, plan.issues);
    plan.years = years;
    for (const indicator of indicators) plan.indicators.push(indicator);
    plan.indicatorTitle ||= table.title;
  } else if (kind === "tasks") {
    for (const task of parseTasks(table)) plan.tasks.push(task);
    plan.taskTitle ||= table.title;
  } else if (kind === "breakdown") {
    plan.breakdowns.push(parseBreakdown(table, plan.issues));
  }
  return kind !== null;
}

export function emptyPlan(title: string): ParsedPlan {
  return {
    title,
    years: [],
    indicatorTitle: "",
    indicators: [],
    taskTitle: "",
    tasks: [],
    breakdowns: [],
    issues: [],
    proseTargets: [],
    proseFacts: [],
    proseLinks: { links: [], disagreements: [] },
  };
}

/** Adds each table; an unrecognised one that looks like a real table is reported (page navigation is not). */
export function addPlanTables(plan: ParsedPlan, tables: PlanTable[]): ParsedPlan {
  for (const table of tables) {
    if (table.rows.length === 0) continue; // a lone "|" line is a caption, not a table
    const known = addPlanTable(plan, table);
    if (!known && table.header.filter((h) => h !== "").length >= 3 && table.rows.length >= 2)
      plan.issues.push({
        line: table.line,
        ...said(message("plan.unknown_table", { header: table.header.join("|") })),
      });
  }
  return plan;
}
