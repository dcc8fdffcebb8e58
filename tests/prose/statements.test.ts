// What each number of a sentence is (target, result, forecast, progress, policy), its tier, year and scope: on
// the sentences of work reports, half-year summaries and speeches the issue names, and on random rewrites.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readProse } from "../../src/core/parse/prose/extract";
import type { ProseNumber } from "../../src/core/parse/prose/types";

const read = (text: string, year = "2024", years?: string[]) => readProse(text, { year, years });
/** Every number of the text, targets and facts, in the order the text states them. */
const all = (text: string, year = "2024") => {
  const r = read(text, year);
  const at = (n: ProseNumber) => text.indexOf(`${n.value}${n.unit}`, n.start);
  return [...r.targets, ...r.facts].sort((a, b) => at(a) - at(b));
};
const kinds = (text: string, year = "2024") =>
  all(text, year).map((n) => [n.value, n.unit, n.statement] as const);
const targets = (text: string, year = "2024") =>
  read(text, year).targets.map((t) => [t.indicator, t.value, t.unit]);

describe("statement kinds", () => {
  it("tells a half-year's results and forecasts from the year's targets", () => {
    expect(
      kinds(
        "2024年市下达我区规上工业增加值增速确保目标增长12%,奋斗目标增长14%。1-5月,规上工业总产值上报数为97.74亿元,预测增长17.6%。预测上半年规上工业总产值122亿元,同比增长13%。",
      ),
    ).toEqual([
      [12, "%", "target"],
      [14, "%", "target"],
      [97.74, "亿元", "result"],
      [17.6, "%", "forecast"],
      [122, "亿元", "forecast"],
      [13, "%", "forecast"],
    ]);
  });

  it("reads the year's task named inside a progress sentence as a target, the share done as progress", () => {
    const text =
      "1-5月,全区外贸进出口总额为13亿元,同比增长0.5%,完成年任务(40.2亿元)的32.5%,低于序时进度9.2个百分点。";
    expect(kinds(text)).toEqual([
      [13, "亿元", "result"],
      [0.5, "%", "result"],
      [40.2, "亿元", "target"],
      [32.5, "%", "progress"],
      [9.2, "个百分点", "progress"],
    ]);
    expect(targets(text)).toEqual([["外贸进出口总额", 40.2, "亿元"]]);
  });

  it("takes targets handed down from above, scoped to the place that receives them", () => {
    const [t] = read("今年市下达我县新入规工业企业目标任务19家。").targets;
    expect([t.indicator, t.value, t.unit, t.scope, t.year]).toEqual([
      "新入规工业企业",
      19,
      "家",
      "全县",
      "2024",
    ]);
  });

  it("reads a review of last year as results and the year's 主要预期目标 as expected targets", () => {
    const text = [
      "一、2023年工作回顾",
      "全年实现地区生产总值391亿元,增长8.6%;规上工业企业达到355家。",
      "二、2024年工作安排",
      "今年全县经济社会发展的主要预期目标是:地区生产总值增长6.5%左右;规上工业增加值增长8%。",
    ].join("\n");
    const r = read(text);
    expect(r.targets.map((t) => [t.indicator, t.value, t.tier, t.tierWord, t.year])).toEqual([
      ["地区生产总值增速", 6.5, "expected", "预期", "2024"],
      ["规上工业增加值增速", 8, "expected", "预期", "2024"],
    ]);
    expect(r.facts.map((f) => [f.value, f.statement])).toEqual([
      [391, "result"],
      [8.6, "result"],
      [355, "result"],
    ]);
  });

  it("keeps results of a past-year paragraph out of the targets, sentence after sentence", () => {
    const text =
      "去年,全县规上工业增加值增长9.1%。规上工业企业达到355家,新增42家。\n今年,力争新增规上工业企业50家。";
    expect(targets(text)).toEqual([["新增规上工业企业", 50, "家"]]);
  });

  it("reads policy money and the thresholds it pays for as policy, not targets", () => {
    const text =
      "对年营业收入首次突破10亿元、50亿元的企业,分别奖励50万元、100万元;县财政安排专项资金3亿元;力争新增规上工业企业60家。";
    expect(targets(text)).toEqual([["新增规上工业企业", 60, "家"]]);
    expect(read(text).facts.every((f) => f.statement === "policy")).toBe(true);
  });

  it("reads a target in a sentence that also reports results: 确保 sets the goal of its own clause", () => {
    expect(kinds("上半年规上工业增加值增长7.2%,确保全年增长8%以上。")).toEqual([
      [7.2, "%", "result"],
      [8, "%", "target"],
    ]);
  });

  it("reads a share of the task to reach as a goal, a share reached as progress", () => {
    expect(kinds("确保上半年规上工业增加值增长7.5%以上,工业投资完成年度目标的50%以上。")).toEqual([
      [7.5, "%", "target"],
      [50, "%", "target"],
    ]);
    expect(kinds("1-5月,工业投资完成年度目标的42%。")).toEqual([[42, "%", "progress"]]);
  });

  it("names a task by the words inside its brackets, and reads 今年 after a past year", () => {
    expect(targets("上半年新签约项目23个,完成年度招商任务(签约项目40个)的57.5%。")).toEqual([
      ["签约项目", 40, "个"],
    ]);
    expect(
      kinds("2024年全县新签约亿元以上工业项目46个,今年全县要新招引亿元以上工业项目50个以上。", "2025"),
    ).toEqual([
      [46, "个", "result"],
      [50, "个", "target"],
    ]);
  });

  it("reads seasons inside a goal as the goal's periods", () => {
    expect(kinds("确保一季度规上工业增加值增长6%以上、上半年增长7.5%以上。")).toEqual([
      [6, "%", "target"],
      [7.5, "%", "target"],
    ]);
  });
});

