// The 通报's sentences from hand-made progress results (every number chosen here), its number formats, and the
// 进度设置 rows it takes its closing requirements and issuer from.
import { describe, expect, it } from "vitest";
import { buildBulletin, bulletinText, planNameOf } from "../../src/core/progress/bulletin";
import { monthOverMonthSection } from "../../src/core/progress/bulletinChanges";
import { cityRate, indicatorRows, rankCounts } from "../../src/core/progress/bulletinData";
import { rateSentence, totalSentence } from "../../src/core/progress/bulletinOverall";
import { rankingSentence } from "../../src/core/progress/bulletinRanking";
import { townClause, townsSection } from "../../src/core/progress/bulletinTowns";
import {
  amountText,
  changeText,
  listText,
  percentText,
  pointsText,
  rateGapText,
  scheduleGapText,
} from "../../src/core/progress/bulletinWords";
import { DEFAULT_REQUIREMENTS, settingsFromGrid } from "../../src/core/progress/settings";
import { breakdownOf, DATE, indicator, official, progressRow, resultOf, settings } from "./bulletinCases";

const invest = indicator("制造业投资", "亿元", "total", 118, { 甲镇: 60, 乙镇: 58 });
const growth = indicator("规上工业增加值增长", "%", "rate", 7, { 甲镇: 8, 乙镇: 6 });
const firms = indicator("高耗低效整治企业数", "家", "total", 50, { 甲镇: 25, 乙镇: 25 });

describe("numbers as a 通报 writes them", () => {
  it("亿元 to 2 decimals, counted things whole, other units as precise as they are", () => {
    expect(amountText(53.631, "亿元")).toBe("53.63");
    expect(amountText(118, "亿元")).toBe("118.00");
    expect(amountText(14, "家")).toBe("14");
    expect(amountText(2335, "亩")).toBe("2335");
    expect(amountText(0.015, "万吨标准煤")).toBe("0.015");
    expect(amountText(27.54, "万元/亩")).toBe("27.54");
  });

  it("percentages to 1 decimal, gaps in 个百分点, lists with 、 and 等", () => {
    expect(percentText(0.4545)).toBe("45.5%");
    expect(pointsText(-0.10667)).toBe("10.7个百分点");
    expect(listText(["甲", "乙", "丙"])).toBe("甲、乙、丙");
    expect(listText(["a", "b", "c", "d", "e", "f", "g", "h"], 6)).toBe("a、b、c、d、e、f等8个");
    expect(changeText(3, 1)).toBe("比上月增加2项");
    expect(changeText(1, 3)).toBe("比上月减少2项");
    expect(changeText(2, 2)).toBe("与上月持平");
  });

  it("a gap against 序时进度 or a rate's target, in words; one too small to show is still said", () => {
    expect(scheduleGapText(0.0098)).toBe("快于序时进度1.0个百分点");
    expect(scheduleGapText(-0.1067)).toBe("慢于序时进度10.7个百分点");
    expect(scheduleGapText(0)).toBe("与序时进度持平");
    expect(scheduleGapText(-0.0004)).toBe(official("略慢于序时进度(不足0.1个百分点)"));
    expect(rateGapText(3.2, 5, "%")).toBe("低于目标1.8个百分点");
    expect(rateGapText(7.5, 7, "%")).toBe("高于目标0.5个百分点");
    expect(rateGapText(40, 35, "万元/亩")).toBe("为目标的114.3%");
  });
});

