// The 通报 of the 平湖 year (tests/progress/actualsFixture.mjs against seed 001's 2023 breakdown), month 8 with
// month 7 to compare: it names exactly the towns the progress rows light red and yellow, with their numbers,
// and says what the fixture's designed cases are (曹桥街道 red, 广陈镇 back from red, 新仓镇 not reported).
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Breakdown } from "../../src/core/model";
import { buildBulletin, bulletinText, type Bulletin } from "../../src/core/progress/bulletin";
import type { ProgressRow, ProgressStatus } from "../../src/core/progress/evaluate";
import { progressOf, progressWithPrevious } from "../../src/core/progress/progress";
import type { Grid } from "../../src/core/grid";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { seedPlan } from "../helpers/workbooks";
import { DATE, official } from "./bulletinCases";

let breakdown: Breakdown;
let rows: ProgressRow[];
let bulletin: Bulletin;
let text: string;
let grids: Grid[];

beforeAll(async () => {
  breakdown = seedPlan().breakdowns[0];
  grids = await XlsxFile.open(join(__dirname, "fixtures", "平湖实绩-月表.xlsx")).readAll();
  const { result, settings, previous } = progressWithPrevious(breakdown, grids, 8);
  rows = result.rows;
  bulletin = buildBulletin({ breakdown, result, settings, previous, date: DATE });
  text = bulletinText(bulletin);
});

const paragraph = (start: string) => {
  const found = bulletin.sections.flatMap((s) => s.paragraphs).find((p) => p.startsWith(official(start)));
  if (!found) throw new Error(`no paragraph starting ${start}`);
  return found;
};

/**
 * The (indicator, town, details) a light's paragraph names, read back from its text: "…:指标:甲(…)、乙(…);指标:…".
 */
function named(status: ProgressStatus) {
  const p = paragraph(status === "red" ? "亮红灯" : "亮黄灯");
  const list = p.slice(p.indexOf(official("):")) + 2, -1);
  return list.split(official(";")).flatMap((part) => {
    const colon = part.indexOf(official(":"));
    const indicator = part.slice(0, colon);
    return [...part.slice(colon + 1).matchAll(/(?:^|、)([^、\uFF08]+)\uFF08([^\uFF09]*)\uFF09/g)].map(
      (m) => ({
        indicator,
        unit: m[1],
        details: m[2],
      }),
    );
  });
}

