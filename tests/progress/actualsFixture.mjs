// A made-up year of monthly actuals for the 平湖 towns against seed 001's 附件3 (2023) breakdown, written in both
// layouts the progress reader takes: one sheet per month ("1月", "1-2月" … "1-12月") and a long table
// 单位/指标/月份/累计值, each with a 进度设置 sheet (制造业投资 back-loaded). Run `node tests/progress/actualsFixture.mjs`
// to rewrite tests/progress/fixtures/; the tests check the files still match this script.
//
// Designed cases (month 8, 序时进度 8/12 ≈ 66.7%): 高耗低效整治企业数 — 经开区 ahead, 当湖街道 behind once, 新埭镇
// behind twice in a row but ranked 5th of 8 (yellow), 曹桥街道 behind twice and last (red), 广陈镇 red in month 7 and
// back on schedule in month 8 ("11家" typed as text), 林埭镇 behind once and 7th with "１２" full-width; 规上工业增加值
// 增长 (a rate, compared with the target directly) — 当湖街道 behind in months 7 and 8 and last (red), two towns tied
// first; 制造业投资 against the back-loaded profile — 经开区 on it, 独山港区 behind twice and last (red); 高价值发明专利
// 拥有量 left blank by 新仓镇 in month 8; an error value #N/A in 腾出用地面积 (新埭镇, month 3).
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const TOWNS = ["当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇"];
export const PROFILE = [3, 6, 10, 15, 20, 30, 38, 46, 56, 68, 82, 100];

/** 附件3 targets (null: "-"), and how each indicator's monthly figure is made. */
const INDICATORS = [
  [
    "规上工业增加值增长(%)",
    [5, 10, 8, 10, 10, 8, 5, 5],
    "rate",
    [1.1, 1.1, 1.0625, 1.05, 1.05, 1.1, 1.0, 1.0],
  ],
  ["制造业投资(亿元)", [0.8, 41, 8.2, 12.2, 12.2, 40.5, 1.55, 1.55], "profile", 1.05],
  ["规上工业亩均税收(万元/亩)", [15, 49, 27, 14, 24, 37, 14, 17], "rate", 1.02],
  ["规上工业亩均增加值(万元/亩)", [89, 255, 155, 136, 178, 221, 81, 129], "rate", 1.01],
  ["规上工业全员劳动生产率增长(%)", [6, 6, 6, 6, 6, 6, 6, 6], "rate", 1.1],
  ["规上制造业企业研发费用占营业收入的比重(%)", [4.4, 2.2, 3.6, 4.3, 3.3, 2, 3.5, 3.2], "rate", 1],
  ["高新技术产业增加值占规上工业增加值比重(%)", [42, 82, 74, 70, 71, 49, 48, 74], "rate", 1],
  ["高价值发明专利拥有量(件)", [51, 367, 123, 86, 64, 154, 70, 38], "count", 1],
  ["数字经济核心产业制造业增加值增速(%)", [null, 15, 20, 20, 20, 20, 15, 15], "rate", 1.05],
  ["“浙江制造”标准(项)", [1, 2, 1, 2, 2, 2, 1, 1], "count", 1],
  ["“品字标浙江制造”认证企业(家)", [1, 2, 1, 2, 2, 2, 1, 1], "count", 1],
  ["高耗低效整治企业数(家)", [20, 80, 25, 50, 25, 65, 15, 20], "count", 1],
  ["高耗低效整治腾出用地面积(亩)", [150, 810, 250, 810, 260, 810, 205, 205], "count", 1],
  [
    "高耗低效整治腾出能耗空间(万吨标准煤)",
    [0.015, 0.75, 0.975, 0.225, 0.225, 2.25, 0.03, 0.03],
    "amount",
    1.03,
  ],
];

/** Month (1-based) → cell value overrides per indicator and town. */
const OVERRIDES = {
  "高耗低效整治企业数(家)": {
    经开区: Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [i + 1, Math.ceil((80 * (i + 1) * 1.1) / 12)]),
    ),
    当湖街道: { 7: 12, 8: 13 },
    曹桥街道: { 6: 13, 7: 14, 8: 14 },
    新埭镇: { 6: 25, 7: 29, 8: 33 },
    广陈镇: { 6: 7, 7: 8, 8: "11家" },
    林埭镇: { 7: 12, 8: "１２" },
  },
  "规上工业增加值增长(%)": {
    当湖街道: { 7: 3, 8: 3.2 },
    新埭镇: { 8: 9 },
    林埭镇: { 8: 4.2 },
  },
  "制造业投资(亿元)": { 经开区: { 8: 20 }, 独山港区: { 7: 14, 8: 16 } },
  "高价值发明专利拥有量(件)": { 新仓镇: { 8: null } },
  "高耗低效整治腾出用地面积(亩)": { 新埭镇: { 3: { error: "#N/A" } } },
};

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

