// Icon sets, data bars and charts in the fake Office.js: what the adapter sets is checked as Excel checks it, and
// what a cell shows follows its number.
import { describe, expect, it } from "vitest";
import { rejection } from "../helpers/rejection";
import { createFakeExcel } from "../../src/workbench/fakeExcel";
import { cellDisplay } from "../../src/workbench/fakeExcel/display";

const lights = (formula1: string, formula2: string) => [
  {},
  { type: "Number", operator: "GreaterThanOrEqual", formula: formula1 },
  { type: "Number", operator: "GreaterThanOrEqual", formula: formula2 },
];

describe("icon sets and data bars", () => {
  it("draw from each cell's number: the bucket it reaches, the bar's share between the bounds", async () => {
    const fake = createFakeExcel(undefined, { sheets: ["S"] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:A4").values = [[1], [2], [3], ["x"]];
      ws.getRange("B1:B3").values = [[0.25], [1.5], [-1]];
      const icons = ws
        .getRange("A1:A4")
        .conditionalFormats.add("IconSet" as Excel.ConditionalFormatType.iconSet);
      icons.iconSet.style = "ThreeTrafficLights1" as Excel.IconSet.threeTrafficLights1;
      icons.iconSet.showIconOnly = true;
      icons.iconSet.criteria = lights("=2", "=3") as Excel.ConditionalIconCriterion[];
      const bar = ws
        .getRange("B1:B3")
        .conditionalFormats.add("DataBar" as Excel.ConditionalFormatType.dataBar);
      bar.dataBar.lowerBoundRule = { type: "Number", formula: "0" } as Excel.ConditionalDataBarRule;
      bar.dataBar.upperBoundRule = { type: "Number", formula: "1" } as Excel.ConditionalDataBarRule;
      bar.dataBar.positiveFormat.fillColor = "#5B9BD5";
      await context.sync();
    });
    const s = fake.workbook.getSheet("S")!;
    expect([0, 1, 2].map((r) => cellDisplay(s, r, 0).icon?.index)).toEqual([0, 1, 2]);
    expect(cellDisplay(s, 3, 0).icon).toBeUndefined(); // text: no icon
    expect([0, 1, 2].map((r) => cellDisplay(s, r, 1).bar?.length)).toEqual([0.25, 1, 0]);
    expect(cellDisplay(s, 0, 1).bar?.color).toBe("#5B9BD5");
  });

  it("refuses an unknown style, a malformed criterion, and iconSet on a rule of another type", async () => {
    const fake = createFakeExcel(undefined, { sheets: ["S"] });
    const attempt = (f: (ws: Excel.Worksheet) => void) =>
      rejection(
        fake.run(async (context) => {
          f(context.workbook.worksheets.getItem("S"));
          await context.sync();
        }),
      );
    const add = (ws: Excel.Worksheet, type: string) =>
      ws.getRange("A1").conditionalFormats.add(type as Excel.ConditionalFormatType.iconSet);
    expect((await attempt((ws) => (add(ws, "IconSet").iconSet.style = "TrafficLights" as never))).code).toBe(
      "InvalidArgument",
    );
    expect(
      (await attempt((ws) => (add(ws, "IconSet").iconSet.criteria = [{}, { type: "Number" }] as never))).code,
    ).toBe("InvalidArgument");
    expect((await attempt((ws) => (add(ws, "Custom").iconSet.showIconOnly = true))).code).toBe(
      "InvalidArgument",
    );
    expect((await attempt((ws) => add(ws, "ColorScale"))).code).toBe("NotImplemented");
  });
});

describe("charts", () => {
  it("are added over a source range, titled and placed; deleting one removes it", async () => {
    const fake = createFakeExcel(undefined, { sheets: ["S"] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:C3").values = [
        ["镇", "完成率", "序时"],
        ["甲", 0.7, 0.66],
        ["乙", 0.5, 0.66],
      ];
      const c = ws.charts.add("ColumnClustered" as Excel.ChartType, ws.getRange("A1:C3"), "Columns" as never);
      c.title.text = "完成率与序时进度";
      c.setPosition("E2", "L15");
      await context.sync();
    });
    const s = fake.workbook.getSheet("S")!;
    expect(s.charts).toEqual([
      expect.objectContaining({
        type: "ColumnClustered",
        title: "完成率与序时进度",
        source: { r1: 0, c1: 0, r2: 2, c2: 2 },
        position: { r1: 1, c1: 4, r2: 14, c2: 11 },
      }),
    ]);
    const bad = await rejection(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        ws.charts.add("Doughnut3D" as Excel.ChartType, ws.getRange("A1:C3"));
        await context.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
    await fake.run(async (context) => {
      const charts = context.workbook.worksheets.getItem("S").charts;
      charts.load("items/name");
      await context.sync();
      charts.items[0].delete();
      await context.sync();
    });
    expect(s.charts).toEqual([]);
  });
});
