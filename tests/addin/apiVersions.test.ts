// Every pane action (createActions over the strict fake) on an ExcelApi 1.7 host, a 1.9 host and the newest the
// add-in uses: each completes, falling back where the code guards, and on 1.7 no member above 1.7 is sent. The
// fake rejects such members with ApiNotFound by the table the API audit generates (apiSets.ts).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dutyTemplate } from "../../src/core/assign/defaultTemplates";
import { fillByUnit } from "../../src/core/assign/fillByUnit";
import { planAllocation } from "../../src/core/allocate/plan";
import { bulletinSheet } from "../../src/core/layout/bulletinSheet";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { checkReportSheet } from "../../src/core/layout/reportSheet";
import { progressOf } from "../../src/core/progress/progress";
import { consolidate } from "../../src/core/submissions/consolidate";
import { collectionSheets } from "../../src/core/submissions/submission";
import { OPTIONAL_FEATURES } from "../../src/excel/host";
import { createActions } from "../../src/taskpane/actions";
import { applyAllocation, undoAllocation } from "../../src/taskpane/allocateRecord";
import {
  API_SETS,
  createFakeExcel,
  isFakeOfficeError,
  NEWEST_API_VERSION,
  requirementOf,
} from "../../src/workbench/fakeExcel";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { fakeHost } from "../excel/fixtures";
import { seedPlan } from "../helpers/workbooks";

const MONTHLY = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");
const BREAKDOWN = "2023年目标分解";

/** "Range.values=" → its requirement set ("ExcelApi 1.1"), or undefined for a member without one. */
function setOf(used: string): string | undefined {
  const write = used.endsWith("=");
  const [type, member] = used.replace(/=$/, "").split(".");
  return requirementOf(type, member, write);
}

const versionOf = (set: string) => set.replace(/^ExcelApi /, "");
const above = (set: string, version: string) => {
  const [a, b] = versionOf(set).split(".").map(Number);
  const [c, d] = version.split(".").map(Number);
  return a > c || (a === c && b > d);
};

/** Runs every action of the pane, in a clerk's order; returns the warnings the actions gave. */
async function everyAction(apiVersion: string) {
  const { host, stats, workbook } = fakeHost({ apiVersion, sheets: ["Sheet1"] });
  const actions = createActions(host);
  stats.reset();
  const warnings: string[] = [];
  const plan = seedPlan();

  // 载入指标: write the plan's sheets, then again over them (replace: unmerge, clear, unfreeze…).
  warnings.push(...(await actions.writeSheets(planWorkbook(plan), {})).warnings);
  const conflicts = await actions.findConflicts(["指标体系", "没有这张表"]);
  expect(conflicts).toEqual([{ name: "指标体系", nonEmpty: true }]);
  const replaced = await actions.writeSheets(planWorkbook(plan), {
    指标体系: "replace",
    职责分工: "replace",
    [BREAKDOWN]: "replace",
  });
  expect(replaced.sheets.every((s) => s.replaced)).toBe(true);
  expect((await actions.listSheets()).names).toContain(BREAKDOWN);

  // 使用选定区域
  await actions.select("指标体系", "A1:H12");
  const selection = await actions.readSelection();
  expect(selection.grid.rows.length).toBe(12);
  warnings.push(...selection.warnings);

  // 校验: check, select a result, mark and clear, the report sheet, 表格识别.
  const checked = await actions.check("active");
  expect(checked.reports.length).toBeGreaterThan(0);
  warnings.push(...checked.warnings);
  expect((await actions.check("all")).reports.length).toBeGreaterThan(0);
  const report = checked.reports[0];
  const cell = report.results.find((r) => r.cells.length > 0)?.cells[0] ?? "A1";
  await actions.select(report.sheet, cell);
  await actions.markFindings(checked.reports);
  await actions.clearMarks();
  await actions.writeSheets([checkReportSheet(report, "2024-01-01 10:00")], {});
  await actions.saveTableHints(checked.hints);

  // 分解目标: 应用 then 撤销, with 调整记录; 生成年度目标表.
  const view = (await actions.readBreakdown()).view!;
  expect(view).not.toBeNull();
  const row = view.rows.find((r) => r.name === "制造业投资")!;
  const planned = planAllocation(
    { grid: view.grid, table: view.table, row: row.ref },
    { method: "proportional", total: 130 },
  );
  expect(planned.error).toBeUndefined();
  const applied = await applyAllocation(actions, {
    view,
    plans: [{ row, ...planned }],
    method: "proportional",
    heldAt: [],
    reason: "项目调整",
    now: new Date(2024, 0, 1),
  });
  expect(applied.recorded?.batch).toBe(1);
  expect((await undoAllocation(actions, applied, new Date(2024, 0, 2))).recorded?.batch).toBe(2);
  const yearly = await actions.yearlyTargetsSheet();
  expect(yearly).not.toBeNull();
  await actions.writeSheets([yearly!], {});

  // 汇总报送: 写入汇总 (no file returned yet); 本单位自查 on the city's own workbook.
  const breakdown = plan.breakdowns[0];
  const c = consolidate(breakdown, breakdown.units, []);
  await actions.writeSheets(collectionSheets(breakdown, c, [], new Date(2024, 0, 3)), {});
  expect(await actions.selfCheck()).toBeNull();

  // 责任分工: the aliases, the bundled template filled per department, a sheet of the workbook as template.
  const aliases = await actions.readAliases();
  const filled = fillByUnit(dutyTemplate(), plan, "department", aliases);
  await actions.writeSheets(
    filled.slice(0, 3).map((o) => o.spec),
    {},
  );
  const template = await actions.readTemplate("职责分工");
  expect(template.spec.rows.length).toBeGreaterThan(1);
  warnings.push(...template.warnings);

  // 进度监测: read the workbook, write 亮晒 (icon sets, data bars, a chart), then replace it (its chart deleted).
  expect((await actions.readAllSheets()).length).toBeGreaterThan(3);
  const { result, settings } = progressOf(breakdown, await XlsxFile.open(MONTHLY).readAll(), 8);
  const bulletin = bulletinSheet(breakdown, result, settings);
  await actions.writeSheets([bulletin], {});
  await actions.writeSheets([bulletin], { [bulletin.name]: "replace" });
  expect(workbook.getSheet(bulletin.name)?.charts).toHaveLength(1);

  return { used: [...stats.members].sort(), warnings: [...new Set(warnings)] };
}

