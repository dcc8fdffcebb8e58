// The data the message tests walk core's emitters over (messageEmitters.test.ts): seed 001's plan and 附件3, the
// table shapes, allocations of 附件3's rows, a year of actuals, the seeds' documents — each with the mistakes
// clerks make added, so the rarer sentences are said too. Returns and files are in returnMessageCases.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allocate } from "../../src/core/allocate/allocate";
import { impliedCityRate } from "../../src/core/allocate/rates";
import { waterFill } from "../../src/core/allocate/waterFill";
import { planAllocation, type PlanRequest } from "../../src/core/allocate/plan";
import { findBreakdownTable } from "../../src/core/check/breakdownTable";
import { checkWorkbookDetailed } from "../../src/core/check/checkWorkbook";
import type { Weights } from "../../src/core/check/checkBreakdown";
import type { Grid, GridValue } from "../../src/core/grid";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { isFormula, type SheetSpec } from "../../src/core/layout/sheetSpec";
import type { Message } from "../../src/core/messages/message";
import type { Breakdown } from "../../src/core/model";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { MAX_PROSE_TARGETS } from "../../src/core/parse/prose/extract";
import { progressOf } from "../../src/core/progress/progress";
import { normalizeName } from "../../src/core/text";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { annex3Grid } from "../helpers/breakdownGrid";
import { ROOT } from "../helpers/seeds";
import { seedPlan } from "../helpers/workbooks";
import { seedBreakdown } from "../submissions/fixtures";
import * as shapes from "../table/shapes";

/** A message as carried: the Chinese string beside it (null where the carrier has none) and where it came from. */
export interface Carried {
  where: string;
  text: string | null;
  msg: Message | undefined;
}

export const gridOfSpec = (spec: SheetSpec): Grid => ({
  name: spec.name,
  rows: spec.rows.map((r) => r.map((v): GridValue => (isFormula(v) ? null : (v as GridValue)))),
  merges: [...spec.merges],
});
const gridOfShape = (s: shapes.Shape): Grid => ({ name: s.name, rows: s.rows, merges: s.merges ?? [] });
const SHAPES = Object.values(shapes).filter((s): s is shapes.Shape => typeof s === "object" && "rows" in s);

/** A row of 附件3 (or a copy of it), found by the start of its name. */
const rowOf = (g: Grid, name: string) => g.rows.find((r) => String(r[1]).startsWith(name))!;

/** 附件3 with a trouble in each row: words, blanks, NaN, an error value, text numbers, targets of every kind. */
function troubledAnnex3(): Grid {
  const g = annex3Grid();
  const set = (name: string, col: number, v: GridValue) => (rowOf(g, name)[col] = v);
  set("规上工业增加值增长", 2, "abc");
  set("制造业投资", 3, null);
  set("规上工业亩均税收", 4, NaN);
  set("规上工业亩均税收", 6, "-inf");
  set("规上工业亩均增加值", 5, { error: "#N/A" });
  set("规上制造业企业研发费用", 6, true);
  set("高价值发明专利拥有量", 7, "１５４件");
  set("高新技术产业增加值", 10, 90); // outside 42–82
  set("规上工业全员劳动生产率增长", 10, 7); // every town 6
  set("数字经济核心产业", 10, -0); // against the system's 15: a mismatch
  set("“浙江制造”标准", 10, "待定");
  set("“品字标浙江制造”认证企业", 10, "-");
  set("高耗低效整治企业数", 10, "完成嘉兴下达任务");
  set("高耗低效整治腾出用地面积", 10, "1e309");
  set("高耗低效整治腾出能耗空间", 10, "4.5.1");
  const row = (name: string, towns: GridValue[], total: GridValue) => [99, name, ...towns, total, ""];
  g.rows.push(
    row("新增甲(家)", Array(8).fill("-"), 10),
    row("新增乙(家)", Array(8).fill("待下达"), 10),
    row("新增丙(亿元)", [9e307, 9e307, 0, 0, 0, 0, 0, 0], 1),
    row("新增丁(亿元)", [1, 2, 3, 4, 5, 6, 7, 8], " 36 "),
    row("新增戊(亿元)", ["1e-400", 1, 1, 1, 1, 1, 1, 1], 8),
  );
  return g;
}

