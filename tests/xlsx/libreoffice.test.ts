// LibreOffice recalculates the workbook we write (formulas are stored without cached results): the 分解合计
// column must hold the towns' sums, 差额 the differences, and 校验 the same words as the check engine.
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { STATUS_LABEL } from "../../src/core/check/status";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { sofficeConvert, sofficeCsvSheets } from "../helpers/libreoffice";
import { seedPlan, writePlanXlsx } from "../helpers/workbooks";

describe("LibreOffice headless on the written workbook", async () => {
  const plan = seedPlan();
  const path = await writePlanXlsx(plan);
  const sheets = sofficeCsvSheets(path);
  const rows = sheets.get("2023年目标分解")!;
  const header = rows[2];
  const col = (h: string) => header.indexOf(h);
  const towns = plan.breakdowns[0].units;

  it("exports every sheet", () => {
    expect([...sheets.keys()].sort()).toEqual(["2023年目标分解", "指标体系", "职责分工"].sort());
  });

  it("computes 分解合计 = the sum of the towns for every 总量型 row, and leaves 质态型 rows blank", () => {
    plan.breakdowns[0].rows.forEach((row, i) => {
      const line = rows[3 + i];
      const sum = line[col("分解合计")];
      if (row.kind === "total" && row.total.status === "number") {
        const expected = towns.reduce((s, t) => s + (row.values[t].value ?? 0), 0);
        expect(Number(sum)).toBeCloseTo(expected, 9);
        expect(Number(line[col("差额")])).toBeCloseTo(expected - (row.total.value as number), 9);
      } else expect(sum).toBe("");
    });
  });

  it("prints in 校验 the verdict the check engine gives", async () => {
    const file = XlsxFile.open(path);
    const [report] = checkWorkbook(await file.readAll());
    report.results.forEach((r, i) => expect(rows[3 + i][col("校验")]).toBe(STATUS_LABEL[r.status]));
  });

  it("writes an .xlsx our reader takes, with the recalculated values cached", async () => {
    const [resaved] = sofficeConvert(path, "xlsx");
    const file = XlsxFile.open(resaved);
    const grid = await file.readSheet("2023年目标分解");
    expect(grid.rows[4][13]).toBe(118); // N5: 分解合计 of 制造业投资
    expect(grid.rows[12][15]).toBe("超额分解"); // P13: 校验 of “浙江制造”标准
    const [report] = checkWorkbook(await file.readAll());
    expect(report.summary).toEqual({ ok: 12, over: 2, pending: 1 });
  });
});
