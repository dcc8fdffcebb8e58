// The acceptance commands of the CLI, run as a user runs them, with their exit codes and JSON shapes.
import ExcelJS from "exceljs";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

describe("target-breakdown load", () => {
  it("--json holds 17 indicators × 3 years, 62 tasks and the 15 × 9 cells of 附件3", () => {
    const r = runCli(["load", SEED_001, "--json"]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(Object.keys(plan)).toEqual([
      "title",
      "years",
      "indicators",
      "tasks",
      "breakdowns",
      "issues",
      "proseTargets",
      "proseFacts",
      "proseLinks",
      "proseDisagreements",
      "encoding",
    ]);
    expect(plan.encoding).toBe("UTF-8");
    expect(plan.title).toBe("平湖市先进制造业集群培育工程实施方案(2023—2027年)");
    expect(plan.indicators).toHaveLength(17);
    for (const ind of plan.indicators) {
      expect(Object.keys(ind)).toEqual(["category", "name", "unit", "kind", "targets", "lead", "partners"]);
      expect(Object.keys(ind.targets)).toEqual(["2023", "2025", "2027"]);
      for (const cell of Object.values(ind.targets))
        expect(Object.keys(cell as object)).toEqual(["value", "op", "text", "status"]);
    }
    expect(plan.tasks).toHaveLength(62);
    expect(Object.keys(plan.tasks[0])).toEqual(["no", "section", "task", "content", "lead", "partners"]);
    expect(plan.tasks[51]).toMatchObject({
      no: 52,
      lead: "市金融发展服务中心",
      partners: ["人行平湖市支行", "嘉兴银保监分局平湖监管组"],
    });
    expect(plan.tasks[59]).toMatchObject({ no: 60, lead: "市工业强市领导小组办公室", partners: [] });
    const [b] = plan.breakdowns;
    expect(Object.keys(b)).toEqual(["title", "year", "units", "totalColumn", "rows"]);
    expect(b.rows).toHaveLength(15);
    const cells = b.rows.flatMap((row: { values: object; total: object }) => [
      ...Object.values(row.values),
      row.total,
    ]);
    expect(cells).toHaveLength(135);
    expect(Object.keys(b.rows[0])).toEqual(["no", "name", "unit", "kind", "values", "total", "dept"]);
  });

  it("-o writes the workbook, then check --json finds exactly the two over rows and the pending one; exit 0", () => {
    const out = join(tempDir(), "p.xlsx");
    const load = runCli(["load", SEED_001, "-o", out]);
    expect(load.code).toBe(0);
    expect(load.stderr).toContain("17 项指标、62 项任务、1 张分解表");
    const check = runCli(["check", out, "--json"]);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(Object.keys(report)).toEqual([
      "file",
      "sheet",
      "year",
      "orientation",
      "units",
      "totalColumn",
      "measures",
      "subtotals",
      "notes",
      "results",
      "summary",
      "crossCheck",
    ]);
    expect(report.orientation).toBe("indicator-rows");
    expect(report.measures).toEqual([{ role: "target", year: "2023", tier: "", label: "" }]);
    expect(report.subtotals).toEqual([]);
    expect(report.sheet).toBe("2023年目标分解");
    expect(report.results).toHaveLength(15);
    const notOk = report.results.filter((x: { status: string }) => x.status !== "ok");
    expect(
      notOk.map((x: { indicator: string; status: string; difference: number | null }) => [
        x.indicator,
        x.status,
        x.difference,
      ]),
    ).toEqual([
      ["“浙江制造”标准", "over", 7],
      ["“品字标浙江制造”认证企业", "over", 5],
      ["规上工业单位工业增加值能耗下降", "pending", null],
    ]);
    const over = notOk[0];
    expect(over).toMatchObject({
      row: 13,
      unit: "项",
      kind: "total",
      target: 5,
      allocated: 12,
      cells: ["M13"],
    });
    expect(over.message).toBe("各单位合计 12,超过全市目标 5,超额 7");
    expect(report.summary).toEqual({ ok: 12, over: 2, pending: 1 });
  });

  it("--yearly adds 年度目标 with the derived years", async () => {
    const out = join(tempDir(), "y.xlsx");
    expect(runCli(["load", SEED_001, "-o", out, "--yearly"]).code).toBe(0);
    const { XlsxFile } = await import("../../src/xlsx/readXlsx");
    const file = XlsxFile.open(out);
    expect(file.sheets.map((s) => s.name)).toEqual([
      "指标体系",
      "正文目标",
      "职责分工",
      "2023年目标分解",
      "年度目标",
    ]);
    const grid = await file.readSheet("年度目标");
    const row = grid.rows.find((r) => r[1] === "累计建成国家级绿色工厂")!;
    expect(row.slice(4, 9)).toEqual([1, 2, 2, 3, 3]);
  });

  it("never overwrites an existing file without --force, nor its input", () => {
    const dir = tempDir();
    const out = join(dir, "mine.xlsx");
    writeFileSync(out, "someone's work");
    const r = runCli(["load", SEED_001, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("mine.xlsx: 文件已存在");
    expect(readFileSync(out, "utf8")).toBe("someone's work");
    const before = statSync(SEED_001).mtimeMs;
    expect(runCli(["load", SEED_001, "-o", SEED_001, "--force"]).code).toBe(2);
    expect(statSync(SEED_001).mtimeMs).toBe(before);
  });
});

describe("target-breakdown check exit codes", () => {
  async function workbook(rows: ExcelJS.CellValue[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("分解");
    rows.forEach((r, i) => (ws.getRow(i + 1).values = r));
    const path = join(tempDir(), "town.xlsx");
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    return path;
  }

  it("exits 1 when a 总量型 row falls short, naming sheet, row and cell", async () => {
    const path = await workbook([
      ["指标名称", "甲镇", "乙镇", "全市"],
      ["制造业投资(亿元)", 10, 20, 40],
    ]);
    const r = runCli(["check", path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("工作表“分解”");
    expect(r.stdout).toMatch(/第2行 制造业投资\(亿元\) \[缺口\] 各单位合计 30,低于全市目标 40,缺口 10/);
    const json = JSON.parse(runCli(["check", path, "--json"]).stdout);
    expect(json.results[0]).toMatchObject({
      status: "short",
      severity: "error",
      cells: ["D2"],
      difference: -10,
    });
  });

  it("exits 2 with the file's name when it is missing or unreadable, or has no breakdown", async () => {
    const missing = runCli(["check", "/nonexistent/t.xlsx"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("/nonexistent/t.xlsx: 文件不存在");
    const bad = join(tempDir(), "bad.xlsx");
    writeFileSync(bad, "not a zip");
    const r = runCli(["check", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.xlsx: 不是有效的 .xlsx 文件");
    const none = await workbook([["序号", "重点任务"]]);
    const r2 = runCli(["check", none]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("没有找到目标分解表");
    const r3 = runCli(["check", none, "--sheet", "汇总"]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain("没有名为“汇总”的工作表");
  });

  it("uses a base-weights sheet for 质态型 rows", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("分解").addRows([
      ["指标名称", "甲镇", "乙镇", "全市"],
      ["规上工业增加值增长(%)", 5, 10, 8],
    ]);
    wb.addWorksheet("基数").addRows([
      ["指标名称", "甲镇", "乙镇", "合计"],
      ["规上工业增加值增长", 100, 300, 400],
    ]);
    const path = join(tempDir(), "w.xlsx");
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    // Range only: 8 lies in [5, 10]. Weighted: (100·5 + 300·10)/400 = 8.75, which does not round to 8.
    expect(runCli(["check", path, "--sheet", "分解"]).code).toBe(0);
    const r = runCli(["check", path, "--sheet", "分解", "--weights", "基数", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ status: "out_of_range", allocated: 8.75 });
  });

  it("prints usage and exits 2 on a bad command", () => {
    const r = runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("未知命令");
  });
});