/** The cumulative figure of month m when nothing special happens: on (or a little ahead of) schedule. */
function onTrack(kind, target, factor, m, townIndex) {
  if (kind === "rate") return round(target * (Array.isArray(factor) ? factor[townIndex] : factor), 2);
  if (kind === "count") return Math.ceil((target * m) / 12);
  if (kind === "profile") return round((target * PROFILE[m - 1] * factor) / 100, 3);
  return round(((target * m) / 12) * factor, 4);
}

/** indicator → town → [12 monthly cells]. */
export function monthlyActuals() {
  const data = new Map();
  for (const [name, targets, kind, factor] of INDICATORS) {
    const byTown = new Map();
    TOWNS.forEach((town, t) => {
      if (targets[t] === null) return byTown.set(town, new Array(12).fill("-"));
      const special = OVERRIDES[name]?.[town] ?? {};
      byTown.set(
        town,
        Array.from({ length: 12 }, (_, i) =>
          i + 1 in special ? special[i + 1] : onTrack(kind, targets[t], factor, i + 1, t),
        ),
      );
    });
    data.set(name, byTown);
  }
  return data;
}

const periodOf = (m) => (m === 1 ? "1月" : `1-${m}月`);

function addSettings(wb) {
  const ws = wb.addWorksheet("进度设置");
  ws.addRow(["进度设置"]);
  ws.addRow(["连续落后月数", 2]);
  ws.addRow(["末位比例", "1/3"]);
  ws.addRow(["容差(百分点)", 0]);
  ws.addRow([]);
  ws.addRow(["指标", ...PROFILE.map((_, i) => `${i + 1}月`)]);
  ws.addRow(["制造业投资", ...PROFILE]);
}

function cellValue(v) {
  return v === null ? null : v;
}

/** One sheet per month in the breakdown layout; 全市 only in even months (it is optional). */
export function monthlyWorkbook(data = monthlyActuals()) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").addRow(["各镇(街道)主要指标 1-m月累计完成情况,每月一张工作表"]);
  for (let m = 1; m <= 12; m++) {
    const ws = wb.addWorksheet(periodOf(m));
    const withTotal = m % 2 === 0;
    ws.addRow([`2023年${periodOf(m)}各镇(街道)主要指标完成情况`]);
    ws.addRow(["序号", "指标名称", ...TOWNS, ...(withTotal ? ["全市"] : [])]);
    let no = 1;
    for (const [name, byTown] of data) {
      const values = TOWNS.map((t) => cellValue(byTown.get(t)[m - 1]));
      const sum = values.reduce((a, v) => a + (typeof v === "number" ? v : 0), 0);
      ws.addRow([no++, name, ...values, ...(withTotal ? [round(sum, 4)] : [])]);
    }
  }
  addSettings(wb);
  return wb;
}

/** The same figures as a long table 单位/指标/月份/累计值 (months written "1-8月"; January as the number 1). */
export function longWorkbook(data = monthlyActuals()) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("月度实绩");
  ws.addRow(["2023年各镇(街道)主要指标月度累计"]);
  ws.addRow(["单位", "指标", "月份", "累计值"]);
  for (let m = 1; m <= 12; m++)
    for (const [name, byTown] of data)
      for (const town of TOWNS)
        ws.addRow([town, name, m === 1 ? 1 : periodOf(m), cellValue(byTown.get(town)[m - 1])]);
  addSettings(wb);
  return wb;
}

export const FIXTURES = { monthly: "平湖实绩-月表.xlsx", long: "平湖实绩-长表.xlsx" };

export async function writeFixtures(dir) {
  mkdirSync(dir, { recursive: true });
  await monthlyWorkbook().xlsx.writeFile(join(dir, FIXTURES.monthly));
  await longWorkbook().xlsx.writeFile(join(dir, FIXTURES.long));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
  await writeFixtures(dir);
  process.stdout.write(`wrote ${Object.values(FIXTURES).join(", ")} to ${dir}\n`);
}
