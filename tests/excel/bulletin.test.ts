// The 亮晒 bulletin written by the Office.js adapter into the strict fake: 2 syncs, the traffic lights, data bars
// and chart as native objects, and colours that follow an edited number (the fake computes the formulas).
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bulletinSheet } from "../../src/core/layout/bulletinSheet";
import type { SheetSpec } from "../../src/core/layout/sheetSpec";
import { progressOf } from "../../src/core/progress/progress";
import { writeSheets } from "../../src/excel/writeSheets";
import { cellDisplay } from "../../src/workbench/fakeExcel/display";
import type { FakeSheet } from "../../src/workbench/fakeExcel/model";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { seedPlan } from "../helpers/workbooks";
import { fakeHost } from "./fixtures";

const MONTHLY = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");
let spec: SheetSpec;
let expected: Map<string, string>;

beforeAll(async () => {
  const breakdown = seedPlan().breakdowns[0];
  const { result, settings } = progressOf(breakdown, await XlsxFile.open(MONTHLY).readAll(), 8);
  spec = bulletinSheet(breakdown, result, settings);
  expected = new Map(result.rows.map((r) => [`${r.unit}|${r.indicator}`, r.status]));
});

/** The row (0-based) of a town in an indicator's block, read from the sheet itself. */
function rowOf(sheet: FakeSheet, unit: string, indicator: string): number {
  let current = "";
  for (let r = spec.table.firstDataRow - 1; r < spec.table.lastRow; r++) {
    const name = cellDisplay(sheet, r, 0).text;
    if (name) current = name;
    if (current.startsWith(indicator) && cellDisplay(sheet, r, 2).text === unit) return r;
  }
  throw new Error(`no line ${unit} · ${indicator}`);
}

const FILL = { red: "#FFC7CE", yellow: "#FFEB9C", green: "#C6EFCE" } as const;

describe("the bulletin in Excel (fake)", () => {
  it("is written in 2 syncs with its lights, bars and chart; every status cell is coloured as the core says", async () => {
    const { host, stats, workbook } = fakeHost();
    stats.reset();
    await writeSheets(host, [spec]);
    expect(stats.syncs).toBe(2);
    const sheet = workbook.getSheet("1-8月亮晒")!;
    expect(sheet.conditionalFormats.map((cf) => cf.type).sort()).toEqual([
      "Custom",
      "Custom",
      "Custom",
      "DataBar",
      "IconSet",
    ]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "ColumnClustered", title: spec.charts![0].title });
    for (const [key, status] of expected) {
      const [unit, indicator] = key.split("|");
      const r = rowOf(sheet, unit, indicator);
      const d = cellDisplay(sheet, r, 12);
      expect([d.text, d.fill], key).toEqual([
        { green: "绿", yellow: "黄", red: "红" }[status],
        FILL[status as "red"],
      ]);
      expect(cellDisplay(sheet, r, 11).icon).toMatchObject({
        style: "ThreeTrafficLights1",
        index: { red: 0, yellow: 1, green: 2 }[status],
        only: true,
      });
    }
    const bar = cellDisplay(sheet, rowOf(sheet, "曹桥街道", "高耗低效整治企业数"), 5).bar;
    expect(bar?.length).toBeCloseTo(0.56, 9);
  });

  it("recolours when a figure changes, and a second write replaces the chart instead of adding one", async () => {
    const { host, stats, workbook } = fakeHost();
    await writeSheets(host, [spec]);
    const sheet = workbook.getSheet("1-8月亮晒")!;
    const r = rowOf(sheet, "曹桥街道", "高耗低效整治企业数");
    expect(cellDisplay(sheet, r, 12).text).toBe("红");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("1-8月亮晒").getRangeByIndexes(r, 3, 1, 1).values = [[17]];
      await context.sync();
    });
    expect([cellDisplay(sheet, r, 12).text, cellDisplay(sheet, r, 12).fill]).toEqual(["绿", FILL.green]);
    stats.reset();
    await writeSheets(host, [spec], { "1-8月亮晒": "replace" });
    expect(stats.syncs).toBe(3); // names; the old chart; everything else
    expect(workbook.getSheet("1-8月亮晒")!.charts).toHaveLength(1);
    expect(cellDisplay(sheet, r, 12).text).toBe("红");
  });
});
