// 校验 in the task pane when Office.js hands over a number no cell can hold (JavaScript's NaN, ±Infinity, a double
// past ±9.99999999999999E+307): the adapter passes values on as they come, and the check reports each cell.
import { describe, expect, it } from "vitest";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { checkSheets } from "../../src/excel/checkSheets";
import { writeSheets } from "../../src/excel/writeSheets";
import { seedPlan } from "../helpers/workbooks";
import { fakeHost } from "./fixtures";

describe("Office.js values that are no numbers", () => {
  it("are reported cell by cell and never summed", async () => {
    const { host, workbook } = fakeHost();
    await writeSheets(host, planWorkbook(seedPlan()));
    const sheet = workbook.getSheet("2023年目标分解")!;
    // Straight into the model, as a host could return them (the fake's own API refuses to store them).
    sheet.ensureCell(4, 4).value = NaN; // E5: 制造业投资, 当湖街道
    sheet.ensureCell(4, 5).value = 1.5e308; // F5: 经开区
    sheet.ensureCell(10, 6).value = -Infinity; // G11: 高价值发明专利拥有量, 曹桥街道
    const check = await checkSheets(host, "active");
    const results = check.reports[0].results;
    const by = (name: string) => results.find((r) => r.indicator === name)!;
    expect(by("制造业投资")).toMatchObject({ status: "invalid", cells: ["E5", "F5"], allocated: null });
    expect(by("制造业投资").message).toBe(
      "E5(当湖街道)的值“NaN”(非数值 NaN)、F5(经开区)的值“1.5e+308”(超出 Excel 的数值范围(绝对值最大 9.99999999999999E+307)) 不是有效数字",
    );
    expect(by("高价值发明专利拥有量")).toMatchObject({ status: "invalid", cells: ["G11"], allocated: null });
    // The other rows keep the document's verdicts.
    expect(by("高耗低效整治企业数")).toMatchObject({ status: "ok", allocated: 300 });
  });
});
