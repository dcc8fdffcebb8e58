// `target-breakdown progress`: the month's statuses as JSON and the 亮晒 workbook, run as a process.
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir, writePlanXlsx, seedPlan } from "../helpers/workbooks";

const FIXTURES = join(__dirname, "..", "progress", "fixtures");
const MONTHLY = join(FIXTURES, "平湖实绩-月表.xlsx");
const LONG = join(FIXTURES, "平湖实绩-长表.xlsx");
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("target-breakdown progress", () => {
  it("prints the JSON of docs/cli.md: one row per town and indicator with its status", () => {
    const r = runCli(["progress", SEED_001, MONTHLY, "--month", "8", "--json"]);
    expect(r.code).toBe(1); // the #N/A of 1-3月 is an error
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["month", "rows", "missing", "findings"]);
    expect(json.month).toBe(8);
    expect(Object.keys(json.rows[0])).toEqual([
      "unit",
      "indicator",
      "value",
      "target",
      "completion",
      "schedule",
      "gap",
      "rank",
      "status",
      "streak",
    ]);
    const row = json.rows.find(
      (x: { unit: string; indicator: string }) =>
        x.unit === "曹桥街道" && x.indicator === "高耗低效整治企业数",
    );
    expect(row).toEqual({
      unit: "曹桥街道",
      indicator: "高耗低效整治企业数",
      value: 14,
      target: 25,
      completion: 0.56,
      schedule: 0.6667,
      gap: -0.1067,
      rank: 8,
      status: "red",
      streak: 2,
    });
    const count = (s: string) => json.rows.filter((x: { status: string }) => x.status === s).length;
    expect([count("green"), count("yellow"), count("red")]).toEqual([102, 5, 3]);
  });

  it("reads the plan from a workbook and the actuals from the long table alike", async () => {
    const plan = await writePlanXlsx(seedPlan());
    const a = runCli(["progress", plan, LONG, "--month", "8", "--json"]);
    const b = runCli(["progress", SEED_001, MONTHLY, "--month", "8", "--json"]);
    expect(JSON.parse(a.stdout).rows).toEqual(JSON.parse(b.stdout).rows);
  });

  it("writes the bulletin, never over an existing file without --force, inputs unchanged", () => {
    const dir = tempDir();
    const actuals = join(dir, "实绩.xlsx");
    copyFileSync(MONTHLY, actuals);
    const before = sha(actuals);
    const out = join(dir, "亮晒.xlsx");
    const r = runCli(["progress", SEED_001, actuals, "--month", "8", "-o", out]);
    expect(r.stderr).toContain("已写出");
    expect(r.stdout).toMatch(/8月 · 110 项:绿 102,黄 5,红 3,未报 1/);
    expect(r.stdout).toContain("红 曹桥街道 · 高耗低效整治企业数");
    expect(XlsxFile.open(out).sheets.map((s) => s.name)).toEqual(["1-8月亮晒"]);
    writeFileSync(out, "keep me");
    const again = runCli(["progress", SEED_001, actuals, "--month", "8", "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("文件已存在");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(runCli(["progress", SEED_001, actuals, "--month", "8", "-o", out, "--force"]).stderr).toContain(
      "已写出",
    );
    expect(runCli(["progress", SEED_001, actuals, "--month", "8", "-o", actuals]).stderr).toContain(
      "不能覆盖输入文件",
    );
    expect(sha(actuals)).toBe(before);
  });

  it("says what is wrong: a bad month, a file without actuals, a text file as actuals", async () => {
    const bad = runCli(["progress", SEED_001, MONTHLY, "--month", "13", "--json"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--month 应为 1–12")]);
    const plan = await writePlanXlsx(seedPlan());
    const none = runCli(["progress", SEED_001, plan, "--month", "8", "--json"]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining("没有找到实绩")]);
    const text = runCli(["progress", SEED_001, SEED_001, "--month", "8", "--json"]);
    expect([text.code, text.stderr]).toEqual([2, expect.stringContaining("001_86af085e02e72586.txt")]);
  });
});

describe("actuals from collected town returns", () => {
  it("collect --month 8 writes the 1-8月 sheet that progress reads, after the earlier months' file", async () => {
    const { seedBreakdown, writeReturn, writeTemplate, TOWNS } = await import("../submissions/fixtures");
    const breakdown = seedBreakdown();
    const dir = tempDir();
    const returned: string[] = [];
    for (const town of TOWNS)
      returned.push(
        await writeReturn(
          await writeTemplate(breakdown, town, tempDir()),
          join(dir, `${town}.xlsx`),
          (ws) => {
            if (town === "新埭镇") ws.getCell("F5").value = 2; // 制造业投资: 2 of 12.2 亿元 by August
          },
        ),
      );
    const summary = join(tempDir(), "8月汇总.xlsx");
    const c = runCli(["collect", SEED_001, ...returned, "--month", "8", "-o", summary]);
    // Short of the year's target is no error for August's cumulative figures.
    expect(c.code).toBe(0);
    expect(c.stdout).toContain("新埭镇(按模板标记识别) · 通过");
    expect(XlsxFile.open(summary).sheets.map((s) => s.name)).toEqual([
      "汇总",
      "1-8月",
      "报送情况",
      "报送问题",
    ]);

    // Months 1–7 from the statistics file, August from the towns' returns (the later file wins, with a note).
    const r = runCli(["progress", SEED_001, MONTHLY, summary, "--month", "8", "--json"]);
    const json = JSON.parse(r.stdout);
    const row = (unit: string, indicator: string) =>
      json.rows.find(
        (x: { unit: string; indicator: string }) => x.unit === unit && x.indicator === indicator,
      );
    expect(row("新埭镇", "制造业投资")).toMatchObject({ value: 2, target: 12.2 });
    expect(row("新埭镇", "制造业投资").status).not.toBe("green");
    // Every other town returned its full year's target: on or ahead of schedule.
    expect(row("经开区", "制造业投资")).toMatchObject({ value: 41, status: "green" });
    expect(json.findings.some((f: { message: string }) => f.message.includes("重复填报,取后者"))).toBe(true);
  });
});
