// Targets of towns and parks in monthly bulletins, analyses and speeches: the places they belong to, the names a
// bulletin leaves to its headings and lists, the year's task named inside a result, and the gaps and ratings
// that are no targets. Sentences in the manner of the blind-labelled bulletins (tests/prose/round7…round10).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readProse } from "../../src/core/parse/prose/extract";
import { namesMatch } from "../../src/core/parse/prose/match";
import type { ProseNumber } from "../../src/core/parse/prose/types";

const read = (text: string) => readProse(text, { year: "2025" });
/** Every number, targets and facts, as [name, value, unit, statement, scope], in the text's order. */
function numbers(text: string): [string, number, string, string, string][] {
  const r = read(text);
  const order = (n: ProseNumber) => n.start * 1000 + text.indexOf(`${n.value}`, n.start);
  return [...r.targets, ...r.facts]
    .sort((a, b) => order(a) - order(b))
    .map((n) => [n.indicator, n.value, n.unit, n.statement, n.scope]);
}
const targets = (text: string) => read(text).targets.map((t) => [t.indicator, t.value, t.unit, t.scope]);

describe("places in bulletins", () => {
  it("gives a target stated for places listed together to each of them", () => {
    expect(targets("其中，岚江区、北岭区规上工业增加值增速不低于8%，平岗县、长埠县不低于7.5%。")).toEqual([
      ["规上工业增加值增速", 8, "%", "岚江区"],
      ["规上工业增加值增速", 8, "%", "北岭区"],
      ["规上工业增加值增速", 7.5, "%", "平岗县"],
      ["规上工业增加值增速", 7.5, "%", "长埠县"],
    ]);
  });

  it("pairs the places of a 分别 list with its figures, whichever side names them", () => {
    expect(targets("城关镇、金井镇6月份须分别完成产值2.1亿元、2亿元以上。")).toEqual([
      ["产值", 2.1, "亿元", "城关镇"],
      ["产值", 2, "亿元", "金井镇"],
    ]);
    expect(targets("新增规上工业企业任务分别为岚江区32家、北岭区28家、河湾市26家。")).toEqual([
      ["新增规上工业企业任务", 32, "家", "岚江区"],
      ["新增规上工业企业任务", 28, "家", "北岭区"],
      ["新增规上工业企业任务", 26, "家", "河湾市"],
    ]);
  });

  it("scopes a place's clause with its due month and modal, and names it without them", () => {
    expect(
      targets("四季度须完成以下任务：青岗县须完成规上工业总产值32.3亿元以上；大坪乡仅需完成0.5亿元。"),
    ).toEqual([
      ["规上工业总产值", 32.3, "亿元", "青岗县"],
      ["规上工业总产值", 0.5, "亿元", "大坪乡"],
    ]);
  });

  it("reads a place right before its figure as the place, but not a thing counted", () => {
    expect(targets("全年规上工业总产值目标任务分解如下：东港镇45亿元、西河镇38亿元。")).toEqual([
      ["规上工业总产值", 45, "亿元", "东港镇"],
      ["规上工业总产值", 38, "亿元", "西河镇"],
    ]);
    expect(targets("2025年,力争创建绿色工厂60家、绿色园区1家。").map((t) => t[3])).toEqual(["", ""]);
  });

  it("lets a heading naming places scope its paragraph, and one naming a measure name its bare figures", () => {
    const text = [
      "二、各乡镇运行情况",
      "（一）规上工业总产值。城关镇完成9.4亿元，完成年度任务（22亿元）的42.7%。",
      "（二）荷塘乡、枫林乡。两乡规模工业总产值分别为4.2亿元、3.5亿元，年度目标分别为7.2亿元、5.6亿元。",
    ].join("\n");
    expect(numbers(text)).toEqual([
      ["规上工业总产值", 9.4, "亿元", "result", "城关镇"],
      ["规上工业总产值", 22, "亿元", "target", "城关镇"],
      ["任务(22亿元)", 42.7, "%", "progress", "城关镇"],
      ["两乡规模工业总产值", 4.2, "亿元", "result", "荷塘乡"],
      ["两乡规模工业总产值", 3.5, "亿元", "result", "枫林乡"],
      ["两乡规模工业总产值", 7.2, "亿元", "target", "荷塘乡"],
      ["两乡规模工业总产值", 5.6, "亿元", "target", "枫林乡"],
    ]);
  });
});

