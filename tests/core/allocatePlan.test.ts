// planAllocation: the one plan of a row's allocation the CLI and the pane both show and write, and the pane's
// choice of breakdown sheet and measure (chooseBreakdown).
import { describe, expect, it } from "vitest";
import { breakdownView, chooseBreakdown } from "../../src/core/allocate/breakdownView";
import { planAllocation, type PlanRequest } from "../../src/core/allocate/plan";
import { findBreakdownTable, type BreakdownTable } from "../../src/core/check/breakdownTable";
import { expandMerges, type Grid, type GridValue } from "../../src/core/grid";
import { tiers, townsAsRows, years } from "../table/shapes";

/** Towns as rows: one indicator column, 合计 at the bottom. */
const townRows: Grid = {
  name: "镇街",
  rows: [
    ["镇(街道)", "制造业投资(亿元)"],
    ["甲镇", 10],
    ["乙镇", 20],
    ["合计", 30],
  ],
};

/** Indicators as rows: 甲乙丙 in D:F, 全市 in G. */
function sheet(rows: GridValue[][]): Grid {
  return {
    name: "目标分解",
    rows: [["某市目标分解"], ["序号", "指标名称", "计量单位", "甲镇", "乙镇", "丙镇", "全市"], ...rows],
  };
}

function plan(grid: Grid, indicator: string, req: PlanRequest, grids?: Grid[]) {
  const g = expandMerges(grid);
  const table = findBreakdownTable(g) as BreakdownTable;
  const row = table.rows.find((r) => r.name === indicator)!;
  return planAllocation({ grid: g, table, row, grids }, req);
}