/** Bases, targets, growth and shares per town: right, then wrong for one town, then wrong for the total too. */
function growthShapes(): Grid[] {
  const lines = (growth: number[], share: number) => [
    ["2023年各镇(街道)工业投资目标任务分解表"],
    ["镇(街道)", "2022年完成", "2023年目标", "增长(%)", "占比(%)"],
    ["当湖街道", 25, 30, growth[0], 30],
    ["钟埭街道", 20, 21, growth[1], 21],
    ["新埭镇", 20, 22, growth[2], 22],
    ["新仓镇", 25, 27, growth[3], 27],
    ["全市", 90, 100, growth[4], share],
  ];
  return [
    { name: "增长对", rows: lines([20, 5, 10, 8, 11.1], 100) },
    { name: "增长错一", rows: lines([20, 6, 10, 8, 11.1], 100) },
    { name: "增长全错", rows: lines([20, 6, 10, 8, 9], 90) },
  ];
}

export function checkCases(): Carried[] {
  const out: Carried[] = [];
  const check = (where: string, grids: Grid[], weights?: Weights) => {
    for (const r of checkWorkbookDetailed(grids, { weights }).reports) {
      for (const x of r.results)
        out.push({ where: `${where} ${r.sheet} 第${x.row}行`, text: x.message, msg: x.msg });
      for (const c of r.crossCheck ?? [])
        out.push({ where: `${where} ${c.indicator}`, text: c.message, msg: c.msg });
    }
  };
  const plan = planWorkbook(seedPlan()).map(gridOfSpec);
  check("plan", plan);
  check("shapes", [...SHAPES.map(gridOfShape), ...growthShapes()]);
  const weights = (heavy: number): Weights => {
    const towns = new Map(shapes.TOWNS.map((t, i) => [t, i === 0 ? heavy : 1]));
    return new Map(["亩均税收", "规上工业增加值增长"].map((n) => [normalizeName(n), towns]));
  };
  check("weights", [gridOfShape(shapes.withSubtotals), gridOfShape(shapes.tiers)], weights(1));
  check("heavy weights", [gridOfShape(shapes.withSubtotals)], weights(20));
  check("troubles", [troubledAnnex3(), plan.find((g) => g.name === "指标体系")!]);
  return out;
}

