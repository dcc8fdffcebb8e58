// The sheets a plan loads into: 指标体系, 职责分工 and one town breakdown per 附件 breakdown table.
import type { Plan } from "../model";
import { breakdownSheet } from "./breakdownSheet";
import { indicatorSheet } from "./indicatorSheet";
import type { SheetSpec } from "./sheetSpec";
import { taskSheet } from "./taskSheet";

export function planWorkbook(plan: Plan): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  if (plan.indicators.length > 0) sheets.push(indicatorSheet(plan));
  if (plan.tasks.length > 0) sheets.push(taskSheet(plan));
  for (const b of plan.breakdowns) sheets.push(breakdownSheet(b));
  return sheets;
}
