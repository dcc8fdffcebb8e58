// `target-breakdown allocate` run as a process on the workbook `load` writes from seed 001 (平湖, 附件3).
import ExcelJS from "exceljs";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { readZipDirectory, readZipEntry } from "../../src/xlsx/zip";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

const TOWNS = ["当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇"];
const INVEST = [0.8, 41, 8.2, 12.2, 12.2, 40.5, 1.55, 1.55];
/** Last year's 规上工业增加值 per town (亿元), the weights of the growth rates; 新埭镇's typed as text. */
const LAST_YEAR = [100, 300, 80, "120", 90, 250, 40, 60];
const GROWTH = [5, 10, 8, 10, 10, 8, 5, 5];
const SHEET = "2023年目标分解";
/** The 总量型 row most cases allocate, and the 质态型 row of the --rate cases. */
const MANUFACTURING = "制造业投资";
const GROWTH_ROW = "规上工业增加值增长";

let dir: string;
let plan: string;

beforeAll(() => {
  dir = tempDir("tb-allocate-");
  plan = join(dir, "p.xlsx");
  const r = runCli(["load", SEED_001, "-o", plan]);
  expect(r.code).toBe(0);
});

/** Runs `target-breakdown allocate <file> --indicator <indicator> …args`. */
const allocate = (file: string, indicator: string, ...args: string[]) =>
  runCli(["allocate", file, "--indicator", indicator, ...args]);