describe("the city as a whole", () => {
  const at46 = { schedule: 0.46 };
  const result = resultOf(8, [
    progressRow(invest, "甲镇", 30, { ...at46, rank: 1, status: "green" }),
    progressRow(invest, "乙镇", 25.43, { ...at46, rank: 2, status: "yellow" }),
  ]);

  it("a 总量型 indicator: the towns summed against the 全市 target and 序时进度", () => {
    const [ind] = indicatorRows(breakdownOf([invest]), result);
    expect(totalSentence(ind, 0)).toBe(
      official(
        "制造业投资:全市累计完成55.43亿元,完成年度目标(118.00亿元)的47.0%,快于序时进度(46.0%)1.0个百分点。",
      ),
    );
  });

  it("a town without a figure is named and left out of the sum", () => {
    const missing = resultOf(8, [result.rows[0]], { missing: [{ unit: "乙镇", indicator: "制造业投资" }] });
    const [ind] = indicatorRows(breakdownOf([invest]), missing);
    expect(totalSentence(ind, 0)).toBe(
      official(
        "制造业投资:全市累计完成30.00亿元(乙镇未报送,未计入),完成年度目标(118.00亿元)的25.4%," +
          "慢于序时进度(46.0%)20.6个百分点。",
      ),
    );
  });

  it("a rate: the city's figure when the actuals have one within the towns' range, else the towns", () => {
    const rows = [
      progressRow(growth, "甲镇", 8.4, { rank: 1, status: "green" }),
      progressRow(growth, "乙镇", 6.3, { rank: 1, status: "green" }),
    ];
    const withCity = resultOf(8, rows, { city: [{ indicator: "规上工业增加值增长", value: 7.5 }] });
    const [ind] = indicatorRows(breakdownOf([growth]), withCity);
    expect(cityRate(ind, withCity)).toBe(7.5);
    expect(rateSentence(ind, 7.5)).toBe(
      official("规上工业增加值增长:全市为7.5%,年度目标7%,高于目标0.5个百分点。"),
    );
    // A 全市 column that summed the towns' rates (14.7) is no city rate.
    const summed = resultOf(8, rows, { city: [{ indicator: "规上工业增加值增长", value: 14.7 }] });
    expect(cityRate(ind, summed)).toBeNull();
    expect(rateSentence(ind, null)).toBe(official("规上工业增加值增长:2个镇(街道)均达到年度目标。"));
  });

  it("a rate some towns miss: who, with their figure and target", () => {
    const rows = [
      progressRow(growth, "甲镇", 8.4, { rank: 1, status: "green" }),
      progressRow(growth, "乙镇", 5.1, { rank: 2, status: "red", streak: 2 }),
    ];
    const [ind] = indicatorRows(breakdownOf([growth]), resultOf(8, rows));
    expect(rateSentence(ind, null)).toBe(
      official("规上工业增加值增长:2个镇(街道)中,1个达到年度目标,1个未达到,为乙镇5.1%(目标6%)。"),
    );
  });
});

