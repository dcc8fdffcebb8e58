// The sheets `collect` writes are official documents: Chinese words only. 报送问题 names each problem's kind in
// Chinese (问题类型), never its code; times are written 2024年1月5日 10:03. The codes stay in the JSON.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/core/messages/catalogue";
import { cellText } from "../../src/core/grid";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";

/** The codes programs see: finding codes, statuses, severities, how a town was told. */
const CODE_WORDS = new Set(
  Object.keys(CATALOGUE)
    .filter((k) => /^(problem|status|severity|town_status|matched_by)\./.test(k))
    .map((k) => k.slice(k.indexOf(".") + 1)),
);
const PROBLEM_KINDS = new Set(
  Object.entries(CATALOGUE)
    .filter(([k]) => k.startsWith("problem."))
    .map(([, w]) => w.zh),
);
/** ASCII words in a cell: a code would be one of them ("below_target", "ok"). */
const asciiWords = (text: string) => text.match(/[A-Za-z_]+/g) ?? [];

describe("the sheets collect writes", async () => {
  const breakdown = seedBreakdown();
  const dir = tempDir();
  const template = (town: string) => writeTemplate(breakdown, town, tempDir());
  const returns = [
    await writeReturn(await template("当湖街道"), join(dir, "当湖街道.xlsx")),
    await writeReturn(await template("经开区"), join(dir, "经开区.xlsx"), (ws) => {
      ws.getCell("F5").value = "４１"; // 数字存为文本
      ws.getCell("F4").value = null; // 未填写
    }),
    await writeReturn(await template("新埭镇"), join(dir, "book1.xlsx"), (ws) => {
      ws.getCell("F5").value = 10; // 低于下达目标
      ws.name = "新埭";
    }),
  ];
  const csv = join(dir, "林埭镇.xlsx");
  writeFileSync(csv, "指标名称,本单位填报\n制造业投资,1.55\n");
  const out = join(tempDir(), "汇总.xlsx");
  const r = runCli(["collect", SEED_001, ...returns, csv, "-o", out, "--json"]);
  const json = JSON.parse(r.stdout);
  const file = XlsxFile.open(out);
  const findings = await file.readSheet("报送问题");
  const status = await file.readSheet("报送情况");
  const header = findings.rows[2].map((v) => cellText(v));
  const body = findings.rows.slice(3).filter((row) => row.some((v) => cellText(v) !== ""));

  it("报送问题 names each problem's kind in Chinese where the code was", () => {
    expect(header).toEqual(["序号", "单位", "文件", "工作表", "单元格", "级别", "问题类型", "说明"]);
    const kinds = body.map((row) => cellText(row[6] ?? null));
    expect(kinds).toEqual(expect.arrayContaining(["数字存为文本", "未填写", "低于下达目标", "不是工作簿"]));
    for (const kind of kinds) expect(PROBLEM_KINDS).toContain(kind);
    // The JSON keeps the codes, one finding for each row of the sheet.
    const codes = json.submissions.flatMap((s: { findings: { code: string }[] }) =>
      s.findings.map((f) => f.code),
    );
    expect(codes).toHaveLength(body.length);
    expect(codes).toEqual(expect.arrayContaining(["text_number", "blank", "below_target", "not_xlsx"]));
  });

  it("holds no code word in any cell but the file names", () => {
    const fileColumn = header.indexOf("文件");
    for (const sheet of [findings, status])
      for (const row of sheet.rows)
        row.forEach((v, c) => {
          if (sheet === findings && c === fileColumn) return;
          for (const word of asciiWords(cellText(v)))
            expect(CODE_WORDS.has(word) || word.includes("_"), `${sheet.name}: ${cellText(v)}`).toBe(false);
        });
  });

  it("writes times the one Chinese way", () => {
    expect(cellText(status.rows[1][0] ?? null)).toMatch(/^汇总时间:\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2};/);
    const received = status.rows
      .slice(3)
      .map((row) => cellText(row[4] ?? null))
      .filter(Boolean);
    expect(received.length).toBeGreaterThan(0);
    for (const t of received) expect(t).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  });
});
