// 分解目标's 应用 and 撤销上次分解 as plain functions over the pane's actions, so they can be driven without React:
// each writes the planned cells and appends its batch to 调整记录 (the changes worded by core), in one action.
import type { AllocationMethod } from "../core/allocate/allocate";
import type { ResolvedBases } from "../core/allocate/bases";
import type { BreakdownView, BreakdownViewRow } from "../core/allocate/breakdownView";
import { methodWords, rowChange, undoneChanges } from "../core/allocate/changeLog";
import type { PlannedWrite } from "../core/allocate/plan";
import { localTime } from "../core/submissions/statusSheet";
import type { CellsWritten, CellWrite } from "../excel/writeCells";
import type { TaskpaneActions } from "./actions";

/** Whether the page spreads a row as rates (质态型 rows, proportional or equal): the plan's `rate`. */
export const spreadsRates = (row: Pick<BreakdownViewRow, "kind">, method: AllocationMethod) =>
  row.kind === "rate" && (method === "proportional" || method === "equal");

/** One planned row, as the page holds it. */
export interface PlannedRow {
  row: BreakdownViewRow;
  writes: PlannedWrite[];
  cityValue: number | null;
  cityWrite?: PlannedWrite;
  bases?: ResolvedBases;
}

export interface ApplyRequest {
  view: BreakdownView;
  plans: PlannedRow[];
  method: AllocationMethod;
  percent?: number;
  /** Towns held at a value typed. */
  heldAt: string[];
  /** 调整原因 as typed ("" when none). */
  reason: string;
  now: Date;
}

/** An apply, kept for its undo. */
export interface Applied extends CellsWritten {
  sheet: string;
}

/** "2024年6月5日 10:03" in the clerk's time zone. */
export const stamp = (now: Date) => localTime(now.toISOString(), -now.getTimezoneOffset());

export async function applyAllocation(
  actions: Pick<TaskpaneActions, "writeCells">,
  req: ApplyRequest,
): Promise<Applied> {
  const { view } = req;
  const changes = req.plans.map((p) =>
    rowChange({
      sheet: view.sheet,
      table: view.table,
      row: p.row.ref,
      plan: { current: p.row.current, cityValue: p.cityValue, writes: p.writes, cityWrite: p.cityWrite },
      method: methodWords({
        method: req.method,
        rate: spreadsRates(p.row, req.method),
        baseLabel: p.bases?.label,
        percent: req.percent,
      }),
      heldAt: req.heldAt,
    }),
  );
  const writes: CellWrite[] = req.plans.flatMap((p) => p.writes);
  // Office.js gives no reliable user name in Excel: 操作人 stays empty in the pane.
  const written = await actions.writeCells(view.sheet, writes, {
    changes,
    time: stamp(req.now),
    reason: req.reason,
    operator: "",
  });
  return { sheet: view.sheet, ...written };
}

/** Puts the cells back and records it: the applied batch's rows the other way round, 方法 撤销. */
export async function undoAllocation(
  actions: Pick<TaskpaneActions, "writeCells">,
  last: Applied,
  now: Date,
): Promise<CellsWritten> {
  const recorded = last.recorded;
  return actions.writeCells(last.sheet, last.previous, {
    changes: recorded ? undoneChanges(recorded.changes) : [],
    time: stamp(now),
    reason: recorded ? `撤销第${recorded.batch}批调整` : "",
    operator: "",
  });
}
