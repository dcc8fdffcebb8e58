// 调整记录 in Chromium: 分解目标 applied with a 调整原因, then 撤销, adds the sheet with both batches, which
// survive a reload of the workbench and a download and reopen of the .xlsx; and a workbook allocated by the CLI
// (`allocate -o`), opened in the workbench, allocated in the pane and undone, holds the three batches in order.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";
import { openWorkbench, problemsOf, tid, useWorkbench } from "./harness";

useWorkbench();

const tabs = (page: Page) => page.locator('[data-testid="sheet-tab"]').allTextContents();
const shown = (page: Page, a: string) => page.textContent(`[data-address="${a}"]`);
const column = (page: Page, letter: string, first: number, last: number) =>
  Promise.all(Array.from({ length: last - first + 1 }, (_, i) => shown(page, `${letter}${first + i}`)));

const TOWNS = ["当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇", "全市"];

/** The record as the grid shows it: batches in A, towns in G, old and new in I and J, reasons in O (rows 4–21). */
async function expectRecord(page: Page) {
  await page.click('[data-testid="sheet-tab"]:has-text("调整记录")');
  await expect.poll(() => shown(page, "A3")).toBe("批次");
  expect(await column(page, "A", 4, 21)).toEqual([...Array(9).fill("1"), ...Array(9).fill("2")]);
  expect(await column(page, "G", 4, 21)).toEqual([...TOWNS, ...TOWNS]);
  // 经开区 held at 45, 全市 118 → 130; the undo the other way round.
  expect(await Promise.all(["I5", "J5", "L5", "I12", "J12"].map((a) => shown(page, a)))).toEqual([
    "41",
    "45",
    "锁定值",
    "118",
    "130",
  ]);
  expect(await Promise.all(["I14", "J14", "L14", "I21", "J21"].map((a) => shown(page, a)))).toEqual([
    "45",
    "41",
    "撤销",
    "130",
    "118",
  ]);
  expect(await Promise.all(["O4", "O13"].map((a) => shown(page, a)))).toEqual(["项目调整", "撤销第1批调整"]);
}

describe("调整记录 in Chromium", () => {
  it("应用 with a reason and 撤销 add two batches; the sheet survives a reload of the workbench and a download and reopen", async () => {
    const page = await openWorkbench();
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("17 指标");
    await page.click(tid(TID.writeSheets));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已写入");

    await page.click(tid(TID.nav("allocate")));
    await page.click(tid(TID.allocRow(5)));
    await page.fill(tid(TID.allocTotal), "130");
    await page.click(tid(TID.allocDetails("经开区")));
    await page.getByRole("textbox", { name: "锁定值 经开区" }).fill("45");
    await page.fill(tid(TID.allocReason), "项目调整");
    await page.click(tid(TID.allocApply));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已记入“调整记录”第 1 批");
    expect(await page.textContent(tid(TID.message))).toContain("已写入 9 个单元格");
    await page.click(tid(TID.allocUndo));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已记入“调整记录”第 2 批");
    expect(await tabs(page)).toContain("调整记录");
    await expectRecord(page);

    // A reload of the workbench keeps the workbook (the tab's session), the record with it.
    await expect.poll(() => page.getAttribute('[data-testid="workbench-saved"]', "data-state")).toBe("saved");
    await page.reload();
    await page.waitForSelector(tid(TID.writeSheets));
    await expect.poll(() => tabs(page)).toContain("调整记录");
    await expectRecord(page);

    // Download, then open the file again (the workbench asks before replacing a changed workbook: yes).
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="download-xlsx"]'),
    ]);
    const file = join(tempDir("e2e-changelog-"), "reopened.xlsx");
    await download.saveAs(file);
    page.on("dialog", (d) => void d.accept());
    await page.setInputFiles('[data-testid="xlsx-input"]', file);
    await expect.poll(() => page.textContent("header")).toContain("reopened.xlsx");
    await expect.poll(() => tabs(page)).toContain("调整记录");
    await expectRecord(page);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("the CLI's allocation, then the pane's and its 撤销, are three batches of one record", async () => {
    const dir = tempDir("e2e-changelog-cli-");
    const plan = join(dir, "plan.xlsx");
    const allocated = join(dir, "allocated.xlsx");
    expect(runCli(["load", SEED_001, "-o", plan]).code).toBe(0);
    const cli = runCli([
      "allocate",
      plan,
      "--indicator",
      "制造业投资",
      "--total",
      "120",
      "--method",
      "proportional",
      "--reason",
      "CLI调整",
      "-o",
      allocated,
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).toContain("已记入“调整记录”第 1 批");

    const page = await openWorkbench();
    await page.setInputFiles('[data-testid="xlsx-input"]', allocated);
    await expect.poll(() => tabs(page)).toContain("调整记录");
    await page.click('[data-testid="sheet-tab"]:has-text("2023年目标分解")');
    await page.click(tid(TID.nav("allocate")));
    await page.click(tid(TID.allocRow(5)));
    await page.fill(tid(TID.allocTotal), "130");
    await page.fill(tid(TID.allocReason), "项目调整");
    await page.click(tid(TID.allocApply));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已记入“调整记录”第 2 批");
    await page.click(tid(TID.allocUndo));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已记入“调整记录”第 3 批");

    await page.click('[data-testid="sheet-tab"]:has-text("调整记录")');
    await expect.poll(() => shown(page, "A3")).toBe("批次");
    const batches = (await column(page, "A", 4, 30)).filter((v) => v !== "" && v !== null);
    expect([...new Set(batches)]).toEqual(["1", "2", "3"]);
    const reasons = await column(page, "O", 4, 3 + batches.length);
    expect(new Set(reasons)).toEqual(new Set(["CLI调整", "项目调整", "撤销第2批调整"]));
    // The record is appended, never rewritten: the CLI's batch comes first, as the CLI wrote it.
    expect(reasons[0]).toBe("CLI调整");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});
