// Legacy .xls (BIFF8, as Excel 97-2003 and WPS write it; and Excel 95's BIFF5) read through SheetJS: every
// command gives on the .xls what it gives on its .xlsx twin. The .xls files are made here from our own .xlsx
// by LibreOffice, all of a kind in one soffice run; the tests skip (saying why) where LibreOffice is missing.
// LibreOffice no longer writes BIFF5 (nor does SheetJS write its text in a code page), so that one is laid out
// by hand, record by record (tests/helpers/legacyXls.ts).
import ExcelJS from "exceljs";
import { spawn } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { sniffWorkbook } from "../../src/core/submissions/fileKind";
import { openWorkbook, parseTimeLimit } from "../../src/xlsx/openWorkbook";
import { readLegacyWorkbook } from "../../src/xlsx/readLegacyWorkbook";
import { readXlsxInBrowser } from "../../src/xlsx/readXlsxBrowser";
import { runCli } from "../helpers/cli";
import { excel95Bytes, loopingXlsBytes } from "../helpers/legacyXls";
import { sofficePath } from "../helpers/libreoffice";
import { SEED_001 } from "../helpers/seeds";
import { seedPlan, tempDir, writePlanXlsx } from "../helpers/workbooks";
import { encryptedWorkbookBytes } from "../submissions/oleFile";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";

const MONTHLY = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");
const DOCX = join(__dirname, "..", "fixtures", "docx", "001.docx");

const soffice = (() => {
  try {
    return sofficePath();
  } catch (e) {
    console.warn(`跳过 legacyWorkbook.test.ts:${(e as Error).message}`);
    return null;
  }
})();

