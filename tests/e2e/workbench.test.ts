// End to end in a real Chromium: the built workbench (npm run build:test), served like `npm start` serves it, driven
// like a person: load the 平湖 sample plan, write the sheets, check the breakdown, click a result, mark cells.
// Screenshots are kept in out/e2e/ (or $SCREENSHOT_DIR, which `npm run screenshots` points at docs/images).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { TID } from "../../src/taskpane/testIds";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { runCli } from "../helpers/cli";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

async function loadPinghuAndCheck(page: Page) {
  await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("17 指标 · 62 任务 · 1 分解表");
  await page.click(tid(TID.writeSheets));
  await page.waitForSelector(tid(TID.message));
  await page.click(tid(TID.nav("check")));
  await page.click(tid(TID.runCheck));
  await page.waitForSelector(tid(TID.checkSummary));
}

describe("the workbench in Chromium", () => {
  it("loads the 平湖 plan, checks it: 2 warnings and 1 pending; a click selects the row; marks colour the cells", async () => {
    const page = await openWorkbench();
    await loadPinghuAndCheck(page);
    await page.screenshot({ path: join(SHOTS, "workbench-1280x800.png") });

    // The sheets were written: tabs in the grid, values in the cells, formulas computed.
    const tabs = await page.locator('[data-testid="sheet-tab"]').allTextContents();
    expect(tabs).toEqual(["Sheet1", "指标体系", "职责分工", "2023年目标分解"]);
    expect(await page.textContent('[data-address="A1"]')).toBe(
      "2023年平湖市先进制造业集群培育工程镇(街道)目标任务分解",
    );
    expect(await page.textContent('[data-address="N5"]')).toMatch(/^118(\.00)?$/);

    const summary = await page.textContent(tid(TID.checkSummary));
    expect(summary).toContain("错误 0");
    expect(summary).toContain("警告 2");
    expect(summary).toContain("通过 12");
    expect(summary).toContain("其他 1");
    const warnings = await page.locator(`${tid(TID.resultGroup("warning"))} button`).allTextContents();
    expect(warnings.map((t) => t.slice(0, 30))).toEqual([
      expect.stringContaining("“浙江制造”标准"),
      expect.stringContaining("“品字标浙江制造”认证企业"),
    ]);
    expect(await page.textContent(tid(TID.resultGroup("other")))).toContain(
      "规上工业单位工业增加值能耗下降 · 待下达",
    );

    // Clicking the first warning selects its row's town and total cells, E13:M13.
    await page.click(tid(TID.result(13)));
    await expect
      .poll(() =>
        page
          .locator('[data-selected="true"]')
          .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-address"))),
      )
      .toEqual(["E13", "F13", "G13", "H13", "I13", "J13", "K13", "L13", "M13"]);

    // The sheet's own conditional formats already show the two over rows amber on 全市…校验.
    const shownFill = (a: string) =>
      page.$eval(`[data-address="${a}"]`, (el) => getComputedStyle(el).backgroundColor);
    expect(await shownFill("P13")).toBe("rgb(255, 235, 156)");
    expect(await shownFill("P12")).not.toBe("rgb(255, 235, 156)");
    // 标出问题单元格 fills the two 全市 cells themselves; 清除标记 takes the fills off again.
    const ownFill = (a: string) => page.getAttribute(`[data-address="${a}"]`, "data-fill");
    expect(await ownFill("M13")).toBeNull();
    await page.click(tid(TID.markCells));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已标出 2 个单元格");
    expect([await ownFill("M13"), await ownFill("M14"), await ownFill("M12")]).toEqual([
      "#FFEB9C",
      "#FFEB9C",
      null,
    ]);
    await page.screenshot({ path: join(SHOTS, "workbench-marked.png") });
    await page.click(tid(TID.clearMarks));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已清除 2 个单元格");
    expect([await ownFill("M13"), await ownFill("M14")]).toEqual([null, null]);

    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it.each([320, 450])("the pane works at %i px wide", async (paneWidth) => {
    const page = await openWorkbench(1280, 800, `?paneWidth=${paneWidth}`);
    await loadPinghuAndCheck(page);
    const pane = page.locator('[data-testid="workbench-pane"]');
    const box = await pane.boundingBox();
    expect(Math.round(box!.width)).toBe(paneWidth);
    // Nothing in the pane is wider than the pane (no horizontal scrolling at 320 px).
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await pane.screenshot({ path: join(SHOTS, `taskpane-${paneWidth}px.png`) });
    await page.close();
  });

  it("opens an .xlsx from disk, checks it, writes a report sheet and downloads the workbook", async () => {
    // A workbook made by the CLI, with the breakdown made wrong in a way a clerk would: a town cell emptied.
    const dir = tempDir();
    const made = join(dir, "平湖.xlsx");
    expect(runCli(["load", SEED_001, "-o", made]).code).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(made);
    wb.getWorksheet("2023年目标分解")!.getCell("F5").value = null; // 经开区 制造业投资
    const edited = join(dir, "平湖-改.xlsx");
    await wb.xlsx.writeFile(edited);

    const page = await openWorkbench();
    await page.setInputFiles('[data-testid="xlsx-input"]', edited);
    await expect
      .poll(() => page.locator('[data-testid="sheet-tab"]').allTextContents())
      .toEqual(["指标体系", "正文目标", "职责分工", "2023年目标分解"]);
    await page.click('[data-testid="sheet-tab"]:has-text("2023年目标分解")');
    await page.click(tid(TID.nav("check")));
    await page.click(tid(TID.runCheck));
    await page.waitForSelector(tid(TID.checkSummary));
    expect(await page.textContent(tid(TID.checkSummary))).toContain("错误 1");
    expect(await page.textContent(tid(TID.resultGroup("error")))).toContain("F5(经开区) 为空");

    await page.click(tid(TID.writeReport));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("校验报告");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="download-xlsx"]'),
    ]);
    expect(download.suggestedFilename()).toBe("平湖-改.xlsx");
    const saved = join(dir, "downloaded.xlsx");
    await download.saveAs(saved);
    // The downloaded workbook holds the report sheet, and checks the same in the CLI's reader.
    const file = XlsxFile.open(saved);
    expect(file.sheets.map((x) => x.name)).toEqual([
      "指标体系",
      "正文目标",
      "职责分工",
      "2023年目标分解",
      "校验报告",
    ]);
    const report = await file.readSheet("校验报告");
    expect([report.rows[4][1], report.rows[4][4]]).toEqual(["制造业投资", "缺数"]);
    const [again] = checkWorkbook(await file.readAll());
    expect(again.summary).toEqual({ ok: 11, missing: 1, over: 2, pending: 1 });
    expect(readFileSync(edited).length).toBeGreaterThan(0); // the input file was only read
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("allocates a row with one held town: 差额 turns 0 and 校验 通过; undo brings the old values back", async () => {
    const page = await openWorkbench();
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("17 指标");
    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.message));
    const shown = (a: string) => page.textContent(`[data-address="${a}"]`);
    // “浙江制造”标准 (row 13): towns add to 12 against 全市 5.
    expect([await shown("O13"), await shown("P13")]).toEqual(["7", "超额分解"]);
    await page.click(tid(TID.nav("allocate")));
    await page.click(tid(TID.allocRow(13)));
    await page.click(tid(TID.allocHold("经开区")));
    // Proportional to the current values (1,2,1,2,2,2,1,1) with 经开区 held at 2: the other seven share 3.
    await expect.poll(() => page.textContent(tid(TID.allocSummary))).toContain("全市目标 5 · 合计 5");
    await page.screenshot({ path: join(SHOTS, "allocate-preview.png") });
    await page.click(tid(TID.allocApply));
    await expect.poll(() => shown("O13")).toBe("0");
    expect(await shown("P13")).toBe("通过");
    expect(await shown("F13")).toBe("2"); // 经开区 held
    const towns = await Promise.all(["E", "F", "G", "H", "I", "J", "K", "L"].map((c) => shown(`${c}13`)));
    expect(towns.reduce((sum, t) => sum + Number(t), 0)).toBe(5);
    await page.screenshot({ path: join(SHOTS, "allocate-applied.png") });
    await page.click(tid(TID.allocUndo));
    await expect.poll(() => shown("O13")).toBe("7");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("collects three returned files (clean, a warning, an error) and writes 报送情况", async () => {
    const breakdown = seedBreakdown();
    const dir = tempDir();
    const returned = [
      await writeReturn(await writeTemplate(breakdown, "当湖街道", dir), join(dir, "当湖街道-报送.xlsx")),
      // 经开区 typed one figure with full-width digits: read, with a warning.
      await writeReturn(
        await writeTemplate(breakdown, "经开区", dir),
        join(dir, "经开区-报送.xlsx"),
        (ws) => {
          ws.getCell("F5").value = "４１";
        },
      ),
      // 新埭镇 left 制造业投资 blank: an error.
      await writeReturn(
        await writeTemplate(breakdown, "新埭镇", dir),
        join(dir, "新埭镇-报送.xlsx"),
        (ws) => {
          ws.getCell("F5").value = null;
        },
      ),
    ];
    const page = await openWorkbench();
    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.message));
    await page.click(tid(TID.nav("submissions")));
    await page.waitForSelector(tid(TID.pickReturns));
    // 下载填报模板, one town's file (逐个下载): the same template the CLI issues (marker included). The .zip of
    // all towns is tested in returns.test.ts.
    await page.click(tid(TID.issueOneByOne));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(tid(TID.issueTown("经开区"))),
    ]);
    const issuedPath = join(dir, `dl-${download.suggestedFilename()}`);
    await download.saveAs(issuedPath);
    expect(download.suggestedFilename()).toBe("2023年经开区目标任务填报.xlsx");
    const issuedFile = XlsxFile.open(issuedPath);
    expect(issuedFile.sheets.map((x) => [x.name, x.hidden])).toEqual([
      ["填报", false],
      ["_目标分解助手", true],
    ]);
    await page.setInputFiles(tid(TID.returnsInput), returned);
    await page.waitForSelector(tid(TID.returnsList));
    const items = await page.locator(tid(TID.returnItem)).allTextContents();
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^当湖街道 · 当湖街道-报送\.xlsx通过/);
    expect(items[1]).toMatch(/^经开区 · 经开区-报送\.xlsx有警告/);
    expect(items[2]).toMatch(/^新埭镇 · 新埭镇-报送\.xlsx有错误/);
    expect(await page.textContent(tid(TID.returnsMissing))).toContain("曹桥街道");
    await page.screenshot({ path: join(SHOTS, "submissions.png") });
    await page.click(tid(TID.writeSummary));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("报送情况");
    await page.click('[data-testid="sheet-tab"]:has-text("报送情况")');
    const grid = await page.textContent('[data-testid="grid"]');
    expect(grid).toContain("未报送");
    expect(grid).toContain("有错误");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("generates the per-department 职责分工 sheets and shows one", async () => {
    const page = await openWorkbench();
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("62 任务");
    await page.click(tid(TID.nav("assign")));
    await expect.poll(() => page.textContent(tid(TID.assignCount))).toMatch(/将生成 \d+ 张工作表/);
    await page.click(tid(TID.assignWrite));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("市经信局");
    await page.click('[data-testid="sheet-tab"]:text-is("市经信局")');
    expect(await page.textContent('[data-address="A1"]')).toBe("市经信局职责分工表");
    const grid = await page.textContent('[data-testid="grid"]');
    expect(grid).toContain("牵头");
    expect(grid).toContain("配合");
    expect(grid).not.toContain("{{");
    await page.screenshot({ path: join(SHOTS, "assign-duty.png") });
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("switches the pane to English and back", async () => {
    const page = await openWorkbench();
    // Fluent's Tab renders its label twice (a hidden bold copy reserves the width): compare what it contains.
    await page.click(tid(TID.language));
    // The English words are a chunk of their own (prefetched, not in the first download): the switch may wait on it.
    await expect.poll(() => page.textContent(tid(TID.nav("check")))).toContain("Check");
    expect(await page.textContent(tid(TID.writeSheets))).toBe("Write sheets");
    await page.click(tid(TID.language));
    expect(await page.textContent(tid(TID.nav("check")))).toContain("校验");
    expect(await page.textContent(tid(TID.writeSheets))).toBe("写入工作表");
    await page.close();
  });
});
