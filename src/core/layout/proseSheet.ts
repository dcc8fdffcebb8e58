// 正文目标: the targets read out of the plan's sentences, beside 指标体系, each with its sentence (来源: 正文) and
// what the tables say about it: 序号 | 指标 | 目标值 | 计量单位 | 类型 | 确保/力争 | 年份 | 范围 | 来源 | 对照附件 | 原文.
import type { ProseLinks } from "../parse/prose/link";
import type { ProseNumber, ProseTarget } from "../parse/prose/types";
import { decimalsOf } from "../numbers";
import { yearSpans } from "../text";
import { isCountUnit, KIND_LABEL } from "../units";
import { SheetBuilder } from "./builder";
import {
  BODY_STYLE,
  CENTER,
  HEADER_STYLE,
  NOTE_STYLE,
  numberFormat,
  TITLE_STYLE,
  WRAP_LEFT,
  wrappedRowHeight,
} from "./look";
import type { SheetSpec } from "./sheetSpec";
import { OP_SUFFIX } from "./targetCell";

export const PROSE_SHEET = "正文目标";
const HEADER_ROW = 3;
export const PROSE_HEADER = [
  "序号",
  "指标",
  "目标值",
  "计量单位",
  "类型",
  "确保/力争",
  "年份",
  "范围",
  "来源",
  "对照附件",
  "原文",
];
const WIDTHS = [6, 30, 12, 10, 8, 9, 8, 10, 7, 34, 60];

/** 年份 as the sheet and the review show it: 2027, or 每年 (2023—2027) for a per-year target. */
export function proseYearText(t: Pick<ProseNumber, "year" | "perYear" | "years">): string {
  if (!t.perYear) return t.year;
  const span = t.years.length > 1 ? `${t.years[0]}—${t.years[t.years.length - 1]}` : t.years[0];
  return span ? `每年(${span})` : "每年";
}

/** One row of the sheet: a target (as read, or as edited on review) and what the tables say about it. */
export interface ProseRow {
  target: ProseTarget;
  note: string;
}

/** Every prose target of a plan with its note: "附件1“…”2023年 91,一致" or the disagreement. */
export function proseRows(plan: { proseTargets: ProseTarget[]; proseLinks: ProseLinks }): ProseRow[] {
  const { links, disagreements } = plan.proseLinks;
  return plan.proseTargets.map((target, i) => {
    const notes = disagreements.filter((d) => d.target === i).map((d) => `不一致:${d.message}`);
    const link = links.find((l) => l.target === i && l.agrees);
    if (link) notes.unshift(`附件1“${link.indicator}”${link.year}年 ${link.value},一致`);
    return { target, note: notes.join(";") };
  });
}

export function proseSheet(title: string, rows: ProseRow[], name = PROSE_SHEET): SheetSpec {
  const last = PROSE_HEADER.length;
  const b = new SheetBuilder(name);
  b.title(1, last, `${title || "方案"}正文中的目标`, TITLE_STYLE);
  b.set(2, 1, `来源:《${yearSpans(title)}》正文(逐句读出,请核对原文)`)
    .merge(2, 1, 2, last)
    .style(2, 1, 2, last, NOTE_STYLE);
  b.setRow(HEADER_ROW, 1, PROSE_HEADER).style(HEADER_ROW, 1, HEADER_ROW, last, HEADER_STYLE);
  b.spec.rowHeights[HEADER_ROW] = 24;
  rows.forEach(({ target: t, note }, i) => {
    const row = HEADER_ROW + 1 + i;
    b.setRow(row, 1, [
      i + 1,
      t.indicator,
      t.value,
      t.unit,
      KIND_LABEL[t.kind],
      t.tierWord,
      proseYearText(t),
      t.scope,
      "正文",
      note,
      t.sentence,
    ]);
    const decimals = isCountUnit(t.unit) ? 0 : Math.min(8, decimalsOf(t.value));
    b.style(row, 3, row, 3, { numberFormat: numberFormat(decimals, OP_SUFFIX[t.op]) });
    b.spec.rowHeights[row] = wrappedRowHeight(
      Math.max(t.sentence.length, (note.length * WIDTHS[10]) / WIDTHS[9]),
      WIDTHS[10],
    );
  });
  const lastRow = Math.max(HEADER_ROW + 1, HEADER_ROW + rows.length);
  if (rows.length > 0) {
    b.style(HEADER_ROW + 1, 1, lastRow, last, BODY_STYLE);
    b.style(HEADER_ROW + 1, 1, lastRow, 1, CENTER);
    b.style(HEADER_ROW + 1, 2, lastRow, 2, WRAP_LEFT);
    b.style(HEADER_ROW + 1, 4, lastRow, 9, CENTER);
    b.style(HEADER_ROW + 1, 10, lastRow, last, WRAP_LEFT);
  }
  return b.finishTable({
    headerRow: HEADER_ROW,
    lastRow,
    lastColumn: last,
    widths: WIDTHS,
    frozenColumns: 2,
  });
}
