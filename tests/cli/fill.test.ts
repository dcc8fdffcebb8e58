// `target-breakdown fill`: the bundled templates and a user-made .xlsx template, run as a user runs them.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptySpec } from "../../src/core/layout/sheetSpec";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

describe("target-breakdown fill", () => {
  it("default:职责分工 --by department --json: 市经信局 leads 5, 7, 12 and supports 2, 3, 14", () => {
    const r = runCli(["fill", "default:职责分工", SEED_001, "--by", "department", "--json"]);
    expect(r.code).toBe(0);
    const { outputs } = JSON.parse(r.stdout);
    const jxj = outputs.find((o: { unit: string }) => o.unit === "市经信局");
    expect(Object.keys(jxj)).toEqual([
      "unit",
      "sheet",
      "file",
      "tasksLed",
      "tasksSupported",
      "indicators",
      "targets",
      "findings",
    ]);
    expect(jxj.tasksLed).toEqual(expect.arrayContaining([5, 7, 12]));
    expect(jxj.tasksSupported).toEqual(expect.arrayContaining([2, 3, 14]));
    expect(jxj.targets["规上工业亩均税收"]).toMatchObject({ value: 35, status: "number" });
  });

  it("default:目标责任书 --by town -o writes one sheet per town", async () => {
    const out = join(tempDir(), "letters.xlsx");
    const r = runCli(["fill", "default:目标责任书", SEED_001, "--by", "town", "-o", out]);
    expect(r.code).toBe(0);
    const file = XlsxFile.open(out);
    expect(file.sheets.map((s) => s.name)).toEqual([
      "当湖街道",
      "经开区",
      "曹桥街道",
      "新埭镇",
      "新仓镇",
      "独山港区",
      "广陈镇",
      "林埭镇",
    ]);
    const kfq = await file.readSheet("经开区");
    expect(kfq.rows.find((row) => row[1] === "制造业投资")?.slice(2, 4)).toEqual(["亿元", 41]);
  });

  it("-d writes one file per town, and --json lists names to review", async () => {
    const dir = join(tempDir(), "letters");
    const r = runCli(["fill", "default:目标责任书", SEED_001, "--by", "town", "-d", dir, "--json"]);
    expect(r.code).toBe(0);
    const { outputs } = JSON.parse(r.stdout);
    expect(outputs[1].file).toBe(join(dir, "经开区.xlsx"));
    expect(XlsxFile.open(join(dir, "经开区.xlsx")).sheets.map((s) => s.name)).toEqual(["经开区"]);
    expect(runCli(["fill", "default:目标责任书", SEED_001, "--by", "town", "-d", dir]).code).toBe(2);
    const d = runCli(["fill", "default:职责分工", SEED_001, "--json"]);
    expect(JSON.parse(d.stdout).review).toContainEqual(["市金融发展服务中心", "市金融办"]);
    expect(d.stderr).toContain("请核对:“市金融发展服务中心”与“市金融办”是否为同一单位");
  });

  it("fills a user-made .xlsx template, and names the valid placeholders when one is unknown", async () => {
    const dir = tempDir();
    const spec = {
      ...emptySpec("我的模板"),
      rows: [["{{单位}} 指标清单"], ["{{#指标}}{{指标名称}}", "{{目标值}}{{/指标}}"]],
    };
    const good = join(dir, "good.xlsx");
    writeFileSync(good, Buffer.from(await (await renderWorkbook([spec])).xlsx.writeBuffer()));
    const r = runCli(["fill", good, SEED_001, "--by", "town", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outputs[1]).toMatchObject({ unit: "经开区", findings: [] });
    // The template is an input: -o never writes over it, not even with --force.
    const before = readFileSync(good);
    const over = runCli(["fill", good, SEED_001, "--by", "town", "-o", good, "--force"]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("不能覆盖输入文件");
    expect(readFileSync(good).equals(before)).toBe(true);
    const bad = join(dir, "bad.xlsx");
    writeFileSync(
      bad,
      Buffer.from(await (await renderWorkbook([{ ...spec, rows: [["{{部门名称}}"]] }])).xlsx.writeBuffer()),
    );
    const e = runCli(["fill", bad, SEED_001, "--by", "town", "--json"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/bad\.xlsx: A1:未知的占位符 \{\{部门名称\}\}\(可用:单位、方案、年份/);
  });
});
