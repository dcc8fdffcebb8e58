// The Office.js adapter writing sheets, against the strict fake: sync counts, request sizes, consent, escaping.
import { describe, expect, it } from "vitest";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { emptySpec, type SheetSpec } from "../../src/core/layout/sheetSpec";
import { findSheetConflicts, writeSheets } from "../../src/excel/writeSheets";
import { seedPlan } from "../helpers/workbooks";
import { fakeHost, valueAt } from "./fixtures";

describe("writing the 平湖 plan's sheets", () => {
  it("takes 2 syncs and lays out the three sheets with live formulas", async () => {
    const { host, stats, workbook } = fakeHost();
    stats.reset();
    const result = await writeSheets(host, planWorkbook(seedPlan()));
    expect(stats.syncs).toBe(2);
    expect(stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(result.sheets.map((s) => s.written)).toEqual(["指标体系", "职责分工", "2023年目标分解"]);
    expect(result.warnings).toEqual([]);
    expect(workbook.activeSheet?.name).toBe("2023年目标分解");
    const b = workbook.getSheet("2023年目标分解")!;
    expect(b.merges.length).toBeGreaterThan(0);
    expect(b.freeze).toEqual({ rows: 3, columns: 2 });
    expect(b.conditionalFormats).toHaveLength(2);
    expect(b.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$3",
    });
    expect(b.cell(16, 4)?.numberFormat).toBe("#,##0.000");
    // Formulas were written as formulas and compute like Excel's.
    expect(b.cell(4, 13)?.formula).toBe('=IF(COUNT(E5:L5)=0,"",SUM(E5:L5))');
    expect(await valueAt(host, "2023年目标分解", "N5")).toBe(118);
    expect(await valueAt(host, "2023年目标分解", "P13")).toBe("超额分解");
    expect(await valueAt(host, "2023年目标分解", "P18")).toBe("待下达");
    expect(await valueAt(host, "指标体系", "F4")).toBe(50);
  });

  it("keeps imported text that looks like a formula or a number as text", async () => {
    const { host, workbook } = fakeHost();
    const plan = seedPlan();
    plan.tasks[0].content = '=HYPERLINK("http://example.invalid","x")';
    plan.tasks[1].content = "+86 123";
    plan.tasks[2].content = "-";
    plan.tasks[3].content = "@SUM(A1)";
    plan.tasks[4].content = "1,250";
    await writeSheets(host, planWorkbook(plan));
    const t = workbook.getSheet("职责分工")!;
    const contents = [4, 5, 6, 7, 8].map((r) => t.cell(r, 2));
    expect(contents.map((c) => c?.formula)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(contents.map((c) => c?.value)).toEqual([
      '=HYPERLINK("http://example.invalid","x")',
      "+86 123",
      "-",
      "@SUM(A1)",
      "1,250",
    ]);
  });

  it("degrades with messages on an ExcelApi 1.7 host: no validation, no page setup", async () => {
    const { host, workbook } = fakeHost({ apiVersion: "1.7" });
    const result = await writeSheets(host, planWorkbook(seedPlan()));
    expect(result.warnings).toEqual([
      expect.stringContaining("ExcelApi 1.8"),
      expect.stringContaining("ExcelApi 1.9"),
    ]);
    const b = workbook.getSheet("2023年目标分解")!;
    expect([...b.validatedCells()]).toEqual([]);
    expect(b.pageLayout.orientation).toBe("Portrait");
    expect(b.cell(4, 13)?.formula).toBeDefined();
  });
});

describe("consent before touching existing sheets", () => {
  async function withExisting() {
    const ctx = fakeHost({ sheets: ["指标体系", "Sheet2"] });
    await ctx.host.run(async (context) => {
      context.workbook.worksheets.getItem("指标体系").getRange("A1:B1").values = [["我的数据", 42]];
      await context.sync();
    });
    return ctx;
  }

  it("reports a same-named sheet that holds data, and an empty one as empty", async () => {
    const { host } = await withExisting();
    expect(await findSheetConflicts(host, ["指标体系", "Sheet2", "职责分工"])).toEqual([
      { name: "指标体系", nonEmpty: true },
      { name: "Sheet2", nonEmpty: false },
    ]);
  });

  it("without a choice writes 指标体系 (2) and leaves the user's sheet as it was", async () => {
    const { host, workbook } = await withExisting();
    const result = await writeSheets(host, planWorkbook(seedPlan()));
    expect(result.sheets[0]).toEqual({ requested: "指标体系", written: "指标体系 (2)", replaced: false });
    expect(await valueAt(host, "指标体系", "A1")).toBe("我的数据");
    expect(await valueAt(host, "指标体系", "B1")).toBe(42);
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      "指标体系",
      "Sheet2",
      "指标体系 (2)",
      "职责分工",
      "2023年目标分解",
    ]);
  });

  it("with 'replace' clears and rewrites the sheet", async () => {
    const { host } = await withExisting();
    const result = await writeSheets(host, planWorkbook(seedPlan()), { 指标体系: "replace" });
    expect(result.sheets[0]).toEqual({ requested: "指标体系", written: "指标体系", replaced: true });
    expect(await valueAt(host, "指标体系", "A1")).toBe(
      // The plan's caption says 2023-2027; titles core writes span years one way.
      "平湖市先进制造业集群培育工程实施方案(2023—2027年)主要目标体系",
    );
    expect(await valueAt(host, "指标体系", "B1")).toBe("");
  });
});

