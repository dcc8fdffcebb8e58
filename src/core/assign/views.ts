// Per-unit views of a plan: for each department, the tasks it leads (牵头) and supports (配合) and the indicators
// it answers for; for each town, its targets from the breakdown with the responsible department of each.
// The first unit listed leads (涉及多个部门的,第一部门为牵头部门).
import type { Breakdown, BreakdownRow, Cell, Indicator, Plan, Task } from "../model";
import { DEFAULT_ALIASES, resolveUnit } from "./unitNames";

export interface DepartmentView {
  unit: string;
  tasksLed: Task[];
  tasksSupported: Task[];
  /** Indicators of the indicator system it leads or co-operates on. */
  indicators: Indicator[];
}

export interface TownView {
  unit: string;
  year: string;
  title: string;
  targets: { row: BreakdownRow; target: Cell; dept: string }[];
}

/** Departments in the order the plan first names them (tasks, then indicators). */
export function departmentViews(
  plan: Plan,
  aliases: Record<string, string> = DEFAULT_ALIASES,
): DepartmentView[] {
  const views = new Map<string, DepartmentView>();
  const view = (name: string) => {
    const unit = resolveUnit(name, aliases);
    let v = views.get(unit);
    if (!v) views.set(unit, (v = { unit, tasksLed: [], tasksSupported: [], indicators: [] }));
    return v;
  };
  for (const t of plan.tasks) {
    if (t.lead) view(t.lead).tasksLed.push(t);
    for (const p of t.partners) view(p).tasksSupported.push(t);
  }
  // Each view's indicators also as a set: includes() on the list was quadratic for a unit leading thousands.
  const listed = new Map<object, Set<object>>();
  for (const ind of plan.indicators) {
    for (const name of [ind.lead, ...ind.partners].filter(Boolean)) {
      const v = view(name);
      const has = listed.get(v) ?? new Set<object>();
      listed.set(v, has);
      if (!has.has(ind)) {
        has.add(ind);
        v.indicators.push(ind);
      }
    }
  }
  return [...views.values()];
}

export function townViews(
  breakdown: Breakdown,
  aliases: Record<string, string> = DEFAULT_ALIASES,
): TownView[] {
  return breakdown.units.map((unit) => ({
    unit,
    year: breakdown.year,
    title: breakdown.title,
    targets: breakdown.rows.map((row) => ({
      row,
      target: row.values[unit],
      dept: row.dept ? resolveUnit(row.dept, aliases) : "",
    })),
  }));
}
