// The 分解目标 page on a workbook whose active sheet holds no breakdown: the pane finds the breakdown sheets
// itself, offers them and the measures of a 确保/力争 table, holds a town at a typed value and writes the planned
// cells (the 力争 ones only; a towns-as-rows table down its column).
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { tempDir } from "../helpers/workbooks";
import { tiers, townsAsRows, writeShapes, type Shape } from "../table/shapes";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

const notes: Shape = { name: "说明", rows: [["本工作簿为各镇(街道)目标分解"]] };
const shown = (page: Page, a: string) => page.textContent(`[data-address="${a}"]`);

describe("分解目标 in Chromium", () => {
  it("finds the breakdown sheets, allocates 力争 with a town held at a typed value, then a towns-as-rows table", async () => {
    const file = await writeShapes([notes, tiers, townsAsRows], tempDir("e2e-allocate-"));
    const page = await openWorkbench();
    await page.setInputFiles('[data-testid="xlsx-input"]', file);
    await expect
      .poll(() => page.locator('[data-testid="sheet-tab"]').allTextContents())
      .toEqual(["说明", "2023年目标", "镇街目标"]);
    await page.click(tid(TID.nav("allocate")));

    // The active sheet 说明 holds no breakdown: the first sheet that does is shown, both offered.
    const sheet = page.getByRole("combobox", { name: "分解表" });
    await expect.poll(() => sheet.inputValue()).toBe("2023年目标");
    expect(await sheet.locator("option").allTextContents()).toEqual(["2023年目标", "镇街目标"]);
    const measure = page.getByRole("combobox", { name: "口径" });
    expect(await measure.locator("option").allTextContents()).toEqual(["2023年 确保", "2023年 力争"]);
    await measure.selectOption({ label: "2023年 力争" });
    await expect.poll(() => page.textContent(tid(TID.allocRows))).toContain("全市 52");

    await page.click(tid(TID.allocRow(4)));
    await page.selectOption(tid(TID.allocMethod), "equal");
    // The pane is narrow (380 px): a town's lock value and bounds are in its row's details.
    await page.click(tid(TID.allocDetails("当湖街道")));
    await page.getByRole("textbox", { name: "锁定值 当湖街道" }).fill("30");
    // 52 with 当湖街道 held at 30: the two others share 22.
    await expect.poll(() => page.textContent(tid(TID.allocSummary))).toContain("全市目标 52 · 合计 52");
    expect(await page.isChecked(tid(TID.allocHold("当湖街道")))).toBe(true);
    expect(await page.textContent(tid(TID.allocNew("钟埭街道")))).toBe("11");
    await page.screenshot({ path: join(SHOTS, "allocate-tiers.png") });
    await page.click(tid(TID.allocApply));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已写入 3 个单元格");

    await page.click('[data-testid="sheet-tab"]:has-text("2023年目标")');
    // Row 4: 确保 (B, D, F) as it was, 力争 (C, E, G) written.
    const row4 = await Promise.all(["B4", "C4", "D4", "E4", "F4", "G4"].map((a) => shown(page, a)));
    expect(row4).toEqual(["20", "30", "12", "11", "15", "11"]);

    // The other sheet: towns as rows, indicators told apart by column; 制造业投资 is column C.
    await sheet.selectOption("镇街目标");
    await expect.poll(() => page.textContent(tid(TID.allocRows))).toContain("C 制造业投资");
    expect(await page.getByRole("combobox", { name: "口径" }).count()).toBe(0);
    await page.click(tid(TID.allocRow(3)));
    await page.selectOption(tid(TID.allocMethod), "equal");
    await page.fill(tid(TID.allocTotal), "60");
    await expect.poll(() => page.textContent(tid(TID.allocSummary))).toContain("全市目标 60 · 合计 60");
    // The 合计 cell follows the new target (55 → 60), shown before anything is written.
    expect(await page.getAttribute(tid(TID.allocCity), "data-changed")).toBe("yes");
    expect(await page.textContent(tid(TID.allocCityNew))).toBe("60");
    await page.click(tid(TID.allocApply));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已写入 5 个单元格");
    await page.click('[data-testid="sheet-tab"]:has-text("镇街目标")');
    const cells = ["C3", "C4", "C5", "C6", "C7", "B3"];
    expect(await Promise.all(cells.map((a) => shown(page, a)))).toEqual(["15", "15", "15", "15", "60", "30"]);
    // 撤销 brings the towns and the 合计 back.
    await page.click(tid(TID.allocUndo));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已撤销");
    await expect
      .poll(() => Promise.all(cells.map((a) => shown(page, a))))
      .toEqual(["20", "12", "15", "10", "55", "30"]);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});
