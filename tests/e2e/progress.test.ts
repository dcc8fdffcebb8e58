// 进度监测 end to end in Chromium: load the 平湖 plan into the workbench, import the made-up year of actuals
// (tests/progress/fixtures), choose month 8, preview, write the 亮晒 bulletin, and see its red, yellow and green
// cells, traffic lights, data bars and chart in the grid.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

import { openProgressMonth } from "./progressSetup";

useWorkbench();

describe("进度监测 in the workbench", () => {
  it("chooses month 8, writes the bulletin, and shows red, yellow and green cells", async () => {
    const page = await openWorkbench();
    await openProgressMonth(page, 8);
    await expect
      .poll(() => page.textContent(tid(TID.progressCounts)))
      .toBe("8 月 · 110 项:绿 102 · 黄 5 · 红 3 · 未报 1");
    const flagged = await page
      .locator(`${tid(TID.progressRows)} tbody tr`)
      .evaluateAll((rows) =>
        rows.map((r) => `${r.getAttribute("data-status")} ${r.children[1].textContent}`),
      );
    expect(flagged).toContain("red 曹桥街道 · 高耗低效整治企业数");
    expect(flagged).toContain("yellow 新埭镇 · 高耗低效整治企业数");
    await page.screenshot({ path: join(SHOTS, "progress-pane.png") });

    await page.click(tid(TID.progressWrite));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("1-8月亮晒");
    const tabs = await page.locator('[data-testid="sheet-tab"]').allTextContents();
    expect(tabs).toContain("1-8月亮晒");
    expect(await page.textContent('[data-address="A1"]')).toBe("2023年1-8月目标任务完成情况亮晒");

    // The 状态 column (M) is coloured by the bulletin's own rules: the fake computes them as Excel would.
    const status = await page
      .locator('td[data-address^="M"]')
      .evaluateAll((cells) =>
        cells
          .filter((c) => ["红", "黄", "绿"].includes(c.textContent ?? ""))
          .map((c) => [c.textContent, getComputedStyle(c).backgroundColor]),
      );
    const colours = new Map(status.map(([word, bg]) => [word, bg]));
    expect(colours.get("红")).toBe("rgb(255, 199, 206)");
    expect(colours.get("黄")).toBe("rgb(255, 235, 156)");
    expect(colours.get("绿")).toBe("rgb(198, 239, 206)");
    expect(status.filter(([w]) => w === "红")).toHaveLength(3);
    // Traffic lights in column L, data bars in column F, and the chart under the grid.
    const lights = await page
      .locator('td[data-address^="L"][data-icon]')
      .evaluateAll((c) => c.map((x) => x.getAttribute("data-icon")));
    expect(new Set(lights)).toEqual(new Set(["red", "yellow", "green"]));
    expect(await page.locator('td[data-address^="F"][data-bar]').count()).toBeGreaterThan(100);
    expect(await page.getAttribute(tid("chart"), "data-chart-type")).toBe("ColumnClustered");
    await page.screenshot({ path: join(SHOTS, "workbench-bulletin.png") });

    // Writing again asks before replacing the sheet.
    await page.click(tid(TID.progressWrite));
    await page.selectOption(tid(TID.conflictChoice("1-8月亮晒")), "replace");
    await page.click(tid(TID.confirmWrite));
    await expect.poll(() => page.locator('[data-testid="sheet-tab"]').allTextContents()).toEqual(tabs);
    expect(problemsOf(page)).toEqual([]);
  });
});
