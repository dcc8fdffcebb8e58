// Progress against seed 001's 附件3 breakdown over a made-up year of monthly actuals (tests/progress/
// actualsFixture.mjs), read from the committed .xlsx fixtures in both layouts.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../../src/core/grid";
import type { Breakdown, Indicator } from "../../src/core/model";
import { evaluateProgress, type ProgressRow } from "../../src/core/progress/evaluate";
import { monthOfCell, monthOfSheetName } from "../../src/core/progress/month";
import { progressOf } from "../../src/core/progress/progress";
import { cumulativeSteps, scheduleFor } from "../../src/core/progress/schedule";
import { readActuals } from "../../src/core/progress/actuals";
import { DEFAULT_SETTINGS, settingsFromGrid } from "../../src/core/progress/settings";
import { normalizeName } from "../../src/core/text";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { seedPlan, tempDir } from "../helpers/workbooks";
// @ts-expect-error: a plain .mjs script (run with node to rewrite the fixtures)
import { FIXTURES, writeFixtures } from "./actualsFixture.mjs";

const FIXTURE_DIR = join(__dirname, "fixtures");
const grids = (path: string) => XlsxFile.open(path).readAll();

let breakdown: Breakdown;
let monthly: Grid[];
let long: Grid[];

beforeAll(async () => {
  breakdown = seedPlan().breakdowns[0];
  monthly = await grids(join(FIXTURE_DIR, FIXTURES.monthly));
  long = await grids(join(FIXTURE_DIR, FIXTURES.long));
});

function statusAt(gridsOf: Grid[], month: number, indicator: string) {
  const { result } = progressOf(breakdown, gridsOf, month);
  const rows = result.rows.filter((r) => r.indicator.startsWith(indicator));
  return Object.fromEntries(rows.map((r) => [r.unit, r]));
}

const pick = (r: ProgressRow) => ({ status: r.status, streak: r.streak, rank: r.rank });

describe("the fixtures", () => {
  it("are what tests/progress/actualsFixture.mjs writes", async () => {
    const dir = tempDir();
    await writeFixtures(dir);
    for (const name of Object.values(FIXTURES) as string[]) {
      const fresh = await grids(join(dir, name));
      const kept = await grids(join(FIXTURE_DIR, name));
      expect(fresh.map((g) => [g.name, g.rows])).toEqual(kept.map((g) => [g.name, g.rows]));
    }
  });
});

