// Actuals in the other orientation: a month sheet with towns as rows and indicators as columns (as many statistics
// systems export) gives exactly the readings of the same figures laid out with indicators as rows.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Grid, GridValue } from "../../src/core/grid";
import { readActuals } from "../../src/core/progress/actuals";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { seedPlan } from "../helpers/workbooks";
// @ts-expect-error: a plain .mjs script (run with node to rewrite the fixtures)
import { FIXTURES } from "./actualsFixture.mjs";

/** The sheet's table turned over: its header row becomes the first column, each indicator row a column. */
function transpose(grid: Grid, headerRow: number): Grid {
  const table = grid.rows.slice(headerRow).filter((r) => r.some((v) => v !== null && v !== ""));
  const width = Math.max(...table.map((r) => r.length));
  const rows: GridValue[][] = [...grid.rows.slice(0, headerRow)];
  for (let c = 0; c < width; c++) rows.push(table.map((r) => r[c] ?? null));
  // The corner names the unit axis now.
  rows[headerRow][0] = "镇(街道)";
  return { name: grid.name, rows };
}

describe("month sheets with towns as rows", () => {
  it("read the same cumulative figures as the indicators-as-rows month sheets", async () => {
    const breakdown = seedPlan().breakdowns[0];
    const grids = await XlsxFile.open(join(__dirname, "fixtures", FIXTURES.monthly)).readAll();
    const month = grids.find((g) => g.name === "1-8月")!;
    const headerRow = month.rows.findIndex((r) => r.some((v) => v === "指标名称"));
    const indicatorCol = month.rows[headerRow].indexOf("指标名称");
    // Keep only the indicator column and the unit columns: the transposed sheet is one value per town × indicator.
    const keep = month.rows[headerRow].flatMap((h, c) =>
      c === indicatorCol || breakdown.units.includes(String(h)) ? [c] : [],
    );
    const plain: Grid = { name: "1-8月", rows: month.rows.map((r) => keep.map((c) => r[c] ?? null)) };
    const turned = transpose(plain, headerRow);
    const values = (g: Grid) => {
      const a = readActuals([g], breakdown);
      const out: [string, string, number | null][] = [];
      for (const [ind, byUnit] of a.readings)
        for (const [unit, byMonth] of byUnit) out.push([ind, unit, byMonth.get(8)?.value ?? null]);
      return out.sort((x, y) => (x[0] + x[1]).localeCompare(y[0] + y[1]));
    };
    const expected = values(plain);
    expect(expected.length).toBeGreaterThan(100);
    expect(values(turned)).toEqual(expected);
  });
});
