// `target-breakdown issue`: one 填报 workbook per town, from a plan document or a plan workbook.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MARKER_SHEET, readMarker } from "../../src/core/submissions/marker";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { seedPlan, tempDir, writePlanXlsx } from "../helpers/workbooks";

const TOWNS = ["当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇"];
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function targetsOf(path: string): Promise<unknown[]> {
  const grid = await XlsxFile.open(path).readSheet("填报");
  return grid.rows.slice(3).map((r) => r[4]);
}

describe("target-breakdown issue", () => {
  const dir = join(tempDir(), "模板");
  const r = runCli(["issue", SEED_001, "-o", dir]);

  it("writes one workbook per town into a new folder and lists them", () => {
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(TOWNS.map((t) => `2023年${t}目标任务填报.xlsx`).sort());
    expect(r.stdout.trim().split("\n")).toHaveLength(8);
    expect(r.stderr).toContain("已为 8 个单位写出 2023年填报模板(15 项指标)");
  });

  it("gives each town its own targets and a marker naming it", async () => {
    const path = join(dir, "2023年独山港区目标任务填报.xlsx");
    const file = XlsxFile.open(path);
    expect(file.sheets.map((s) => s.name)).toEqual(["填报", MARKER_SHEET]);
    expect(readMarker(await file.readSheet(MARKER_SHEET))?.unit).toBe("独山港区");
    const targets = await targetsOf(path);
    expect(targets.slice(0, 3)).toEqual([8, 40.5, 37]);
    expect(targets[14]).toBe("待嘉兴市发改委确定后另行下达");
  });

  it("never overwrites issued templates without --force, and writes nothing then", () => {
    const path = join(dir, "2023年经开区目标任务填报.xlsx");
    writeFileSync(path, readFileSync(path)); // unchanged bytes, a new mtime
    const before = sha(path);
    const again = runCli(["issue", SEED_001, "-o", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("文件已存在");
    expect(sha(path)).toBe(before);
    expect(runCli(["issue", SEED_001, "-o", dir, "--force"]).code).toBe(0);
  });

  it("reads the breakdown from a plan workbook the same as from the document", async () => {
    const plan = await writePlanXlsx(seedPlan());
    const out = join(tempDir(), "from-xlsx");
    const x = runCli(["issue", plan, "-o", out, "--sheet", "2023年目标分解"]);
    expect(x.code).toBe(0);
    for (const town of TOWNS) {
      const name = `2023年${town}目标任务填报.xlsx`;
      expect(await targetsOf(join(out, name))).toEqual(await targetsOf(join(dir, name)));
    }
  });

  it("exits 2 on a workbook without a breakdown, an unknown sheet, and a missing -o", async () => {
    const plan = await writePlanXlsx(seedPlan());
    const bad = runCli(["issue", plan, "-o", tempDir(), "--sheet", "指标体系"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("没有找到目标分解表");
    const unknown = runCli(["issue", plan, "-o", tempDir(), "--sheet", "不存在"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("没有名为“不存在”的工作表");
    expect(runCli(["issue", SEED_001]).code).toBe(2);
  });
});
