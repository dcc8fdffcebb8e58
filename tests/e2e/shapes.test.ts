// End to end in Chromium: the breakdown written with towns as rows (载入指标 → 分解表按单位为行), then 校验 with
// another sheet active: the pane finds the breakdown sheet itself and gives the usual layout's verdicts.
import { join } from "node:path";
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
    await page.waitForSelector(tid(TID.writeResult));
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
});