export function allocationCases(): Carried[] {
  const out: Carried[] = [];
  const grid = annex3Grid();
  rowOf(grid, "高价值发明专利拥有量")[2] = null; // 当湖街道: no current value to hold
  rowOf(grid, "高价值发明专利拥有量")[3] = "三百";
  rowOf(grid, "制造业投资")[4] = " 8.2 ";
  // Sheets to take bases from: words only, and a table of other units (counties) holding 制造业投资 alone.
  const grids = [grid, { name: "说明", rows: [["基数见附件"]] }, gridOfShape(shapes.counties)];
  const table = findBreakdownTable(grid)!;
  const run = (where: string, name: string, req: PlanRequest, on = { grid, table }) => {
    const row = on.table.rows.find((r) => r.name.startsWith(name))!;
    const p = planAllocation({ ...on, row, grids }, req);
    p.notes.forEach((n, i) => out.push({ where: `${where} note`, text: n, msg: p.noteMsgs[i] }));
    if (p.error) out.push({ where: `${where} error`, text: p.error, msg: p.errorMsg });
  };
  for (const ref of table.rows) {
    const rate = ref.kind === "rate";
    run(ref.name, ref.name, { method: "proportional", rate, base: rate ? "制造业投资" : "current" });
    run(ref.name, ref.name, { method: "equal", decimals: 0, max: { 经开区: 1 } });
    run(ref.name, ref.name, { method: "fill", total: 5, min: { 当湖街道: 6 } });
    run(ref.name, ref.name, { method: "adjust", percent: 5 });
  }
  const all = Object.fromEntries(table.towns.map((t) => [t.header, true as const]));
  const ones = Object.fromEntries(table.towns.map((t) => [t.header, 1]));
  const refusals: PlanRequest[] = [
    { method: "equal", total: 118.123 },
    { method: "equal", held: all },
    { method: "equal", held: { 经开区: 200 } },
    { method: "equal", min: { 经开区: 200 } },
    { method: "equal", max: ones },
    { method: "proportional", base: "数字经济核心产业制造业增加值增速", max: { 当湖街道: 0, 经开区: 1 } },
    { method: "equal", held: { 无名镇: 1 } },
    { method: "equal", decimals: 11 },
    { method: "proportional", base: "无此基数" },
    { method: "proportional", base: "C5:D5" },
    { method: "proportional", base: "C5:J6" },
    { method: "proportional", base: "无此表!C5:J5" },
    { method: "proportional", base: "规上工业单位工业增加值能耗下降" },
    { method: "fill" },
    { method: "adjust" },
  ];
  refusals.forEach((req, i) => run(`refusal ${i}`, "制造业投资", req));
  run("held blank", "高价值发明专利拥有量", { method: "equal", held: { 当湖街道: true } });
  run("held words", "高价值发明专利拥有量", { method: "equal", held: { 经开区: true } });
  run("adjust words", "高价值发明专利拥有量", { method: "adjust", percent: 5 });
  run("rate fill", "规上工业增加值增长", { method: "fill", rate: true, base: "制造业投资" });
  run("rate bounds", "规上工业增加值增长", {
    method: "equal",
    rate: true,
    base: "制造业投资",
    min: { 经开区: 1 },
  });
  run("rate no base", "规上工业增加值增长", { method: "equal", rate: true });
  run("rate words", "规上工业增加值增长", {
    method: "equal",
    rate: true,
    base: "规上工业单位工业增加值能耗下降",
  });
  run("no total", "规上工业单位工业增加值能耗下降", { method: "equal" });
  run("no total, CLI", "规上工业单位工业增加值能耗下降", { method: "equal", totalName: "--total" });
  run("bases: words", "制造业投资", { method: "proportional", base: "说明" });
  run("bases: counties", "制造业投资", { method: "proportional", base: "县(市、区)分解" });
  run("bases: counties", "规上工业增加值增长", { method: "proportional", base: "县(市、区)分解" });
  const draft = gridOfShape(shapes.noTotal);
  const noTotal = { grid: draft, table: findBreakdownTable(draft, true)! };
  run("no total cell", "制造业投资", { method: "equal" }, noTotal);
  run("no total cell, CLI", "制造业投资", { method: "equal", totalName: "--total" }, noTotal);
  // What the planner never lets through, asked of the allocator itself.
  const direct: Parameters<typeof allocate>[0][] = [
    { towns: [], method: "equal", total: 1 },
    { towns: ["甲", "甲"], method: "equal", total: 1 },
    { towns: ["甲", "乙"], method: "equal", held: { 甲: true }, current: [null, 1], total: 1 },
    { towns: ["甲", "乙"], method: "proportional" },
    { towns: ["甲", "乙"], method: "proportional", total: 1, bases: [-1, 2] },
    { towns: ["甲", "乙"], method: "proportional", total: 1, bases: [0, 0] },
    { towns: ["甲", "乙"], method: "proportional", total: 1, bases: [1, 0], max: { 甲: 0.2 } },
  ];
  const refused = (where: string, step: () => unknown) => {
    try {
      step();
    } catch (e) {
      const err = e as Error & { msg?: Message };
      out.push({ where, text: err.message, msg: err.msg });
    }
  };
  for (const req of direct)
    refused(`allocate ${JSON.stringify(req)}`, () => {
      const r = allocate(req);
      r.notes.forEach((n, i) => out.push({ where: `allocate note`, text: n, msg: r.noteMsgs[i] }));
    });
  refused("no weights", () => waterFill([{ weight: 0, min: 0, max: Infinity }], 5));
  refused("no rate bases", () => impliedCityRate([5], [0]));
  return out;
}