describe("the year's task inside a report", () => {
  it("reads a task named inline, in a bracket of two, or before 的年度目标 as a target", () => {
    expect(numbers("1-8月，全县完成工业投资41.3亿元，完成年度目标任务68亿元的60.7%。")).toEqual([
      ["工业投资", 41.3, "亿元", "result", "全县"],
      ["工业投资", 68, "亿元", "target", "全县"],
      ["目标任务68亿元", 60.7, "%", "progress", "全县"],
    ]);
    const gaps = numbers("1-11月，规上工业增加值增长8.6%，高于8.5%的年度目标0.1个百分点。");
    expect(gaps.map(([, v, , kind]) => [v, kind])).toEqual([
      [8.6, "result"],
      [8.5, "target"],
      [0.1, "progress"],
    ]);
    expect(gaps[1][0]).toBe("规上工业增加值增速");
  });

  it("reads a report's 年度目标为… as the task of its clause only", () => {
    const text =
      "二、各地完成情况\n龙潭街道1-8月完成规模工业总产值21.8亿元，年度目标为33亿元，完成进度66.1%；完成工业投资3.9亿元。";
    expect(numbers(text).map(([, v, , kind]) => [v, kind])).toEqual([
      [21.8, "result"],
      [33, "target"],
      [66.1, "progress"],
      [3.9, "result"],
    ]);
  });

  it("reads a share completed after a task of another unit as progress", () => {
    const r = read("二、运行情况\n全市新增入规工业企业86家，省下达我市年度目标任务为100家，完成86%。");
    expect(r.targets.map((t) => [t.value, t.unit])).toEqual([[100, "家"]]);
    expect(r.facts.map((f) => [f.value, f.unit, f.statement])).toEqual([
      [86, "家", "result"],
      [86, "%", "progress"],
    ]);
  });
});

describe("what a bulletin's months make of its seasons", () => {
  const bulletin = (body: string) => `全市2025年1-9月工业经济运行通报\n三、下一步工作\n${body}`;

  it("reads a season after the months reported as a goal's period, one within them as past", () => {
    expect(numbers(bulletin("临溪经济开发区四季度完成规上工业产值不低于170亿元。")).map((n) => n[3])).toEqual(
      ["target"],
    );
    expect(
      numbers("全市2025年1-9月工业经济运行通报\n上半年完成规上工业产值170亿元。").map((n) => n[3]),
    ).toEqual(["result"]);
  });

  it("reads ratings and sentences that only compare with last year as results", () => {
    expect(
      numbers("1-11月，7个县（市、区）中评定为绿色的3个、黄色的3个。").every(
        ([, , , kind]) => kind !== "target",
      ),
    ).toBe(true);
    expect(
      numbers("从区域看，岷川经开区完成产值31.6亿元，占全县的60.4%，同比增长9.1%。").map((n) => n[3]),
    ).toEqual(["result", "result", "result"]);
    // (A goal's words keep a sentence with 同比 from being read as a report: "要…".)
    expect(read("石桥镇要巩固良好势头，全年规上工业总产值完成38亿元，同比增长12%。").targets[0].value).toBe(
      38,
    );
  });

  it("reads a span of months beyond the report's as to come", () => {
    const text =
      "全市2025年1-7月工业经济运行通报\n三、下一步工作\n1-8月，全市规上工业总产值累计完成1476亿元以上。";
    expect(read(text).targets.map((t) => [t.value, t.unit])).toEqual([[1476, "亿元"]]);
    expect(read(text.replace("1-8月，", "1-6月，")).targets).toEqual([]);
  });

  it("lets a quoted goal that is measured against set no goal for what follows", () => {
    const r = read(
      "二、各地情况\n沙岭市：规上工业增加值增长7.6%，但与年初确定的“确保增长8%、力争增长9%”的目标仍有差距；新增规上工业企业6户，仅完成全年15户目标的40%。",
    );
    // (力争增长9%”的目标仍有差距: the quote's last figure names no target of its own; 8% opens the quote.)
    expect(r.targets.map((t) => [t.value, t.scope])).toEqual([
      [8, "沙岭市"],
      [15, "沙岭市"],
    ]);
    expect(r.facts.filter((f) => f.value === 6 || f.value === 40).map((f) => f.statement)).toEqual([
      "result",
      "progress",
    ]);
  });

  it("reads places joined by 和 as a list, and a task named after 市下达 inline", () => {
    expect(
      targets(
        "三、下一步工作\n白石县、岚北区和凤岚经济技术开发区8月份规上工业总产值分别确保完成40亿元、29亿元、55亿元。",
      ).map((t) => t[3]),
    ).toEqual(["白石县", "岚北区", "凤岚经济技术开发区"]);
    const r = read("二、各地情况\n双河县完成规上工业总产值142.6亿元，仅完成市下达年度目标280亿元的50.9%。");
    expect(r.targets.map((t) => [t.indicator, t.value])).toEqual([["规上工业总产值", 280]]);
    expect(r.facts.map((f) => f.statement)).toEqual(["result", "progress"]);
  });

  it("reads a goal's month named with 当月 by the months reported, and a sub-heading's season as its goals'", () => {
    const bulletin = "全市2026年1-5月工业经济运行通报\n三、下步安排\n";
    expect(read(`${bulletin}6月当月新增规上工业企业不少于15户。`).targets.map((t) => t.value)).toEqual([15]);
    expect(read(`${bulletin}其中5月当月新增规上工业企业9户。`).targets).toEqual([]);
    const plan =
      "2026年工业项目攻坚年工作方案\n四、时间节点\n(一)一季度“开门红”。3月底前，全县新签约工业项目15个以上。";
    expect(read(plan).targets.map((t) => [t.indicator, t.value])).toEqual([["新签约工业项目", 15]]);
  });

  it("completes the names of a list counted by its kind, and reads a growth to keep", () => {
    expect(
      targets("新能源汽车零部件、高端装备、电子信息三大主导产业产值分别达到960亿元、685亿元和520亿元。").map(
        (t) => t[0],
      ),
    ).toEqual(["新能源汽车零部件产业产值", "高端装备产业产值", "电子信息产业产值"]);
    expect(targets("全市工业投资保持10%以上增长。")).toEqual([["工业投资增速", 10, "%", "全市"]]);
  });

  it("never gives one target to more places than a county has, however long the list", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), (count) => {
        const hanzi = (i: number) => [...String(i)].map((d) => "甲乙丙丁戊己庚辛壬癸"[Number(d)]).join("");
        const towns = Array.from({ length: count }, (_, i) => `东${hanzi(i)}镇`).join("、");
        const found = read(`${towns}规上工业增加值增速不低于8%。`).targets;
        expect(found.length).toBe(count <= 60 ? count : 1);
      }),
      { numRuns: 40 },
    );
  });
});

