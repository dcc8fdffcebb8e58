// The review of prose targets on 载入指标: each target accepted, edited or rejected before anything is written.
import { proseRows, type ProseRow } from "../core/layout/proseSheet";
import type { ParsedPlan } from "../core/parse/planDocument";

export type ReviewStatus = "pending" | "accepted" | "rejected";

export interface ReviewItem {
  status: ReviewStatus;
  /** The value as the clerk left it (the one read, unless edited), and the text of the box while typing. */
  value: number;
  text: string;
}

export function startReview(plan: ParsedPlan): ReviewItem[] {
  return plan.proseTargets.map((t) => ({ status: "pending", value: t.value, text: String(t.value) }));
}

/** The rows to write: accepted targets only, with their edited values; an edit replaces the note's agreement. */
export function acceptedRows(plan: ParsedPlan, review: ReviewItem[]): ProseRow[] {
  return proseRows(plan).flatMap((row, i) => {
    const item = review[i];
    if (item?.status !== "accepted") return [];
    if (item.value === row.target.value) return [row];
    const note = `已修改(原文为 ${row.target.value}${row.target.unit})`;
    return [{ target: { ...row.target, value: item.value }, note }];
  });
}
