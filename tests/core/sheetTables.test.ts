// Plan tables clerks already typed into sheets, in their own layouts, loaded into the plan model.
import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/core/grid";
import { planFromGrids } from "../../src/core/parse/sheetTables";

const indicatorSheet: Grid = {
  name: "目标",
  rows: [
    ["海盐县2024年工业经济主要目标", null, null, null, null, null],
    [null, null, null, null, null, null],
    ["类别", "指标名称", "计量单位", "2024年", "2025年", "责任部门"],
    ["总量", "规上工业增加值", "亿元", 520, "560以上", "县经信局、县统计局"],
    [null, "制造业投资", "亿元", "１２０", 130, "县发改局"],
    [null, "高新技术产业增加值占比", "%", 70.5, 72, "县科技局"],
    ["绿色", "单位工业增加值能耗下降", "%", "完成上级下达任务", null, "县发改局"],
    [null, null, null, null, null, null],
  ],
  merges: ["A4:A6", "D7:E7"],
};

const taskSheet: Grid = {
  name: "分工",
  rows: [
    ["序号", "主要任务", "具体内容", "牵头单位", "配合单位"],
    ["一、优化布局", null, null, null, null],
    [1, "整治低效用地", "完成改造2000亩以上", "县自然资源局", "县经信局、县发改局"],
    [2, null, "推动工业上楼", "县经信局", null],
    ["二、招大育强", null, null, null, null],
    [3, "招大引强", "引进项目10个以上", "县商务局", ""],
  ],
  merges: ["A2:E2", "B3:B4", "A5:E5"],
};

describe("planFromGrids", () => {
  it("reads an indicator system under a title: merged 类别, a 计量单位 column, a value merged over the years", () => {
    const plan = planFromGrids([indicatorSheet], "海盐");
    expect(plan.title).toBe("海盐县2024年工业经济主要目标");
    expect(plan.years).toEqual(["2024", "2025"]);
    expect(plan.indicators.map((i) => [i.category, i.name, i.unit, i.kind, i.lead, i.partners])).toEqual([
      ["总量", "规上工业增加值", "亿元", "total", "县经信局", ["县统计局"]],
      ["总量", "制造业投资", "亿元", "total", "县发改局", []],
      ["总量", "高新技术产业增加值占比", "%", "rate", "县科技局", []],
      ["绿色", "单位工业增加值能耗下降", "%", "rate", "县发改局", []],
    ]);
    const t = plan.indicators.map((i) => ["2024", "2025"].map((y) => [i.targets[y].value, i.targets[y].op]));
    expect(t).toEqual([
      [
        [520, "="],
        [560, ">="],
      ],
      [
        [120, "="],
        [130, "="],
      ],
      [
        [70.5, "="],
        [72, "="],
      ],
      [
        [null, "="],
        [null, "="],
      ],
    ]);
    expect(plan.indicators[3].targets["2025"]).toMatchObject({
      text: "完成上级下达任务",
      status: "qualitative",
    });
  });

  it("reads a task table: section rows merged across, a merged 主要任务, 牵头 and 配合 in their own columns", () => {
    const plan = planFromGrids([taskSheet]);
    expect(plan.tasks.map((t) => [t.no, t.section, t.task, t.content, t.lead, t.partners])).toEqual([
      [1, "一、优化布局", "整治低效用地", "完成改造2000亩以上", "县自然资源局", ["县经信局", "县发改局"]],
      [2, "一、优化布局", "整治低效用地", "推动工业上楼", "县经信局", []],
      [3, "二、招大育强", "招大引强", "引进项目10个以上", "县商务局", []],
    ]);
  });

  it("reads a breakdown the way the check finds it, and skips sheets that hold no plan table", () => {
    const breakdown: Grid = {
      name: "2024年分解",
      rows: [
        ["指标名称", "合计", "武原街道", "西塘桥街道"],
        ["制造业投资(亿元)", 120, 70, 50],
      ],
    };
    const notes: Grid = { name: "说明", rows: [["本表为草稿"]] };
    const plan = planFromGrids([notes, indicatorSheet, breakdown, taskSheet]);
    expect(plan.breakdowns).toHaveLength(1);
    expect(plan.breakdowns[0]).toMatchObject({
      year: "2024",
      units: ["武原街道", "西塘桥街道"],
      totalColumn: "合计",
    });
    expect(plan.indicators).toHaveLength(4);
    expect(plan.tasks).toHaveLength(3);
  });

  it("a selected range with the header in its first row loads the same", () => {
    const range: Grid = { ...indicatorSheet, rows: indicatorSheet.rows.slice(2), merges: ["A2:A4", "D5:E5"] };
    const plan = planFromGrids([range]);
    expect(plan.indicators).toEqual(planFromGrids([indicatorSheet]).indicators);
  });
});
