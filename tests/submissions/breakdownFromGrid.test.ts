// A Breakdown read back from a breakdown sheet equals the one parsed from the document it was written from.
import { describe, expect, it } from "vitest";
import { breakdownSheet } from "../../src/core/layout/breakdownSheet";
import { breakdownFromGrid } from "../../src/core/submissions/breakdownFromGrid";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { annex3Grid } from "../helpers/breakdownGrid";
import { seedPlan, writePlanXlsx } from "../helpers/workbooks";
import { seedBreakdown } from "./fixtures";

describe("breakdownFromGrid", () => {
  const parsed = seedBreakdown();

  it("reads the sheet `load` writes back into the parsed breakdown", async () => {
    const path = await writePlanXlsx(seedPlan());
    const grid = await XlsxFile.open(path).readSheet("2023年目标分解");
    const read = breakdownFromGrid(grid)!;
    expect(read.title).toBe(parsed.title);
    expect(read.year).toBe("2023");
    expect(read.units).toEqual(parsed.units);
    expect(read.totalColumn).toBe("全市");
    expect(read.rows.map((r) => [r.no, r.name, r.unit, r.kind, r.dept])).toEqual(
      parsed.rows.map((r) => [r.no, r.name, r.unit, r.kind, r.dept]),
    );
    for (const [i, row] of read.rows.entries()) {
      const want = parsed.rows[i];
      expect(row.total.value).toBe(want.total.value);
      for (const town of parsed.units) {
        expect(row.values[town].status).toBe(want.values[town].status);
        expect(row.values[town].value).toBe(want.values[town].value);
      }
    }
    expect(read.rows[14].values["经开区"].text).toBe("待嘉兴市发改委确定后另行下达");
  });

  it("reads the document's own table (附件3 as a grid), title and year from the heading", () => {
    const read = breakdownFromGrid(annex3Grid())!;
    expect(read.year).toBe("2023");
    expect(read.title).toBe("2023年平湖市先进制造业集群培育工程镇(街道)目标任务分解");
    expect(read.rows).toHaveLength(15);
    expect(read.rows[8].values["当湖街道"]).toMatchObject({ status: "none", value: null });
  });

  it("is null on a sheet without a town breakdown", () => {
    const spec = breakdownSheet(parsed);
    expect(
      breakdownFromGrid({
        name: "x",
        rows: [
          ["指标名称", "说明"],
          ["a", "b"],
        ],
      }),
    ).toBeNull();
    expect(spec.name).toBe("2023年目标分解");
  });
});