/** Runs `allocate … --json`, expects exit 0 and returns the parsed output. */
function allocateJson(file: string, indicator: string, ...args: string[]) {
  const r = allocate(file, indicator, ...args, "--json");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const cents = (xs: number[]) => xs.reduce((s, x) => s + Math.round(x * 100), 0);

/** Σ w·x / Σ w: the city rate the towns' rates `xs` come to with bases `ws`. */
const weightedMean = (xs: number[], ws: number[]) =>
  xs.reduce((s, x, i) => s + x * ws[i], 0) / ws.reduce((s, w) => s + w, 0);

/** The row's town values as the project's reader sees them. */
async function rowOf(path: string, indicator: string): Promise<unknown[]> {
  const grid = await XlsxFile.open(path).readSheet(SHEET);
  const row = grid.rows.find((r) => r[1] === indicator)!;
  return row.slice(4, 12);
}

/** A copy of `source` with last year's values on a sheet 基数 (A1:H1) and as row 20, under the table. */
async function writeWorkbookWithBases(source: string, path: string): Promise<void> {
  copyFileSync(source, path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.addWorksheet("基数").getRow(1).values = LAST_YEAR;
  const row = wb.getWorksheet(SHEET)!.getRow(20);
  [16, "上年规上工业增加值", "亿元", "总量型", ...LAST_YEAR.map(Number), 1040].forEach(
    (v, c) => (row.getCell(c + 1).value = v),
  );
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe("target-breakdown allocate (amounts)", () => {
  it("(a) 制造业投资 118 in proportion to the current values gives those values back, as JSON", () => {
    const json = allocateJson(plan, MANUFACTURING, "--total", "118", "--method", "proportional");
    expect(json).toMatchObject({
      indicator: MANUFACTURING,
      sheet: SHEET,
      row: 5,
      method: "proportional",
      total: 118,
      held: [],
      notes: [],
    });
    expect(Object.keys(json.values)).toEqual(TOWNS);
    expect(Object.values(json.values)).toEqual(INVEST);
    expect(Object.values(json.previous)).toEqual(INVEST);
  });

  it("(b) with 经开区 held at 45 the other seven keep their proportions and add up to 73", () => {
    const json = allocateJson(
      plan,
      MANUFACTURING,
      "--total",
      "118",
      "--method",
      "proportional",
      "--hold",
      "经开区=45",
    );
    const values = TOWNS.map((t) => json.values[t] as number);
    expect(json.values["经开区"]).toBe(45);
    expect(json.held).toEqual(["经开区"]);
    const others = values.filter((_, i) => TOWNS[i] !== "经开区");
    expect(cents(others)).toBe(7300);
    const k = 73 / (118 - 41);
    TOWNS.forEach((t, i) => {
      if (t !== "经开区") expect(Math.abs(values[i] - INVEST[i] * k)).toBeLessThan(0.01);
    });
  });

  it("--total defaults to the row's 全市 value, with a note; --hold without a value keeps the current one", () => {
    const json = allocateJson(plan, MANUFACTURING, "--method", "equal", "--hold", "经开区,独山港区");
    expect(json.total).toBe(118);
    expect(json.notes).toContain("未给 --total,按全市当前值 118 分配");
    expect(json.values["经开区"]).toBe(41);
    expect(json.values["独山港区"]).toBe(40.5);
    expect(cents(Object.values(json.values))).toBe(11800);
    // The six others share 36.5 equally: 6.08 or 6.09.
    for (const t of ["当湖街道", "曹桥街道", "新埭镇", "新仓镇", "广陈镇", "林埭镇"])
      expect([6.08, 6.09]).toContain(json.values[t]);
  });

  it("(c) -o writes a new workbook whose “浙江制造”标准 row turns from over to ok under check", () => {
    const before = JSON.parse(runCli(["check", plan, "--json"]).stdout);
    const row = (report: { results: { indicator: string; status: string }[] }) =>
      report.results.find((x) => x.indicator === "“浙江制造”标准")!;
    expect(row(before).status).toBe("over");

    const out = join(dir, "zhejiang.xlsx");
    const r = allocate(plan, "“浙江制造”标准", "--total", "5", "--method", "proportional", "-o", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`已写入 ${out}`);
    expect(r.stderr).toContain("“浙江制造”标准”(工作表“2023年目标分解”第13行)按基数比例");

    const check = runCli(["check", out, "--json"]);
    const after = JSON.parse(check.stdout);
    expect(row(after)).toMatchObject({ status: "ok", target: 5, allocated: 5 });
    // Every other row as before: 13 ok (one more), “品字标浙江制造”认证企业 still over, one pending.
    expect(after.summary).toEqual({ ok: 13, over: 1, pending: 1 });
    expect(check.code).toBe(0);
  });

  it("-o with a new --total writes the 全市 cell too, so the row still adds up under check", () => {
    const out = join(dir, "raised.xlsx");
    const r = allocate(plan, MANUFACTURING, "--total", "130", "--method", "proportional", "-o", out);
    expect(r.code).toBe(0);
    const after = JSON.parse(runCli(["check", out, "--json"]).stdout);
    const row = after.results.find((x: { indicator: string }) => x.indicator === MANUFACTURING);
    expect(row).toMatchObject({ status: "ok", target: 130, allocated: 130 });
  });

  it("-o sets only the row's town cells, as integers for 项, keeps styles and asks for a full recalculation", async () => {
    const out = join(dir, "styles.xlsx");
    expect(allocate(plan, '"浙江制造"标准', "--total", "5", "--method", "proportional", "-o", out).code).toBe(
      0,
    );
    const values = (await rowOf(out, "“浙江制造”标准")) as number[];
    const zip = readFileSync(out);
    const workbookXml = readZipEntry(zip, readZipDirectory(zip).get("xl/workbook.xml")!).toString("utf8");
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(values.every((v) => Number.isInteger(v))).toBe(true);
    expect(values.reduce((s, v) => s + v, 0)).toBe(5);
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.readFile(plan);
    await b.xlsx.readFile(out);
    const [wa, wb] = [a.getWorksheet(SHEET)!, b.getWorksheet(SHEET)!];
    for (let r = 1; r <= wa.rowCount; r++)
      for (let c = 1; c <= 17; c++) {
        const [ca, cb] = [wa.getCell(r, c), wb.getCell(r, c)];
        expect(cb.style).toEqual(ca.style);
        if (r === 13 && c >= 5 && c <= 12) expect(cb.value).toBe(values[c - 5]);
        else expect(cb.value).toEqual(ca.value);
      }
  });

  it("(d) bounds that cannot hold the total: exit 2 with the bound and the shortfall", () => {
    const max = TOWNS.map((t) => `${t}=10`).join(",");
    const r = allocate(
      plan,
      MANUFACTURING,
      "--total",
      "118",
      "--method",
      "proportional",
      "--max",
      max,
      "--json",
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("工作表“2023年目标分解”第5行“制造业投资”");
    expect(r.stderr).toContain("各单位上限合计 80 少于可分配量 118,缺 38");
    const floors = allocate(
      plan,
      MANUFACTURING,
      "--total",
      "118",
      "--method",
      "equal",
      "--min",
      "经开区=80,独山港区=40",
      "--json",
    );
    expect(floors.code).toBe(2);
    expect(floors.stderr).toContain("各单位下限合计 120 超过可分配量 118,超出 2");
    const allHeld = allocate(plan, MANUFACTURING, "--method", "equal", "--hold", TOWNS.join(","), "--json");
    expect(allHeld.code).toBe(2);
    expect(allHeld.stderr).toContain("所有单位都已锁定");
  });

  it("(e) an unknown indicator: exit 2 naming file and sheet and listing the indicators; unknown towns likewise", () => {
    const r = allocate(plan, "制造业产值", "--total", "1", "--method", "equal", "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${plan}: 没有找到指标“制造业产值”`);
    expect(r.stderr).toContain("工作表“2023年目标分解”:规上工业增加值增长、制造业投资、");
    expect(r.stderr).toContain("高耗低效整治腾出能耗空间、规上工业单位工业增加值能耗下降");
    const town = allocate(plan, MANUFACTURING, "--method", "equal", "--min", "乍浦镇=1", "--json");
    expect(town.code).toBe(2);
    expect(town.stderr).toContain(`--min 中的“乍浦镇”不是分解表的单位(单位:${TOWNS.join("、")})`);
    const method = allocate(plan, MANUFACTURING, "--method", "share", "--json");
    expect(method.code).toBe(2);
    expect(method.stderr).toContain("--method 应为 proportional|equal|fill|adjust 之一");
  });

  it("(f) the input is unchanged byte for byte; -o refuses an existing file and the input even with --force", () => {
    const bytes = readFileSync(plan);
    const out = join(dir, "f.xlsx");
    const adjust = (...args: string[]) =>
      allocate(plan, MANUFACTURING, "--method", "adjust", "--percent", "10", ...args);
    expect(adjust("-o", out).code).toBe(0);
    expect(readFileSync(plan).equals(bytes)).toBe(true);

    writeFileSync(out, "someone's work");
    const again = adjust("-o", out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("f.xlsx: 文件已存在");
    expect(readFileSync(out, "utf8")).toBe("someone's work");
    expect(adjust("-o", out, "--force").code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");

    const self = adjust("-o", plan, "--force");
    expect(self.code).toBe(2);
    expect(self.stderr).toContain("不能覆盖输入文件");
    expect(readFileSync(plan).equals(bytes)).toBe(true);
  });
});

describe("target-breakdown allocate --rate (质态型)", () => {
  let withBases: string;
  /** `allocate` of the growth row as 质态型, with bases `base`. */
  const allocateRate = (base: string, ...args: string[]) =>
    allocate(withBases, GROWTH_ROW, "--rate", "--base", base, ...args);

  beforeAll(async () => {
    withBases = join(dir, "bases.xlsx");
    await writeWorkbookWithBases(plan, withBases);
  });

  const implied = () => weightedMean(GROWTH, LAST_YEAR.map(Number));

  it("(g) --rate --base a range prints the implied city rate of the current rates and exits 0", () => {
    const r = allocateRate("基数!A1:H1");
    expect(r.code).toBe(0);
    expect(implied()).toBeCloseTo(8.4038, 4);
    expect(r.stdout).toContain("全市加权值 8.4038%(全市目标 7%)");
    expect(r.stdout).toContain("基数!D1“120”按数字读取(文本型数字)");
    const json = JSON.parse(allocateRate("上年规上工业增加值", "--json").stdout);
    expect(json.impliedRate).toBeCloseTo(implied(), 9);
    expect(json.base).toBe("第20行“上年规上工业增加值”");
    expect(Object.values(json.bases)).toEqual(LAST_YEAR.map(Number));
  });

  it("--rate --total 8 gives rates whose base-weighted mean is 8; -o writes them into the row", async () => {
    const r = allocateRate("基数!A1:H1", "--total", "8", "--method", "equal", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ rate: true, total: 8, method: "equal" });
    const rates = TOWNS.map((t) => json.values[t] as number);
    const b = LAST_YEAR.map(Number);
    const mean = weightedMean(rates, b);
    expect(Math.abs(mean - 8)).toBeLessThan(0.05);
    expect(json.impliedRate).toBeCloseTo(mean, 9);
    // Equal increments: the town with the smallest base gets the largest rate.
    expect(Math.max(...rates)).toBe(json.values["广陈镇"]);

    const out = join(dir, "rates.xlsx");
    const w = allocateRate("基数!A1:H1", "--total", "8", "-o", out, "--hold", "经开区");
    expect(w.code).toBe(0);
    expect(w.stderr).toContain("全市单元格 M4 为 7,与 --total 8 不同;-o 写出时改为 8");
    const written = (await rowOf(out, GROWTH_ROW)) as number[];
    expect(written[1]).toBe(10);
    const m = weightedMean(written, b);
    expect(Math.abs(m - 8)).toBeLessThan(0.05);
  });

  it("--rate without --base is a usage error; a base range of the wrong size names the counts", () => {
    const r = allocate(withBases, GROWTH_ROW, "--rate", "--total", "8");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--rate 需要 --base");
    const size = allocateRate("基数!A1:G1");
    expect(size.code).toBe(2);
    expect(size.stderr).toContain("区域“基数!A1:G1”有 7 个单元格,分解表有 8 个单位");
  });
});
