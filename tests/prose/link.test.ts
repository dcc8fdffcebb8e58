// 001's body against its tables: figures also in 附件1 are linked, the body's 5000亩 against 附件2's 2000亩 reported.
import { describe, expect, it } from "vitest";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { linkProseTargets } from "../../src/core/parse/prose/link";
import { extractProseTargets } from "../../src/core/parse/prose/extract";
import { readSeed } from "../helpers/seeds";

const plan = parsePlanDocument(readSeed("001_86af085e02e72586.txt"));
const { links, disagreements } = plan.proseLinks;
const named = (indicator: string) => plan.proseTargets.findIndex((t) => t.indicator === indicator);

describe("prose targets linked to the indicator system", () => {
  it("links 数字经济核心产业增加值 91亿元 (2023) and 亩均增加值 205 to their 附件1 rows", () => {
    expect(links).toContainEqual({
      target: named("数字经济核心产业增加值"),
      indicator: "数字经济核心产业增加值",
      year: "2023",
      value: 91,
      agrees: true,
    });
    expect(links.find((l) => l.target === named("亩均增加值"))?.indicator).toBe("规上工业亩均增加值");
    // 2027 figures link to the 2027 column.
    expect(links.find((l) => l.target === named("累计引进世界500强"))).toMatchObject({
      year: "2027",
      value: 37,
    });
    expect(links.every((l) => l.agrees)).toBe(true);
    expect(links.length).toBeGreaterThanOrEqual(10);
  });

  it("reports the body's 低效工业用地 5000亩 against 附件2 task 1's 2000亩, and nothing else", () => {
    expect(disagreements).toEqual([
      {
        target: named("低效工业用地改造开发"),
        source: "附件2",
        where: "第1项 整治低效工业用地",
        proseValue: 5000,
        tableValue: 2000,
        unit: "亩",
        message: "正文“低效工业用地改造开发”为 5000亩,附件2第1项“整治低效工业用地”为 2000亩",
      },
    ]);
  });

  it("reports a body figure that 附件1 states differently for the same year", () => {
    const targets = extractProseTargets("到2023年,数字经济核心产业增加值达到95亿元。");
    const found = linkProseTargets(targets, plan);
    expect(found.disagreements.map((d) => [d.source, d.where, d.proseValue, d.tableValue])).toEqual([
      ["附件1", "数字经济核心产业增加值", 95, 91],
    ]);
    expect(found.links[0]).toMatchObject({ agrees: false, value: 91 });
  });

  it("links nothing for a document without tables", () => {
    const p = parsePlanDocument(readSeed("002_0aa44b95e84d5610.txt"));
    expect(p.proseTargets.length).toBeGreaterThan(30);
    expect(p.proseLinks).toEqual({ links: [], disagreements: [] });
  });
});
