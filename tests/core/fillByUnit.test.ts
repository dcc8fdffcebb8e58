// The bundled templates filled from seed 001: 市经信局's 职责分工表, 经开区's and 当湖街道's 目标责任书.
import { describe, expect, it } from "vitest";
import { dutyTemplate, letterTemplate } from "../../src/core/assign/defaultTemplates";
import { fillByUnit, superiorOf } from "../../src/core/assign/fillByUnit";
import { seedPlan } from "../helpers/workbooks";

const plan = seedPlan();

describe("职责分工表 per department", () => {
  const outputs = fillByUnit(dutyTemplate(), plan, "department");
  const jxj = outputs.find((o) => o.unit === "市经信局")!;
  const cells = jxj.spec.rows.flat().map(String);

  it("lists what 市经信局 leads and supports, and its indicators", () => {
    expect(jxj.tasksLed).toEqual(expect.arrayContaining([5, 7, 12]));
    expect(jxj.tasksSupported).toEqual(expect.arrayContaining([2, 3, 14]));
    expect(jxj.spec.rows[0][0]).toBe("市经信局职责分工表");
    expect(jxj.spec.rows[1][0]).toBe(
      `依据《${plan.title}》:牵头任务 ${jxj.tasksLed.length} 项,配合任务 ${jxj.tasksSupported.length} 项,负责指标 ${jxj.indicators.length} 项。`,
    );
    // One row per task, in task order, each saying whether it leads or supports.
    const taskRows = jxj.spec.rows
      .filter((r) => r[3] === "牵头" || r[3] === "配合")
      .filter((r) => typeof r[2] === "string" && r[2].length > 20);
    expect(taskRows).toHaveLength(jxj.tasksLed.length + jxj.tasksSupported.length);
    expect(cells).toContain("“四群八链”先进制造业集群规上企业总产值");
    expect(cells.some((c) => c.includes("{{"))).toBe(false);
    expect(jxj.findings).toEqual([]);
  });

  it("numbers each task as the plan's 职责分工 annex does", () => {
    const numbers = jxj.spec.rows.filter((r) => r[3] === "牵头" || r[3] === "配合").map((r) => r[0]);
    expect(numbers).toEqual([...jxj.tasksLed, ...jxj.tasksSupported].sort((a, b) => a - b));
    expect(jxj.spec.rows[2][0]).toBe("任务序号");
  });

  it("raises a task row to fit its 具体内容, never lowering the template's height", () => {
    const rows = jxj.spec.rows
      .map((r, i) => ({ r, row: i + 1 }))
      .filter(({ r }) => r[3] === "牵头" || r[3] === "配合");
    const heights = rows.map(({ row }) => jxj.spec.rowHeights[row]);
    expect(Math.min(...heights)).toBe(48);
    // The longest 具体内容 (60 characters wide column) needs more than the template's 48 pt.
    const longest = rows.reduce((a, b) => (String(b.r[2]).length > String(a.r[2]).length ? b : a));
    expect(String(longest.r[2]).length).toBeGreaterThan(150);
    expect(jxj.spec.rowHeights[longest.row]).toBeGreaterThan(48);
  });

  it("writes one sheet per department, each a valid sheet name", () => {
    expect(outputs.length).toBeGreaterThan(20);
    expect(new Set(outputs.map((o) => o.spec.name)).size).toBe(outputs.length);
  });
});

describe("目标责任书 per town", () => {
  const outputs = fillByUnit(letterTemplate(), plan, "town");

  it("经开区: 15 targets, 制造业投资 41 亿元, the pending row as pending; 甲方 the city government", () => {
    const kfq = outputs.find((o) => o.unit === "经开区")!;
    expect(kfq.indicators).toHaveLength(15);
    expect(kfq.spec.rows[0][0]).toBe("2023年经开区目标责任书");
    expect(superiorOf(plan)).toBe("平湖市人民政府");
    const invest = kfq.spec.rows.find((r) => r[1] === "制造业投资")!;
    expect(invest.slice(2, 5)).toEqual(["亿元", 41, "市经信局"]);
    expect(kfq.spec.rows.find((r) => r[1] === "规上工业单位工业增加值能耗下降")![3]).toBe(
      "待嘉兴市发改委确定后另行下达",
    );
    // The pending text wraps in the 16-character 目标值 column: its row is two lines high.
    const pendingRow = kfq.spec.rows.findIndex((r) => r[1] === "规上工业单位工业增加值能耗下降") + 1;
    expect(kfq.spec.rowHeights[pendingRow]).toBeGreaterThanOrEqual(30);
    expect(kfq.spec.rowHeights[pendingRow - 1] ?? 15).toBeLessThan(30);
    // Terms and signature lines moved below the 15 targets.
    expect(kfq.spec.rows.some((r) => r[0] === "甲方(盖章):")).toBe(true);
  });

  it("当湖街道 shows “-” for 数字经济核心产业制造业增加值增速", () => {
    const dh = outputs.find((o) => o.unit === "当湖街道")!;
    expect(dh.spec.rows.find((r) => r[1] === "数字经济核心产业制造业增加值增速")![3]).toBe("-");
  });
});
