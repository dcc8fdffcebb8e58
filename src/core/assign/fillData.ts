// The values the templates are filled with, from the per-unit views of a plan.
import type { Cell, Plan } from "../model";
import type { FillData } from "./fillTemplate";
import type { DepartmentView, TownView } from "./views";

/** Every field a template may use; a placeholder outside this list is an error that lists them. */
export const TEMPLATE_FIELDS = [
  "单位",
  "方案",
  "年份",
  "上级",
  "牵头任务数",
  "配合任务数",
  "指标数",
  "序号",
  "任务编号",
  "重点任务",
  "具体内容",
  "分工",
  "牵头单位",
  "配合单位",
  "指标名称",
  "计量单位",
  "目标值",
  "责任部门",
];

const OP_WORD = { ">=": "以上", "<=": "以内", "=": "" } as const;

/** A target as a clerk writes it: "41", "50以上", "-", "待…另行下达". */
export function targetText(cell: Cell | undefined): string | number | null {
  if (!cell) return null;
  if (cell.status === "number" && cell.value !== null)
    return cell.op === "=" ? cell.value : `${cell.value}${OP_WORD[cell.op]}`;
  return cell.text;
}

export function departmentData(view: DepartmentView, plan: Plan, year: string): FillData {
  const tasks = [
    ...view.tasksLed.map((t) => ({ t, role: "牵头" })),
    ...view.tasksSupported.map((t) => ({ t, role: "配合" })),
  ].sort((a, b) => a.t.no - b.t.no);
  return {
    fields: {
      单位: view.unit,
      方案: plan.title,
      年份: year,
      牵头任务数: view.tasksLed.length,
      配合任务数: view.tasksSupported.length,
      指标数: view.indicators.length,
    },
    blocks: {
      任务: tasks.map(({ t, role }) => ({
        // The task's own number in the plan's 职责分工 annex ({{序号}} counts the rows of the block).
        任务编号: t.no,
        重点任务: t.task,
        具体内容: t.content,
        分工: role,
        牵头单位: t.lead,
        配合单位: t.partners.join("、") || "—",
      })),
      指标: view.indicators.map((i) => ({
        指标名称: i.name,
        计量单位: i.unit,
        目标值: targetText(i.targets[year]),
        分工: i.lead === view.unit ? "牵头" : "配合",
      })),
    },
  };
}

export function townData(view: TownView, plan: Plan, superior: string): FillData {
  return {
    fields: {
      单位: view.unit,
      方案: plan.title,
      年份: view.year,
      上级: superior,
      指标数: view.targets.length,
    },
    blocks: {
      任务: [],
      指标: view.targets.map((t) => ({
        指标名称: t.row.name,
        计量单位: t.row.unit,
        目标值: targetText(t.target),
        责任部门: t.dept,
      })),
    },
  };
}
