// `load --layout towns-as-rows`: the breakdown written with towns as rows through the same SheetSpec renderers,
// read back by the table model with the verdicts of the usual layout, and its formulas recalculated by LibreOffice
// to the engine's words.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { STATUS_LABEL } from "../../src/core/check/status";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { breakdownFromGrid } from "../../src/core/submissions/breakdownFromGrid";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";
import { runCli } from "../helpers/cli";
import { sofficeCsvSheets } from "../helpers/libreoffice";
import { seedPlan, tempDir, writePlanXlsx } from "../helpers/workbooks";

async function writeTownsAsRows(): Promise<string> {
  const wb = await renderWorkbook(planWorkbook(seedPlan(), [], "towns-as-rows"));
  const path = join(tempDir(), "rows.xlsx");
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

const verdicts = (path: string) =>
  XlsxFile.open(path)
    .readAll()
    .then((grids) => checkWorkbook(grids)[0])
    .then((r) => r.results.map((x) => [x.indicator, x.unit, x.kind, x.status, x.target, x.difference]));

describe("the breakdown with towns as rows", async () => {
  const path = await writeTownsAsRows();

  it("is read back with the same verdicts as the indicators-as-rows sheet", async () => {
    const rows = await verdicts(path);
    expect(rows).toEqual(await verdicts(await writePlanXlsx(seedPlan())));
    expect(rows).toHaveLength(15);
    const [report] = checkWorkbook(await XlsxFile.open(path).readAll());
    expect(report.orientation).toBe("unit-rows");
    expect(report.summary).toEqual({ ok: 12, over: 2, pending: 1 });
  });

  it("gives collect and issue the same breakdown as the usual layout", async () => {
    const grid = await XlsxFile.open(path).readSheet("2023年目标分解");
    const b = breakdownFromGrid(grid)!;
    const plan = seedPlan().breakdowns[0];
    expect(b.units).toEqual(plan.units);
    expect(b.rows.map((r) => [r.name, r.total.value])).toEqual(plan.rows.map((r) => [r.name, r.total.value]));
  });

  it("has live 分解合计 / 差额 / 校验 rows that LibreOffice recalculates to the engine's words", async () => {
    const rows = sofficeCsvSheets(path).get("2023年目标分解")!;
    const label = (l: string) => rows.find((r) => r[1] === l)!;
    const [report] = checkWorkbook(await XlsxFile.open(path).readAll());
    report.results.forEach((r, i) => expect(label("校验")[2 + i]).toBe(STATUS_LABEL[r.status]));
    expect(Number(label("分解合计")[3])).toBe(118); // 制造业投资
    expect(Number(label("差额")[11])).toBe(7); // “浙江制造”标准
  });

  it("is what `load -o --layout towns-as-rows` writes", async () => {
    const out = join(tempDir(), "p.xlsx");
    const r = runCli(["load", "seeds/001_86af085e02e72586.txt", "-o", out, "--layout", "towns-as-rows"]);
    expect(r.code).toBe(0);
    expect(await verdicts(out)).toEqual(await verdicts(path));
    const bad = runCli(["load", "seeds/001_86af085e02e72586.txt", "-o", out, "--layout", "diagonal"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--layout 应为 indicators-as-rows 或 towns-as-rows");
  });

  it("fills the 目标责任书 of each town with the same targets as from the usual layout", async () => {
    const targets = (plan: string) => {
      const r = runCli(["fill", "default:目标责任书", plan, "--by", "town", "--json"]);
      expect(r.code).toBe(0);
      const { outputs } = JSON.parse(r.stdout);
      return outputs.map((o: { unit: string; targets: unknown }) => [o.unit, o.targets]);
    };
    const rows = targets(path);
    expect(rows).toHaveLength(8);
    expect(rows).toEqual(targets(await writePlanXlsx(seedPlan())));
  });
});
