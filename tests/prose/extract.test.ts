// The prose reader on the sentences the issue names, on every seed, and on random text (it never throws).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractProseTargets } from "../../src/core/parse/prose/extract";
import type { ProseTarget } from "../../src/core/parse/prose/types";
import { readSeed, ROOT } from "../helpers/seeds";

const read = (text: string, year = "2023") => extractProseTargets(text, { year });
const brief = (t: ProseTarget) => [t.indicator, t.value, t.unit, t.op, t.tierWord];

describe("extractProseTargets on the sentences of plans", () => {
  it("reads clauses split by ; with growth rates as 增速 and the scope 全市", () => {
    const found = read("主要预期目标:全市规上工业增加值增长8%以上;数字经济核心产业制造业增加值增长18%。");
    expect(found.map(brief)).toEqual([
      ["规上工业增加值增速", 8, "%", ">=", "预期"],
      ["数字经济核心产业制造业增加值增速", 18, "%", "=", "预期"],
    ]);
    // 主要预期目标 sets the expected tier of a 政府工作报告, for every clause of the sentence.
    expect(found.every((t) => t.tier === "expected")).toBe(true);
    // No year is written and no section states one: the year stays empty rather than guessed.
    expect(found.every((t) => t.scope === "全市" && t.kind === "rate" && t.year === "")).toBe(true);
  });

  it("pairs the names of a 分别 list with its figures, 以上 holding for all", () => {
    const found = read("确保工业投资、制造业投资、技术改造投资分别达到970亿元、900亿元和540亿元以上。");
    expect(found.map(brief)).toEqual([
      ["工业投资", 970, "亿元", ">=", "确保"],
      ["制造业投资", 900, "亿元", ">=", "确保"],
      ["技术改造投资", 540, "亿元", ">=", "确保"],
    ]);
    expect(found[0].kind).toBe("total");
  });

  it("reads two tiers of one indicator: 确保 X、力争 Y", () => {
    expect(read("GDP确保增长6%以上、力争7%。").map(brief)).toEqual([
      ["GDP增速", 6, "%", ">=", "确保"],
      ["GDP增速", 7, "%", "=", "力争"],
    ]);
  });

  it("keeps the multiplier in the unit and normalizes 标煤", () => {
    expect(read("腾退低效用地2万亩,腾出用能空间50万吨标煤。").map((t) => [t.value, t.unit])).toEqual([
      [2, "万亩"],
      [50, "万吨标准煤"],
    ]);
  });

  it("reads lists of counts joined by 、", () => {
    expect(read("新认定高新技术企业500家、省科技型中小企业1200家。").map(brief)).toEqual([
      ["新认定高新技术企业", 500, "家", "=", ""],
      ["省科技型中小企业", 1200, "家", "=", ""],
    ]);
  });

  it("takes the count of firms as the target, the 500亿元 as part of the name", () => {
    expect(read("力争培育开票销售超500亿元企业1家、百亿元以上企业10家。").map(brief)).toEqual([
      ["培育开票销售超500亿元企业", 1, "家", "=", "力争"],
      ["百亿元以上企业", 10, "家", "=", "力争"],
    ]);
  });

  it("reads the year of 到2027年 and 全年, and comparators 突破/不超过/控制在", () => {
    const [factories] = read("到2027年,累计建成未来工厂2家。");
    expect([factories.indicator, factories.value, factories.year]).toEqual(["累计建成未来工厂", 2, "2027"]);
    const [tax] = read("全年规上企业亩均税收达到52.4万元/亩。");
    expect([tax.indicator, tax.unit, tax.kind, tax.year]).toEqual([
      "规上企业亩均税收",
      "万元/亩",
      "rate",
      "2023",
    ]);
    expect(read("能耗增量控制在5万吨标准煤。")[0].op).toBe("<=");
    expect(read("亏损面不超过10%。")[0].op).toBe("<=");
    expect(read("光伏产业产值力争突破1500亿元。")[0].op).toBe(">=");
  });

  it("inherits the indicator into a clause that states only a figure, and the subject into 占…比重", () => {
    expect(read("确保10亿元以上重大制造业项目达到105个、力争120个。").map(brief)).toEqual([
      ["10亿元以上重大制造业项目", 105, "个", "=", "确保"],
      ["10亿元以上重大制造业项目", 120, "个", "=", "力争"],
    ]);
    expect(read("到2027年,集群规上产值突破2800亿元,占规上工业比重超90%。")[1].indicator).toBe(
      "集群规上产值占规上工业比重",
    );
  });

  it("leaves out past results: earlier years, 截至, 目前", () => {
    const text = [
      "一、2022年重点工作开展情况",
      "全市实现规上工业增加值2594.5亿元,同比增长14.0%。",
      "二、2023年工作思路",
      "截至2022年底,累计开通5G基站8011个。目前公司获评人才10人,“十四五”期间计划引进博士不少于200人。",
    ].join("\n");
    expect(extractProseTargets(text, { year: "2023" }).map((t) => [t.indicator, t.value, t.year])).toEqual([
      ["引进博士", 200, "2025"],
    ]);
  });

  it("names the town a sentence sets goals for", () => {
    const found = read("2023年黄湾镇的目标是:规上工业总产值和增加值分别突破1000亿元和160亿元。");
    expect(found.map((t) => [t.indicator, t.value, t.scope, t.op])).toEqual([
      ["规上工业总产值", 1000, "黄湾镇", ">="],
      ["规上工业增加值", 160, "黄湾镇", ">="],
    ]);
  });

  it("gives each target its sentence and the sentence's offsets in the document", () => {
    const text = "总体要求。\n到2027年,培育百亿级企业8家以上。";
    const [t] = extractProseTargets(text);
    expect(text.slice(t.start, t.end)).toBe(t.sentence);
    expect(t.sentence).toBe("到2027年,培育百亿级企业8家以上");
  });

  it("skips the rows of 附件 tables", () => {
    expect(read("序号 | 指标 | 2023年 |\n1 | 制造业投资(亿元) | 118 |")).toEqual([]);
  });
});

describe("extractProseTargets never throws", () => {
  it("reads every seed, and every target's sentence stands at its offsets", () => {
    for (const name of readdirSync(join(ROOT, "seeds")).filter((f) => f.endsWith(".txt"))) {
      const text = readSeed(name);
      const found = extractProseTargets(text);
      for (const t of found) {
        expect(Number.isFinite(t.value)).toBe(true);
        expect(text.slice(t.start, t.end).length).toBe(t.sentence.length);
      }
    }
  });

  it("returns an array for 10,000 random strings of digits, CJK, units and punctuation", () => {
    const pieces = [
      ..."0123456789.,;、,;:。!?()“”|-%万亿元亩家个确保力争分别各到年全市增长达到突破以上以内不超过占比重的和及\n ",
      "2027年",
      "分别达到",
      "亿元以上",
      "增长8%",
      "百亿",
    ];
    const text = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join("")),
    );
    fc.assert(
      fc.property(text, (s) => Array.isArray(extractProseTargets(s))),
      { numRuns: 10_000 },
    );
  });
});
