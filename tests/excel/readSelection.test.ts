// 载入指标 → 使用选定区域 through the adapter: the selection's values and merges in 1 sync, on the strict fake.
import { describe, expect, it } from "vitest";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { planFromGrids } from "../../src/core/parse/sheetTables";
import { readSelection } from "../../src/excel/readSelection";
import { selectCells } from "../../src/excel/selectCells";
import { writeSheets } from "../../src/excel/writeSheets";
import { seedPlan } from "../helpers/workbooks";
import { fakeHost } from "./fixtures";

async function withPlan(apiVersion = "1.13") {
  const ctx = fakeHost({ apiVersion });
  await writeSheets(ctx.host, planWorkbook(seedPlan()));
  return ctx;
}

describe("reading the selected range", () => {
  it("gives the selected indicator table with its merged 一级指标, in 1 sync, and loads the 17 indicators", async () => {
    const { host, stats } = await withPlan();
    // The table without its title rows: header on row 3 of the sheet.
    await selectCells(host, "指标体系", "A3:K20");
    stats.reset();
    const read = await readSelection(host);
    expect(stats.syncs).toBe(1);
    expect(read.address).toBe("A3:K20");
    expect(read.grid.name).toBe("指标体系");
    expect(read.grid.rows[0][2]).toBe("二级指标");
    // The category 发展质效 covers sheet rows 4–9: rows 2–7 of the selection.
    expect(read.grid.merges).toContain("B2:B7");
    const plan = planFromGrids([read.grid]);
    const text = seedPlan();
    expect(plan.indicators.map((i) => [i.category, i.name, i.unit, i.lead])).toEqual(
      text.indicators.map((i) => [i.category, i.name, i.unit, i.lead]),
    );
    expect(plan.indicators.map((i) => [i.targets["2027"].value, i.targets["2027"].op])).toEqual(
      text.indicators.map((i) => [i.targets["2027"].value, i.targets["2027"].op]),
    );
    // "50%以上" is written as 50 shown "50以上" by its number format: read as shown, the floor is kept.
    expect(plan.indicators[0].targets["2023"]).toMatchObject({ value: 50, op: ">=" });
  });

  it("without ExcelApi 1.13 reads the values alone and says merges are not read", async () => {
    const { host } = await withPlan("1.7");
    await selectCells(host, "职责分工", "A3:E80");
    const read = await readSelection(host);
    expect(read.grid.merges).toEqual([]);
    expect(read.warnings[0]).toContain("ExcelApi 1.13");
  });

  it("asks for the whole table when one cell is selected", async () => {
    const { host } = await withPlan();
    await selectCells(host, "指标体系", "C5");
    await expect(readSelection(host)).rejects.toThrow(/请先选定整张表格/);
  });
});
