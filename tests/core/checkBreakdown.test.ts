// The check engine on sheet grids: the worked example of DOMAIN.md, 质态型 semantics, and properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findBreakdownTable } from "../../src/core/check/breakdownTable";
import { checkBreakdown, type Weights } from "../../src/core/check/checkBreakdown";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import type { Grid, GridValue } from "../../src/core/grid";
import { annex3Grid } from "../helpers/breakdownGrid";

function check(grid: Grid, weights?: Weights) {
  const table = findBreakdownTable(grid);
  if (!table) throw new Error("no table");
  return checkBreakdown(grid, table, { weights });
}

describe("the worked example: 附件3 of seed 001", () => {
  const result = check(annex3Grid());
  const byName = new Map(result.results.map((r) => [r.indicator, r]));

  it("finds the table under the title: eight towns, total 全市", () => {
    expect(result.units).toEqual([
      "当湖街道",
      "经开区",
      "曹桥街道",
      "新埭镇",
      "新仓镇",
      "独山港区",
      "广陈镇",
      "林埭镇",
    ]);
    expect(result.totalColumn).toBe("全市");
    expect(result.results).toHaveLength(15);
    expect(result.results[0].row).toBe(4);
  });

  it.each([
    ["制造业投资", 118],
    ["高价值发明专利拥有量", 953],
    ["高耗低效整治企业数", 300],
    ["高耗低效整治腾出用地面积", 3500],
    ["高耗低效整治腾出能耗空间", 4.5],
  ])("总量型 %s adds up to %d", (name, total) => {
    expect(byName.get(name)).toMatchObject({
      kind: "total",
      status: "ok",
      target: total,
      allocated: total,
      difference: 0,
    });
  });

  it("“浙江制造”标准: towns 12 over 全市 5 by 7, a warning naming the 全市 cell", () => {
    expect(byName.get("“浙江制造”标准")).toMatchObject({
      status: "over",
      severity: "warning",
      allocated: 12,
      target: 5,
      difference: 7,
      cells: ["K13"],
    });
  });

  it("“品字标浙江制造”认证企业: over by 5", () => {
    expect(byName.get("“品字标浙江制造”认证企业")).toMatchObject({ status: "over", difference: 5 });
  });

  it("质态型 rows are consistent: 全市 inside the towns' range", () => {
    for (const name of [
      "规上工业增加值增长",
      "规上工业亩均税收",
      "规上工业亩均增加值",
      "规上工业全员劳动生产率增长",
      "规上制造业企业研发费用占营业收入的比重",
      "高新技术产业增加值占规上工业增加值比重",
      "数字经济核心产业制造业增加值增速",
    ]) {
      expect(byName.get(name)).toMatchObject({ kind: "rate", status: "ok" });
    }
    expect(byName.get("规上制造业企业研发费用占营业收入的比重")?.range).toEqual([2, 4.4]);
    // "-" for 当湖街道: no target there, not an error.
    expect(byName.get("数字经济核心产业制造业增加值增速")?.range).toEqual([15, 20]);
  });

  it("row 15 is pending", () => {
    expect(byName.get("规上工业单位工业增加值能耗下降")).toMatchObject({
      status: "pending",
      severity: "info",
    });
  });

  it("summarises: 12 ok, 2 over, 1 pending", () => {
    expect(result.summary).toEqual({ ok: 12, over: 2, pending: 1 });
  });
});

const HEADER = ["序号", "指标名称", "A镇", "B镇", "C镇", "全市"];
const grid = (...rows: GridValue[][]): Grid => ({ name: "S", rows: [HEADER, ...rows] });

