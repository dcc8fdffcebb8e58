// The sheets a plan loads into: 指标体系, 正文目标 (the targets of its sentences), 职责分工 and one town breakdown
// per 附件 breakdown table.
import type { Plan } from "../model";
import { breakdownSheet, breakdownSheetName } from "./breakdownSheet";
import { breakdownSheetTownsAsRows } from "./breakdownSheetRows";
import { indicatorSheet } from "./indicatorSheet";
import { proseSheet, type ProseRow } from "./proseSheet";
import { uniqueSheetName } from "./sheetNames";
import type { SheetSpec } from "./sheetSpec";
import { taskSheet } from "./taskSheet";

/** How the town breakdown is laid out: indicators as rows (附件3, the default) or towns as rows. */
export type BreakdownLayout = "indicators-as-rows" | "towns-as-rows";

export const BREAKDOWN_LAYOUTS: BreakdownLayout[] = ["indicators-as-rows", "towns-as-rows"];

/** `prose`: the prose targets to write (all of proseRows(plan), or those accepted on review); none by default. */
export function planWorkbook(
  plan: Plan,
  prose: ProseRow[] = [],
  layout: BreakdownLayout = "indicators-as-rows",
): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  if (plan.indicators.length > 0) sheets.push(indicatorSheet(plan));
  if (prose.length > 0) sheets.push(proseSheet(plan.title, prose));
  if (plan.tasks.length > 0) sheets.push(taskSheet(plan));
  // Two breakdowns of one year must not collide: the second becomes "2023年目标分解 (2)".
  for (const b of plan.breakdowns) {
    const spec =
      layout === "towns-as-rows" ? breakdownSheetTownsAsRows(b, breakdownSheetName(b)) : breakdownSheet(b);
    spec.name = uniqueSheetName(
      spec.name,
      sheets.map((s) => s.name),
    );
    sheets.push(spec);
  }
  return sheets;
}
