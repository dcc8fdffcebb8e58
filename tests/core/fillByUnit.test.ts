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
    // Terms and signature lines moved below the 15 targets.
    expect(kfq.spec.rows.some((r) => r[0] === "甲方(盖章):")).toBe(true);
  });

  it("当湖街道 shows “-” for 数字经济核心产业制造业增加值增速", () => {
    const dh = outputs.find((o) => o.unit === "当湖街道")!;
    expect(dh.spec.rows.find((r) => r[1] === "数字经济核心产业制造业增加值增速")![3]).toBe("-");
  });
});