describe("status per town, indicator and month (高耗低效整治企业数, 序时进度 m/12)", () => {
  it("month 8: ahead, behind once, behind twice (red only when also in the bottom third), recovering", () => {
    const s = statusAt(monthly, 8, "高耗低效整治企业数");
    expect(s["经开区"]).toMatchObject({ value: 59, target: 80, status: "green", rank: 1 }); // ahead
    expect(pick(s["当湖街道"])).toEqual({ status: "yellow", streak: 1, rank: 6 }); // behind once
    expect(pick(s["林埭镇"])).toEqual({ status: "yellow", streak: 1, rank: 7 }); // once, bottom third: still yellow
    expect(pick(s["新埭镇"])).toEqual({ status: "yellow", streak: 2, rank: 5 }); // twice, 5th of 8: not bottom
    expect(pick(s["曹桥街道"])).toEqual({ status: "red", streak: 2, rank: 8 }); // twice and last
    expect(pick(s["广陈镇"])).toEqual({ status: "green", streak: 0, rank: 2 }); // back on schedule
    expect(s["新埭镇"].schedule).toBeCloseTo(8 / 12, 12);
    expect(s["新埭镇"].gap).toBeCloseTo(0.66 - 8 / 12, 12);
  });

  it("month 7: 广陈镇 red (behind in June and July, last), 新埭镇 yellow on its first month behind", () => {
    const s = statusAt(monthly, 7, "高耗低效整治企业数");
    expect(pick(s["广陈镇"])).toEqual({ status: "red", streak: 2, rank: 8 });
    expect(pick(s["新埭镇"])).toEqual({ status: "yellow", streak: 1, rank: 6 });
    expect(s["当湖街道"].status).toBe("green");
  });

  it("month 6: exactly on schedule is green (新埭镇 25 of 50)", () => {
    const s = statusAt(monthly, 6, "高耗低效整治企业数");
    expect(s["新埭镇"]).toMatchObject({ completion: 0.5, gap: 0, status: "green" });
  });

  it("text numbers (“１２” full-width, “11家”) are read as numbers, each noted with its sheet and cell", () => {
    const { result } = progressOf(breakdown, monthly, 8);
    const s = statusAt(monthly, 8, "高耗低效整治企业数");
    expect([s["林埭镇"].value, s["广陈镇"].value]).toEqual([12, 11]);
    const notes = result.findings.filter((f) => f.sheet === "1-8月" && f.severity === "warning");
    expect(notes.map((f) => f.cell)).toEqual(expect.arrayContaining(["J14", "I14"]));
    expect(notes.find((f) => f.cell === "J14")?.message).toMatch(/林埭镇 · 8月:“１２”按数字 12 读取.*全角/);
  });

  it("a blank is 未报 (no status, no rank) and an error value is reported with its cell", () => {
    const { result } = progressOf(breakdown, monthly, 8);
    expect(result.missing).toEqual([{ unit: "新仓镇", indicator: "高价值发明专利拥有量" }]);
    const patents = result.rows.filter((r) => r.indicator === "高价值发明专利拥有量");
    expect(patents.map((r) => r.unit)).not.toContain("新仓镇");
    expect(Math.max(...patents.map((r) => r.ranked))).toBe(7);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ sheet: "1-8月", cell: "G10", message: "新仓镇 · 8月:未填报(空白)" }),
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({ sheet: "1-3月", cell: "F15", severity: "error" }),
    );
  });

  it("towns with no target (“-”) get no row; the pending row 15 none", () => {
    const { result } = progressOf(breakdown, monthly, 8);
    const digital = result.rows.filter((r) => r.indicator.startsWith("数字经济"));
    expect(digital.map((r) => r.unit)).not.toContain("当湖街道");
    expect(digital).toHaveLength(7);
    expect(result.rows.some((r) => r.indicator.includes("能耗下降"))).toBe(false);
    expect(result.rows).toHaveLength(14 * 8 - 1 - 1); // 14 numeric rows × 8 towns − “-” − 未报
  });
});

describe("rates and profiles", () => {
  it("质态型 rates compare the value with the target directly (序时进度 100%); ties share a rank", () => {
    const s = statusAt(monthly, 8, "规上工业增加值增长");
    expect(s["当湖街道"]).toMatchObject({
      value: 3.2,
      completion: 0.64,
      schedule: 1,
      status: "red",
      streak: 2,
    });
    expect(pick(s["林埭镇"])).toEqual({ status: "yellow", streak: 1, rank: 7 });
    expect([s["经开区"].rank, s["独山港区"].rank, s["曹桥街道"].rank]).toEqual([1, 1, 3]);
    expect(s["广陈镇"]).toMatchObject({ completion: 1, status: "green" });
  });

  it("制造业投资 follows its back-loaded profile in 进度设置 (46% by August), not 8/12", () => {
    const s = statusAt(monthly, 8, "制造业投资");
    expect(s["经开区"]).toMatchObject({ value: 20, schedule: 0.46, status: "green" });
    expect(pick(s["独山港区"])).toEqual({ status: "red", streak: 2, rank: 8 });
    // Without the settings sheet the same figures are measured against 8/12: everyone is behind.
    const flat = statusAt(
      monthly.filter((g) => g.name !== "进度设置"),
      8,
      "制造业投资",
    );
    expect(flat["经开区"].schedule).toBeCloseTo(8 / 12, 12);
    expect(Object.values(flat).every((r) => r.status !== "green")).toBe(true);
  });

  it("累计 indicators are measured along the plan's path (2024: from 2023's 6 towards 8)", () => {
    const plan = seedPlan();
    const factories = plan.indicators.find((i) => i.name.startsWith("累计建成省级智能工厂")) as Indicator;
    const row = { ...breakdown.rows[11], name: factories.name, kind: "total" as const };
    const steps = cumulativeSteps({ ...breakdown, year: "2024", rows: [row] }, plan.indicators);
    const step = steps.get(normalizeName(factories.name));
    expect(step).toEqual({ previous: 6, current: 8 });
    expect(scheduleFor(row, 6, undefined, step)).toBeCloseTo((6 + 2 * 0.5) / 8, 12);
    expect(scheduleFor(row, 12, undefined, step)).toBe(1);
    // The plan's first year has no point before it: plain m/12.
    expect(cumulativeSteps({ ...breakdown, rows: [row] }, plan.indicators).size).toBe(0);
    expect(steps.get(normalizeName("累计引进世界500强企业"))).toEqual({ previous: 33, current: 34 });
  });
});