describe("planAllocation", () => {
  it("towns as rows: the writes go down the indicator's column, one cell per town, then the 合计 to the new total", () => {
    const p = plan(townRows, "制造业投资", { method: "proportional", total: 60 });
    expect(p.error).toBeUndefined();
    expect(p.values).toEqual([20, 40]);
    expect(p.total).toBe(60);
    expect(p.cityCell).toBe("B4");
    expect(p.writes).toEqual([
      { address: "B2", value: 20 },
      { address: "B3", value: 40 },
      { address: "B4", value: 60, total: true },
    ]);
  });

  it("the 全市 cell is written only when the allocation changes the row's total", () => {
    const g = sheet([
      [1, "工业投资", "亿元", 10, 20, 30, 60],
      [2, "规上工业增加值增长", "%", 6, 8, 7, 7],
      [3, "上年增加值", "亿元", 100, 200, 300, 600],
    ]);
    // The 全市 target split again as it stands, or typed as it stands: nothing to change there.
    expect(plan(g, "工业投资", { method: "equal" }).cityWrite).toBeUndefined();
    expect(plan(g, "工业投资", { method: "proportional", total: 60 }).cityWrite).toBeUndefined();
    // 118 → 130 in the pane's words: the total cell follows, last among the writes.
    const raised = plan(g, "工业投资", { method: "proportional", total: 130 });
    expect(raised.writes.at(-1)).toEqual({ address: "G3", value: 130, total: true });
    // adjust and fill move the sum: the 全市 cell gets the new sum, exactly.
    expect(plan(g, "工业投资", { method: "adjust", percent: 10 }).cityWrite).toEqual({
      address: "G3",
      value: 66,
      total: true,
    });
    expect(plan(g, "工业投资", { method: "fill", total: 0.1 }).cityWrite?.value).toBe(0.3);
    // A 质态型 row: the city rate typed for a weighted spread is written; a fill of rates has no sum to write.
    const rate = { method: "proportional", rate: true, total: 7.5, base: "上年增加值" } as const;
    expect(plan(g, "规上工业增加值增长", rate).cityWrite).toEqual({ address: "G4", value: 7.5, total: true });
    expect(plan(g, "规上工业增加值增长", { method: "fill", total: 9 }).cityWrite).toBeUndefined();
  });

  it("without a total, splits the 全市 cell's and says so; fill takes no default", () => {
    const p = plan(townRows, "制造业投资", { method: "equal" });
    expect(p).toMatchObject({ total: 30, totalFromCity: true, values: [15, 15] });
    const fill = plan(townRows, "制造业投资", { method: "fill" });
    expect(fill.error).toContain("统一填充需要一个数值");
    const blank = plan(sheet([[1, "工业投资", "亿元", 1, 2, 3, "待定"]]), "工业投资", {
      method: "equal",
      totalName: "--total",
    });
    expect(blank.error).toBe("未给 --total,且全市单元格 G3 不是数字");
    expect(plan(sheet([[1, "工业投资", "亿元", 1, 2, 3, null]]), "工业投资", { method: "equal" }).error).toBe(
      "未给全市目标,且全市单元格 G3 不是数字",
    );
  });

  it("a town held at its current value is not written; one held at a typed value is", () => {
    const g = sheet([[1, "工业投资", "亿元", 10, 20, 30, 60]]);
    const keep = plan(g, "工业投资", { method: "proportional", total: 90, held: { 甲镇: true } });
    expect(keep.values).toEqual([10, 32, 48]);
    expect(keep.held).toEqual(["甲镇"]);
    expect(keep.writes.map((w) => w.address)).toEqual(["E3", "F3", "G3"]);
    const typed = plan(g, "工业投资", { method: "proportional", total: 90, held: { 甲镇: 40 } });
    expect(typed.values).toEqual([40, 20, 30]);
    expect(typed.writes).toEqual([
      { address: "D3", value: 40 },
      { address: "E3", value: 20 },
      { address: "F3", value: 30 },
      { address: "G3", value: 90, total: true },
    ]);
  });

  it("a town held without a current value is an error naming the town and the cell, in both modes", () => {
    const g = sheet([
      [1, "工业投资", "亿元", null, 20, 30, 60],
      [2, "规上工业增加值增长", "%", "待定", 8, 6, 7],
      [3, "上年增加值", "亿元", 100, 200, 300, 600],
    ]);
    const amount = plan(g, "工业投资", { method: "equal", held: { 甲镇: true } });
    expect(amount.error).toBe("锁定的单位“甲镇”没有当前值:单元格 D3 为空");
    expect(amount.values).toBeUndefined();
    expect(amount.writes).toEqual([]);
    const rate = plan(g, "规上工业增加值增长", {
      method: "proportional",
      rate: true,
      total: 7,
      base: "上年增加值",
      held: { 甲镇: true },
    });
    expect(rate.error).toBe("锁定的单位“甲镇”没有当前值:单元格 D4“待定”不是数字");
    // Held at a typed rate instead, the others make up the city rate.
    const typed = plan(g, "规上工业增加值增长", {
      method: "proportional",
      rate: true,
      total: 7,
      base: "上年增加值",
      held: { 甲镇: 4 },
    });
    expect(typed.error).toBeUndefined();
    expect(typed.values![0]).toBe(4);
    expect(typed.held).toEqual(["甲镇"]);
    expect(Math.abs(typed.implied! - 7)).toBeLessThan(0.05);
    expect(typed.writes.map((w) => w.address)).toEqual(["D4", "E4", "F4"]);
  });

  it("rates of a % row get 1 decimal unless asked; amounts of a % row 2; counts 0", () => {
    const g = sheet([
      [1, "规上工业增加值增长", "%", 5, 8, 6, 7],
      [2, "上年增加值", "亿元", 100, 200, 400, 700],
      [3, "亩均税收", "万元/亩", 20, 30, 40, 33],
      [4, "专精特新企业", "家", 1, 2, 3, 6],
    ]);
    const rate = plan(g, "规上工业增加值增长", { method: "equal", rate: true, total: 7, base: "上年增加值" });
    expect(rate.decimals).toBe(1);
    for (const v of rate.values!) expect(Number(v.toFixed(1))).toBe(v);
    expect(rate.values!.some((v) => !Number.isInteger(v))).toBe(true);
    expect(rate.total).toBe(7);
    const two = plan(g, "规上工业增加值增长", {
      method: "equal",
      rate: true,
      total: 7,
      base: "上年增加值",
      decimals: 2,
    });
    expect(two.decimals).toBe(2);
    expect(two.values!.some((v) => Number(v.toFixed(1)) !== v)).toBe(true);
    const intensity = plan(g, "亩均税收", { method: "equal", rate: true, base: "上年增加值" });
    expect(intensity.decimals).toBe(2);
    expect(intensity.total).toBe(33);
    expect(plan(g, "规上工业增加值增长", { method: "adjust", percent: 10 }).decimals).toBe(2);
    expect(plan(g, "专精特新企业", { method: "equal", total: 10 }).decimals).toBe(0);
  });

  it("an amount allocation of a 质态型 row with bases reports the rate the towns come to", () => {
    const g = sheet([
      [1, "规上工业增加值增长", "%", 5, 8, 6, 7],
      [2, "上年增加值", "亿元", 100, 100, 200, 400],
    ]);
    const p = plan(g, "规上工业增加值增长", { method: "fill", total: 6, base: "上年增加值" });
    expect(p.values).toEqual([6, 6, 6]);
    expect(p.implied).toBeCloseTo(6, 10);
  });

  it("errors of bases, rate options, bounds and unknown towns come back as an error, not a throw", () => {
    const g = sheet([[1, "工业投资", "亿元", 10, 20, 30, 60]]);
    expect(plan(g, "工业投资", { method: "proportional", base: "E9:F9" }).error).toContain(
      "区域“E9:F9”有 2 个单元格,分解表有 3 个单位",
    );
    expect(plan(g, "工业投资", { method: "fill", rate: true, total: 1, base: "current" }).error).toContain(
      "只支持按基数比例或平均分配",
    );
    expect(
      plan(g, "工业投资", { method: "equal", rate: true, total: 1, base: "current", min: { 甲镇: 1 } }).error,
    ).toContain("不支持上下限(甲镇)");
    expect(plan(g, "工业投资", { method: "equal", held: { 丁镇: true } }).error).toContain(
      "没有名为“丁镇”的单位",
    );
    const capped = plan(g, "工业投资", { method: "equal", total: 60, max: { 甲镇: 1, 乙镇: 1, 丙镇: 1 } });
    expect(capped.error).toContain("各单位上限合计 3 少于可分配量 60");
  });

  it("another slice of a 确保/力争 table plans into its own cells", () => {
    const g = expandMerges(tiers);
    const view = breakdownView(g, "target|2023|stretch")!;
    expect(view.measures.map((m) => m.name)).toEqual(["2023年 确保", "2023年 力争"]);
    const row = view.rows.find((r) => r.name === "制造业投资")!;
    expect(row.cells).toEqual(["C4", "E4", "G4"]);
    const p = planAllocation({ grid: view.grid, table: view.table, row: row.ref }, { method: "equal" });
    expect(p.total).toBe(52);
    expect(p.writes.map((w) => w.address)).toEqual(["C4", "E4", "G4"]);
  });
});