describe("what round15 taught (sentences in its manner, not its own)", () => {
  it("reads a gap to the year's target in any unit as progress, not a target", () => {
    expect(numbers("距全年目标，全镇规上工业总产值还差7.2亿元。")).toEqual([
      ["规上工业总产值", 7.2, "亿元", "progress", "全镇"],
    ]);
  });

  it("names a monthly average, a 预期 growth and a growth to keep without their verbs and tier", () => {
    expect(targets("力争月均完成工业投资4.5亿元以上。")[0].slice(0, 3)).toEqual([
      "月均工业投资",
      4.5,
      "亿元",
    ]);
    expect(targets("全县规上工业增加值预期增长6%、奋斗目标6.5%。").map((t) => t[0])).toEqual([
      "规上工业增加值增速",
      "规上工业增加值增速",
    ]);
    expect(targets("下半年规上工业增加值要稳在7%以上。")[0].slice(0, 3)).toEqual([
      "规上工业增加值增速",
      7,
      "%",
    ]);
  });

  it("splits 城乡居民 into 城镇 and 农村 in a 分别 list", () => {
    expect(targets("城乡居民人均可支配收入分别增长4.5%和6%。").map((t) => t.slice(0, 3))).toEqual([
      ["城镇居民人均可支配收入增速", 4.5, "%"],
      ["农村居民人均可支配收入增速", 6, "%"],
    ]);
  });

  it("keeps what exists now out of the targets, and takes a completion rate to reach as one", () => {
    expect(numbers("园区现有规上工业企业96家。")[0][3]).toBe("result");
    expect(targets("确保年内20个重点项目投资完成率达到100%。")).toEqual([
      ["重点项目投资完成率", 100, "%", ""],
    ]);
  });

  it("reads a park's quarters by their side as places, with what kind of quarter they are", () => {
    expect(targets("东区（新材料片区）确保完成规上工业总产值80亿元。")).toEqual([
      ["规上工业总产值", 80, "亿元", "东区(新材料片区)"],
    ]);
  });

  it("takes a quarter's goal in a meeting held inside that quarter as a goal", () => {
    const speech =
      "在2026年一季度工业经济分析会上的讲话\n\n（2026年3月8日）\n\n一季度完成技改投资不少于9亿元。";
    expect(readProse(speech).targets.map((t) => [t.indicator, t.value])).toEqual([["技改投资", 9]]);
  });
});

