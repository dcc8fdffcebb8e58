// End to end in a real Chromium: the workbench grid edited like Excel. A town's figure typed over makes its row
// stop adding up and 校验 reports it with the new number; a formula typed back restores the sum and 校验 passes.
// Tab-separated text pasted from Excel fills a block, Ctrl+C copies one; leaving a changed workbook asks first.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

const shown = (page: Page, a: string) => page.textContent(`[data-address="${a}"]`);
const nameBox = (page: Page) => page.inputValue(tid("name-box"));
const formulaBar = (page: Page) => page.inputValue(tid("formula-bar"));

async function writeSample(page: Page) {
  await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("17 指标 · 62 任务 · 1 分解表");
  await page.click(tid(TID.writeSheets));
  await page.waitForSelector(tid(TID.message));
}

async function runCheck(page: Page): Promise<string> {
  await page.click(tid(TID.nav("check")));
  await page.click(tid(TID.runCheck));
  await page.waitForSelector(tid(TID.checkSummary));
  return (await page.textContent(tid(TID.checkSummary))) ?? "";
}

/** Selects a cell by clicking it, as a clerk would. */
async function clickCell(page: Page, a: string) {
  await page.click(`[data-address="${a}"]`);
  await expect.poll(() => nameBox(page)).toBe(a);
}