describe("settings in the workbook", () => {
  it("N, the bottom share and the tolerance change the colours", () => {
    const actuals = readActuals(monthly, breakdown);
    const at = (settings: typeof DEFAULT_SETTINGS) =>
      Object.fromEntries(
        evaluateProgress(breakdown, actuals, 8, settings)
          .rows.filter((r) => r.indicator === "高耗低效整治企业数")
          .map((r) => [r.unit, r.status]),
      );
    expect(at({ ...DEFAULT_SETTINGS, streakMonths: 3 })["曹桥街道"]).toBe("yellow");
    expect(at({ ...DEFAULT_SETTINGS, bottomShare: 0.5 })["新埭镇"]).toBe("red");
    expect(at({ ...DEFAULT_SETTINGS, tolerance: 0.01 })["新埭镇"]).toBe("green");
  });

  it("reads 进度设置 and reports what it cannot use, with the cell", () => {
    const { settings, findings } = settingsFromGrid({
      name: "进度设置",
      rows: [
        ["连续落后月数", 3],
        ["末位比例", "25%"],
        ["容差(百分点)", "abc"],
        ["指标", ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)],
        ["制造业投资", 5, 10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100],
        ["高耗低效整治企业数", 10, 5, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100],
      ],
    });
    expect([settings.streakMonths, settings.bottomShare, settings.tolerance]).toEqual([3, 0.25, 0]);
    expect(settings.profiles.get("制造业投资")?.[7]).toBe(0.6);
    expect(settings.profiles.has("高耗低效整治企业数")).toBe(false);
    expect(findings.map((f) => f.cell)).toEqual(["B3", "B6"]);
  });
});

describe("reading actuals", () => {
  it("both layouts give the same statuses for every month", () => {
    for (const m of [1, 5, 8, 12])
      expect(progressOf(breakdown, long, m).result.rows).toEqual(
        progressOf(breakdown, monthly, m).result.rows,
      );
  });

  it("names months the way bureaus write them", () => {
    expect(
      ["1-8月", "8月", "2023年1-8月", "1～8月", "8月份累计", "1至8月完成情况"].map(monthOfSheetName),
    ).toEqual([8, 8, 8, 8, 8, 8]);
    expect(["1-8月亮晒", "说明", "13月", "进度设置"].map(monthOfSheetName)).toEqual([null, null, null, null]);
    expect([8, "8", "1-8月", "2023年8月", "８月", 0, "八月"].map(monthOfCell)).toEqual([
      8,
      8,
      8,
      8,
      8,
      null,
      null,
    ]);
  });

  it("a month sheet without 全市 is read (the total column is optional)", () => {
    const odd = monthly.find((g) => g.name === "1-7月")!;
    expect(odd.rows[1]).not.toContain("全市");
    expect(readActuals([odd], breakdown).months).toEqual([7]);
  });
});
