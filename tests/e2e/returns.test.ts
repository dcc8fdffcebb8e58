// Going out and coming back, in a real Chromium: 下载填报模板 as one .zip (one workbook per town, read back by the
// CLI's collect as those towns), returns picked in two batches (both kept, a town's newer file supersedes its
// older one, the same file twice counted once, remove and clear undoable), 催报 naming exactly the missing towns
// with the deadline and copied to the clipboard, and 责任分工 downloaded as one .xlsx per unit.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Download, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { templateFileName } from "../../src/core/submissions/templateSheet";
import { addDays, chineseDate } from "../../src/core/submissions/reminder";
import { compressedData, readZipDirectory } from "../../src/core/zip/zipDirectory";
import { TID } from "../../src/taskpane/testIds";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

const breakdown = seedBreakdown();
const TOWNS = breakdown.units;

/** Saves a download and unpacks its entries (STOREd) into a new folder; returns the folder and the names. */
async function unpack(download: Download, dir: string): Promise<{ zip: string; files: string[] }> {
  mkdirSync(dir, { recursive: true });
  const zip = join(dir, download.suggestedFilename());
  await download.saveAs(zip);
  const bytes = new Uint8Array(readFileSync(zip));
  const out = join(dir, "unpacked");
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  for (const [name, entry] of readZipDirectory(bytes, ".zip")) {
    expect(entry.method).toBe(0);
    writeFileSync(join(out, name), compressedData(bytes, entry));
    files.push(join(out, name));
  }
  return { zip, files };
}

/** `written`: the workbook holds the plan's sheets already (a reload keeps them): go straight to 汇总报送. */
async function openSubmissions(page: Page, written = false) {
  if (!written) {
    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.message));
  }
  await page.click(tid(TID.nav("submissions")));
  await page.waitForSelector(tid(TID.pickReturns));
}

const items = (page: Page) => page.locator(tid(TID.returnItem)).allTextContents();