describe("what round16 taught (sentences in its manner, not its own)", () => {
  it("names a year's task by what completes it, not by the figure before it or who set it", () => {
    const text =
      "1-10月，全区完成工业投资41.2亿元；其中技改投资15.3亿元。工业投资完成区下达年度任务52亿元的79.2%。";
    expect(targets(text)).toEqual([["工业投资", 52, "亿元", ""]]);
  });

  it("ends a place's tier with the place: the next town's task has none", () => {
    const text = "南塘镇全年产值目标为36亿元，确保增长7%，力争增长9%；北岗街道全年目标为28亿元。";
    expect(read(text).targets.map((t) => [t.indicator, t.value, t.tierWord, t.scope])).toEqual([
      ["产值", 36, "", "南塘镇"],
      ["产值增速", 7, "确保", "南塘镇"],
      ["产值增速", 9, "力争", "南塘镇"],
      ["产值", 28, "", "北岗街道"],
    ]);
  });

  it("reads visits in 家次 and time limits in 个工作日", () => {
    expect(targets("全年走访企业不少于800家次。")[0].slice(0, 3)).toEqual(["走访企业", 800, "家次"]);
    expect(targets("工业项目竣工验收时限压缩至20个工作日以内。")[0].slice(0, 3)).toEqual([
      "工业项目竣工验收时限",
      20,
      "个工作日",
    ]);
  });

  it("names companies counted by a deed by the deed, then who does it", () => {
    expect(targets("推动15家规上企业实施智能化改造。")[0].slice(0, 3)).toEqual([
      "实施智能化改造规上企业",
      15,
      "家",
    ]);
  });

  it("keeps an assessment's weight out of the targets", () => {
    expect(read("将工业指标纳入年度考核，工业类指标权重不低于35%。").targets).toEqual([]);
  });

  it("names a town's share of a breakdown to villages by the task, whatever the villages are called", () => {
    const text = "将新增规上工业企业任务分解到村：城东社区2家，其余各村合计1家。";
    expect(targets(text).map((t) => t.slice(0, 3))).toEqual([
      ["新增规上工业企业", 2, "家"],
      ["新增规上工业企业", 1, "家"],
    ]);
  });

  it("takes a place's task in a 分别 list after 已提前完成 by the sentence's subject", () => {
    const text =
      "1-11月，园区新增入规企业5家；东湖镇新增2家，已提前完成年度任务；西岭乡、南山镇年度任务分别为2家、4家。";
    expect(targets(text)).toEqual([
      ["新增入规企业", 2, "家", "西岭乡"],
      ["新增入规企业", 4, "家", "南山镇"],
    ]);
  });

  it("matches the names of new 规上 companies and of time limits over a span", () => {
    expect(namesMatch("新入规企业", "新增规上工业企业")).toBe(true);
    expect(namesMatch("新增入规企业", "入规企业")).toBe(true);
    expect(namesMatch("工业项目从签约到开工审批时限", "工业项目审批时限")).toBe(true);
    expect(namesMatch("新增规上工业企业", "规上工业企业营业收入")).toBe(false);
  });

  it("names a change by what changes, and takes one reached in a review as a result", () => {
    expect(targets("到2027年，全区亩均税收由目前的9.6万元/亩提高到15万元/亩。")).toEqual([
      ["亩均税收", 15, "万元/亩", "全区"],
    ]);
    const review =
      "一、过去五年工作回顾\n\n全区规上工业产值由2020年的860亿元增加到1320亿元，高新技术产业占比由31.2%提高到40.5%。";
    expect(readProse(review, { year: "2026" }).targets).toEqual([]);
  });

  it("names companies listed where and by when they do a deed by the deed", () => {
    expect(targets("推动3家企业在北交所或新三板挂牌。")[0][0]).toBe("北交所或新三板挂牌企业");
    expect(targets("力争6家企业在11月底前达标入库。")[0][0]).toBe("达标入库企业");
  });

  it("names what is already in by the section's measure, not by 已入库", () => {
    const text = "新入规企业方面，高新区已入库7家（任务10家），东坪镇已入库2家（任务4家）。";
    expect(targets(text)).toEqual([
      ["新入规企业", 10, "家", "高新区"],
      ["新入规企业", 4, "家", "东坪镇"],
    ]);
  });

  it("keeps an assessment's weight out whatever the verb", () => {
    expect(read("考核结果占镇街年度综合考核权重的20%。").targets).toEqual([]);
    expect(read("工业指标纳入年度综合考核，权重提高到25%。").targets).toEqual([]);
  });

  it("reads a rank to reach as a target named by its ranking, and a rank held as a result", () => {
    const goal = read("高新区力争在全省高新区综合评价中进入前20位。").targets;
    expect(goal.map((t) => [t.indicator, t.value, t.unit, t.op, t.tierWord])).toEqual([
      ["全省高新区综合评价排名", 20, "位", "<=", "力争"],
    ]);
    const held = read("1-6月，全区规上工业增加值增长7.9%，增速居全市第4位；力争全年增长8%。");
    expect(held.targets.map((t) => [t.indicator, t.value])).toEqual([["规上工业增加值增速", 8]]);
    expect(held.facts.find((f) => f.unit === "位")?.statement).toBe("result");
  });

  it("names a figure reckoned from a goal without how it was reckoned", () => {
    const text = "该镇年度目标为产值增长10%，按此测算全年需完成26.4亿元。";
    expect(targets(text).map((t) => t.slice(0, 3))).toEqual([
      ["产值增速", 10, "%"],
      ["产值", 26.4, "亿元"],
    ]);
  });

  it("puts a count's 新增 before what it counts, and leaves who set a list's goals out of it", () => {
    expect(targets("全年营业收入超50亿元企业新增3户。")[0][0]).toBe("新增营业收入超50亿元企业");
    const text = "县委、县政府确定食品加工、纺织服装两大主导产业产值目标分别为60亿元、45亿元。";
    expect(targets(text).map((t) => t.slice(0, 2))).toEqual([
      ["食品加工产业产值", 60],
      ["纺织服装产业产值", 45],
    ]);
  });
});

