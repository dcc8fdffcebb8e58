// End to end in Chromium: the breakdown written with towns as rows (载入指标 → 分解表按单位为行), then 校验 with
// another sheet active: the pane finds the breakdown sheet itself and gives the usual layout's verdicts.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { tempDir } from "../helpers/workbooks";
import { describe, expect, it } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

describe("breakdown shapes in the pane", () => {
  it("writes the breakdown with towns as rows; 校验 finds it from another sheet and reads it right", async () => {
    const page = await openWorkbench();
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("1 分解表");
    await page.click(tid(TID.townsAsRows));
    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.message));
    // The towns stand in column B, the indicators along row 3.
    await page.click('[data-testid="sheet-tab"]:has-text("2023年目标分解")');
    await expect.poll(() => page.textContent('[data-address="B4"]')).toBe("当湖街道");
    expect(await page.textContent('[data-address="C3"]')).toContain("规上工业增加值增长");
    // Another sheet active: 校验 of the active sheet goes to the one holding the breakdown.
    await page.click('[data-testid="sheet-tab"]:has-text("指标体系")');
    await page.click(tid(TID.nav("check")));
    await page.click(tid(TID.runCheck));
    await page.waitForSelector(tid(TID.checkSummary));
    expect(await page.textContent(tid(TID.checkedInstead))).toContain("2023年目标分解");
    const summary = await page.textContent(tid(TID.checkSummary));
    expect(summary).toContain("单位为行");
    expect(summary).toContain("错误 0");
    expect(summary).toContain("警告 2");
    expect(summary).toContain("通过 12");
    const warnings = await page.locator(`${tid(TID.resultGroup("warning"))} button`).allTextContents();
    expect(warnings.map((t) => t.slice(0, 40))).toEqual([
      expect.stringContaining("“浙江制造”标准"),
      expect.stringContaining("“品字标浙江制造”认证企业"),
    ]);
    await page.screenshot({ path: join(SHOTS, "check-towns-as-rows.png") });
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("表格识别: a sheet whose total has no total word is read as the clerk says, kept in the workbook", async () => {
    // A county's own sheet: the total column is headed with the county's name.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("海盐分解");
    ws.addRow(["指标名称", "武原街道", "西塘桥街道", "海盐县"]);
    ws.addRow(["制造业投资(亿元)", 70, 50, 120]);
    ws.addRow(["专精特新企业(家)", 5, 3, 9]);
    const path = join(tempDir(), "海盐.xlsx");
    await wb.xlsx.writeFile(path);

    const page = await openWorkbench();
    await page.setInputFiles('[data-testid="xlsx-input"]', path);
    await expect
      .poll(() => page.locator('[data-testid="sheet-tab"]').allTextContents())
      .toEqual(["海盐分解"]);
    await page.click(tid(TID.nav("check")));
    await page.click(tid(TID.runCheck));
    await expect.poll(() => page.textContent(tid(TID.noBreakdown))).toContain("没有合计列");
    await page.click(tid(TID.hintOpen("海盐分解")));
    await page.fill(tid(TID.hintTotal), "D");
    await page.screenshot({ path: join(SHOTS, "table-hint.png") });
    await page.click(tid(TID.hintApply));
    await page.waitForSelector(tid(TID.checkSummary));
    const summary = await page.textContent(tid(TID.checkSummary));
    expect(summary).toContain("错误 1");
    expect(summary).toContain("通过 1");
    expect(await page.textContent(tid(TID.resultGroup("error")))).toContain("低于海盐县目标 9,缺口 1");
    // Kept in the workbook: checking again reads it the same way, and the sheet is hidden from the tabs.
    await page.click(tid(TID.runCheck));
    await page.waitForSelector(tid(TID.checkSummary));
    expect(await page.textContent(tid(TID.checkSummary))).toContain("错误 1");
    expect(await page.locator('[data-testid="sheet-tab"]').allTextContents()).toEqual(["海盐分解"]);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});