describe("the 通报 of 1-8月 (平湖)", () => {
  it("names exactly the towns the progress rows light red and yellow, with their completion and rank", () => {
    for (const status of ["red", "yellow"] as const) {
      const lit = rows.filter((r) => r.status === status);
      const said = named(status);
      expect(said.map((x) => `${x.indicator}·${x.unit}`).sort()).toEqual(
        lit.map((r) => `${r.indicator}·${r.unit}`).sort(),
      );
      for (const r of lit) {
        const { details } = said.find((x) => x.unit === r.unit && x.indicator === r.indicator)!;
        const figure =
          r.kind === "rate" ? `${r.value}%` : `完成年度目标的${(r.completion * 100).toFixed(1)}%`;
        expect(details.startsWith(figure), details).toBe(true);
        expect(details).toMatch(new RegExp(`第${r.rank}位`));
        if (status === "red") expect(details).toContain(`连续${r.streak}个月`);
      }
    }
    expect(named("red").map((x) => x.unit)).toEqual(["当湖街道", "独山港区", "曹桥街道"]);
  });

  it("says the designed cases in full sentences", () => {
    expect(paragraph("亮红灯")).toContain(
      official(
        "高耗低效整治企业数:曹桥街道(完成年度目标的56.0%,慢于序时进度10.7个百分点,排名第8位,连续2个月落后于序时进度)",
      ),
    );
    expect(paragraph("亮黄灯")).toContain(
      official("新埭镇(完成年度目标的66.0%,慢于序时进度0.7个百分点,排名第5位,连续2个月落后于序时进度)"),
    );
    expect(paragraph("按照")).toBe(
      official("按照“红黄绿”三色评价,8个镇(街道)111项次指标中,绿灯102项、黄灯5项、红灯3项,未报送1项。"),
    );
    expect(paragraph("未报送")).toBe(official("未报送数据1项:新仓镇高价值发明专利拥有量。"));
    expect(paragraph("经开区")).toBe(
      official("经开区、新仓镇、广陈镇3个镇(街道)已报送的各项指标均达到序时进度。"),
    );
  });

  it("sums the towns for the city against the breakdown's 全市 target, profile and all", () => {
    // 制造业投资 by August: 46% of the year by its profile in 进度设置; the towns add up to 53.631 亿元 of 118.
    expect(paragraph("制造业投资")).toBe(
      official(
        "制造业投资:全市累计完成53.63亿元,完成年度目标(118.00亿元)的45.5%,慢于序时进度(46.0%)0.5个百分点。",
      ),
    );
    expect(paragraph("高价值发明专利拥有量")).toContain(official("全市累计完成595件(新仓镇未报送,未计入)"));
    expect(bulletin.intro[0]).toContain(
      official("总量型指标7项,序时进度为66.7%(8/12;其中制造业投资为46.0%)"),
    );
  });

  it("reports rates by town: the fixture's 全市 column sums the rates, which is no city figure", () => {
    expect(paragraph("规上工业增加值增长")).toBe(
      official(
        "规上工业增加值增长:8个镇(街道)中,5个达到年度目标,3个未达到,为当湖街道3.2%(目标5%)、新埭镇9%(目标10%)、林埭镇4.2%(目标5%)。",
      ),
    );
    expect(text).not.toContain(official("规上工业增加值增长:全市为"));
  });

  it("compares with month 7: 广陈镇 back from red to green, the newly red, the counts", () => {
    expect(bulletin.sections.map((s) => s.heading)[3]).toBe("四、与上月相比");
    expect(paragraph("与7月相比")).toBe(
      official("与7月相比,红灯3项,比上月增加2项;黄灯5项,比上月增加1项;绿灯102项,比上月减少4项。"),
    );
    expect(paragraph("1项由红灯")).toBe(
      official(
        "1项由红灯、黄灯转为绿灯:广陈镇高耗低效整治企业数由上月红灯转为绿灯,完成率由53.3%提高到73.3%。",
      ),
    );
    expect(paragraph("新亮红灯")).toContain(official("曹桥街道高耗低效整治企业数(上月黄灯)"));
    expect(paragraph("排名前进")).toContain(official("广陈镇高耗低效整治企业数前进6位(由第8位升至第2位)"));
  });

  it("has a number in every sentence but the closing requirements, and only official punctuation", () => {
    const requirements = bulletin.sections[bulletin.sections.length - 1];
    expect(requirements.heading).toBe("五、下一步工作要求");
    const sentences = [...bulletin.intro, ...bulletin.sections.slice(0, -1).flatMap((s) => s.paragraphs)]
      .flatMap((p) => p.split("。"))
      .filter((s) => s.trim() !== "");
    expect(sentences.length).toBeGreaterThan(30);
    for (const s of sentences) expect(s, s).toMatch(/\d/);
    // The names in this data have no ASCII punctuation: any in the text would be the 通报's own.
    expect(text.match(/[,:;()]/g)).toBeNull();
  });
});

describe("the 全市 figures of the actuals", () => {
  it("are kept from a month sheet's 全市 column (the fixture has one in even months only)", () => {
    const city = (m: number) => progressOf(breakdown, grids, m).result.city ?? [];
    expect(city(8).find((c) => c.indicator === "制造业投资")?.value).toBeCloseTo(53.631, 9);
    expect(city(7)).toEqual([]);
  });

  it("and from a long table's 全市 rows, which are not read as a town", () => {
    const long: Grid = {
      name: "月度实绩",
      rows: [
        ["单位", "指标", "月份", "累计值"],
        ["当湖街道", "规上工业增加值增长", "8月", 3.2],
        ["经开区", "规上工业增加值增长", "8月", 11],
        ["全市", "规上工业增加值增长", "8月", 7.4],
      ],
    };
    const { result } = progressOf(breakdown, [long], 8);
    expect(result.city).toEqual([{ indicator: "规上工业增加值增长", value: 7.4 }]);
    expect(result.rows.map((r) => r.unit)).toEqual(["当湖街道", "经开区"]);
    expect(result.findings).toEqual([]);
  });
});