describe("the towns", () => {
  const rows = [
    progressRow(firms, "甲镇", 20, { rank: 1, status: "green" }),
    progressRow(firms, "乙镇", 14, { rank: 2, status: "red", streak: 2 }),
    progressRow(growth, "甲镇", 8.4, { rank: 1, status: "green" }),
    progressRow(growth, "乙镇", 5.7, { rank: 2, status: "yellow" }),
  ];
  const input = {
    breakdown: breakdownOf([growth, firms]),
    result: resultOf(8, rows),
    settings,
    date: DATE,
  };

  it("a red town's clause: completion, gap, rank and months behind, the numbers of its progress row", () => {
    expect(townClause(rows[1], rankCounts(rows.slice(0, 2)))).toBe(
      official("乙镇(完成年度目标的56.0%,慢于序时进度10.7个百分点,排名第2位,连续2个月落后于序时进度)"),
    );
    expect(townClause(rows[3], rankCounts(rows.slice(2)))).toBe(
      official("乙镇(5.7%,低于目标0.3个百分点,排名第2位)"),
    );
  });

  it("counts the lights, names the towns all green, and lists red and yellow by indicator", () => {
    const { paragraphs } = townsSection(input);
    expect(paragraphs[0]).toBe(
      official("按照“红黄绿”三色评价,2个镇(街道)4项次指标中,绿灯2项、黄灯1项、红灯1项。"),
    );
    expect(paragraphs[1]).toBe(official("甲镇1个镇(街道)已报送的各项指标均达到序时进度。"));
    expect(paragraphs[2]).toBe(
      official(
        "亮红灯1项,涉及乙镇1个镇(街道)(连续2个月及以上落后于序时进度且排名在后三分之一):" +
          "高耗低效整治企业数:乙镇(完成年度目标的56.0%,慢于序时进度10.7个百分点,排名第2位,连续2个月落后于序时进度)。",
      ),
    );
    expect(paragraphs[3]).toBe(
      official(
        "亮黄灯1项,涉及乙镇1个镇(街道)(本月落后于序时进度):规上工业增加值增长:乙镇(5.7%,低于目标0.3个百分点,排名第2位)。",
      ),
    );
  });

  it("names the first and last of each indicator, ties together", () => {
    const tie = [
      progressRow(growth, "甲镇", 8.8, { rank: 1, status: "green" }),
      progressRow(growth, "乙镇", 6.6, { rank: 1, status: "green" }),
    ];
    const [tied] = indicatorRows(breakdownOf([growth]), resultOf(8, tie));
    expect(rankingSentence(tied)).toBe(official("规上工业增加值增长:2个镇(街道)均为目标的110.0%。"));
    const [firmsRows] = indicatorRows(breakdownOf([firms]), resultOf(8, rows.slice(0, 2)));
    expect(rankingSentence(firmsRows)).toBe(
      official("高耗低效整治企业数:甲镇完成率最高(80.0%);乙镇完成率最低(56.0%)。"),
    );
  });
});

describe("month over month", () => {
  const before = resultOf(7, [
    progressRow(firms, "甲镇", 10, { rank: 2, status: "red", streak: 2 }),
    progressRow(firms, "乙镇", 14, { rank: 1, status: "green" }),
  ]);
  const now = resultOf(8, [
    progressRow(firms, "甲镇", 20, { rank: 1, status: "green" }),
    progressRow(firms, "乙镇", 14, { rank: 2, status: "yellow" }),
  ]);
  const input = { breakdown: breakdownOf([firms]), result: now, settings, date: DATE };

  it("counts against last month, names who turned green, and leaves small rank moves out", () => {
    const { heading, paragraphs } = monthOverMonthSection(input, before);
    expect(heading).toBe("与上月相比");
    expect(paragraphs[0]).toBe(
      official("与7月相比,红灯0项,比上月减少1项;黄灯1项,比上月增加1项;绿灯1项,与上月持平。"),
    );
    expect(paragraphs[1]).toBe(
      official("1项由红灯、黄灯转为绿灯:甲镇高耗低效整治企业数由上月红灯转为绿灯,完成率由40.0%提高到80.0%。"),
    );
    expect(paragraphs).toHaveLength(2); // one place up or down is no move worth a sentence
  });

  it("newly red, and moves of two places or more", () => {
    const seven = indicator("高耗低效整治企业数", "家", "total", 70, {
      ...Object.fromEntries(["甲镇", "乙镇", "丙镇", "丁镇"].map((t) => [t, 10])),
      戊镇: 30,
    });
    const r = (unit: string, value: number, rank: number, status: "red" | "yellow" | "green") =>
      progressRow(seven, unit, value, { rank, status, streak: status === "red" ? 2 : 0 });
    const a = resultOf(7, [r("甲镇", 2, 5, "yellow"), r("乙镇", 9, 1, "green"), r("丙镇", 8, 2, "green")]);
    const b = resultOf(8, [r("甲镇", 9, 1, "green"), r("乙镇", 4, 4, "red"), r("丙镇", 8, 2, "green")]);
    const { paragraphs } = monthOverMonthSection({ ...input, breakdown: breakdownOf([seven]), result: b }, a);
    expect(paragraphs).toContain(official("新亮红灯1项:乙镇高耗低效整治企业数(上月绿灯)。"));
    expect(paragraphs).toContain(
      official(
        "排名前进2位及以上的1项:甲镇高耗低效整治企业数前进4位(由第5位升至第1位);" +
          "排名后退2位及以上的1项:乙镇高耗低效整治企业数后退3位(由第1位降至第4位)。",
      ),
    );
  });
});

