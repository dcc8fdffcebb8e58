// The 进度监测 page with the 平湖 plan written and the made-up year of actuals (tests/progress/fixtures) imported,
// month `month` chosen: where the progress and 通报 tests start.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { tid } from "./harness";

export const ACTUALS = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");

export async function openProgressMonth(page: Page, month: number): Promise<void> {
  await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("1 分解表");
  await page.click(tid(TID.writeSheets));
  await page.waitForSelector(tid(TID.message));
  await page.click(tid(TID.nav("progress")));
  await page.waitForSelector(tid(TID.progressFile), { state: "attached" });
  await page.setInputFiles(tid(TID.progressFile), ACTUALS);
  await expect.poll(() => page.textContent(tid(TID.progressCounts))).toContain("12 月");
  await page.selectOption(tid(TID.progressMonth), String(month));
}
