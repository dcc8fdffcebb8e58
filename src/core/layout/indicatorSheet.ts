// 指标体系 (附件1 style): 序号 | 一级指标 | 二级指标 | 计量单位 | 类型 | <years> | 牵头单位 | 配合单位.
import type { Plan } from "../model";
import { yearSpans } from "../text";
import { isCountUnit, KIND_LABEL } from "../units";
import { SheetBuilder, mergeRuns } from "./builder";
import { BODY_STYLE, CENTER, HEADER_STYLE, NOTE_STYLE, numberFormat, TITLE_STYLE, WRAP_LEFT } from "./look";
import type { SheetSpec } from "./sheetSpec";
import { OP_SUFFIX, rowDecimals, targetValue, uniformText } from "./targetCell";

export const INDICATOR_SHEET = "指标体系";
const HEADER_ROW = 3;

export function indicatorSheet(plan: Plan, name = INDICATOR_SHEET): SheetSpec {
  const years = plan.years;
  const header = [
    "序号",
    "一级指标",
    "二级指标",
    "计量单位",
    "类型",
    ...years.map((y) => `${y}年`),
    "牵头单位",
    "配合单位",
  ];
  const last = header.length;
  const b = new SheetBuilder(name);
  b.title(1, last, plan.indicatorTitle || `${plan.title}主要目标体系`, TITLE_STYLE);
  b.set(2, 1, `来源:《${yearSpans(plan.title)}》`)
    .merge(2, 1, 2, last)
    .style(2, 1, 2, last, NOTE_STYLE);
  b.setRow(HEADER_ROW, 1, header).style(HEADER_ROW, 1, HEADER_ROW, last, HEADER_STYLE);
  b.spec.rowHeights[HEADER_ROW] = 24;
  const first = HEADER_ROW + 1;
  plan.indicators.forEach((ind, i) => {
    const row = first + i;
    const cells = years.map((y) => ind.targets[y]);
    b.setRow(row, 1, [i + 1, ind.category, ind.name, ind.unit, KIND_LABEL[ind.kind]]);
    const decimals = rowDecimals(
      cells.filter((c) => c),
      isCountUnit(ind.unit),
    );
    const merged = uniformText(cells) !== null;
    cells.forEach((cell, k) => {
      if (!cell || (merged && k > 0)) return;
      b.set(row, 6 + k, targetValue(cell));
      if (cell.status === "number")
        b.style(row, 6 + k, row, 6 + k, { numberFormat: numberFormat(decimals, OP_SUFFIX[cell.op]) });
    });
    if (merged) b.merge(row, 6, row, 5 + years.length);
    b.setRow(row, 6 + years.length, [ind.lead, ind.partners.join("、")]);
  });
  const lastRow = Math.max(first, first + plan.indicators.length - 1);
  if (plan.indicators.length > 0) {
    b.style(first, 1, lastRow, last, BODY_STYLE);
    b.style(first, 1, lastRow, 2, CENTER);
    b.style(first, 3, lastRow, 3, WRAP_LEFT);
    b.style(first, 4, lastRow, 5 + years.length, CENTER);
    b.style(first, 6 + years.length, lastRow, last, WRAP_LEFT);
    mergeRuns(
      b,
      2,
      first,
      plan.indicators.map((i) => i.category),
    );
  }
  b.spec.validations.push({ ref: `E${first}:E${lastRow}`, type: "list", values: ["总量型", "质态型"] });
  return b.finishTable({
    headerRow: HEADER_ROW,
    lastRow,
    lastColumn: last,
    widths: [6, 12, 40, 10, 8, ...years.map(() => 12), 16, 28],
    frozenColumns: 3,
  });
}