describe("editing the workbench grid", () => {
  it("a town figure typed over fails 校验 with the new sum; a formula typed back passes it", async () => {
    const page = await openWorkbench();
    await writeSample(page);
    // 高耗低效整治企业数 (row 15): towns 20+80+25+50+25+65+15+20 = 300 = 全市.
    expect([await shown(page, "F15"), await shown(page, "N15"), await shown(page, "P15")]).toEqual([
      "80",
      "300",
      "通过",
    ]);
    const before = await runCheck(page);
    expect(before).toContain("警告 2");
    expect(before).toContain("通过 12");

    // Select 经开区's cell, type over it, Enter: stored as a number, the sheet's formulas recompute, and the
    // active cell moves down.
    await clickCell(page, "F15");
    expect(await formulaBar(page)).toBe("80");
    await page.keyboard.type("90");
    expect(await page.inputValue(tid("cell-editor"))).toBe("90");
    await page.keyboard.press("Enter");
    await expect.poll(() => shown(page, "F15")).toBe("90");
    expect(await nameBox(page)).toBe("F16");
    expect([await shown(page, "N15"), await shown(page, "O15"), await shown(page, "P15")]).toEqual([
      "310",
      "10",
      "超额分解",
    ]);
    await page.screenshot({ path: join(SHOTS, "workbench-edited.png") });

    const after = await runCheck(page);
    expect(after).toContain("警告 3");
    expect(after).toContain("通过 11");
    const row15 = await page.textContent(tid(TID.result(15)));
    expect(row15).toContain("高耗低效整治企业数");
    expect(row15).toContain("超额分解");
    expect(row15).toContain("310");

    // F2 edits in place; Esc gives the old value back.
    await clickCell(page, "F15");
    await page.keyboard.press("F2");
    await page.keyboard.type("5");
    expect(await page.inputValue(tid("cell-editor"))).toBe("905");
    await page.keyboard.press("Escape");
    expect(await shown(page, "F15")).toBe("90");
    expect(await formulaBar(page)).toBe("90");

    // A formula restores the sum: shown as its value, visible in the formula bar.
    await page.keyboard.type("=300-SUM(E15,G15:L15)");
    await page.keyboard.press("Tab");
    await expect.poll(() => shown(page, "F15")).toBe("80");
    expect(await nameBox(page)).toBe("G15");
    await clickCell(page, "F15");
    expect(await formulaBar(page)).toBe("=300-SUM(E15,G15:L15)");
    expect(await shown(page, "P15")).toBe("通过");
    const restored = await runCheck(page);
    expect(restored).toContain("警告 2");
    expect(restored).toContain("通过 12");
    const passed = await page.textContent(tid(TID.result(15)));
    expect(passed).toContain("通过");
    expect(passed).not.toContain("超额分解");

    // A double-click edits in place too; typed text is text, and Delete clears the cell.
    await page.dblclick('[data-address="B21"]');
    expect(await nameBox(page)).toBe("B21");
    await page.keyboard.type("备注");
    await page.keyboard.press("Enter");
    await expect.poll(() => shown(page, "B21")).toBe("备注");
    await clickCell(page, "B21");
    await page.keyboard.press("Delete");
    await expect.poll(() => shown(page, "B21")).toBe("");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("pastes a 2×2 block of Excel's tab-separated text from the selected cell, and copies a block", async () => {
    const page = await openWorkbench();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await clickCell(page, "B2");
    // As Excel puts it on the clipboard: cells by tab, rows by CRLF, a final CRLF.
    await page.evaluate(() => navigator.clipboard.writeText("1,234\t经开区\r\n=B2*2\t45.6\r\n"));
    await page.keyboard.press("Control+V");
    await expect.poll(() => shown(page, "B2")).toBe("1234");
    expect([await shown(page, "C2"), await shown(page, "B3"), await shown(page, "C3")]).toEqual([
      "经开区",
      "2468",
      "45.6",
    ]);
    // The pasted block is selected; the formula is a formula.
    const selected = await page
      .locator('[data-selected="true"]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-address")));
    expect(selected).toEqual(["B2", "C2", "B3", "C3"]);
    await clickCell(page, "B3");
    expect(await formulaBar(page)).toBe("=B2*2");

    // Shift+arrows extend the selection; Ctrl+C copies what the cells show, as Excel does.
    await clickCell(page, "B2");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    expect(await page.locator('[data-selected="true"]').count()).toBe(4);
    await page.keyboard.press("Control+C");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("1234\t经开区\r\n2468\t45.6\r\n");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("takes Chinese typed through an IME: the composition starts the edit, Enter commits it", async () => {
    const page = await openWorkbench();
    await clickCell(page, "D5");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.imeSetComposition", { text: "jingkaiqu", selectionStart: 9, selectionEnd: 9 });
    expect(await page.inputValue(tid("cell-editor"))).toBe("jingkaiqu");
    await cdp.send("Input.insertText", { text: "经开区" });
    expect(await page.inputValue(tid("cell-editor"))).toBe("经开区");
    await page.keyboard.press("Enter");
    await expect.poll(() => shown(page, "D5")).toBe("经开区");
    expect(await nameBox(page)).toBe("D6");
    // Typing in the formula bar edits the active cell too.
    await page.fill(tid("formula-bar"), "１２３");
    await page.press(tid("formula-bar"), "Enter");
    await expect.poll(() => shown(page, "D6")).toBe("123");
    expect(await nameBox(page)).toBe("D7");
    // A formula Excel cannot read is refused, as Excel does: the editor stays open with a message.
    await page.keyboard.type("=SUM(");
    await page.keyboard.press("Enter");
    expect(await page.textContent(tid("grid-message"))).toContain("单引号");
    expect(await nameBox(page)).toBe("D7");
    await page.keyboard.press("Escape");
    expect(await shown(page, "D7")).toBe("");
    expect(await page.textContent(tid("grid-message"))).toBe("");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("keeps the workbook across a reload of its tab, and a new tab starts blank", async () => {
    const page = await openWorkbench();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    // Looking around (selecting, moving, switching sheets, opening a pane page) changes nothing.
    await clickCell(page, "C3");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Shift+ArrowRight");
    await page.click(tid(TID.nav("check")));
    await page.reload();
    await page.waitForSelector(tid(TID.writeSheets));
    expect(dialogs).toEqual([]);
    expect(await page.locator('[data-testid="workbench-saved"]').count()).toBe(0);

    // A pane write is kept in the tab once saved: the reload brings the sheets back and need not ask.
    await writeSample(page);
    await expect.poll(() => page.getAttribute('[data-testid="workbench-saved"]', "data-state")).toBe("saved");
    await page.reload();
    await page.waitForSelector(tid(TID.writeSheets));
    await expect
      .poll(() => page.getAttribute('[data-testid="workbench-saved"]', "data-state"))
      .toBe("restored");
    await expect
      .poll(() => page.locator('[data-testid="sheet-tab"]').allTextContents())
      .toContain("指标体系");
    expect(dialogs).toEqual([]);

    // So is an edit in the grid.
    await clickCell(page, "A1");
    await page.keyboard.type("12");
    await page.keyboard.press("Enter");
    await expect.poll(() => shown(page, "A1")).toBe("12");
    await expect.poll(() => page.getAttribute('[data-testid="workbench-saved"]', "data-state")).toBe("saved");
    await page.reload();
    await page.waitForSelector(tid(TID.writeSheets));
    await expect.poll(() => shown(page, "A1")).toBe("12");
    expect(dialogs).toEqual([]);
    // A reload cancels the lazy chunks still loading (failed requests); nothing else may go wrong.
    expect(problemsOf(page).filter((p) => !p.startsWith("request failed"))).toEqual([]);
    await page.close();

    // Another tab has its own (blank) workbook.
    const other = await openWorkbench();
    expect(await other.locator('[data-testid="sheet-tab"]').allTextContents()).toEqual(["Sheet1"]);
    await other.close();
  });
});