describe("verdicts", () => {
  it("a short 总量型 row is an error naming the 全市 cell", () => {
    const r = check(grid([1, "制造业投资(亿元)", 10, 20, 30, 70])).results[0];
    expect(r).toMatchObject({
      status: "short",
      severity: "error",
      allocated: 60,
      difference: -10,
      cells: ["F2"],
    });
    expect(r.message).toBe("各单位合计 60,低于全市目标 70,缺口 10");
  });

  it("a 质态型 city value outside the towns' range is out_of_range", () => {
    const r = check(grid([1, "亩均税收(万元/亩)", 10, 20, 30, 35])).results[0];
    expect(r).toMatchObject({ status: "out_of_range", severity: "error", range: [10, 30], cells: ["F2"] });
  });

  it("with base weights, a 质态型 row is judged by its weighted mean", () => {
    const weights: Weights = new Map([
      [
        "增长",
        new Map([
          ["A镇", 100],
          ["B镇", 300],
          ["C镇", 600],
        ]),
      ],
    ]);
    // (100·5 + 300·10 + 600·8) / 1000 = 8.3
    const ok = check(grid([1, "增长(%)", 5, 10, 8, 8]), weights).results[0];
    expect(ok).toMatchObject({ status: "ok", allocated: 8.3 });
    const off = check(grid([1, "增长(%)", 5, 10, 8, 6]), weights).results[0];
    expect(off).toMatchObject({ status: "out_of_range", allocated: 8.3 });
    expect(off.message).toContain("加权平均 8.3");
  });

  it("empty town cells are missing, errors and stray text invalid, each naming its cells", () => {
    expect(check(grid([1, "投资(亿元)", 10, null, 30, 40])).results[0]).toMatchObject({
      status: "missing",
      cells: ["D2"],
    });
    expect(check(grid([1, "投资(亿元)", { error: "#REF!" }, 20, "12亿左右", 40])).results[0]).toMatchObject({
      status: "invalid",
      cells: ["C2", "E2"],
    });
    expect(check(grid([1, "投资(亿元)", 10, 20, 30, null])).results[0]).toMatchObject({
      status: "missing",
      cells: ["F2"],
    });
  });

  it("qualitative and none rows are not errors", () => {
    expect(
      check(
        grid([1, "降幅(%)", "完成嘉兴下达任务", "完成嘉兴下达任务", "完成嘉兴下达任务", "完成嘉兴下达任务"]),
      ).results[0].status,
    ).toBe("qualitative");
    expect(check(grid([1, "投资(亿元)", "-", "-", "-", "-"])).results[0].status).toBe("none");
  });

  it("the kind comes from a 类型 column when the sheet has one", () => {
    const g: Grid = {
      name: "S",
      rows: [
        ["指标名称", "类型", "A镇", "B镇", "全市"],
        ["某指标(%)", "总量型", 1, 2, 3],
      ],
    };
    expect(check(g).results[0]).toMatchObject({ kind: "total", status: "ok" });
  });

  it("numbers typed as text are read and noted", () => {
    const r = check(grid([1, "投资(亿元)", "８．２", " 1,000 ", "1.8亿元", "1010"])).results[0];
    expect(r).toMatchObject({ status: "ok", allocated: 1010 });
    expect(r.notes.map((n) => n.cell)).toEqual(["C2", "D2", "E2", "F2"]);
  });
});

describe("finding the table", () => {
  it("takes the towns after the total when the total stands first, and skips non-town columns", () => {
    const g: Grid = {
      name: "S",
      rows: [
        ["制表:经信局"],
        [],
        ["序号", "指标名称", "单位", "合计", "B镇", "A镇", "责任部门", "备注"],
        [],
        [1, "投资", "亿元", 3, 1, 2, "市经信局", ""],
      ],
    };
    const table = findBreakdownTable(g)!;
    expect(table.headerRow).toBe(2);
    expect(table.towns.map((t) => t.header)).toEqual(["B镇", "A镇"]);
    expect(table.rows.map((r) => [r.row, r.name, r.unit])).toEqual([[4, "投资", "亿元"]]);
    expect(checkBreakdown(g, table).results[0].status).toBe("ok");
  });

  it("ignores our own computed columns 分解合计/差额/校验", () => {
    const g: Grid = {
      name: "S",
      rows: [
        ["指标名称", "A镇", "B镇", "全县", "分解合计", "差额", "校验"],
        ["投资(亿元)", 1, 2, 3, 3, 0, "通过"],
      ],
    };
    expect(findBreakdownTable(g)!.towns.map((t) => t.header)).toEqual(["A镇", "B镇"]);
  });

  it("returns null for a sheet without a breakdown", () => {
    expect(findBreakdownTable({ name: "x", rows: [["序号", "重点任务", "具体内容"]] })).toBeNull();
  });

  it("expands merged cells: one pending text across all towns", () => {
    const g: Grid = {
      name: "S",
      rows: [HEADER, [1, "下降(%)", "待下达", null, null, "待下达"]],
      merges: ["C2:E2"],
    };
    expect(checkWorkbook([g])[0].results[0].status).toBe("pending");
  });
});

describe("property: the sum check", () => {
  const amount = fc.integer({ min: 0, max: 10 ** 7 }).map((n) => n / 100);
  it("towns summing exactly to the total are ok; any nonzero delta is over or short by exactly that delta", () => {
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: -100000, max: 100000 }),
        (towns, deltaCents) => {
          const exact = towns.reduce((s, x) => s + Math.round(x * 100), 0) / 100;
          const target = Number((exact + deltaCents / 100).toFixed(2));
          const header = ["指标名称", ...towns.map((_, i) => `T${i}`), "全市"];
          const r = check({ name: "P", rows: [header, ["投资(亿元)", ...towns, target]] }).results[0];
          if (deltaCents === 0) expect(r.status).toBe("ok");
          else {
            expect(r.status).toBe(deltaCents < 0 ? "over" : "short");
            expect(r.difference).toBe(-deltaCents / 100);
          }
        },
      ),
    );
  });

  it("a rate target between the smallest and largest town is ok, outside is out_of_range", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: -100, max: 1100 }),
        (towns, target) => {
          const header = ["指标名称", ...towns.map((_, i) => `T${i}`), "全市"];
          const r = check({ name: "P", rows: [header, ["增速(%)", ...towns, target]] }).results[0];
          const inside = target >= Math.min(...towns) && target <= Math.max(...towns);
          expect(r.status).toBe(inside ? "ok" : "out_of_range");
        },
      ),
    );
  });
});
