// 校验 through the adapter: the same verdicts as the CLI, in 2 syncs, also on a province-sized sheet.
import { describe, expect, it } from "vitest";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { checkSheets } from "../../src/excel/checkSheets";
import { clearMarks, markFindings, MARK_SHEET } from "../../src/excel/markCells";
import { selectCells } from "../../src/excel/selectCells";
import { writeSheets } from "../../src/excel/writeSheets";
import { seedPlan } from "../helpers/workbooks";
import { fakeHost } from "./fixtures";

async function withPlan(apiVersion = "1.13") {
  const ctx = fakeHost({ apiVersion });
  await writeSheets(ctx.host, planWorkbook(seedPlan()));
  ctx.stats.reset();
  return ctx;
}

describe("checking the open workbook", () => {
  it("checks the active sheet in 2 syncs with the document's verdicts and the cross-check", async () => {
    const { host, stats } = await withPlan();
    const check = await checkSheets(host, "active");
    expect(stats.syncs).toBe(2);
    expect(check.activeSheet).toBe("2023年目标分解");
    const [report] = check.reports;
    expect(report.summary).toEqual({ ok: 12, over: 2, pending: 1 });
    expect(
      report.results
        .filter((r) => r.status === "over")
        .map((r) => [r.row, r.indicator, r.difference, r.rowCells]),
    ).toEqual([
      [13, "“浙江制造”标准", 7, "E13:M13"],
      [14, "“品字标浙江制造”认证企业", 5, "E14:M14"],
    ]);
    // The indicator system was read in the same request for the cross-check.
    expect(report.crossCheck?.filter((c) => c.status === "ok")).toHaveLength(6);
  });

  it("reads merged cells on ExcelApi 1.13 and says so when it cannot", async () => {
    const old = await withPlan("1.7");
    const check = await checkSheets(old.host, "active");
    expect(check.warnings).toEqual([expect.stringContaining("ExcelApi 1.13")]);
    // Without merges only the first town of the pending row holds its text; 全市 still says 待下达.
    expect(check.reports[0].results.find((r) => r.row === 18)?.status).toBe("pending");
  });

  it("checks a 1,360 × 500 breakdown in at most 3 syncs with no request over 5 MB", async () => {
    const { host, stats, workbook } = fakeHost();
    workbook.update(() => {
      const sheet = workbook.activeSheet!;
      const put = (r: number, c: number, v: string | number) => (sheet.ensureCell(r, c).value = v);
      put(0, 0, "2023年全省目标任务分解");
      put(2, 0, "指标名称");
      for (let t = 0; t < 1360; t++) put(2, 1 + t, `镇${t}`);
      put(2, 1361, "全省");
      for (let i = 0; i < 500; i++) {
        put(3 + i, 0, `指标${i}(亿元)`);
        let sum = 0;
        for (let t = 0; t < 1360; t++) {
          const v = ((i * 7 + t * 13) % 100) / 10;
          sum += Math.round(v * 10);
          put(3 + i, 1 + t, v);
        }
        put(3 + i, 1361, i === 7 ? sum / 10 - 1 : sum / 10);
      }
      workbook.touch();
    });
    stats.reset();
    const check = await checkSheets(host, "active");
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect(stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(check.reports[0].results).toHaveLength(500);
    expect(check.reports[0].summary).toEqual({ ok: 499, over: 1 });
  });
});

describe("a response over 5 MB", () => {
  it("is read again in blocks of rows, each response under the limit, with the same verdicts", async () => {
    const { host, stats, workbook } = fakeHost();
    // 300 indicators × 1,000 towns of long town-specific notes: ~9 MB of values, beyond one response.
    workbook.update(() => {
      const sheet = workbook.activeSheet!;
      const put = (r: number, c: number, v: string | number) => (sheet.ensureCell(r, c).value = v);
      put(0, 0, "指标名称");
      for (let t = 0; t < 1000; t++) put(0, 1 + t, `镇${t}`);
      put(0, 1001, "合计");
      put(0, 1002, "备注");
      for (let i = 0; i < 300; i++) {
        put(1 + i, 0, `指标${i}(家)`);
        for (let t = 0; t < 1000; t++) put(1 + i, 1 + t, 1);
        put(1 + i, 1001, i === 0 ? 999 : 1000);
        put(1 + i, 1002, "说明".repeat(4000));
      }
      workbook.touch();
    });
    stats.reset();
    const check = await checkSheets(host, "active");
    // The one-request read was refused, then the blocks went through.
    const limit = 5 * 1024 * 1024;
    expect(stats.responses.filter((r) => r.bytes > limit).length).toBeGreaterThanOrEqual(1);
    expect(stats.responses.at(-1)!.bytes).toBeLessThan(limit);
    expect(stats.syncs).toBeGreaterThan(3);
    expect(check.reports[0].summary).toEqual({ ok: 299, over: 1 });
  });
});

describe("taking the user to a result and marking cells", () => {
  it("selects the row's cells in 1 sync", async () => {
    const { host, stats, workbook } = await withPlan();
    await selectCells(host, "2023年目标分解", "E13:M13");
    expect(stats.syncs).toBe(1);
    expect(workbook.selection).toEqual({ sheet: "2023年目标分解", range: { r1: 12, c1: 4, r2: 12, c2: 12 } });
  });

  it("marks the offending cells amber and restores their earlier fill on clear, each in ≤ 3 syncs", async () => {
    const { host, stats, workbook } = await withPlan();
    const sheet = workbook.getSheet("2023年目标分解")!;
    // A fill the user had put on M14 before.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("2023年目标分解").getRange("M14").format.fill.color = "#00FF00";
      await context.sync();
    });
    const { reports } = await checkSheets(host, "active");
    stats.reset();
    expect(await markFindings(host, reports)).toBe(2);
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect([sheet.cell(12, 12)?.fill, sheet.cell(13, 12)?.fill]).toEqual(["#FFEB9C", "#FFEB9C"]);
    // A thick frame too: the sheet's own conditional fill would hide the mark's fill.
    const frameBefore = structuredClone(sheet.cell(13, 12)?.borders);
    expect(sheet.cell(12, 12)?.borders?.left).toMatchObject({ style: "Continuous", weight: "Thick" });
    expect(workbook.getSheet(MARK_SHEET)?.visibility).toBe("VeryHidden");
    // Marking twice keeps the first originals.
    await markFindings(host, reports);
    stats.reset();
    expect(await clearMarks(host)).toBe(2);
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect(sheet.cell(12, 12)?.fill).toBeUndefined();
    expect(sheet.cell(13, 12)?.fill).toBe("#00FF00");
    expect(sheet.cell(12, 12)?.borders?.left?.weight).not.toBe("Thick");
    expect(frameBefore?.left?.weight).toBe("Thick");
    expect(workbook.getSheet(MARK_SHEET)).toBeUndefined();
  });
});
