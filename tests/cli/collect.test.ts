// `target-breakdown collect`: returned files validated and consolidated, run as a process.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { runCli } from "../helpers/cli";
import { sofficeCsvSheets } from "../helpers/libreoffice";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("target-breakdown collect", async () => {
  const breakdown = seedBreakdown();
  const dir = tempDir();
  const template = (town: string) => writeTemplate(breakdown, town, tempDir());
  const clean = await writeReturn(await template("当湖街道"), join(dir, "当湖街道.xlsx"));
  const warned = await writeReturn(await template("经开区"), join(dir, "经开区回报.xlsx"), (ws) => {
    ws.getCell("F5").value = "４１"; // full-width, read as 41 with a warning
  });
  const failed = await writeReturn(await template("新埭镇"), join(dir, "book1.xlsx"), (ws) => {
    ws.getCell("F5").value = 10; // 制造业投资 12.2 issued
  });
  const csv = join(dir, "林埭镇.xlsx");
  writeFileSync(csv, "指标名称,本单位填报\n制造业投资,1.55\n");
  const inputs = [clean, warned, failed, csv];
  const before = inputs.map(sha);
  const out = join(tempDir(), "汇总.xlsx");
  const r = runCli(["collect", SEED_001, ...inputs, "-o", out, "--json"]);
  const json = JSON.parse(r.stdout);

  it("prints the JSON shape of docs/cli.md and exits 1 with errors", () => {
    expect(r.code).toBe(1);
    expect(Object.keys(json)).toEqual(["submissions", "missing", "summary", "output"]);
    expect(json.submissions.map((s: { unit: string; status: string }) => [s.unit, s.status])).toEqual([
      ["当湖街道", "ok"],
      ["经开区", "warning"],
      ["新埭镇", "error"],
      ["林埭镇", "error"],
    ]);
    expect(Object.keys(json.submissions[0])).toEqual([
      "file",
      "unit",
      "matchedBy",
      "receivedAt",
      "status",
      "used",
      "findings",
    ]);
    expect(json.submissions[2].findings).toEqual([
      {
        sheet: "填报",
        cell: "F5",
        severity: "error",
        code: "below_target",
        message: "制造业投资:低于下达目标:填报 10,下达 12.2(差 2.2亿元)",
        // The same as a message code with params, for programs and the task pane's languages.
        msg: {
          code: "return.row",
          params: {
            indicator: "制造业投资",
            detail: {
              code: "return.below_target",
              params: { value: "10", target: "12.2", gap: "2.2", unit: "亿元" },
            },
          },
        },
      },
    ]);
    expect(json.submissions[3].findings.map((f: { code: string }) => f.code)).toEqual(["not_xlsx"]);
    expect(json.missing).toEqual(["曹桥街道", "新仓镇", "独山港区", "广陈镇"]);
    expect(json.summary).toMatchObject({
      towns: 8,
      files: 4,
      reported: 4,
      ok: 1,
      warning: 1,
      error: 2,
      missing: 4,
    });
  });

  it("never changes a returned file", () => {
    expect(inputs.map(sha)).toEqual(before);
  });

  it("writes 汇总 (breakdown layout), 报送情况 and 报送问题", async () => {
    const file = XlsxFile.open(out);
    expect(file.sheets.map((s) => s.name)).toEqual(["汇总", "报送情况", "报送问题"]);
    const summary = await file.readSheet("汇总");
    expect(summary.rows[2].slice(0, 6)).toEqual([
      "序号",
      "指标名称",
      "计量单位",
      "类型",
      "当湖街道",
      "经开区",
    ]);
    expect(summary.rows[4].slice(4, 8)).toEqual([0.8, 41, null, 10]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("汇总")!.getCell("N5").value).toMatchObject({
      formula: expect.stringContaining("SUM"),
    });
    const status = await file.readSheet("报送情况");
    expect(status.rows.slice(3, 11).map((row) => [row[1], row[2]])).toEqual([
      ["当湖街道", "通过"],
      ["经开区", "有警告"],
      ["曹桥街道", "未报送"],
      ["新埭镇", "有错误"],
      ["新仓镇", "未报送"],
      ["独山港区", "未报送"],
      ["广陈镇", "未报送"],
      ["林埭镇", "有错误"],
    ]);
  });

  it("has live checks in 汇总: LibreOffice recalculates 缺数 for towns not reported, 待下达 for pending rows", () => {
    const sheets = sofficeCsvSheets(out);
    const summary = sheets.get("汇总")!;
    const verdict = summary[2].indexOf("校验");
    expect(summary[4][1]).toBe("制造业投资");
    expect(summary[4][verdict]).toBe("缺数");
    expect(summary[17][verdict]).toBe("待下达");
  });

  it("exits 0 when every file passes, 2 when none can be read", () => {
    expect(runCli(["collect", SEED_001, clean]).code).toBe(0);
    const none = runCli(["collect", SEED_001, csv, join(dir, "不存在.xlsx")]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("都无法读取");
  });

  it("refuses to overwrite an existing output or an input", () => {
    expect(runCli(["collect", SEED_001, clean, "-o", out]).stderr).toContain("文件已存在");
    expect(runCli(["collect", SEED_001, clean, "-o", clean, "--force"]).code).toBe(2);
    expect(sha(clean)).toBe(before[0]);
  });
});