describe("large writes", () => {
  it("cuts cell data over ~4 MB into several requests, none over 5 MB", async () => {
    const { host, stats, workbook } = fakeHost();
    const rows = Array.from({ length: 3000 }, (_, r) =>
      Array.from({ length: 60 }, (_, c) => `镇${r}-${c}-${"数".repeat(8)}`),
    );
    const spec: SheetSpec = { ...emptySpec("大表"), rows };
    stats.reset();
    await writeSheets(host, [spec]);
    expect(stats.requests.reduce((n, r) => n + r.bytes, 0)).toBeGreaterThan(5 * 1024 * 1024);
    expect(stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.syncs).toBeGreaterThan(2);
    expect(workbook.getSheet("大表")!.cell(2999, 59)?.value).toBe(`镇2999-59-${"数".repeat(8)}`);
  });
});

describe("yearly targets from the workbook's indicator system", () => {
  it("writes 年度目标 next to the plan's sheets", async () => {
    const { host, workbook } = fakeHost();
    await writeSheets(host, planWorkbook(seedPlan()));
    const { createActions } = await import("../../src/taskpane/actions");
    const spec = await createActions(host).yearlyTargetsSheet();
    expect(spec?.name).toBe("年度目标");
    const result = await writeSheets(host, [spec!]);
    expect(result.sheets[0].written).toBe("年度目标");
    expect(await valueAt(host, "年度目标", "A1")).toBe(
      "平湖市先进制造业集群培育工程实施方案(2023—2027年)年度目标",
    );
    expect(await valueAt(host, "年度目标", "F5")).toBe(1600.78);
    expect(workbook.getSheet("年度目标")!.cell(4, 4)?.font?.bold).toBe(true);
  });
});

describe("protected templates and hidden sheets, as the .xlsx renderer writes them", () => {
  it("unlocks only the input cells, protects the sheet and hides the identity marker", async () => {
    const { templateWorkbook } = await import("../../src/core/submissions/templateSheet");
    const { host, workbook } = fakeHost();
    await writeSheets(host, templateWorkbook(seedPlan().breakdowns[0], "经开区"));
    const sheet = workbook.getSheet("填报")!;
    expect(sheet.protected).toBe(true);
    expect(sheet.cell(4, 5)?.unlocked).toBe(true); // F5: 本单位填报
    expect(sheet.cell(4, 6)?.unlocked).toBe(true); // G5: 说明
    expect(sheet.cell(4, 4)?.unlocked).toBeUndefined(); // E5: 下达目标 stays locked
    expect(workbook.getSheet("_目标分解助手")?.visibility).toBe("VeryHidden");
  });
});
