// The parts of a SheetSpec that draw from numbers: traffic-light icon sets, data bars (ExcelApi 1.6) and native
// charts (ExcelApi 1.1), queued with the rest of a sheet's formatting (no sync here).
import type { SheetSpec } from "../core/layout/sheetSpec";

export function queueIconsBarsCharts(ws: Excel.Worksheet, spec: SheetSpec): void {
  for (const icons of spec.iconSets ?? []) {
    const cf = ws
      .getRange(icons.ref)
      .conditionalFormats.add("IconSet" as Excel.ConditionalFormatType.iconSet);
    cf.iconSet.style = "ThreeTrafficLights1" as Excel.IconSet.threeTrafficLights1;
    cf.iconSet.showIconOnly = true;
    const atLeast = (n: number): Excel.ConditionalIconCriterion => ({
      type: "Number" as Excel.ConditionalFormatIconRuleType.number,
      operator: "GreaterThanOrEqual" as Excel.ConditionalIconCriterionOperator.greaterThanOrEqual,
      formula: `=${n}`,
    });
    // The first criterion stands for "below the others" and takes no threshold (as in Excel's own samples).
    cf.iconSet.criteria = [
      {} as Excel.ConditionalIconCriterion,
      atLeast(icons.yellowFrom),
      atLeast(icons.greenFrom),
    ];
  }
  for (const bar of spec.dataBars ?? []) {
    const cf = ws.getRange(bar.ref).conditionalFormats.add("DataBar" as Excel.ConditionalFormatType.dataBar);
    const rule = (n: number) => ({
      type: "Number" as Excel.ConditionalFormatRuleType.number,
      formula: String(n),
    });
    cf.dataBar.lowerBoundRule = rule(bar.min);
    cf.dataBar.upperBoundRule = rule(bar.max);
    cf.dataBar.positiveFormat.fillColor = bar.color;
    cf.dataBar.positiveFormat.gradientFill = false;
  }
  for (const chart of spec.charts ?? []) {
    const c = ws.charts.add(
      "ColumnClustered" as Excel.ChartType.columnClustered,
      ws.getRange(chart.source),
      "Columns" as Excel.ChartSeriesBy.columns,
    );
    c.title.text = chart.title;
    const [start, end] = chart.position.split(":");
    c.setPosition(start, end);
  }
}

/** A replaced sheet's old charts (clearing cells leaves them): load them now, delete them after the next sync. */
export function loadChartsToReplace(ws: Excel.Worksheet, spec: SheetSpec): Excel.ChartCollection | null {
  if (!spec.charts?.length) return null;
  const charts = ws.charts;
  charts.load("items/name");
  return charts;
}
