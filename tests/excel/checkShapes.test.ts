// 校验 through the Office.js adapter on the shapes bureaus use: the same verdicts as from the .xlsx files, in at
// most 3 syncs, and the breakdown found when another sheet is active.
import { describe, expect, it } from "vitest";
import { checkSheets } from "../../src/excel/checkSheets";
import { measureName } from "../../src/core/table/measure";
import { parseRectAddress } from "../../src/workbench/fakeExcel/a1";
import { checkWorkbookDetailed } from "../../src/core/check/checkWorkbook";
import {
  counties,
  oneIndicator,
  otherWords,
  readBack,
  tiers,
  townsAsRows,
  withSubtotals,
  years,
  type Shape,
} from "../table/shapes";
import { fakeHost } from "./fixtures";

function withShapes(shapes: Shape[], active?: string) {
  const ctx = fakeHost({ sheets: ["说明", ...shapes.map((s) => s.name)] });
  ctx.workbook.update(() => {
    ctx.workbook.getSheet("说明")!.ensureCell(0, 0).value = "本工作簿的分解表见后面各表";
    for (const shape of shapes) {
      const sheet = ctx.workbook.getSheet(shape.name)!;
      shape.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined) sheet.ensureCell(r, c).value = v as string | number;
        }),
      );
      sheet.merges = (shape.merges ?? []).map((m) => parseRectAddress(m)!);
    }
    if (active) ctx.workbook.activeSheetId = ctx.workbook.getSheet(active)!.id;
  });
  ctx.stats.reset();
  return ctx;
}

describe("checking shapes through Office.js", () => {
  it("towns as rows, on the active sheet: 2 syncs, the cells of the 合计 row named", async () => {
    const { host, stats } = withShapes([townsAsRows], townsAsRows.name);
    const check = await checkSheets(host, "active");
    expect(stats.syncs).toBeLessThanOrEqual(3);
    const [report] = check.reports;
    expect(report.orientation).toBe("unit-rows");
    expect(report.results.map((r) => [r.indicator, r.status, r.cells])).toEqual([
      ["工业投资", "ok", []],
      ["制造业投资", "over", ["C7"]],
      ["规上工业增加值增长", "ok", []],
      ["专精特新企业", "short", ["E7"]],
    ]);
  });

  it("确保/力争 with merged town names read from Excel's merged areas: each tier on its own", async () => {
    const { host, stats } = withShapes([tiers], tiers.name);
    const check = await checkSheets(host, "active");
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect(check.reports[0].results.map((r) => [r.indicator, measureName(r.measure), r.status])).toEqual([
      ["制造业投资", "2023年 确保", "ok"],
      ["制造业投资", "2023年 力争", "over"],
      ["规上工业增加值增长", "2023年 确保", "ok"],
      ["规上工业增加值增长", "2023年 力争", "ok"],
      ["新增专精特新企业", "2023年 确保", "ok"],
      ["新增专精特新企业", "2023年 力争", "over"],
    ]);
  });

  it("the active sheet holds no breakdown: the sheets that do are checked, in the same 2 syncs", async () => {
    const { host, stats } = withShapes([withSubtotals, oneIndicator], "说明");
    const check = await checkSheets(host, "active");
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect(check.checkedInstead).toEqual(["2023年分解", "工业投资"]);
    expect(check.reports.map((r) => r.summary)).toEqual([
      { ok: 4, short: 1 },
      { ok: 2, out_of_range: 1 },
    ]);
  });
});

describe("every shape through Office.js and through the .xlsx reader", () => {
  it("gives the same verdicts both ways, all sheets in at most 3 syncs", async () => {
    const shapes = [townsAsRows, oneIndicator, withSubtotals, tiers, otherWords, years, counties];
    const { host, stats } = withShapes(shapes);
    const viaExcel = await checkSheets(host, "all");
    expect(stats.syncs).toBeLessThanOrEqual(3);
    const viaFile = checkWorkbookDetailed(await readBack(shapes)).reports;
    const verdicts = (reports: typeof viaFile) =>
      reports.map((r) => [
        r.sheet,
        r.orientation,
        r.results.map((x) => [
          x.indicator,
          measureName(x.measure),
          x.subtotal ?? "",
          x.status,
          x.difference,
          x.cells,
        ]),
      ]);
    expect(viaExcel.reports).toHaveLength(shapes.length);
    expect(verdicts(viaExcel.reports)).toEqual(verdicts(viaFile));
  });
});
