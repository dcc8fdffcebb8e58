// Worksheet.charts (ExcelApi 1.1), modelled minimally: add(type, sourceData, seriesBy), a chart's name, its title
// text and setPosition(start, end). What a chart draws is left to the workbench grid.
import { ClientObject, CollectionObject, defineSchema } from "../clientObject";
import { invalidArgument, itemNotFound } from "../errors";
import type { FakeChart, FakeSheet } from "../model";
import { checkOneOf, type RangeTarget } from "../rangeOps";
import { rectOnSheet } from "./worksheet";

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "Line",
  "LineMarkers",
  "Pie",
  "Area",
  "XYScatter",
] as const;
const SERIES_BY = ["Auto", "Columns", "Rows"] as const;
let nextChartId = 1;

export class ChartCollectionProxy extends CollectionObject<FakeSheet, ChartProxy> {
  protected _members(sheet: FakeSheet): ChartProxy[] {
    return sheet.charts.map((chart) => {
      const target = { sheet, chart };
      const p = new ChartProxy(this.context, this, { type: "Item", name: chart.name }, () => target);
      p._bind(target);
      return p;
    });
  }

  /** A new chart of `type` over `sourceData` (a Range of this workbook), placed by setPosition later. */
  add(type: string, sourceData: ClientObject<RangeTarget>, seriesBy: string = "Auto"): ChartProxy {
    const chart = new ChartProxy(
      this.context,
      this,
      { type: "Method", name: "add", args: [type, sourceData, seriesBy] },
      () => {
        throw itemNotFound("The chart was not added: its add() failed.");
      },
    );
    this.context._enqueue({
      object: this,
      type: "Instantiate",
      name: "add",
      args: [type, seriesBy],
      run: () => {
        const sheet = this._target();
        const kind = checkOneOf(type, CHART_TYPES, "charts.add type");
        const by = checkOneOf(seriesBy, SERIES_BY, "charts.add seriesBy");
        if (!(sourceData instanceof ClientObject) || sourceData.context !== this.context)
          throw invalidArgument("charts.add: sourceData must be a Range of this Excel.run.");
        const source = sourceData._target();
        const made: FakeChart = {
          id: nextChartId++,
          name: `Chart ${sheet.charts.length + 1}`,
          type: kind,
          source: { ...source.rect },
          seriesBy: by,
          title: "",
          position: null,
        };
        sheet.charts.push(made);
        chart._bind({ sheet, chart: made });
      },
    });
    return chart;
  }
}
defineSchema(ChartCollectionProxy, {
  typeName: "ChartCollection",
  scalars: { count: { get: (s) => s.charts.length } },
  navigations: [],
});

export class ChartProxy extends ClientObject<ChartTarget> {
  protected override _checkLive(t: ChartTarget): void {
    if (!t.sheet.workbook.isLive(t.sheet) || !t.sheet.charts.includes(t.chart))
      throw itemNotFound("The chart no longer exists.");
  }

  get title(): ChartTitleProxy {
    return this._child(
      "title",
      () =>
        new ChartTitleProxy(this.context, this, { type: "Property", name: "title" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  /** Places the chart over the cells from `startCell` to `endCell` (A1 addresses on its sheet). */
  setPosition(startCell: string, endCell?: string): void {
    this._call("setPosition", [startCell, endCell], () => {
      const { sheet, chart } = this._target();
      const a = rectOnSheet(sheet, startCell);
      const b = endCell === undefined ? a : rectOnSheet(sheet, endCell);
      chart.position = { r1: a.r1, c1: a.c1, r2: Math.max(a.r1, b.r2), c2: Math.max(a.c1, b.c2) };
    });
  }

  delete(): void {
    this._call("delete", [], () => {
      const { sheet, chart } = this._target();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}
defineSchema(ChartProxy, {
  typeName: "Chart",
  scalars: {
    name: {
      get: (t) => t.chart.name,
      set: (t, v) => {
        if (typeof v !== "string" || v.trim() === "")
          throw invalidArgument("chart.name must be a non-empty string.");
        t.chart.name = v;
      },
    },
    chartType: { get: (t) => t.chart.type },
  },
  navigations: ["title"],
});

export class ChartTitleProxy extends ClientObject<ChartTarget> {}
defineSchema(ChartTitleProxy, {
  typeName: "ChartTitle",
  scalars: {
    text: {
      get: (t) => t.chart.title,
      set: (t, v) => {
        if (typeof v !== "string") throw invalidArgument("chart.title.text must be a string.");
        t.chart.title = v;
      },
    },
  },
  navigations: [],
});
