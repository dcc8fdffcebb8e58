// `target-breakdown progress --report 通报.docx` and `--report-text 通报.txt`, run as a process: the month's 通报
// as a Word document and as text, written under the same rules as -o (never over a file without --force,
// never over an input, named for what it is).
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocumentXml } from "../../src/core/docx/documentXml";
import { officialPunctuation as official } from "../../src/core/text";
import { readZipDirectory, readZipEntryText } from "../../src/xlsx/zip";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

const MONTHLY = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");
const TITLE = "关于2023年1-8月平湖市先进制造业集群培育工程目标任务完成情况的通报";

const progress = (...args: string[]) => runCli(["progress", SEED_001, MONTHLY, "--month", "8", ...args]);

function documentText(path: string): string[] {
  const buf = readFileSync(path);
  const xml = readZipEntryText(buf, readZipDirectory(buf, ".docx").get("word/document.xml")!);
  return parseDocumentXml(xml).flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
}

describe("progress --report and --report-text", () => {
  it("write the 通报 as .docx and as UTF-8 text, with last month compared, beside the usual summary", () => {
    const dir = tempDir();
    const docx = join(dir, "通报.docx");
    const txt = join(dir, "通报.txt");
    const r = progress("--report", docx, "--report-text", txt);
    expect(r.code).toBe(1); // the #N/A of 1-3月 is an error, as without a report
    expect(r.stderr).toContain(`已写出 ${docx}(通报,含与 7 月对比)`);
    expect(r.stderr).toContain(`已写出 ${txt}(通报文字)`);
    expect(r.stdout).toMatch(/8月 · 110 项:绿 102,黄 5,红 3,未报 1/);

    const paragraphs = documentText(docx);
    expect(paragraphs[0]).toBe(TITLE);
    expect(paragraphs).toContain("四、与上月相比");

    const bytes = readFileSync(txt);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split("\n")[0]).toBe(TITLE);
    expect(text.split("\n")[1]).toBe("〔2023〕第X期");
    expect(text.split("\n")[2]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/); // today, no 发文单位 in the fixture
    expect(text).toContain(
      official("曹桥街道(完成年度目标的56.0%,慢于序时进度10.7个百分点,排名第8位,连续2个月落后于序时进度)"),
    );
    expect(text).toContain(official("广陈镇高耗低效整治企业数由上月红灯转为绿灯,完成率由53.3%提高到73.3%"));
    // The text and the document say the same.
    for (const p of paragraphs.slice(3, 20)) expect(text).toContain(p);
  });

  it("month 1 has no month before it: no comparison section", () => {
    const txt = join(tempDir(), "一月.txt");
    const r = runCli(["progress", SEED_001, MONTHLY, "--month", "1", "--report-text", txt]);
    expect(r.stderr).toContain("已写出");
    expect(readFileSync(txt, "utf8")).not.toContain("与上月相比");
  });

  it("never write over an existing file without --force, nor over an input even with it", () => {
    const dir = tempDir();
    const docx = join(dir, "通报.docx");
    const txt = join(dir, "通报.txt");
    writeFileSync(docx, "keep me");
    writeFileSync(txt, "keep me too");
    const refused = progress("--report", docx);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${docx}: 文件已存在;为避免覆盖他人的工作,请换一个文件名或加 --force`);
    expect(progress("--report-text", txt).stderr).toContain("文件已存在");
    expect(readFileSync(docx, "utf8")).toBe("keep me");
    expect(readFileSync(txt, "utf8")).toBe("keep me too");
    // Refused before any work: no report written when another output is refused.
    const both = progress("--report", join(dir, "新.docx"), "--report-text", txt);
    expect(both.code).toBe(2);
    expect(both.stderr).not.toContain("已写出");

    expect(progress("--report", docx, "--force").stderr).toContain(`已写出 ${docx}`);
    expect(documentText(docx)[0]).toBe(TITLE);

    const actuals = join(dir, "实绩.txt");
    copyFileSync(SEED_001, actuals);
    const input = runCli(["progress", SEED_001, MONTHLY, actuals, "--month", "8", "--report-text", actuals]);
    expect(input.code).toBe(2);
    expect(input.stderr).toContain("不能覆盖输入文件(输入文件只读不改);请用 --report-text 指定另一个文件名");
  });

  it("are named for what they write", () => {
    const dir = tempDir();
    const doc = progress("--report", join(dir, "通报.doc"));
    expect([doc.code, doc.stderr]).toEqual([
      2,
      expect.stringContaining(
        `--report 应为 .docx 文件名(写出的是 Word 文档),收到“${join(dir, "通报.doc")}”`,
      ),
    ]);
    const text = progress("--report-text", join(dir, "通报.docx"));
    expect(text.stderr).toContain("--report-text 应为 .txt 文件名(写出的是 文本文件)");
    const folder = progress("--report", dir);
    expect(folder.stderr).toContain("这是一个文件夹(EISDIR);请用 --report 指定要写出的文件名");
  });

  it("are in the help", () => {
    const help = runCli(["progress", "--help"]);
    expect(help.stdout).toContain("--report <通报.docx>");
    expect(help.stdout).toContain("--report-text <通报.txt>");
  });
});