describe("the document's frame and the settings it takes", () => {
  it("names the plan in the title, leaves the issue number to the clerk, dates it", () => {
    expect(planNameOf("2023年平湖市先进制造业集群培育工程镇(街道)目标任务分解")).toBe(
      "平湖市先进制造业集群培育工程",
    );
    expect(planNameOf("2023年目标分解")).toBe("");
    const b = buildBulletin({
      breakdown: breakdownOf([firms]),
      result: resultOf(8, [
        progressRow(firms, "甲镇", 20, { rank: 1, status: "green" }),
        progressRow(firms, "乙镇", 17, { rank: 2, status: "green" }),
      ]),
      settings,
      date: DATE,
    });
    expect(b.title).toBe("关于2023年1-8月示例市制造业目标任务完成情况的通报");
    expect(b.number).toBe("〔2023〕第X期");
    expect([b.issuer, b.date]).toEqual(["示例市经信局", "2023年9月5日"]);
    expect(b.sections.map((s) => s.heading)).toEqual([
      "一、总体情况",
      official("二、各镇(街道)进展情况"),
      "三、各指标排名情况",
      "四、下一步工作要求",
    ]);
    expect(b.sections[3].paragraphs).toEqual(DEFAULT_REQUIREMENTS);
    const text = bulletinText(b);
    expect(text.split("\n").slice(0, 3)).toEqual([b.title, b.number, "示例市经信局\u3000\u30002023年9月5日"]);
    expect(text).toContain(
      official("\u3000\u3000高耗低效整治企业数:全市累计完成37家,完成年度目标(50家)的74.0%"),
    );
    expect(text.trimEnd().endsWith(official("附件:2023年1-8月目标任务完成情况亮晒表"))).toBe(true);
  });

  it("reads 通报要求 (one paragraph a cell or a line) and 发文单位 from 进度设置; defaults otherwise", () => {
    const { settings: read, findings } = settingsFromGrid({
      name: "进度设置",
      rows: [
        ["连续落后月数", 2],
        ["通报要求", "各镇要加快进度。\n红灯单位要说明原因。"],
        ["通报要求", "请于10日前报送。", "  "],
        ["发文单位", "平湖市经信局"],
      ],
    });
    expect(findings).toEqual([]);
    expect(read.requirements).toEqual(["各镇要加快进度。", "红灯单位要说明原因。", "请于10日前报送。"]);
    expect(read.issuer).toBe("平湖市经信局");
    const plain = settingsFromGrid({ name: "进度设置", rows: [["连续落后月数", 3]] }).settings;
    expect([plain.requirements, plain.issuer]).toEqual([DEFAULT_REQUIREMENTS, ""]);
    expect(DEFAULT_REQUIREMENTS[0]).toBe(
      official("各镇(街道)要对照年度目标任务,倒排时间节点,压实工作责任,确保全面完成全年目标任务。"),
    );
  });
});

describe("gaps as the reader computes them", () => {
  it("takes the gap from the two shares as printed (the 平湖 case, 45.5% against 46.0%, is in bulletinFixture)", async () => {
    const { scheduleGapText, shownGap } = await import("../../src/core/progress/bulletinWords");
    expect(shownGap(0.45452, 0.46)).toBeCloseTo(-0.005, 12);
    expect(scheduleGapText(shownGap(0.45452, 0.46))).toBe("慢于序时进度0.5个百分点");
    expect(scheduleGapText(shownGap(0.66667, 0.666666))).toBe("与序时进度持平");
  });
});
