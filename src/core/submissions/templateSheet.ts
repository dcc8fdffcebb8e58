// The template issued to one town (分发): sheet 填报 with the town's targets and yellow input cells, everything
// else locked, the sign-off lines under the table (填报单位(盖章) / 填报人 / 联系电话 / 填报日期), plus the very
// hidden identity marker. 序号 | 指标名称 | 计量单位 | 类型 | 下达目标 | 本单位填报 | 说明.
import type { Breakdown, Cell } from "../model";
import { SheetBuilder } from "../layout/builder";
import {
  BODY_STYLE,
  CENTER,
  HEADER_STYLE,
  NOTE_STYLE,
  numberFormat,
  TITLE_STYLE,
  WRAP_LEFT,
} from "../layout/look";
import type { SheetSpec } from "../layout/sheetSpec";
import { OP_SUFFIX, rowDecimals, targetValue } from "../layout/targetCell";
import { yearSpans } from "../text";
import { isCountUnit, KIND_LABEL } from "../units";
import { indicatorSetHash, markerSheet, TEMPLATE_KIND, TEMPLATE_VERSION } from "./marker";
import { addSignOffLines } from "./signOff";

export const TEMPLATE_SHEET = "填报";
export const TEMPLATE_HEADER = [
  "序号",
  "指标名称",
  "计量单位",
  "类型",
  "下达目标",
  "本单位填报",
  "说明",
] as const;
export type TemplateColumn = (typeof TEMPLATE_HEADER)[number];
export const TEMPLATE_HEADER_ROW = 3;
/** 1-based columns of the template. */
export const TEMPLATE_COL = { no: 1, name: 2, unit: 3, kind: 4, target: 5, value: 6, note: 7 } as const;
/** Light yellow: the usual "fill in here" colour of official forms. */
export const INPUT_FILL = "#FFF2CC";

export function templateTitle(year: string, town: string): string {
  return `${year}年${town}目标任务填报`;
}

export function templateFileName(year: string, town: string): string {
  return `${templateTitle(year, town)}.xlsx`;
}

/** The town's issued target of a row; a town missing from a row has no target there ("-"). */
export function issuedTarget(breakdown: Breakdown, rowIndex: number, town: string): Cell {
  return breakdown.rows[rowIndex].values[town] ?? { value: null, op: "=", text: "-", status: "none" };
}

export function templateSheet(breakdown: Breakdown, town: string): SheetSpec {
  const C = TEMPLATE_COL;
  const last = TEMPLATE_HEADER.length;
  const b = new SheetBuilder(TEMPLATE_SHEET);
  b.title(1, last, templateTitle(breakdown.year, town), TITLE_STYLE);
  b.set(
    2,
    1,
    `依据:${yearSpans(breakdown.title) || `${breakdown.year}年目标任务分解`}。请在黄色单元格填写本单位目标(承诺数)和说明,` +
      "其余单元格已锁定;总量型不得低于下达目标,如有差异请在“说明”列写明原因。请勿增删行列、勿改工作表名称。",
  );
  b.merge(2, 1, 2, last).style(2, 1, 2, last, { ...NOTE_STYLE, wrap: true });
  b.spec.rowHeights[2] = 42;
  const H = TEMPLATE_HEADER_ROW;
  b.setRow(H, 1, [...TEMPLATE_HEADER]).style(H, 1, H, last, HEADER_STYLE);
  b.spec.rowHeights[H] = 24;
  const first = H + 1;
  breakdown.rows.forEach((row, i) => {
    const r = first + i;
    const target = issuedTarget(breakdown, i, town);
    b.setRow(r, 1, [row.no, row.name, row.unit, KIND_LABEL[row.kind], targetValue(target)]);
    const decimals = rowDecimals([target], isCountUnit(row.unit));
    const suffix = target.status === "number" ? OP_SUFFIX[target.op] : "";
    b.style(r, C.target, r, C.target, { numberFormat: numberFormat(decimals, suffix) });
    b.style(r, C.value, r, C.value, { numberFormat: numberFormat(decimals) });
    if (target.status === "number")
      b.spec.validations.push({
        ref: `F${r}`,
        type: "decimal",
        prompt: `请填写数字(${row.unit || "不带单位"}),不要带单位或文字`,
      });
  });
  const lastRow = Math.max(first, first + breakdown.rows.length - 1);
  b.style(first, 1, lastRow, last, BODY_STYLE);
  b.style(first, C.no, lastRow, C.no, CENTER);
  b.style(first, C.name, lastRow, C.name, WRAP_LEFT);
  b.style(first, C.unit, lastRow, C.kind, CENTER);
  b.style(first, C.target, lastRow, C.value, { horizontal: "right", wrap: true });
  b.style(first, C.note, lastRow, C.note, WRAP_LEFT);
  b.style(first, C.value, lastRow, C.note, { fill: INPUT_FILL });
  // One blank row, then the sign-off lines: outside the table, so printing and readers keep to the table.
  const signOff = addSignOffLines(b, lastRow + 2, town, INPUT_FILL);
  b.spec.protection = { unlocked: [`F${first}:G${lastRow}`, ...signOff] };
  return b.finishTable({
    headerRow: H,
    lastRow,
    lastColumn: last,
    widths: [6, 36, 12, 8, 14, 14, 36],
    frozenColumns: 2,
  });
}

/** The sheets of one town's workbook: 填报, then the very hidden marker (never first: Excel needs a visible one). */
export function templateWorkbook(breakdown: Breakdown, town: string): SheetSpec[] {
  return [
    templateSheet(breakdown, town),
    markerSheet({
      kind: TEMPLATE_KIND,
      unit: town,
      year: breakdown.year,
      indicatorSet: indicatorSetHash(breakdown.rows.map((r) => r.name)),
      version: TEMPLATE_VERSION,
      plan: breakdown.title,
    }),
  ];
}
