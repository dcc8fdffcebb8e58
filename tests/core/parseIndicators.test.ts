// 附件1 of seed 001, every cell: category, name, unit, kind, the three years' targets and the 责任单位.
import { describe, expect, it } from "vitest";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { readSeed } from "../helpers/seeds";

const plan = parsePlanDocument(readSeed("001_86af085e02e72586.txt"));

// Transcribed from the document: [category, name, unit, kind, 2023, 2025, 2027, lead]. A target written as
// "50%以上" is [50, ">="]; "完成嘉兴下达任务" stays words.
type T = number | [number, ">="] | string;
const EXPECTED: [string, string, string, "total" | "rate", T, T, T, string][] = [
  ["发展质效", "制造业增加值占GDP比重", "%", "rate", [50, ">="], [50, ">="], [50, ">="], "市经信局"],
  ["发展质效", "“四群八链”先进制造业集群规上企业总产值", "亿元", "total", 1250, 2050, 2800, "市经信局"],
  ["发展质效", "累计引进世界500强企业", "家", "total", 33, 35, 37, "市经信局"],
  ["发展质效", "规上制造业全员劳动生产率", "万元/人", "rate", 31, 35, 37, "市经信局"],
  ["发展质效", "规上工业亩均增加值", "万元/亩", "rate", 205, 240, 250, "市经信局"],
  ["发展质效", "规上工业亩均税收", "万元/亩", "rate", 35, 36, 37, "市经信局"],
  ["创新动能", "规上制造业企业研发费用占营业收入的比重", "%", "rate", 2.2, 2.3, 2.4, "市科技局"],
  ["创新动能", "每万人口高价值发明专利拥有量", "件/万人", "rate", 15.6, 18, 20, "市市场监管局"],
  ["产业结构", "高技术制造业增加值占规上工业增加值比重", "%", "rate", 11, 12, 15, "市经信局"],
  ["产业结构", "高新技术产业增加值占规上工业增加值比重", "%", "rate", 69, 70, 71, "市科技局"],
  ["产业结构", "数字经济核心产业增加值", "亿元", "total", 91, 110, 130, "市经信局"],
  ["质量品牌", "制修订“浙江制造”标准", "项", "total", 5, 15, 25, "市市场监管局"],
  ["质量品牌", "培育“品字标浙江制造”品牌企业", "家", "total", 7, 21, 35, "市市场监管局"],
  ["两化改造", "累计建成省级智能工厂(数字化车间)", "家", "total", 6, 10, 15, "市经信局"],
  ["两化改造", "累计建成国家级绿色工厂", "家", "total", 1, 2, 3, "市经信局"],
  [
    "两化改造",
    "规上工业单位增加值能耗降幅",
    "%",
    "rate",
    "完成嘉兴下达任务",
    "完成嘉兴下达任务",
    "完成嘉兴下达任务",
    "市发改局",
  ],
  [
    "两化改造",
    "规上工业单位增加值二氧化碳排放降幅",
    "%",
    "rate",
    "完成嘉兴下达任务",
    "完成嘉兴下达任务",
    "完成嘉兴下达任务",
    "市经信局",
  ],
];

describe("附件1 主要目标体系 of seed 001", () => {
  it("has the three plan years and all 17 indicators", () => {
    expect(plan.years).toEqual(["2023", "2025", "2027"]);
    expect(plan.indicators).toHaveLength(17);
    expect(plan.indicatorTitle).toBe("平湖市先进制造业集群培育工程实施方案(2023-2027年)主要目标体系");
    expect(plan.issues).toEqual([]);
  });

  EXPECTED.forEach(([category, name, unit, kind, y23, y25, y27, lead], i) => {
    it(`row ${i + 1}: ${name}`, () => {
      const ind = plan.indicators[i];
      expect({
        category: ind.category,
        name: ind.name,
        unit: ind.unit,
        kind: ind.kind,
        lead: ind.lead,
      }).toEqual({
        category,
        name,
        unit,
        kind,
        lead,
      });
      expect(ind.partners).toEqual([]);
      (
        [
          ["2023", y23],
          ["2025", y25],
          ["2027", y27],
        ] as const
      ).forEach(([year, want]) => {
        const cell = ind.targets[year];
        if (typeof want === "string")
          expect(cell).toEqual({ value: null, op: "=", text: want, status: "qualitative" });
        else if (Array.isArray(want))
          expect(cell).toMatchObject({ value: want[0], op: want[1], status: "number" });
        else expect(cell).toEqual({ value: want, op: "=", text: String(want), status: "number" });
      });
    });
  });

  it("keeps the text of a target as written", () => {
    expect(plan.indicators[0].targets["2023"].text).toBe("50%以上");
  });
});

describe("the other seeds: prose only, saved from web pages", () => {
  it.each([
    ["000_203cf439d4644065.txt", "为把嘉兴打造成智造创新强市贡献力量"],
    ["002_0aa44b95e84d5610.txt", "嘉兴市经信工作2021年总结和2022年思路"],
    ["003_f82492af08d1a696.txt", "江苏扬州:锚定“主航道” 提升“硬实力”奏响制造强市最强音"],
    ["004_f6cade07204b7e0f.txt", "慈溪市推进制造业高质量发展实施方案"],
  ])("%s: titled %s, no tables invented from navigation lines", (file, title) => {
    const p = parsePlanDocument(readSeed(file));
    expect(p.title).toBe(title);
    expect([p.indicators.length, p.tasks.length, p.breakdowns.length, p.issues.length]).toEqual([0, 0, 0, 0]);
  });
});