describe("every pane action on ExcelApi 1.7, 1.9 and the newest", () => {
  it("1.7: completes with the fallbacks' notices, and sends no member above 1.7", async () => {
    const { used, warnings } = await everyAction("1.7");
    expect(used.filter((m) => setOf(m) && above(setOf(m)!, "1.7"))).toEqual([]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        OPTIONAL_FEATURES.validation.message,
        OPTIONAL_FEATURES.print.message,
        OPTIONAL_FEATURES.merges.message,
        expect.stringContaining("ExcelApi 1.9"),
      ]),
    );
  });

  it("1.9: reads template formats and writes validation and page setup, but not merged areas (1.13)", async () => {
    const { used, warnings } = await everyAction("1.9");
    expect(used.filter((m) => setOf(m) && above(setOf(m)!, "1.9"))).toEqual([]);
    expect(used).toEqual(
      expect.arrayContaining(["Range.getCellProperties", "Worksheet.pageLayout", "Range.dataValidation"]),
    );
    expect(warnings).toEqual([OPTIONAL_FEATURES.merges.message]);
  });

  it(`${NEWEST_API_VERSION} (the newest the add-in uses): no notice, and every member sent is one the audit lists`, async () => {
    const { used, warnings } = await everyAction(NEWEST_API_VERSION);
    expect(warnings).toEqual([]);
    expect(used).toContain("Range.getMergedAreasOrNullObject");
    // The fake saw no member the audit missed (properties named only in load() strings are read too).
    expect(used.filter((m) => !(m.replace(/=$/, "") in API_SETS))).toEqual([]);
  });

  it("the fake answers supports() by its apiVersion and rejects each audited member above it", async () => {
    const old = createFakeExcel({ apiVersion: "1.7" });
    expect([old.supports("1.7"), old.supports("1.8")]).toEqual([true, false]);
    expect(createFakeExcel().supports(NEWEST_API_VERSION)).toBe(true);
    const tries: [string, (ws: Excel.Worksheet) => void][] = [
      [
        "Range.getCellProperties",
        (ws) => ws.getRange("A1").getCellProperties({ format: { wrapText: true } }),
      ],
      ["Range.getRowProperties", (ws) => ws.getRange("A1").getRowProperties({ format: { rowHeight: true } })],
      [
        "Range.getColumnProperties",
        (ws) => ws.getRange("A1").getColumnProperties({ format: { columnWidth: true } }),
      ],
      [
        "Range.getMergedAreasOrNullObject",
        (ws) => ws.getRange().getMergedAreasOrNullObject().load("address"),
      ],
      ["Range.dataValidation", (ws) => ws.getRange("A1").dataValidation.clear()],
      ["Worksheet.pageLayout", (ws) => ws.pageLayout.load("orientation")],
      ["PageLayout.orientation", (ws) => (ws.pageLayout.orientation = "Landscape")],
    ];
    const aboveMin = Object.entries(API_SETS).filter(([, s]) => above(s, "1.7"));
    expect(aboveMin.length).toBeGreaterThan(tries.length);
    for (const [member, use] of tries) {
      expect(API_SETS[member], member).toBeDefined();
      const error = await old
        .run(async (context) => {
          use(context.workbook.worksheets.getItem("Sheet1"));
          await context.sync();
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(isFakeOfficeError(error) && error.code, member).toBe("ApiNotFound");
    }
  });
});
