// 下载通报(.docx) and 复制通报文字 on the 进度监测 page, end to end in Chromium: the 平湖 plan in the workbench, the
// made-up year of actuals imported, month 8 chosen; the .docx downloads (its adapter fetched only at the click),
// its text is the copied text, and page 1 as LibreOffice prints it is kept as a screenshot (bulletin-docx.png:
// docs/images/ under `npm run screenshots`).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocumentXml } from "../../src/core/docx/documentXml";
import { officialPunctuation as official } from "../../src/core/text";
import { TID } from "../../src/taskpane/testIds";
import { readZipDirectory, readZipEntryText } from "../../src/xlsx/zip";
import { sofficeConvert } from "../helpers/libreoffice";
import { tempDir } from "../helpers/workbooks";
import { openWorkbench, problemsOf, serverBase, SHOTS, tid, useWorkbench } from "./harness";

import { openProgressMonth } from "./progressSetup";

useWorkbench();

const TITLE = "关于2023年1-8月平湖市先进制造业集群培育工程目标任务完成情况的通报";
const hasSoffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].some(existsSync);
const DOCX_CHUNK = /\/docx(\.[0-9a-f]+)?\.js$/;

function paragraphsOf(path: string): string[] {
  const buf = readFileSync(path);
  const xml = readZipEntryText(buf, readZipDirectory(buf, ".docx").get("word/document.xml")!);
  return parseDocumentXml(xml).flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
}

/** Page 1 of the document as LibreOffice prints it, to `SHOTS/<name>.png`. */
function screenshotPage1(docx: string, name: string): string {
  const [pdf] = sofficeConvert(docx, "pdf");
  const out = join(SHOTS, name);
  const r = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, out]);
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  return `${out}.png`;
}

describe("the 通报 from the 进度监测 page", () => {
  it("downloads the .docx and copies the same text", { timeout: 120_000 }, async () => {
    const page = await openWorkbench();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: serverBase() });
    const docxRequests: string[] = [];
    page.on("request", (r) => {
      if (DOCX_CHUNK.test(new URL(r.url()).pathname)) docxRequests.push(r.url());
    });
    await openProgressMonth(page, 8);
    await expect.poll(() => page.textContent(tid(TID.progressCounts))).toContain("8 月 · 110 项");
    expect(docxRequests).toEqual([]); // not in the page's first download, nor fetched before it is asked for

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(tid(TID.progressBulletinDocx)),
    ]);
    expect(download.suggestedFilename()).toBe("2023年1-8月目标任务完成情况通报.docx");
    const saved = join(tempDir(), download.suggestedFilename());
    await download.saveAs(saved);
    expect(docxRequests).toHaveLength(1);
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已下载通报");
    expect(await page.textContent(tid(TID.message))).toContain("含与 7 月的对比");
    const paragraphs = paragraphsOf(saved);
    expect(paragraphs[0]).toBe(TITLE);
    expect(paragraphs).toContain("四、与上月相比");

    await page.click(tid(TID.progressBulletinCopy));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已复制通报文字");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split("\n")[0]).toBe(TITLE);
    expect(copied).toContain(official("亮红灯3项,涉及当湖街道、曹桥街道、独山港区3个镇(街道)"));
    // What was copied is what the document says.
    for (const p of paragraphs.slice(3, 30)) expect(copied).toContain(p);

    if (hasSoffice) expect(existsSync(screenshotPage1(saved, "bulletin-docx"))).toBe(true);
    else console.warn("progressBulletin.test.ts: LibreOffice missing, no bulletin-docx.png");
    expect(problemsOf(page)).toEqual([]);
  });
});
