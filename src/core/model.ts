// The plan model: exactly what a plan document says, with nothing inferred that the document does not state.

/** `>=` for 以上/不低于/突破/超, `<=` for 以内/不超过, `=` otherwise. */
export type Comparator = ">=" | "<=" | "=";

/**
 * number: a numeric target; none: "-" (no target for this unit); pending: "待…另行下达";
 * qualitative: a target in words such as "完成嘉兴下达任务".
 */
export type CellStatus = "number" | "none" | "pending" | "qualitative";

export interface Cell {
  value: number | null;
  op: Comparator;
  /** The cell as written in the document (line-wrap spaces removed). */
  text: string;
  status: CellStatus;
}

/** 总量型 amounts add up; 质态型 rates, shares and intensities do not. */
export type IndicatorKind = "total" | "rate";

export interface Indicator {
  /** 一级指标 */
  category: string;
  /** 二级指标, without the trailing unit in parentheses. */
  name: string;
  unit: string;
  kind: IndicatorKind;
  /** Year ("2023") → target. */
  targets: Record<string, Cell>;
  lead: string;
  partners: string[];
}

export interface Task {
  no: number;
  /** The section row above the task, e.g. "(一)着力空间腾换,优化制造业发展布局". */
  section: string;
  /** 重点任务(措施) */
  task: string;
  /** 具体内容 */
  content: string;
  lead: string;
  partners: string[];
}

export interface BreakdownRow {
  no: number;
  name: string;
  unit: string;
  kind: IndicatorKind;
  /** Town → cell, in the order of Breakdown.units. */
  values: Record<string, Cell>;
  total: Cell;
  dept: string;
}

export interface Breakdown {
  /** The document's heading, e.g. "2023年平湖市先进制造业集群培育工程镇(街道)目标任务分解". */
  title: string;
  year: string;
  /** Towns in the document's order. */
  units: string[];
  /** Header of the total column, e.g. "全市". */
  totalColumn: string;
  rows: BreakdownRow[];
}

export interface Plan {
  title: string;
  /** Years of the indicator system, in order. */
  years: string[];
  indicatorTitle: string;
  indicators: Indicator[];
  taskTitle: string;
  tasks: Task[];
  breakdowns: Breakdown[];
}