/** A year of actuals in both layouts, then a settings sheet and a long table with every mistake. */
export async function progressCases(): Promise<Carried[]> {
  const out: Carried[] = [];
  const breakdown = seedBreakdown();
  const zero: Breakdown = {
    ...breakdown,
    rows: breakdown.rows.map((r) =>
      r.name === "制造业投资"
        ? { ...r, values: { ...r.values, 林埭镇: { ...r.values.林埭镇, value: 0 } } }
        : r,
    ),
  };
  const settings: Grid = {
    name: "进度设置",
    rows: [
      ["连续落后月数(红灯)", "很多"],
      ["末位比例(红灯)", 2],
      ["指标", ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)],
      ["制造业投资", 10, 5, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100],
      ["高价值发明专利拥有量", 10, 20, null, 30, 40, 50, 60, 70, 80, 90, 95, 100],
      ["高耗低效整治企业数", 10, 20, 25, 30, 40, 50, 60, 70, 80, 90, 95, 96],
    ],
  };
  const long: Grid = {
    name: "实绩",
    rows: [
      ["单位", "指标", "月份", "累计值"],
      ["当湖街道", "制造业投资", "13月", 1],
      ["无名镇", "制造业投资", "8月", 1],
      ["当湖街道", "无此指标", "8月", 1],
      ["当湖街道", "制造业投资", "8月", "abc"],
      ["当湖街道", "制造业投资", "7月", "待报"],
      ["当湖街道", "制造业投资", "6月", "1.2E+1"],
      ["经开区", "制造业投资", "8月", ""],
      ["经开区", "制造业投资", "7月", "1e309"],
      ["曹桥街道", "制造业投资", "8月", "１２"],
      ["曹桥街道", "制造业投资", "8月", 12],
      ["新埭镇", "制造业投资", "8月", { error: "#N/A" }],
    ],
  };
  const say = (where: string, p: ReturnType<typeof progressOf>) => {
    for (const f of p.result.findings)
      out.push({ where: `${where} ${f.sheet}!${f.cell}`, text: f.message, msg: f.msg });
  };
  const fixtures = join(ROOT, "tests", "progress", "fixtures");
  for (const file of ["平湖实绩-月表.xlsx", "平湖实绩-长表.xlsx"])
    say(file, progressOf(zero, await XlsxFile.open(join(fixtures, file)).readAll(), 8));
  say("mistakes", progressOf(zero, [settings, long], 8));
  return out;
}

/** Every seed, and a plan whose tables hold what cannot be read. */
export function planCases(): Carried[] {
  const broken = [
    "附件3",
    "| 序号 | 指标名称 | 当湖街道 | 经开区 | 全市 |",
    "| 1 | 制造业投资(亿元) | NaN | 1e309 | 3 |",
    "| 2 | 规上工业增加值增长(%) | 5 | 6 | 7 | 8 | 9 | 10 |",
    "",
    "附件1",
    "| 一级指标 | 指标名称 | 2023年 | 2025年 |",
    "| 发展 | 工业投资(亿元) | Infinity | 5 |",
    "",
    "附件9",
    "| 项目 | 金额 | 来源 | 年限 |",
    "| 甲 | 1 | 财政 | 3 |",
    "| 乙 | 2 | 自筹 | 4 |",
  ].join("\n");
  const prose = Array.from(
    { length: MAX_PROSE_TARGETS + 1 },
    (_, i) => `到2025年,指标${i}达到${i + 1}亿元。`,
  ).join("\n");
  const seeds = readdirSync(join(ROOT, "seeds")).map((f) => readFileSync(join(ROOT, "seeds", f), "utf8"));
  return [...seeds, broken, prose].flatMap((doc) =>
    parsePlanDocument(doc).issues.map((i) => ({ where: `plan line ${i.line}`, text: i.message, msg: i.msg })),
  );
}
