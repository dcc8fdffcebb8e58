// One filled sheet per department (职责分工) or per town (目标责任书) of a plan.
import { uniqueSheetName } from "../layout/sheetNames";
import type { SheetSpec } from "../layout/sheetSpec";
import type { Cell, Plan } from "../model";
import { departmentData, TEMPLATE_FIELDS, townData } from "./fillData";
import { fillTemplate, type FillFinding } from "./fillTemplate";
import { DEFAULT_ALIASES } from "./unitNames";
import { departmentViews, townViews } from "./views";

export type GroupBy = "department" | "town";

export interface FilledOutput {
  unit: string;
  spec: SheetSpec;
  tasksLed: number[];
  tasksSupported: number[];
  indicators: string[];
  targets: Record<string, Cell>;
  findings: FillFinding[];
}

/** "平湖市先进制造业…方案" → "平湖市人民政府": 甲方 of a town's 目标责任书. */
export function superiorOf(plan: Plan): string {
  const place = /^(.+?[市县区])/.exec(plan.title)?.[1];
  return place ? `${place}人民政府` : "";
}

export function fillByUnit(
  template: SheetSpec,
  plan: Plan,
  by: GroupBy,
  aliases: Record<string, string> = DEFAULT_ALIASES,
): FilledOutput[] {
  const taken: string[] = [];
  const name = (unit: string) => {
    const n = uniqueSheetName(unit, taken);
    taken.push(n);
    return n;
  };
  if (by === "department") {
    const year = plan.years[0] ?? "";
    return departmentViews(plan, aliases).map((v) => {
      const { spec, findings } = fillTemplate(template, departmentData(v, plan, year), TEMPLATE_FIELDS);
      return {
        unit: v.unit,
        spec: { ...spec, name: name(v.unit) },
        tasksLed: v.tasksLed.map((t) => t.no),
        tasksSupported: v.tasksSupported.map((t) => t.no),
        indicators: v.indicators.map((i) => i.name),
        targets: Object.fromEntries(v.indicators.map((i) => [i.name, i.targets[year]])),
        findings,
      };
    });
  }
  const breakdown = plan.breakdowns[0];
  if (!breakdown) return [];
  return townViews(breakdown, aliases).map((v) => {
    const { spec, findings } = fillTemplate(template, townData(v, plan, superiorOf(plan)), TEMPLATE_FIELDS);
    return {
      unit: v.unit,
      spec: { ...spec, name: name(v.unit) },
      tasksLed: [],
      tasksSupported: [],
      indicators: v.targets.map((t) => t.row.name),
      targets: Object.fromEntries(v.targets.map((t) => [t.row.name, t.target])),
      findings,
    };
  });
}
