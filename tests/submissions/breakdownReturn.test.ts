// Returns that are not the issued 填报 but the town's own breakdown-shaped table, in either orientation: the town's
// figures are read through the table model (its row when towns are rows, its column otherwise), every finding
// naming its cell, and collect consolidates them like any other return.
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Grid, GridValue } from "../../src/core/grid";
import { validateReturn } from "../../src/core/submissions/validateReturn";
import { runCli } from "../helpers/cli";
import { tempDir, writePlanXlsx, seedPlan } from "../helpers/workbooks";
import { seedBreakdown, TOWNS } from "./fixtures";

const breakdown = seedBreakdown();
const issued = { breakdown, towns: TOWNS };
const names = breakdown.rows.map((r) => (r.unit ? `${r.name}(${r.unit})` : r.name));
/** The town's issued targets as it would type them back: numbers, else the words of the cell. */
const figures = (town: string): GridValue[] =>
  breakdown.rows.map((r) =>
    r.values[town].status === "number" ? r.values[town].value : r.values[town].text,
  );

/** Towns as rows: the header with the indicators, then the town's one row. */
function townsAsRows(town: string): Grid {
  return { name: "Sheet1", rows: [[`2023年${town}目标`], ["镇(街道)", ...names], [town, ...figures(town)]] };
}

/** Indicators as rows, the town's one column. */
function oneColumn(town: string): Grid {
  const values = figures(town);
  return { name: "报表", rows: [["指标名称", town], ...names.map((n, i) => [n, values[i]])] };
}

describe("a return in the town's own breakdown layout", () => {
  it("towns as rows: the town's row read, a warning that it is not the template", () => {
    const r = validateReturn([townsAsRows("新埭镇")], issued, "新埭.xlsx");
    expect(r.unit).toBe("新埭镇");
    expect(r.matchedBy).toBe("content");
    expect(r.sheet).toBe("Sheet1");
    expect(r.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(["warning:other_layout"]);
    expect(r.values.get("制造业投资")?.value).toBe(breakdown.rows[1].values["新埭镇"].value);
    expect(r.values.size).toBe(15);
  });

  it("indicators as rows with the town's column; a figure typed as text names its cell", () => {
    const g = oneColumn("经开区");
    g.rows[2][1] = "４１"; // 制造业投资, full-width
    const r = validateReturn([g], issued, "x.xlsx");
    expect(r.unit).toBe("经开区");
    expect(r.findings.map((f) => `${f.severity}:${f.code}@${f.cell}`)).toEqual([
      "warning:other_layout@",
      "warning:text_number@B3",
    ]);
    expect(r.values.get("制造业投资")?.value).toBe(41);
  });

  it("a missing indicator and a blank figure are reported; the whole breakdown is never taken for one town", () => {
    const g = townsAsRows("新仓镇");
    g.rows[1].pop(); // the last indicator's column is gone
    g.rows[2].pop();
    g.rows[2][2] = null; // 制造业投资 blank
    const r = validateReturn([g], issued, "新仓.xlsx");
    expect(r.findings.map((f) => `${f.severity}:${f.code}@${f.cell}`)).toEqual([
      "warning:other_layout@",
      "error:blank@C3",
      "error:row_missing@",
    ]);
    // Every town in one table names none of them in particular: without a title or file name, nothing is read.
    const all: Grid = {
      name: "全表",
      rows: [["镇(街道)", ...names], ...TOWNS.map((t) => [t, ...figures(t)])],
    };
    expect(validateReturn([all], issued, "x.xlsx").unit).toBeNull();
  });

  it("collect consolidates it with the others", async () => {
    const dir = tempDir();
    const plan = await writePlanXlsx(seedPlan(), dir);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    townsAsRows("新埭镇").rows.forEach((row) => ws.addRow(row));
    const returned = join(dir, "新埭镇.xlsx");
    writeFileSync(returned, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = runCli(["collect", plan, returned, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const file = json.submissions.find((s: { unit: string }) => s.unit === "新埭镇");
    expect(file.findings.map((f: { code: string }) => f.code)).toEqual(["other_layout"]);
  });
});
