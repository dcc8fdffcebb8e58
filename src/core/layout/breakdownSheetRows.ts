// The town breakdown laid out with towns as rows (for bureaus whose sheets read that way, and for tables with many
// indicators and few towns): 序号 | 镇(街道) | <indicator (unit)>…, one row per town, then the total row and three
// rows computed by live formulas — 分解合计, 差额, 校验 — with the same verdict words as the check engine. The
// reader (src/core/table) takes this sheet back exactly like the indicators-as-rows layout.
import type { Breakdown } from "../model";
import { STATUS_LABEL as L } from "../check/status";
import { isCountUnit } from "../units";
import { columnLetter } from "./a1";
import { checkFormulas, COMPUTED_HEADERS } from "./breakdownSheet";
import { SheetBuilder } from "./builder";
import {
  BODY_STYLE,
  CENTER,
  ERROR_FILL,
  ERROR_FONT,
  HEADER_STYLE,
  NOTE_STYLE,
  numberFormat,
  TITLE_STYLE,
  WARNING_FILL,
  WARNING_FONT,
  WRAP_LEFT,
} from "./look";
import type { SheetSpec } from "./sheetSpec";
import { OP_SUFFIX, rowDecimals, targetValue, uniformText } from "./targetCell";

const HEADER_ROW = 3;
const FIRST_INDICATOR_COL = 3;

export function breakdownSheetTownsAsRows(breakdown: Breakdown, name: string): SheetSpec {
  const towns = breakdown.units;
  const totalLabel = breakdown.totalColumn || "全市";
  const last = FIRST_INDICATOR_COL + breakdown.rows.length - 1;
  const b = new SheetBuilder(name);
  b.title(1, Math.max(last, 3), breakdown.title || `${breakdown.year}年目标任务分解`, TITLE_STYLE);
  b.set(
    2,
    1,
    `说明:总量型指标各单位之和应等于${totalLabel}目标;质态型指标的${totalLabel}值应介于各单位之间。分解合计、差额、校验三行由公式计算。`,
  );
  b.merge(2, 1, 2, Math.max(last, 3)).style(2, 1, 2, Math.max(last, 3), NOTE_STYLE);
  const H = HEADER_ROW;
  const first = H + 1;
  const lastTown = first + towns.length - 1;
  const totalRow = lastTown + 1;
  const [sumRow, diffRow, verdictRow, deptRow] = [totalRow + 1, totalRow + 2, totalRow + 3, totalRow + 4];
  b.setRow(H, 1, ["序号", "镇(街道)"]);
  towns.forEach((t, k) => b.setRow(first + k, 1, [k + 1, t]));
  b.set(totalRow, 2, totalLabel);
  [...COMPUTED_HEADERS, "责任部门"].forEach((h, i) => b.set(sumRow + i, 2, h));
  breakdown.rows.forEach((row, i) => {
    const c = FIRST_INDICATOR_COL + i;
    b.set(H, c, row.unit ? `${row.name}(${row.unit})` : row.name);
    const cells = [...towns.map((t) => row.values[t]), row.total];
    const decimals = rowDecimals(
      cells.filter((x) => x),
      isCountUnit(row.unit),
    );
    b.style(first, c, sumRow, c, { numberFormat: numberFormat(decimals) });
    const merged = uniformText(cells) !== null;
    if (merged)
      b.merge(first, c, lastTown, c).style(first, c, totalRow, c, { horizontal: "center", wrap: true });
    cells.forEach((cell, k) => {
      if (!cell || (merged && k > 0 && k < towns.length)) return;
      b.set(first + k, c, targetValue(cell));
      if (cell.op !== "=" && cell.status === "number")
        b.style(first + k, c, first + k, c, { numberFormat: numberFormat(decimals, OP_SUFFIX[cell.op]) });
    });
    const ref = (r: number) => `${columnLetter(c)}${r}`;
    const f = checkFormulas(row, `${ref(first)}:${ref(lastTown)}`, ref(totalRow), ref(sumRow), ref(diffRow));
    if (f.sum) b.set(sumRow, c, f.sum);
    if (f.diff) b.set(diffRow, c, f.diff);
    b.set(verdictRow, c, f.verdict);
    b.set(deptRow, c, row.dept);
  });
  const lastCol = Math.max(last, 2);
  b.style(H, 1, H, lastCol, HEADER_STYLE);
  b.spec.rowHeights[H] = 45;
  b.style(first, 1, deptRow, lastCol, BODY_STYLE);
  b.style(first, 1, deptRow, 2, CENTER);
  b.style(H, FIRST_INDICATOR_COL, H, lastCol, { wrap: true, horizontal: "center", vertical: "middle" });
  b.style(totalRow, 1, totalRow, lastCol, { font: { bold: true } });
  b.style(sumRow, 1, verdictRow, lastCol, { fill: "#F7F7F7" });
  b.style(verdictRow, FIRST_INDICATOR_COL, verdictRow, lastCol, CENTER);
  b.style(deptRow, FIRST_INDICATOR_COL, deptRow, lastCol, WRAP_LEFT);
  if (breakdown.rows.length > 0) {
    // Colours: the total, 差额 and 校验 cells of a column by its verdict (the formula is relative to the column).
    const V = `${columnLetter(FIRST_INDICATOR_COL)}$${verdictRow}`;
    const colourRange = `${columnLetter(FIRST_INDICATOR_COL)}${totalRow}:${columnLetter(lastCol)}${verdictRow}`;
    b.spec.conditionalFormats.push(
      {
        ref: colourRange,
        formula: `OR(${V}="${L.short}",${V}="${L.out_of_range}",${V}="${L.missing}",${V}="${L.invalid}")`,
        fill: ERROR_FILL,
        fontColor: ERROR_FONT,
      },
      { ref: colourRange, formula: `${V}="${L.over}"`, fill: WARNING_FILL, fontColor: WARNING_FONT },
    );
  }
  return b.finishTable({
    headerRow: H,
    lastRow: deptRow,
    lastColumn: lastCol,
    widths: [6, 14, ...breakdown.rows.map(() => 14)],
    frozenColumns: 2,
  });
}