describe("what round17 taught (sentences in its manner, not its own)", () => {
  it("reads a growth with its tier between verb and figure as a growth, each tier", () => {
    expect(targets("到2027年，规上工业增加值年均增长确保7%、力争9%。").map((t) => t.slice(0, 2))).toEqual([
      ["规上工业增加值年均增速", 7],
      ["规上工业增加值年均增速", 9],
    ]);
  });

  it("gives places a figure they carry together once, and each place its own growth in a 分别 list", () => {
    const text = "三年累计新建标准厂房200万平方米，其中东港经开区、西港高新区合计不少于80万平方米。";
    expect(targets(text).map((t) => [t[1], t[3]])).toEqual([
      [200, ""],
      [80, "东港经开区、西港高新区"],
    ]);
    const growth = "南湖区、北塘区规上工业总产值年均分别增长8%和7%。";
    expect(targets(growth)).toEqual([
      ["规上工业总产值年均增速", 8, "%", "南湖区"],
      ["规上工业总产值年均增速", 7, "%", "北塘区"],
    ]);
  });

  it("names a share that rises each year without 每年, and reads 平方公里", () => {
    expect(targets("技改投资占比每年提高1.5个百分点以上。")[0].slice(0, 3)).toEqual([
      "技改投资占比",
      1.5,
      "个百分点",
    ]);
    expect(targets("年内完成扩区2.3平方公里。")[0].slice(1, 3)).toEqual([2.3, "平方公里"]);
  });

  it("reads the rate of what was just reported done as done", () => {
    const r = read("计划新开工的40个项目中已开工28个，开工率70%。");
    expect(r.facts.find((f) => f.value === 70)?.statement).toBe("result");
    expect(r.targets.some((t) => t.value === 70)).toBe(false);
  });

  it("names a task handed down by what it is, not by who handed it to whom", () => {
    const text =
      "全年新签约亿元以上工业项目8个，其中10亿元以上项目2个，超额完成县下达我镇签约亿元以上工业项目6个的目标任务。";
    expect(targets(text).at(-1)).toEqual(["签约亿元以上工业项目", 6, "个", ""]);
  });
});