/** Converts all `files` in one soffice run (LibreOffice's start-up is most of the time); returns out/name. */
function convert(files: string[], filter: string): Promise<string> {
  const out = tempDir("tb-lo-");
  const profile = `file://${tempDir("tb-lo-profile-")}`;
  const args = [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", filter, "--outdir", out];
  return new Promise((resolve, reject) => {
    const p = spawn(soffice as string, [...args, ...files], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    p.stderr.on("data", (d) => (stderr += d));
    p.on("error", reject);
    p.on("close", (code) => {
      if (code !== 0 || readdirSync(out).length !== files.length)
        reject(new Error(`soffice ${filter} failed (${code}): ${stderr}`));
      else resolve(out);
    });
  });
}

/** A workbook of every kind of value, a merge, a hidden row and a hidden sheet; values only (no formulas). */
async function valuesWorkbook(path: string, epoch1904 = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = epoch1904;
  const ws = wb.addWorksheet("指标");
  ws.addRow(["2023年目标分解表"]);
  ws.mergeCells("A1:D1");
  ws.addRow(["指标名称", "单位", "全市", "说明"]);
  ws.addRow(["规上工业增加值增长", "%", 8.5, true]);
  ws.addRow(["制造业投资", "亿元", 118, { error: "#N/A" }]);
  ws.addRow(["填报日期", null, 45000, false]); // a date stays its serial
  ws.addRow([]);
  ws.addRow(["备注", "全角１２", -0.125, "长文本".repeat(100)]);
  ws.getRow(5).hidden = true;
  ws.getCell("F9").value = 1e-7; // past a hole
  wb.addWorksheet("隐藏", { state: "hidden" }).addRow(["单位", "当湖街道"]);
  await wb.xlsx.writeFile(path);
  return path;
}

describe("legacy .xls made by hand", () => {
  it("reads Excel 95 (BIFF5) text through its code page", async () => {
    const [sheet] = await readXlsxInBrowser(excel95Bytes(), "excel95.xls");
    expect(sheet).toMatchObject({ name: "指标", rows: [["制造业投资", "亿元", 118]], hidden: false });
    const path = join(tempDir(), "excel95.xls");
    writeFileSync(path, excel95Bytes());
    expect(await (await openWorkbook(path)).readAll()).toMatchObject([{ name: "指标", rows: sheet.rows }]);
  });

  it("a FORMULA record cut short, on which SheetJS loops for ever, is stopped by the time limit", async () => {
    const bytes = loopingXlsBytes();
    const started = Date.now();
    await expect(readLegacyWorkbook(bytes, "环.xls", parseTimeLimit(0.3))).rejects.toThrow(
      /^环\.xls: 旧版 Excel\(\.xls\)文件读取超过 0\.3 秒仍未完成,文件可能已损坏/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

const cli = (...args: string[]) => runCli(args);
const json = (r: { stdout: string }) => JSON.parse(r.stdout);
/** The CLI's output with the file names taken out, so an .xls and its .xlsx twin compare equal. */
const anon = (text: string, ...names: string[]) =>
  names.reduce((t, n) => t.split(n).join("<file>"), text).replace(/\.xlsx?\b/g, ".x");

describe.skipIf(!soffice)(
  "legacy .xls workbooks",
  async () => {
    const dir = tempDir();
    const breakdown = seedBreakdown();
    const plan = await writePlanXlsx(seedPlan(), dir);
    const values = await valuesWorkbook(join(dir, "values.xlsx"));
    const values1904 = await valuesWorkbook(join(dir, "values1904.xlsx"), true);
    const actuals = join(dir, "actuals.xlsx");
    copyFileSync(MONTHLY, actuals);
    const returns = tempDir();
    await writeReturn(await writeTemplate(breakdown, "当湖街道"), join(returns, "当湖街道.xlsx"));
    await writeReturn(await writeTemplate(breakdown, "经开区"), join(returns, "经开区回报.xlsx"), (ws) => {
      ws.getCell("F5").value = "４１"; // full-width: read as 41, with a warning
    });
    const docx = join(dir, "方案.docx");
    copyFileSync(DOCX, docx);
    // The soffice runs at once: the workbooks (.xls can hold one file of a name per folder), the document.
    const [xlsDir, returnsXlsDir, docDir] = await Promise.all([
      convert([plan, values, values1904, actuals], "xls"),
      convert(
        readdirSync(returns).map((f) => join(returns, f)),
        "xls",
      ),
      convert([docx], "doc"),
    ]);
    const xls = (path: string) => join(xlsDir, basename(path).replace(/\.xlsx$/, ".xls"));
    // One return stays .xls, the other is an .xls renamed .xlsx (as towns send them).
    const returnedXls = [join(returnsXlsDir, "当湖街道.xls"), join(returnsXlsDir, "经开区回报.xlsx")];
    renameSync(join(returnsXlsDir, "经开区回报.xls"), returnedXls[1]);

    it("check gives the same report", () => {
      const [a, b] = [cli("check", plan, "--json"), cli("check", xls(plan), "--json")];
      expect(b.code).toBe(a.code);
      expect(anon(b.stdout, xls(plan))).toBe(anon(a.stdout, plan));
      expect(b.stderr).toBe("");
    });

    it("load --json reads the same plan from the workbook", () => {
      const [a, b] = [cli("load", plan, "--json"), cli("load", xls(plan), "--json")];
      expect(b.code).toBe(0);
      expect(json(b)).toEqual(json(a));
    });

    it("collect reads a returned .xls, and an .xls renamed .xlsx, as their .xlsx twins", () => {
      const twins = ["当湖街道.xlsx", "经开区回报.xlsx"].map((f) => join(returns, f));
      const [a, b] = [
        cli("collect", SEED_001, ...twins, "--json"),
        cli("collect", SEED_001, ...returnedXls, "--json"),
      ];
      expect(b.code).toBe(a.code);
      const shape = (r: { stdout: string }) =>
        json(r).submissions.map((s: Record<string, unknown>) => ({
          ...s,
          file: undefined,
          receivedAt: undefined,
        }));
      expect(shape(b)).toEqual(shape(a));
      expect(shape(b).map((s: { unit: string; status: string }) => [s.unit, s.status])).toEqual([
        ["当湖街道", "ok"],
        ["经开区", "warning"],
      ]);
      expect(json(b).summary).toEqual(json(a).summary);
    });

    it("progress reads a plan and actuals given as .xls", () => {
      const a = cli("progress", plan, actuals, "--month", "8", "--json");
      const b = cli("progress", xls(plan), xls(actuals), "--month", "8", "--json");
      expect(b.code).toBe(a.code);
      expect(anon(b.stdout, xls(actuals), xls(plan))).toBe(anon(a.stdout, actuals, plan));
    });

    it("the browser reader and openWorkbook give the grids of the .xlsx twin", async () => {
      for (const path of [values, values1904, actuals]) {
        const twin = await readXlsxInBrowser(readFileSync(path), basename(path));
        const grids = await readXlsxInBrowser(readFileSync(xls(path)), basename(path));
        expect(grids).toEqual(twin);
        const opened = await openWorkbook(xls(path));
        expect(await opened.readAll()).toEqual(
          twin.map((g) => ({ name: g.name, rows: g.rows, hiddenRows: g.hiddenRows, merges: g.merges })),
        );
        expect(opened.sheets).toEqual(twin.map((g) => ({ name: g.name, hidden: g.hidden })));
      }
      const [sheet] = await readXlsxInBrowser(readFileSync(xls(values1904)), "values1904.xls");
      expect(sheet).toMatchObject({ epoch1904: true, hiddenRows: [4], merges: ["A1:D1"] });
      expect(sheet.rows[3][3]).toEqual({ error: "#N/A" });
    });

    it("a truncated or damaged .xls: exit 2, a message naming the file, no 内部错误", () => {
      const bytes = readFileSync(xls(plan));
      const truncated = join(dir, "截断.xls");
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const flipped = join(dir, "损坏.xls");
      const damaged = Buffer.from(bytes);
      for (let i = 512; i < damaged.length; i += 97) damaged[i] ^= 0xa5;
      writeFileSync(flipped, damaged);
      for (const path of [truncated, flipped]) {
        const r = cli("check", path);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(
          new RegExp(`^target-breakdown: ${path}: 旧版 Excel\\(\\.xls\\)文件已损坏,无法读取:`),
        );
        expect(r.stderr).not.toContain("内部错误");
      }
      // Returned to `collect`, each is one finding, worded once; an .xls needing its password says so.
      const encrypted = join(dir, "加密回报.xls");
      writeFileSync(encrypted, encryptedWorkbookBytes());
      const r = cli("collect", SEED_001, truncated, flipped, encrypted, "--json");
      expect(r.stderr).not.toContain("内部错误");
      const findings = json(r).submissions.map(
        (s: { findings: { code: string; message: string }[] }) => s.findings,
      );
      expect(findings.map((f: { code: string }[]) => f.map((x) => x.code))).toEqual([
        ["unreadable"],
        ["unreadable"],
        ["encrypted"],
      ]);
      expect(findings[0][0].message).toMatch(/^旧版 Excel\(\.xls\)文件已损坏,无法读取:/);
    });

    it("an encrypted workbook and a Word .doc each get their own message", () => {
      const encrypted = join(dir, "加密.xls");
      writeFileSync(encrypted, encryptedWorkbookBytes());
      const doc = join(docDir, "方案.doc");
      expect(cli("check", encrypted)).toMatchObject({ code: 2 });
      expect(cli("check", encrypted).stderr).toContain(`${encrypted}: 工作簿设有打开密码(已加密),无法读取`);
      const r = cli("check", doc);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${doc}: 这是 Word 或 WPS 文字文档(.doc/.wps),不是 Excel 工作簿`);
      expect(sniffWorkbook(readFileSync(doc))?.code).toBe("not_xlsx");
      expect(sniffWorkbook(readFileSync(encrypted))?.code).toBe("encrypted");
      expect(sniffWorkbook(readFileSync(xls(plan)))).toBeNull();
    });
  },
  180_000,
);
