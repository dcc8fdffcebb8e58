// A chart of the in-browser workbook, drawn simply under the grid: clustered columns of the source block's
// numbers (series in its columns, categories in its first column), the title above, a legend below.
import type { FakeChart, FakeSheet } from "./fakeExcel/model";
import { cellDisplay } from "./fakeExcel/display";
import { columnLetter } from "../core/layout/a1";

const SERIES_COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000"];

export function ChartView({ sheet, chart }: { sheet: FakeSheet; chart: FakeChart }) {
  const { r1, c1, r2, c2 } = chart.source;
  const text = (r: number, c: number) => cellDisplay(sheet, r, c).text;
  const number = (r: number, c: number) => {
    const v = cellDisplay(sheet, r, c).value;
    return typeof v === "number" ? v : 0;
  };
  const categories = Array.from({ length: r2 - r1 }, (_, i) => text(r1 + 1 + i, c1));
  const series = Array.from({ length: c2 - c1 }, (_, j) => ({
    name: text(r1, c1 + 1 + j),
    values: categories.map((_, i) => number(r1 + 1 + i, c1 + 1 + j)),
  }));
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values));
  const [width, height, band] = [Math.max(320, categories.length * 60), 180, 60];
  const barWidth = (band - 12) / Math.max(1, series.length);
  const where = chart.position
    ? `${columnLetter(chart.position.c1 + 1)}${chart.position.r1 + 1}:${columnLetter(chart.position.c2 + 1)}${chart.position.r2 + 1}`
    : "";
  return (
    <figure
      data-testid="chart"
      data-chart-type={chart.type}
      data-position={where}
      style={{ margin: "12px 8px" }}
    >
      <figcaption style={{ fontWeight: 600, fontSize: "13px", marginBottom: 4 }}>
        {chart.title || chart.name}
      </figcaption>
      <svg width={width} height={height + 40} role="img" aria-label={chart.title}>
        {categories.map((cat, i) => (
          <g key={cat + i} transform={`translate(${i * band + 6},0)`}>
            {series.map((s, j) => {
              const h = (Math.max(0, s.values[i]) / max) * height;
              return (
                <rect
                  key={j}
                  x={j * barWidth}
                  y={height - h}
                  width={barWidth - 2}
                  height={h}
                  fill={SERIES_COLORS[j % 4]}
                />
              );
            })}
            <text x={(band - 12) / 2} y={height + 14} fontSize="11" textAnchor="middle">
              {cat}
            </text>
          </g>
        ))}
        {series.map((s, j) => (
          <g key={s.name} transform={`translate(${j * 120 + 6},${height + 24})`}>
            <rect width="10" height="10" fill={SERIES_COLORS[j % 4]} />
            <text x="14" y="9" fontSize="11">
              {s.name}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