describe("tiers, time and scope", () => {
  it("maps 确保/保底 to committed, 力争/奋斗/争取 to stretch, keeping the word", () => {
    const r = read("规上工业增加值保底增长9%、争取增长11%;工业投资确保目标增长10%,奋斗目标增长12%。");
    expect(r.targets.map((t) => [t.indicator, t.value, t.tier, t.tierWord])).toEqual([
      ["规上工业增加值增速", 9, "committed", "保底"],
      ["规上工业增加值增速", 11, "stretch", "争取"],
      ["工业投资增速", 10, "committed", "确保"],
      ["工业投资增速", 12, "stretch", "奋斗"],
    ]);
  });

  it("dates 每年 / 年均 targets every year of the plan, not its first", () => {
    const [t] = read("每年新增规上工业企业不少于45家。", "2023", [
      "2023",
      "2024",
      "2025",
      "2026",
      "2027",
    ]).targets;
    expect([t.year, t.perYear, t.years]).toEqual(["", true, ["2023", "2024", "2025", "2026", "2027"]]);
    const [end] = read("到“十四五”末,规上工业总产值突破5000亿元。", "2023").targets;
    expect([end.year, end.perYear]).toEqual(["2025", false]);
  });

  it("takes 今年 / 全年 from the document's title when no year is given", () => {
    const text =
      "潆湖区工信局2024年上半年工作总结和下半年工作打算\n四、下半年工作打算\n力争全年规上工业增加值增长9.5%以上。";
    const [t] = readProse(text).targets;
    expect([t.value, t.year]).toEqual([9.5, "2024"]);
  });

  it("labels a town's, a park's or a company's target with it", () => {
    const r = read(
      "城南产业园要确保全年完成工业投资35亿元;柳河镇力争规上工业营业收入突破150亿元;其中开发区不少于10万平方米。",
    );
    expect(r.targets.map((t) => [t.scope, t.value])).toEqual([
      ["城南产业园", 35],
      ["柳河镇", 150],
      ["开发区", 10],
    ]);
  });
});

describe("figures the reader used to miss", () => {
  it("reads 过万亿 / 超千亿, ranges, compound units, 天 and shares applied to something", () => {
    expect(targets("到2025年,全市工业开票销售过万亿的总体目标。", "2023")).toEqual([
      ["工业开票销售", 1, "万亿元"],
    ]);
    expect(all("每年引进10亿元以上重点项目1~3个。").map((n) => [n.value, n.unit, n.op])).toEqual([
      [1, "个", ">="],
    ]);
    expect(targets("全员劳动生产率14万元/人·年。")).toEqual([["全员劳动生产率", 14, "万元/人·年"]]);
    expect(read("力争审批“最多80天”。").targets.map((t) => [t.value, t.unit, t.op])).toEqual([
      [80, "天", "<="],
    ]);
    expect(targets("全市新增用地指标35%用于工业。")).toEqual([["新增用地指标用于工业", 35, "%"]]);
    // A figure after a verb's 至 is read (the end of a range "1至3个" is not).
    expect(targets("到2027年,单位产值能耗降至0.08吨标准煤/万元。", "2025")).toEqual([
      ["单位产值能耗", 0.08, "吨标准煤/万元"],
    ]);
    expect(targets("动力电池产能达到150GWh。")).toEqual([["动力电池产能", 150, "GWh"]]);
  });
});

/** Random result sentences and their rewrites as targets ("完成" → "力争完成", past period → "到2025年"). */
const INDICATORS = ["规上工业总产值", "工业投资", "数字经济核心产业营业收入", "技改投资", "外贸进出口总额"];
const PAST = ["1-8月", "上半年", "2022年", "去年", "今年以来"];
const sentence = fc.record({
  indicator: fc.constantFrom(...INDICATORS),
  value: fc.integer({ min: 1, max: 99_999 }).map((n) => n / 10),
  unit: fc.constantFrom("亿元", "万元"),
  past: fc.constantFrom(...PAST),
  scope: fc.constantFrom("全市", "全县", "全区"),
});
const asResult = (s: { indicator: string; value: number; unit: string; past: string; scope: string }) =>
  `${s.past},${s.scope}${s.indicator}完成${s.value}${s.unit}。`;
const asTarget = (s: { indicator: string; value: number; unit: string; scope: string }) =>
  `到2025年,${s.scope}${s.indicator}力争完成${s.value}${s.unit}。`;
const statementOf = (text: string, value: number): ProseNumber["statement"] | undefined =>
  all(text).find((n) => n.value === value)?.statement;

describe("a result rewritten as a target flips, and back", () => {
  it("holds for random sentences", () => {
    fc.assert(
      fc.property(sentence, (s) => {
        expect(statementOf(asResult(s), s.value)).toBe("result");
        expect(statementOf(asTarget(s), s.value)).toBe("target");
        // And back: the target sentence with 力争 dropped and a past period again reads as a result.
        const back = asTarget(s).replace("力争完成", "完成").replace("到2025年", s.past);
        expect(back).toBe(asResult(s));
        expect(statementOf(back, s.value)).toBe("result");
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on random text, and every number has one kind", () => {
    const pieces = [
      ..."0123456789.,;、:。()%万亿元家个年月",
      "预计",
      "完成",
      "力争",
      "确保",
      "1-5月",
      "任务(",
      "同比增长",
      "每年",
      "奖励",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (a) => {
        const r = readProse(a.join(""), { year: "2024" });
        expect(r.targets.every((t) => t.statement === "target")).toBe(true);
        expect(r.facts.every((f) => (f.statement as string) !== "target")).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
