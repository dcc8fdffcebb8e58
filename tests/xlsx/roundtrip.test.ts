// load → .xlsx → read back → check: the written workbook is what the layout describes and checks as the document.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { seedPlan, writePlanXlsx } from "../helpers/workbooks";

describe("seed 001 written to .xlsx", async () => {
  const plan = seedPlan();
  const path = await writePlanXlsx(plan);
  const file = XlsxFile.open(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);

  it("has the three sheets", () => {
    expect(file.sheets.map((s) => s.name)).toEqual(["指标体系", "职责分工", "2023年目标分解"]);
  });

  it("checks with the document's verdicts when read back", async () => {
    const reports = checkWorkbook(await file.readAll());
    expect(reports).toHaveLength(1);
    const r = reports[0];
    expect(r.year).toBe("2023");
    expect(r.units).toEqual(plan.breakdowns[0].units);
    const notOk = r.results
      .filter((x) => x.status !== "ok")
      .map((x) => [x.indicator, x.status, x.difference]);
    expect(notOk).toEqual([
      ["“浙江制造”标准", "over", 7],
      ["“品字标浙江制造”认证企业", "over", 5],
      ["规上工业单位工业增加值能耗下降", "pending", null],
    ]);
  });

  it("cross-checks 全市 against the indicator system sheet in the same workbook", async () => {
    const r = checkWorkbook(await file.readAll())[0];
    const compared = (r.crossCheck ?? []).filter((c) => c.status !== "not_comparable");
    expect(compared.map((c) => [c.indicator, c.systemTarget, c.status])).toEqual([
      ["规上工业亩均税收", 35, "ok"],
      ["规上工业亩均增加值", 205, "ok"],
      ["规上制造业企业研发费用占营业收入的比重", 2.2, "ok"],
      ["高新技术产业增加值占规上工业增加值比重", 69, "ok"],
      ["“浙江制造”标准", 5, "ok"],
      ["“品字标浙江制造”认证企业", 7, "ok"],
    ]);
  });

  it("writes the breakdown with title, frozen header, A4 landscape and live formulas", () => {
    const ws = wb.getWorksheet("2023年目标分解")!;
    expect(ws.getCell("A1").value).toBe("2023年平湖市先进制造业集群培育工程镇(街道)目标任务分解");
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "序号",
      "指标名称",
      "计量单位",
      "类型",
      "当湖街道",
      "经开区",
      "曹桥街道",
      "新埭镇",
      "新仓镇",
      "独山港区",
      "广陈镇",
      "林埭镇",
      "全市",
      "分解合计",
      "差额",
      "校验",
      "责任部门",
    ]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      printTitlesRow: "1:3",
    });
    // 制造业投资 is 总量型: a SUM over the town cells, a difference, and a verdict formula.
    expect(ws.getCell("N5").formula).toBe('IF(COUNT(E5:L5)=0,"",SUM(E5:L5))');
    expect(ws.getCell("O5").formula).toContain("N5-M5");
    expect(ws.getCell("P5").formula).toContain("超额分解");
    // 规上工业增加值增长 is 质态型: no sum, a range verdict.
    expect(ws.getCell("N4").value).toBeNull();
    expect(ws.getCell("P4").formula).toContain("MIN(E4:L4)");
    // 0.015 万吨标准煤: three decimals shown.
    expect(ws.getCell("E17").numFmt).toBe("#,##0.000");
    expect(ws.getCell("E17").value).toBe(0.015);
    // The pending row: one merged cell over the towns, 全市 its own.
    expect(ws.getCell("F18").isMerged).toBe(true);
    expect(ws.getCell("M18").value).toBe("待嘉兴市发改委确定后另行下达");
  });

  it("colours mismatches with conditional formats on 全市…校验", () => {
    const ws = wb.getWorksheet("2023年目标分解")!;
    const cfs = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toEqual(["M4:P18", "M4:P18"]);
    expect(cfs[0].rules[0].formulae[0]).toContain('$P4="缺口"');
    expect(cfs[1].rules[0].formulae[0]).toBe('$P4="超额分解"');
  });

  it("writes 指标体系 with comparators as number formats and merged categories", () => {
    const ws = wb.getWorksheet("指标体系")!;
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "序号",
      "一级指标",
      "二级指标",
      "计量单位",
      "类型",
      "2023年",
      "2025年",
      "2027年",
      "牵头单位",
      "配合单位",
    ]);
    expect(ws.getCell("F4").value).toBe(50);
    expect(ws.getCell("F4").numFmt).toBe('#,##0"以上"');
    expect(ws.getCell("B5").isMerged).toBe(true);
    expect(ws.getCell("E4").dataValidation).toMatchObject({ type: "list", formulae: ['"总量型,质态型"'] });
  });

  it("writes 职责分工 with section rows and lead/partner columns", () => {
    const ws = wb.getWorksheet("职责分工")!;
    expect(ws.getCell("A4").value).toBe("(一)着力空间腾换,优化制造业发展布局");
    expect(ws.getRow(5).values).toEqual([
      undefined,
      1,
      "整治低效工业用地",
      plan.tasks[0].content,
      "市自然资源和规划局",
    ]);
    const row52 = ws.getColumn(1).values.findIndex((v) => v === 52);
    expect(ws.getCell(row52, 4).value).toBe("市金融发展服务中心");
    expect(ws.getCell(row52, 5).value).toBe("人行平湖市支行、嘉兴银保监分局平湖监管组");
  });
});

describe("imported text is never turned into a formula", async () => {
  const plan = seedPlan();
  plan.tasks[0].content = '=HYPERLINK("http://example.invalid","点我")';
  plan.tasks[1].content = "+86 123";
  plan.tasks[2].content = "-3 项";
  plan.tasks[3].content = "@SUM(A1)";
  const path = await writePlanXlsx(plan);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("职责分工")!;

  it.each([
    [5, '=HYPERLINK("http://example.invalid","点我")'],
    [6, "+86 123"],
    [7, "-3 项"],
    [8, "@SUM(A1)"],
  ])("row %d stays text", (row, text) => {
    const cell = ws.getCell(row, 3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(text);
    expect(cell.formula).toBeUndefined();
  });
});
