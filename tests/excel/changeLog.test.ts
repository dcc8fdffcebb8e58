// 分解目标's 应用 and 撤销 against the strict fake Excel, as the page drives them (allocateRecord over the pane's
// actions): each adds one batch to 调整记录, appended in order, in the 2 requests of the cells' own write; the
// reason typed stays text; no other sheet changes.
import { TOWNS } from "../submissions/fixtures";
import { describe, expect, it } from "vitest";
import type { AllocationMethod } from "../../src/core/allocate/allocate";
import type { BreakdownView } from "../../src/core/allocate/breakdownView";
import { readChangeLog, type ChangeLogEntry } from "../../src/core/allocate/changeLog";
import { planAllocation, type PlanRequest } from "../../src/core/allocate/plan";
import { gridValueFromExcel } from "../../src/core/grid";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import type { ExcelHost } from "../../src/excel/host";
import { writeSheets } from "../../src/excel/writeSheets";
import { createActions } from "../../src/taskpane/actions";
import { applyAllocation, undoAllocation, type Applied } from "../../src/taskpane/allocateRecord";
import { seedPlan } from "../helpers/workbooks";
import { fakeHost, valueAt } from "./fixtures";

const SHEET = "2023年目标分解";

/** A sheet's values through the fake API (not counted: the caller resets the stats). */
async function sheetValues(host: ExcelHost, name: string): Promise<unknown[][]> {
  return host.run(async (context) => {
    const used = context.workbook.worksheets.getItem(name).getUsedRange(true);
    used.load("values");
    await context.sync();
    return used.values;
  });
}

async function record(host: ExcelHost): Promise<ChangeLogEntry[]> {
  const values = await sheetValues(host, "调整记录");
  return readChangeLog({ name: "调整记录", rows: values.map((r) => r.map(gridValueFromExcel)) });
}

/** What the page does on 应用: plan the rows ticked as the page plans them, then apply with the reason typed. */
async function apply(
  actions: ReturnType<typeof createActions>,
  view: BreakdownView,
  names: string[],
  req: PlanRequest,
  reason: string,
  heldAt: string[] = [],
): Promise<Applied> {
  const plans = names.map((name) => {
    const row = view.rows.find((r) => r.name === name)!;
    const p = planAllocation({ grid: view.grid, table: view.table, row: row.ref }, req);
    expect(p.error).toBeUndefined();
    return { row, ...p };
  });
  const method: AllocationMethod = req.method;
  return applyAllocation(actions, {
    view,
    plans,
    method,
    percent: req.percent,
    heldAt,
    reason,
    now: new Date(),
  });
}

describe("调整记录 from the task pane", () => {
  it("apply, apply again, 撤销: three batches appended in order, 2 syncs each, nothing else touched", async () => {
    const { host, stats, workbook } = fakeHost();
    await writeSheets(host, planWorkbook(seedPlan()));
    const actions = createActions(host);
    const others = await sheetValues(host, "指标体系");
    const active = workbook.activeSheet?.name;

    // 1. 制造业投资 118 → 130 in proportion to the current values, 经开区 held at 45 (typed).
    let view = (await actions.readBreakdown()).view!;
    stats.reset();
    const first = await apply(
      actions,
      view,
      ["制造业投资"],
      { method: "proportional", total: 130, held: { 经开区: 45 } },
      "项目调整",
      ["经开区"],
    );
    expect(stats.syncs).toBe(2);
    expect(first.recorded?.batch).toBe(1);
    expect(await valueAt(host, SHEET, "F5")).toBe(45);
    expect(await valueAt(host, SHEET, "M5")).toBe(130);

    // 2. Two rows at once, +10%, with a reason that looks like a formula.
    view = (await actions.readBreakdown()).view!;
    stats.reset();
    const second = await apply(
      actions,
      view,
      ["高耗低效整治企业数", "高耗低效整治腾出用地面积"],
      { method: "adjust", percent: 10 },
      "=1+1",
    );
    expect(stats.syncs).toBe(2);
    expect(second.recorded?.batch).toBe(2);

    // 3. 撤销 the second.
    stats.reset();
    const undone = await undoAllocation(actions, second, new Date());
    expect(stats.syncs).toBe(2);
    expect(undone.recorded?.batch).toBe(3);

    const entries = await record(host);
    const batches = [...new Set(entries.map((e) => e.batch))];
    expect(batches).toEqual([1, 2, 3]);
    const of = (b: number) => entries.filter((e) => e.batch === b);
    // Batch 1: the 8 towns and the 全市 cell, 经开区 as 锁定值, in one time and with the reason.
    expect(of(1).map((e) => e.town)).toEqual([...TOWNS, "全市"]);
    expect(of(1)[1]).toMatchObject({
      before: 41,
      after: 45,
      change: 4,
      method: "锁定值",
      reason: "项目调整",
    });
    expect(of(1)[8]).toMatchObject({ cell: "M5", before: 118, after: 130, cityBefore: 118, cityAfter: 130 });
    expect(new Set(of(1).map((e) => e.time)).size).toBe(1);
    expect(of(1).every((e) => e.operator === "")).toBe(true);
    // Batch 2: both rows, their towns and 全市 each; the reason is text, not a formula's 2.
    expect(new Set(of(2).map((e) => e.indicator))).toEqual(
      new Set(["高耗低效整治企业数", "高耗低效整治腾出用地面积"]),
    );
    expect(of(2).every((e) => e.reason === "=1+1" && e.method === "按比例调整(+10%)")).toBe(true);
    // Batch 3: batch 2 the other way round.
    expect(of(3).map((e) => [e.indicator, e.town, e.before, e.after, e.method])).toEqual(
      of(2).map((e) => [e.indicator, e.town, e.after, e.before, "撤销"]),
    );
    expect(of(3).every((e) => e.reason === "撤销第2批调整")).toBe(true);
    // Rows in the sheet's order, one after another under the header (row 3).
    expect(entries.map((e) => e.row)).toEqual(entries.map((_, i) => 4 + i));

    // The breakdown is as after batch 1; 指标体系 is untouched; the clerk stays on the sheet they were on.
    expect(await valueAt(host, SHEET, "E15")).toBe(
      view.rows.find((r) => r.name === "高耗低效整治企业数")!.current[0],
    );
    expect(await sheetValues(host, "指标体系")).toEqual(others);
    expect(workbook.activeSheet?.name).toBe(active);
  });

  it("keeps what a 调整记录 sheet held and adds a header under it when it has none", async () => {
    const { host } = fakeHost({ sheets: ["Sheet1"] });
    await writeSheets(host, planWorkbook(seedPlan()));
    await host.run(async (context) => {
      context.workbook.worksheets.add("调整记录").getRange("A1:B2").values = [
        ["我的笔记", null],
        [null, 7],
      ];
      await context.sync();
    });
    const actions = createActions(host);
    const view = (await actions.readBreakdown()).view!;
    await apply(actions, view, ["制造业投资"], { method: "equal" }, "");
    const values = await sheetValues(host, "调整记录");
    expect(values[0][0]).toBe("我的笔记");
    expect(values[1][1]).toBe(7);
    expect(values[3][0]).toBe("批次");
    // 118 in equal shares: the 8 towns change, the 全市 cell stays (no row for it).
    const entries = await record(host);
    expect(entries.map((e) => [e.batch, e.after])).toEqual(Array(8).fill([1, 14.75]));
  });
});
