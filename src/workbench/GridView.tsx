// A read-mostly view of the in-browser workbook, drawn like a spreadsheet: sheet tabs, column letters, row
// numbers, values (formulas computed), fills and fonts (conditional formats included), merged cells and the
// selection. Clicking a cell selects it, Shift+click the range up to it; clicking a tab activates the sheet, as
// in Excel.
import { useEffect, useReducer } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { columnLetter } from "../core/layout/a1";
import { ChartView } from "./ChartView";
import { cellDisplay } from "./fakeExcel/display";
import type { FakeWorkbook } from "./fakeExcel/model";

/** Large sheets are shown in part; the data is all there for the pane. */
const MAX_ROWS_SHOWN = 300;
const MAX_COLS_SHOWN = 60;
const PT_TO_PX = 4 / 3;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0, background: "#fff" },
  scroller: { flexGrow: 1, overflow: "auto", position: "relative" },
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: "12px",
    fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    background: "#f3f3f3",
    color: "#555",
    fontWeight: 400,
    border: "1px solid #d4d4d4",
    textAlign: "center",
    height: "20px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    background: "#f3f3f3",
    color: "#555",
    border: "1px solid #d4d4d4",
    textAlign: "center",
  },
  cell: {
    border: "1px solid #e4e4e4",
    padding: "0 3px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  selected: { outline: "2px solid #217346", outlineOffset: "-2px" },
  tabs: {
    display: "flex",
    gap: "2px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    background: "#f3f3f3",
    overflowX: "auto",
    flexShrink: 0,
  },
  tab: {
    border: "none",
    background: "transparent",
    padding: "6px 12px",
    cursor: "pointer",
    fontSize: "13px",
    whiteSpace: "nowrap",
    fontFamily: "inherit",
  },
  activeTab: { background: "#fff", color: "#217346", fontWeight: 600, borderBottom: "2px solid #217346" },
  note: { padding: "4px 8px", color: "#777", fontSize: "12px" },
});

const ALIGN = { Left: "left", Center: "center", Right: "right" } as const;
/** Traffic lights, lowest bucket first (red, amber, green), as Excel draws ThreeTrafficLights1. */
const LIGHTS = ["#C00000", "#FFC000", "#00B050"];
const LIGHT_NAMES = ["red", "yellow", "green"];

export function GridView({ workbook }: { workbook: FakeWorkbook }) {
  const s = useStyles();
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => workbook.onChange(() => redraw()), [workbook]);
  const sheet = workbook.activeSheet;
  const visibleSheets = workbook.sheets.filter((x) => x.visibility === "Visible");
  if (!sheet) return <div className={s.root} />;

  const used = sheet.usedRect(false);
  const rows = Math.min(MAX_ROWS_SHOWN, Math.max(30, (used?.r2 ?? 0) + 6));
  const cols = Math.min(MAX_COLS_SHOWN, Math.max(12, (used?.c2 ?? 0) + 3));
  const sel = sheet.selection;
  // Shift+click extends the selection from its first cell to this one, as in Excel.
  const select = (row: number, col: number, extend: boolean) =>
    workbook.update(() => {
      sheet.selection = extend
        ? {
            r1: Math.min(sel.r1, row),
            c1: Math.min(sel.c1, col),
            r2: Math.max(sel.r1, row),
            c2: Math.max(sel.c1, col),
          }
        : { r1: row, c1: col, r2: row, c2: col };
      workbook.touch();
    });

  const body = [];
  for (let r = 0; r < rows; r++) {
    const cells = [];
    for (let c = 0; c < cols; c++) {
      const d = cellDisplay(sheet, r, c);
      if (d.merge === "covered") continue;
      const address = `${columnLetter(c + 1)}${r + 1}`;
      const isSelected = r >= sel.r1 && r <= sel.r2 && c >= sel.c1 && c <= sel.c2;
      const h = d.horizontalAlignment;
      cells.push(
        <td
          key={c}
          data-address={address}
          data-selected={isSelected ? "true" : undefined}
          // The cell's own fill (what 标出问题单元格 sets), apart from conditional formats' colours.
          data-fill={sheet.cell(r, c)?.fill}
          title={d.formula}
          className={isSelected ? `${s.cell} ${s.selected}` : s.cell}
          rowSpan={d.merge ? d.merge.rowSpan : undefined}
          colSpan={d.merge ? d.merge.colSpan : undefined}
          onClick={(e) => select(r, c, e.shiftKey)}
          data-icon={d.icon ? (LIGHT_NAMES[d.icon.index] ?? String(d.icon.index)) : undefined}
          data-bar={d.bar ? d.bar.length.toFixed(3) : undefined}
          style={{
            background: d.bar
              ? `linear-gradient(to right, ${d.bar.color} ${d.bar.length * 100}%, ${d.fill ?? "transparent"} ${d.bar.length * 100}%)`
              : (d.fill ?? undefined),
            color: d.font.color,
            fontWeight: d.font.bold ? 700 : undefined,
            fontSize: `${Math.max(9, d.font.size)}px`,
            textAlign:
              h in ALIGN ? ALIGN[h as keyof typeof ALIGN] : typeof d.value === "number" ? "right" : "left",
            whiteSpace: d.wrapText ? "normal" : undefined,
            verticalAlign:
              d.verticalAlignment === "Top" ? "top" : d.verticalAlignment === "Bottom" ? "bottom" : "middle",
          }}
        >
          {d.icon && <span style={{ color: LIGHTS[d.icon.index] ?? "#808080" }}>●</span>}
          {d.icon?.only || d.bar?.only ? null : d.text}
        </td>,
      );
    }
    body.push(
      <tr key={r} style={{ height: `${sheet.rowHeight(r) * PT_TO_PX}px` }}>
        <th className={s.rowHead}>{r + 1}</th>
        {cells}
      </tr>,
    );
  }

  return (
    <div className={s.root} data-testid="grid">
      <div className={s.scroller}>
        <table className={s.table}>
          <colgroup>
            <col style={{ width: "40px" }} />
            {Array.from({ length: cols }, (_, c) => (
              <col key={c} style={{ width: `${Math.round(sheet.columnWidth(c) * PT_TO_PX)}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={s.head} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={s.head}>
                  {columnLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
        {sheet.charts.map((chart) => (
          <ChartView key={chart.id} sheet={sheet} chart={chart} />
        ))}
        {used && (used.r2 >= rows || used.c2 >= cols) && (
          <div className={s.note}>
            仅显示前 {rows} 行 × {cols} 列(共 {used.r2 + 1} 行 × {used.c2 + 1} 列)
          </div>
        )}
      </div>
      <div className={s.tabs} role="tablist">
        {visibleSheets.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            aria-selected={x === sheet}
            data-testid="sheet-tab"
            className={x === sheet ? `${s.tab} ${s.activeTab}` : s.tab}
            onClick={() =>
              workbook.update(() => {
                workbook.activeSheetId = x.id;
                workbook.touch();
              })
            }
          >
            {x.name}
          </button>
        ))}
      </div>
    </div>
  );
}
