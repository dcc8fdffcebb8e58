// 年度目标 from 附件1 of seed 001: stated years kept, the years between derived, 年均增长.
import { describe, expect, it } from "vitest";
import { yearlySheet } from "../../src/core/layout/yearlySheet";
import { yearlyFromPlan } from "../../src/core/layout/yearlySources";
import { seedPlan } from "../helpers/workbooks";

describe("yearly targets of the 平湖 plan", () => {
  const plan = seedPlan();
  const spec = yearlySheet(yearlyFromPlan(plan.indicators), plan.title);
  const row = (name: string) => spec.rows.find((r) => r[1] === name)!;

  it("has every year 2023–2027 and 年均增长", () => {
    expect(spec.rows[2]).toEqual([
      "序号",
      "指标",
      "计量单位",
      "推算方法",
      "2023年",
      "2024年",
      "2025年",
      "2026年",
      "2027年",
      "年均增长(%)",
    ]);
    expect(spec.rows).toHaveLength(3 + 17);
  });

  it("compounds amounts: 总产值 1250 → 1600.78 → 2050 → 2395.83 → 2800 亿元, 22.34% a year", () => {
    expect(row("“四群八链”先进制造业集群规上企业总产值").slice(3)).toEqual([
      "逐年等比",
      1250,
      1600.78,
      2050,
      2395.83,
      2800,
      22.34,
    ]);
  });

  it("steps 累计 counts linearly and rounds them to whole firms: 6 → 8 → 10 → 13 → 15", () => {
    expect(row("累计建成省级智能工厂(数字化车间)").slice(3, 9)).toEqual(["逐年等量", 6, 8, 10, 13, 15]);
  });

  it("leaves targets in words out of the path", () => {
    expect(row("规上工业单位增加值能耗降幅").slice(3)).toEqual(["—"]);
  });
});