describe("chooseBreakdown", () => {
  const other: Grid = { name: "说明", rows: [["本工作簿为目标分解"]] };

  it("takes the active sheet when it holds a breakdown, else the first that does, and lists those sheets", () => {
    const grids = [other, years, tiers, townsAsRows].map((g) => ({ ...g }));
    const first = chooseBreakdown(grids, "说明");
    expect(first.sheets).toEqual(["分年度目标", "2023年目标", "镇街目标"]);
    expect(first.view?.sheet).toBe("分年度目标");
    expect(first.view?.measures.map((m) => m.name)).toEqual(["2024年", "2025年"]);
    expect(chooseBreakdown(grids, "镇街目标").view?.sheet).toBe("镇街目标");
    expect(chooseBreakdown([other], "说明")).toEqual({ view: null, sheets: [] });
  });

  it("a sheet and a measure can be asked for; unknown ones fall back to the default", () => {
    const grids = [years, tiers];
    const asked = chooseBreakdown(grids, "分年度目标", {
      sheet: "2023年目标",
      measure: "target|2023|stretch",
    });
    expect(asked.view?.sheet).toBe("2023年目标");
    expect(asked.view?.measure).toBe("target|2023|stretch");
    expect(asked.view?.rows.find((r) => r.name === "制造业投资")?.total).toBe(52);
    const fallback = chooseBreakdown(grids, "分年度目标", { sheet: "没有", measure: "base||" });
    expect(fallback.view?.sheet).toBe("分年度目标");
    expect(fallback.view?.measure).toBe("target|2024|");
  });

  it("rows of a towns-as-rows table are told apart by column", () => {
    const view = chooseBreakdown([townsAsRows], "镇街目标").view!;
    expect(view.rows.map((r) => [r.id, r.where, r.name])).toEqual([
      [2, "B", "工业投资"],
      [3, "C", "制造业投资"],
      [4, "D", "规上工业增加值增长"],
      [5, "E", "专精特新企业"],
    ]);
    expect(view.rows[1].cells).toEqual(["C3", "C4", "C5", "C6"]);
  });
});
