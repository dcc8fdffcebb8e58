// The town breakdown (附件3 style) with live check columns:
// 序号 | 指标名称 | 计量单位 | 类型 | <towns> | 全市 | 分解合计 | 差额 | 校验 | 责任部门.
// 分解合计 sums the towns of 总量型 rows; 差额 = 分解合计 − 全市; 校验 prints the same verdict words as the
// check engine, so the sheet stays right while the clerk edits it.
import type { Breakdown, BreakdownRow } from "../model";
import { STATUS_LABEL as L } from "../check/status";
import { isCountUnit, KIND_LABEL } from "../units";
import { columnLetter } from "./a1";
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
import type { SheetSpec, SpecValue } from "./sheetSpec";
import { OP_SUFFIX, rowDecimals, targetValue, uniformText } from "./targetCell";

export const BREAKDOWN_HEADER_ROW = 3;
/** Headers of the computed columns; readers must not take them for towns. */
export const COMPUTED_HEADERS = ["分解合计", "差额", "校验"] as const;

export function breakdownSheetName(b: Breakdown): string {
  return `${b.year || ""}年目标分解`.replace(/^年/, "");
}

/** Tolerance of the sheet formulas; the check engine compares decimals exactly. */
const EPS = "1E-9";

export function checkFormulas(row: BreakdownRow, towns: string, total: string, sum: string, diff: string) {
  const notNumber = `IF(ISNUMBER(SEARCH("下达",${total})),"${L.pending}",IF(${total}="-","${L.none}",IF(${total}="","${L.missing}","${L.qualitative}")))`;
  if (row.kind === "total") {
    return {
      sum: { formula: `IF(COUNT(${towns})=0,"",SUM(${towns}))` },
      diff: { formula: `IF(AND(ISNUMBER(${sum}),ISNUMBER(${total})),ROUND(${sum}-${total},10),"")` },
      verdict: {
        formula:
          `IF(NOT(ISNUMBER(${total})),${notNumber},IF(COUNTBLANK(${towns})>0,"${L.missing}",` +
          `IF(ABS(${diff})<${EPS},"${L.ok}",IF(${diff}>0,"${L.over}","${L.short}"))))`,
      },
    };
  }
  return {
    sum: null,
    diff: null,
    verdict: {
      formula:
        `IF(NOT(ISNUMBER(${total})),${notNumber},IF(COUNT(${towns})=0,"${L.missing}",` +
        `IF(AND(${total}>=MIN(${towns})-${EPS},${total}<=MAX(${towns})+${EPS}),"${L.ok}","${L.out_of_range}")))`,
    },
  };
}

export function breakdownSheet(breakdown: Breakdown, name = breakdownSheetName(breakdown)): SheetSpec {
  const towns = breakdown.units;
  const header = [
    "序号",
    "指标名称",
    "计量单位",
    "类型",
    ...towns,
    breakdown.totalColumn || "全市",
    ...COMPUTED_HEADERS,
    "责任部门",
  ];
  const last = header.length;
  const firstTown = 5;
  const lastTown = firstTown + towns.length - 1;
  const totalCol = lastTown + 1;
  const [sumCol, diffCol, verdictCol, deptCol] = [totalCol + 1, totalCol + 2, totalCol + 3, totalCol + 4];
  const b = new SheetBuilder(name);
  b.title(1, last, breakdown.title || `${breakdown.year}年目标任务分解`, TITLE_STYLE);
  b.set(
    2,
    1,
    "说明:总量型指标各单位之和应等于全市目标;质态型指标的全市值应介于各单位之间。分解合计、差额、校验三列由公式计算。",
  );
  b.merge(2, 1, 2, last).style(2, 1, 2, last, NOTE_STYLE);
  const H = BREAKDOWN_HEADER_ROW;
  b.setRow(H, 1, header).style(H, 1, H, last, HEADER_STYLE);
  b.spec.rowHeights[H] = 30;
  const first = H + 1;
  breakdown.rows.forEach((row, i) => {
    const r = first + i;
    const cells = [...towns.map((t) => row.values[t]), row.total];
    const decimals = rowDecimals(
      cells.filter((c) => c),
      isCountUnit(row.unit),
    );
    b.setRow(r, 1, [row.no, row.name, row.unit, KIND_LABEL[row.kind]]);
    // The row's format first, then the cells whose comparator adds "以上"/"以内".
    b.style(r, firstTown, r, sumCol + 1, { numberFormat: numberFormat(decimals) });
    // Towns that all say the same words are one merged cell, as in the document; the 全市 cell stays its own so
    // the 校验 formula can read it.
    const merged = uniformText(cells) !== null;
    if (merged)
      b.merge(r, firstTown, r, lastTown).style(r, firstTown, r, totalCol, {
        horizontal: "center",
        wrap: true,
      });
    cells.forEach((cell, k) => {
      if (!cell || (merged && k > 0 && k < towns.length)) return;
      b.set(r, firstTown + k, targetValue(cell));
      if (cell.op !== "=" && cell.status === "number")
        b.style(r, firstTown + k, r, firstTown + k, {
          numberFormat: numberFormat(decimals, OP_SUFFIX[cell.op]),
        });
    });
    const ref = (c: number) => `${columnLetter(c)}${r}`;
    const townsRef = `${ref(firstTown)}:${ref(lastTown)}`;
    const f = checkFormulas(row, townsRef, ref(totalCol), ref(sumCol), ref(diffCol));
    const values: SpecValue[] = [f.sum, f.diff, f.verdict, row.dept];
    b.setRow(r, sumCol, values);
  });
  const lastRow = Math.max(first, first + breakdown.rows.length - 1);
  b.style(first, 1, lastRow, last, BODY_STYLE);
  b.style(first, 1, lastRow, 1, CENTER);
  b.style(first, 2, lastRow, 2, WRAP_LEFT);
  b.style(first, 3, lastRow, 4, CENTER);
  b.style(first, firstTown, lastRow, diffCol, { horizontal: "right" });
  b.style(first, verdictCol, lastRow, verdictCol, CENTER);
  b.style(first, deptCol, lastRow, deptCol, WRAP_LEFT);
  b.style(first, totalCol, lastRow, totalCol, { font: { bold: true } });
  b.style(first, sumCol, lastRow, verdictCol, { fill: "#F7F7F7" });
  // Colours: errors red, 超额分解 amber, on the 差额 and 校验 cells and on the 全市 cell they judge.
  const V = `$${columnLetter(verdictCol)}${first}`;
  const colourRange = `${columnLetter(totalCol)}${first}:${columnLetter(verdictCol)}${lastRow}`;
  b.spec.conditionalFormats.push(
    {
      ref: colourRange,
      formula: `OR(${V}="${L.short}",${V}="${L.out_of_range}",${V}="${L.missing}",${V}="${L.invalid}")`,
      fill: ERROR_FILL,
      fontColor: ERROR_FONT,
    },
    { ref: colourRange, formula: `${V}="${L.over}"`, fill: WARNING_FILL, fontColor: WARNING_FONT },
  );
  b.spec.validations.push({ ref: `D${first}:D${lastRow}`, type: "list", values: ["总量型", "质态型"] });
  return b.finishTable({
    headerRow: H,
    lastRow,
    lastColumn: last,
    widths: [6, 34, 10, 8, ...towns.map(() => 10), 10, 10, 9, 10, 14],
    frozenColumns: 2,
  });
}
