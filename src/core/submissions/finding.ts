// One problem found in a returned file: where (file, sheet, cell), how bad (错误 / 警告), what (a stable code for
// programs, a Chinese message for the clerk and the same as a message code with params for the pane's language).
import { zh, type Message } from "../messages/message";

export type FindingSeverity = "error" | "warning";

export type FindingCode =
  // The file as a whole
  | "unreadable" // not a workbook at all: damaged, truncated, zero bytes
  | "encrypted" // a password-protected workbook (an encrypted OLE container)
  | "not_xlsx" // an .xls or a .csv renamed to .xlsx
  | "empty" // a workbook with no data
  | "no_table" // no 填报 table found on any sheet
  | "unknown_unit" // the reporting town could not be told from marker, content or file name
  | "no_marker" // no identity marker: identified by title or file name only
  | "unit_conflict" // the marker names one town, the title another
  | "wrong_year" // a template of another year
  | "other_plan" // the indicator set differs from the issued one (another plan or an old template)
  | "duplicate" // an earlier file of a town that sent a newer one
  // Structure drift against the issued template
  | "sheet_renamed"
  | "other_layout" // not the issued template: the town's figures read from a breakdown-shaped table
  | "header_moved" // rows inserted or deleted above the header
  | "column_added"
  | "column_missing"
  | "column_moved"
  | "row_added"
  | "row_missing"
  | "row_moved"
  | "row_duplicate"
  | "indicator_renamed"
  | "target_changed" // the locked 下达目标 cell differs from what was issued
  | "locked_changed" // another locked cell (计量单位, 类型) changed
  | "merged_cells"
  | "hidden_row"
  // Values in 本单位填报
  | "text_number" // a number typed as text, full-width, with a unit or words: read as a number
  | "unit_mismatch" // a number with a different unit in the cell (万元 where 亿元 is due)
  | "invalid_value" // an error value, a logical value, words where a number is due
  | "invalid_number" // NaN, ±Infinity or a number past Excel's range (as a number or as text): never consolidated
  | "blank" // nothing (or "-") where a number is due
  | "negative" // a negative 总量型 amount
  | "below_target" // under the issued target (总量型 error, 质态型 warning)
  | "above_limit" // over an issued ceiling (以内)
  | "far_from_target" // less than half or more than twice the issued target
  // A county's 汇总 returned to the city (two levels)
  | "rollup_rate" // a 质态型 figure cannot be added up from the towns: the county must report it
  | "rollup_missing"; // towns of the county that have not reported, or an indicator some towns left empty

export interface Finding {
  file: string;
  /** The sheet the finding is on; "" for the file as a whole. */
  sheet: string;
  /** A1 cell or range; "" when the finding is about a sheet or the file. */
  cell: string;
  severity: FindingSeverity;
  code: FindingCode;
  message: string;
  msg: Message;
}

export const SEVERITY_LABEL: Record<FindingSeverity, string> = {
  error: zh("severity.error"),
  warning: zh("severity.warning"),
};

/** The kind of problem a code stands for, in Chinese (报送问题's 问题类型): 低于下达目标, 数字存为文本. */
export const problemKind = (code: FindingCode): string => zh(`problem.${code}`);

/** Codes of a row's value problems: a filled 说明 turns these from errors into warnings. */
export const EXPLAINABLE = new Set<FindingCode>([
  "unit_mismatch",
  "invalid_value",
  "blank",
  "negative",
  "below_target",
  "above_limit",
]);

/**
 * Indices of a longest increasing subsequence: the items that kept their order; the others were moved. Of the
 * longest, the one the plain O(n²) search picks (each item's predecessor the first earlier item ending a run
 * one shorter), found in O(n log n): the items ending runs of one length have falling values in index order,
 * so the first one below a value is found by bisection.
 */
export function keptInOrder(order: number[]): Set<number> {
  const n = order.length;
  if (order.every((x, i) => i === 0 || order[i - 1] < x)) return new Set(order.keys()); // the usual case
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  /** ending[L - 1]: the indices (in order) of the items that end an increasing run of length L. */
  const ending: number[][] = [];
  let best = -1;
  for (let i = 0; i < n; i++) {
    // The longest run an earlier, smaller item ends: the last L whose ending items hold one below order[i]
    // (the smallest of those is its last). Then the first such item, by bisection over falling values.
    let lo = 0;
    let hi = ending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const list = ending[mid];
      if (order[list[list.length - 1]] < order[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) {
      const list = ending[lo - 1];
      let a = 0;
      let b = list.length - 1; // order[list[b]] < order[i]; find the first k with order[list[k]] < order[i]
      while (a < b) {
        const mid = (a + b) >> 1;
        if (order[list[mid]] < order[i]) b = mid;
        else a = mid + 1;
      }
      length[i] = lo + 1;
      previous[i] = list[a];
    }
    (ending[length[i] - 1] ??= []).push(i);
    if (best < 0 || length[i] > length[best]) best = i;
  }
  const kept = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]) kept.add(i);
  return kept;
}