describe("下载填报模板 as one .zip", () => {
  it("holds one workbook per town, named by town, which collect reads back as those towns", async () => {
    expect(TOWNS).toHaveLength(8); // the 平湖 breakdown, 附件3 of seed 001
    const dir = tempDir();
    const page = await openWorkbench();
    await openSubmissions(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(tid(TID.issueTemplates)),
    ]);
    expect(download.suggestedFilename()).toBe("2023年目标任务填报模板.zip");
    const { zip, files } = await unpack(download, dir);
    expect(files.map((f) => f.replace(/^.*\//, ""))).toEqual(TOWNS.map((t) => templateFileName("2023", t)));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已打包 8 个文件");
    const size = statSync(zip).size;
    console.info(
      `returns.test.ts: ${download.suggestedFilename()} is ${size} bytes for ${files.length} towns`,
    );

    // Info-ZIP checks every CRC; Python sees the names as UTF-8 (the language-encoding flag).
    const t = spawnSync("unzip", ["-t", zip], { encoding: "utf8" });
    expect(t.status).toBe(0);
    const py = spawnSync(
      "/usr/bin/python3",
      ["-c", "import sys,zipfile;print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", zip],
      { encoding: "utf8" },
    );
    expect(py.stdout.trim().split("\n")).toEqual(TOWNS.map((t) => templateFileName("2023", t)));

    // Each workbook is the issued template: 填报 and the hidden marker, and collect knows its town by it.
    expect(XlsxFile.open(files[1]).sheets.map((x) => [x.name, x.hidden])).toEqual([
      ["填报", false],
      ["_目标分解助手", true],
    ]);
    const r = runCli(["collect", SEED_001, ...files, "--json"]);
    const json = JSON.parse(r.stdout);
    expect(json.submissions.map((x: { unit: string; matchedBy: string }) => [x.unit, x.matchedBy])).toEqual(
      TOWNS.map((t) => [t, "marker"]),
    );
    expect(json.missing).toEqual([]);

    // One town alone (逐个下载), for a town that lost its copy.
    await page.click(tid(TID.issueOneByOne));
    const [one] = await Promise.all([
      page.waitForEvent("download"),
      page.click(tid(TID.issueTown("林埭镇"))),
    ]);
    expect(one.suggestedFilename()).toBe("2023年林埭镇目标任务填报.xlsx");
    await page.screenshot({ path: join(SHOTS, "returns-issue.png") });
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});

describe("picking returns in batches", () => {
  it("keeps both batches; a town's newer file supersedes with a note; the same file twice counts once", async () => {
    const dir = tempDir();
    const template = (town: string) => writeTemplate(breakdown, town, tempDir());
    const dh = await writeReturn(await template("当湖街道"), join(dir, "当湖街道-报送.xlsx"), (ws) => {
      ws.getCell("G20").value = "张三"; // 填报人 on the sign-off line
      ws.getCell("C21").value = "0573-85012345";
    });
    const jk = await writeReturn(await template("经开区"), join(dir, "经开区-报送.xlsx"), (ws) => {
      ws.getCell("F5").value = null; // 制造业投资 left blank: an error
    });
    const jkFixed = await writeReturn(await template("经开区"), join(dir, "经开区-更正.xlsx"));
    const xd = await writeReturn(await template("新埭镇"), join(dir, "新埭镇-报送.xlsx"));
    // The corrected file arrived a day later.
    const later = new Date(statSync(jk).mtime.getTime() + 86_400_000);
    utimesSync(jkFixed, later, later);

    const page = await openWorkbench();
    await openSubmissions(page);
    await page.setInputFiles(tid(TID.returnsInput), [dh, jk]);
    await page.waitForSelector(tid(TID.returnsList));
    expect(await items(page)).toHaveLength(2);
    expect(await page.textContent(tid(TID.returnsMissing))).toContain("新埭镇");

    // The second batch: two new files and one already picked.
    await page.setInputFiles(tid(TID.returnsInput), [xd, jkFixed, dh]);
    await expect.poll(async () => (await items(page)).length).toBe(4);
    const message = (await page.textContent(tid(TID.message))) ?? "";
    expect(message).toContain("经开区以“经开区-更正.xlsx”为准,“经开区-报送.xlsx”未计入");
    expect(message).toContain("已在列表中,未重复计入:当湖街道-报送.xlsx");
    const list = await items(page);
    expect(list[0]).toMatch(/^当湖街道 · 当湖街道-报送\.xlsx通过/);
    expect(list[1]).toMatch(/^经开区 · 经开区-报送\.xlsx未计入/);
    expect(list[1]).toContain("另有更新的报送文件“经开区-更正.xlsx”");
    expect(list[2]).toMatch(/^新埭镇 · 新埭镇-报送\.xlsx通过/);
    expect(list[3]).toMatch(/^经开区 · 经开区-更正\.xlsx通过/);
    const missing = (await page.textContent(tid(TID.returnsMissing))) ?? "";
    for (const town of ["当湖街道", "经开区", "新埭镇"]) expect(missing).not.toContain(town);
    await page.screenshot({ path: join(SHOTS, "returns-batches.png") });

    // Remove one, undo; clear all, undo.
    await page.click(tid(TID.returnRemove(0)));
    expect(await items(page)).toHaveLength(3);
    expect(await page.textContent(tid(TID.returnsMissing))).toContain("当湖街道");
    await page.click(tid(TID.returnsUndo));
    expect(await items(page)).toHaveLength(4);
    await page.click(tid(TID.returnsClear));
    expect(await page.locator(tid(TID.returnsList)).count()).toBe(0);
    await page.click(tid(TID.returnsUndo));
    expect(await items(page)).toHaveLength(4);

    // 写入汇总: 报送情况 lists the superseded file as 未计入, and the 填报人 and phone from the sign-off lines.
    await page.click(tid(TID.writeSummary));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("报送情况");
    await page.click('[data-testid="sheet-tab"]:has-text("报送情况")');
    const grid = (await page.textContent('[data-testid="grid"]')) ?? "";
    expect(grid).toContain("未计入");
    expect(grid).toContain("张三");
    expect(grid).toContain("0573-85012345");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});

describe("催报", () => {
  async function withReturns(page: Page, written = false) {
    const dir = tempDir();
    const template = (town: string) => writeTemplate(breakdown, town, tempDir());
    const files = [
      await writeReturn(await template("当湖街道"), join(dir, "当湖街道.xlsx")),
      await writeReturn(await template("经开区"), join(dir, "经开区.xlsx"), (ws) => {
        ws.getCell("F5").value = null; // an error: 经开区 must correct and send again
      }),
      await writeReturn(await template("新埭镇"), join(dir, "新埭镇.xlsx")),
    ];
    await openSubmissions(page, written);
    await page.setInputFiles(tid(TID.returnsInput), files);
    await page.waitForSelector(tid(TID.returnsList));
    await page.click(tid(TID.reminder("open")));
  }
  const MISSING = ["曹桥街道", "新仓镇", "独山港区", "广陈镇", "林埭镇"];
  const today = new Date();
  const iso = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  const deadline = addDays(iso(today), 10);

  it("names exactly the missing towns and the deadline; 复制 puts it on the clipboard", async () => {
    const page = await openWorkbench();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(page.url()).origin,
    });
    await withReturns(page);
    expect(await page.textContent(tid(TID.reminder("missing")))).toBe(`未报送(5):${MISSING.join("、")}`);
    expect(await page.textContent(tid(TID.reminder("errors")))).toBe("有错误(1):经开区");
    // Today + 3 days is offered first.
    expect(await page.inputValue(tid(TID.reminder("deadline")))).toBe(addDays(iso(today), 3));
    await page.fill(tid(TID.reminder("deadline")), deadline);
    await page.fill(tid(TID.reminder("contact")), "张三");
    await page.fill(tid(TID.reminder("phone")), "0573-85012345");
    const text = await page.inputValue(tid(TID.reminder("text")));
    expect(text.split("\n")[0]).toBe("各镇(街道):");
    const named = /请尚未报送的(.+?)于(.+?)\(/.exec(text);
    expect(named?.[1].split("、")).toEqual(MISSING);
    expect(named?.[2]).toBe(chineseDate(deadline));
    expect(text).toContain("经开区已报送的填报表经校验存在错误(经开区1项)");
    expect(text).toContain("联系人:张三,联系电话:0573-85012345。");
    expect(text).not.toMatch(/当湖街道|新埭镇/);

    await page.click(tid(TID.reminder("copy")));
    await expect.poll(() => page.textContent(tid(TID.reminder("copied")))).toBe("已复制");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await page.screenshot({ path: join(SHOTS, "returns-reminder.png") });

    // The deadline and contact are remembered for the next reminder: the pane opened again (the reload keeps
    // the workbook, the plan's sheets with it).
    await page.reload();
    await page.waitForSelector(tid(TID.writeSheets), { timeout: 20_000 });
    await expect
      .poll(() => page.locator('[data-testid="sheet-tab"]').allTextContents())
      .toContain("指标体系");
    await withReturns(page, true);
    expect(await page.inputValue(tid(TID.reminder("deadline")))).toBe(deadline);
    expect(await page.inputValue(tid(TID.reminder("contact")))).toBe("张三");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("without the clipboard API, copies by selecting the text (the older web views' way)", async () => {
    const page = await openWorkbench();
    await page.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
    await page.reload();
    await page.waitForSelector(tid(TID.writeSheets), { timeout: 20_000 });
    await page.evaluate(() => {
      const w = window as unknown as { copied: string[] };
      w.copied = [];
      document.addEventListener("copy", () => w.copied.push(String(document.getSelection() ?? "")));
    });
    await withReturns(page);
    const text = await page.inputValue(tid(TID.reminder("text")));
    await page.click(tid(TID.reminder("copy")));
    await expect.poll(() => page.textContent(tid(TID.reminder("copied")))).toBe("已复制");
    // The copy event fired on the whole notice, selected in the read-only textarea.
    const selected = await page.$eval(tid(TID.reminder("text")), (el) => {
      const a = el as HTMLTextAreaElement;
      return a.value.slice(a.selectionStart, a.selectionEnd);
    });
    expect(selected).toBe(text);
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied.length)).toBe(1);
    await page.close();
  });
});

describe("责任分工 as separate files", () => {
  it("downloads one .xlsx per department, then per town, named by unit", async () => {
    const dir = tempDir();
    const page = await openWorkbench();
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("62 任务");
    await page.click(tid(TID.nav("assign")));
    await expect.poll(() => page.textContent(tid(TID.assignCount))).toMatch(/将生成 \d+ 张工作表/);
    const n = Number(/将生成 (\d+) 张/.exec((await page.textContent(tid(TID.assignCount)))!)![1]);
    const [duty] = await Promise.all([page.waitForEvent("download"), page.click(tid(TID.assignZip))]);
    expect(duty.suggestedFilename()).toBe("职责分工表(各部门).zip");
    const { files } = await unpack(duty, join(dir, "duty"));
    expect(files).toHaveLength(n);
    const economy = files.find((f) => f.endsWith("/市经信局.xlsx"))!;
    expect(economy).toBeDefined();
    const file = XlsxFile.open(economy);
    expect(file.sheets.map((x) => x.name)).toEqual(["市经信局"]);
    expect((await file.readSheet("市经信局")).rows[0][0]).toBe("市经信局职责分工表");

    await page.selectOption(tid(TID.assignTemplate), "letter");
    await expect.poll(() => page.textContent(tid(TID.assignCount))).toContain("将生成 8 张工作表");
    const [letters] = await Promise.all([page.waitForEvent("download"), page.click(tid(TID.assignZip))]);
    expect(letters.suggestedFilename()).toBe("目标责任书(各镇街).zip");
    const towns = await unpack(letters, join(dir, "letters"));
    expect(towns.files.map((f) => f.replace(/^.*\//, "")).sort()).toEqual(
      TOWNS.map((t) => `${t}.xlsx`).sort(),
    );
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});
