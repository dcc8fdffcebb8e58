// 职责分工 (附件2 style): 序号 | 重点任务(措施) | 具体内容 | 牵头单位 | 配合单位, with section rows.
import type { Plan } from "../model";
import { SheetBuilder, mergeRuns } from "./builder";
import {
  BODY_STYLE,
  CENTER,
  HEADER_STYLE,
  NOTE_STYLE,
  SECTION_STYLE,
  TITLE_STYLE,
  WRAP_LEFT,
  wrappedRowHeight,
} from "./look";
import type { SheetSpec } from "./sheetSpec";

export const TASK_SHEET = "职责分工";
const HEADER_ROW = 3;
const WIDTHS = [6, 18, 60, 20, 30];

export function taskSheet(plan: Plan, name = TASK_SHEET): SheetSpec {
  const header = ["序号", "重点任务(措施)", "具体内容", "牵头单位", "配合单位"];
  const last = header.length;
  const b = new SheetBuilder(name);
  b.title(1, last, plan.taskTitle || `${plan.title}职责分工`, TITLE_STYLE);
  b.set(2, 1, "说明:涉及多个部门的,第一部门为牵头部门,其余为配合部门。")
    .merge(2, 1, 2, last)
    .style(2, 1, 2, last, NOTE_STYLE);
  b.setRow(HEADER_ROW, 1, header).style(HEADER_ROW, 1, HEADER_ROW, last, HEADER_STYLE);
  b.spec.rowHeights[HEADER_ROW] = 24;
  let row = HEADER_ROW + 1;
  let section = "";
  const sectionRows: number[] = [];
  // Runs of one task inside one section, merged in column B like the document.
  let runStart = row;
  let runTasks: string[] = [];
  const closeRun = () => {
    mergeRuns(b, 2, runStart, runTasks);
    runTasks = [];
  };
  for (const t of plan.tasks) {
    if (t.section && t.section !== section) {
      closeRun();
      section = t.section;
      b.set(row, 1, section).merge(row, 1, row, last);
      sectionRows.push(row);
      row++;
      runStart = row;
    }
    b.setRow(row, 1, [t.no, t.task, t.content, t.lead, t.partners.join("、")]);
    runTasks.push(t.task);
    const longest = Math.max(t.content.length, (t.partners.join("、").length * WIDTHS[2]) / WIDTHS[4]);
    b.spec.rowHeights[row] = wrappedRowHeight(longest, WIDTHS[2]);
    row++;
  }
  closeRun();
  const lastRow = Math.max(HEADER_ROW + 1, row - 1);
  b.style(HEADER_ROW + 1, 1, lastRow, last, BODY_STYLE);
  b.style(HEADER_ROW + 1, 1, lastRow, 1, CENTER);
  b.style(HEADER_ROW + 1, 2, lastRow, last, WRAP_LEFT);
  for (const r of sectionRows) b.style(r, 1, r, last, SECTION_STYLE);
  return b.finishTable({
    headerRow: HEADER_ROW,
    lastRow,
    lastColumn: last,
    widths: WIDTHS,
    frozenColumns: 0,
  });
}
