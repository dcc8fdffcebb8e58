// Verdicts of the breakdown check and their Chinese labels (the same words the sheet's 校验 formulas print; the
// wording, zh and en, is in src/core/messages/labels.ts).
import { zh } from "../messages/message";

export type RowStatus =
  | "ok"
  | "over" // 总量型: towns add to more than the city target (warning: 超额分解)
  | "short" // 总量型: towns add to less (error: 缺口)
  | "out_of_range" // 质态型: city value outside the towns' range, or off their weighted mean
  | "missing" // an empty cell where a number is due
  | "invalid" // an Excel error value or text that is no number
  | "none" // "-": no target
  | "pending" // "待…另行下达"
  | "qualitative"; // a target in words

export type Severity = "error" | "warning" | "info";

export const STATUS_LABEL: Record<RowStatus, string> = {
  ok: zh("status.ok"),
  over: zh("status.over"),
  short: zh("status.short"),
  out_of_range: zh("status.out_of_range"),
  missing: zh("status.missing"),
  invalid: zh("status.invalid"),
  none: zh("status.none"),
  pending: zh("status.pending"),
  qualitative: zh("status.qualitative"),
};

export const STATUS_SEVERITY: Record<RowStatus, Severity> = {
  ok: "info",
  over: "warning",
  short: "error",
  out_of_range: "error",
  missing: "error",
  invalid: "error",
  none: "info",
  pending: "info",
  qualitative: "info",
};
