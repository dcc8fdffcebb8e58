// 载入指标 in Chromium with plans users already have: the 平湖 plan as a Word .docx opened from disk, an old .doc,
// and a table selected on a sheet (使用选定区域). The preview comes before anything is written.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { ROOT } from "../helpers/seeds";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

const FIXTURES = join(ROOT, "tests", "fixtures", "docx");

describe("载入指标 from a .docx and from the selected range", () => {
  it("opens the 平湖 plan as .docx: the same preview as the text (17 指标 · 62 任务 · 1 分解表), then writes", async () => {
    const page = await openWorkbench();
    // The bundled sample 001 is the text form of the same plan: its counts, prose targets included.
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("17 指标");
    const fromText = await page.textContent(tid(TID.previewCounts));
    // Then a sample plan without annex tables, so the counts below can only come from the .docx.
    await page.selectOption(tid(TID.sampleSelect), "002");
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("0 指标 · 0 任务 · 0 分解表");
    await page.setInputFiles(tid(TID.fileInput), join(FIXTURES, "001-split.docx"));
    await expect
      .poll(() => page.textContent(tid(TID.previewCounts)))
      .toContain("17 指标 · 62 任务 · 1 分解表(15 × 8 个单位)");
    expect(await page.textContent(tid(TID.previewCounts))).toBe(fromText);
    expect(fromText).toMatch(/ · 45 正文目标$/);
    expect(await page.textContent("body")).toContain("平湖市先进制造业集群培育工程实施方案(2023—2027年)");
    expect(await page.textContent(tid(TID.sampleSelect))).toContain("001-split.docx");
    // Nothing is written before the user says so.
    expect(await page.locator('[data-testid="sheet-tab"]').allTextContents()).toEqual(["Sheet1"]);
    await page.waitForSelector(`${tid(TID.writeSheets)}:not([disabled])`);
    await page.screenshot({ path: join(SHOTS, "load-docx.png") });
    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.message));
    expect(await page.locator('[data-testid="sheet-tab"]').allTextContents()).toEqual([
      "Sheet1",
      "指标体系",
      "职责分工",
      "2023年目标分解",
    ]);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("an old .doc gets a message naming the file", async () => {
    const page = await openWorkbench();
    await page.setInputFiles(tid(TID.fileInput), join(FIXTURES, "old.doc"));
    await expect
      .poll(() => page.textContent(tid(TID.error)))
      .toContain("old.doc: 这是旧版 Word 97-2003(.doc)文件");
    await page.close();
  });

  it("uses the selected range: the indicator table selected on a sheet loads as 17 指标", async () => {
    const page = await openWorkbench();
    // The sample plan is written first, so the workbook has an indicator sheet to select from.
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("17 指标");
    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.message));
    await page.click('[data-testid="sheet-tab"]:has-text("指标体系")');
    await page.click('[data-address="A3"]');
    await page.click('[data-address="J20"]', { modifiers: ["Shift"] });
    await expect.poll(() => page.locator('[data-selected="true"]').count()).toBeGreaterThan(100);
    await page.click(tid(TID.useSelection));
    await expect
      .poll(() => page.textContent(tid(TID.previewCounts)))
      .toContain("17 指标 · 0 任务 · 0 分解表");
    expect(await page.textContent(tid(TID.sampleSelect))).toContain("选定区域 · 指标体系!A3:J20");
    await page.screenshot({ path: join(SHOTS, "load-selection.png") });
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});
