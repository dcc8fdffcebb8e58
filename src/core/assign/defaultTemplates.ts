// The bundled templates, built with the same official look as every sheet: 职责分工表 (one per department: the
// tasks it leads, the tasks it supports, its indicators) and 目标责任书 (one per town: its targets, terms, and the
// signature lines 甲方/乙方 (盖章) with the date), A4 print-ready. They are plain templates with placeholders, so
// a clerk can copy one into a workbook, restyle it and use it as their own.
import { SheetBuilder } from "../layout/builder";
import { BODY_STYLE, CENTER, HEADER_STYLE, NOTE_STYLE, TITLE_STYLE, WRAP_LEFT } from "../layout/look";
import type { SheetSpec } from "../layout/sheetSpec";

export const DUTY_TEMPLATE = "职责分工";
export const LETTER_TEMPLATE = "目标责任书";

export function dutyTemplate(): SheetSpec {
  const b = new SheetBuilder("职责分工表");
  const last = 5;
  b.title(1, last, "{{单位}}职责分工表", TITLE_STYLE);
  b.set(
    2,
    1,
    "依据《{{方案}}》:牵头任务 {{牵头任务数}} 项,配合任务 {{配合任务数}} 项,负责指标 {{指标数}} 项。",
  );
  b.merge(2, 1, 2, last).style(2, 1, 2, last, NOTE_STYLE);
  // The plan's own task number, so a department can find each task in the annex.
  b.setRow(3, 1, ["任务序号", "重点任务", "具体内容", "分工", "牵头单位 / 配合单位"]).style(
    3,
    1,
    3,
    last,
    HEADER_STYLE,
  );
  b.setRow(4, 1, [
    "{{#任务}}{{任务编号}}",
    "{{重点任务}}",
    "{{具体内容}}",
    "{{分工}}",
    "{{牵头单位}} / {{配合单位}}{{/任务}}",
  ]);
  b.style(4, 1, 4, last, BODY_STYLE)
    .style(4, 1, 4, 1, CENTER)
    .style(4, 2, 4, 3, WRAP_LEFT)
    .style(4, 4, 4, 4, CENTER)
    .style(4, 5, 4, 5, WRAP_LEFT);
  b.spec.rowHeights[4] = 48;
  b.setRow(6, 1, ["序号", "指标名称", "计量单位", "目标值", "分工"]).style(6, 1, 6, last, HEADER_STYLE);
  b.setRow(7, 1, ["{{#指标}}{{序号}}", "{{指标名称}}", "{{计量单位}}", "{{目标值}}", "{{分工}}{{/指标}}"]);
  b.style(7, 1, 7, last, BODY_STYLE)
    .style(7, 1, 7, 1, CENTER)
    .style(7, 2, 7, 2, WRAP_LEFT)
    .style(7, 3, 7, 5, CENTER);
  return b.finishTable({
    headerRow: 3,
    lastRow: 7,
    lastColumn: last,
    widths: [9, 18, 57, 8, 28],
    frozenColumns: 0,
  });
}

export function letterTemplate(): SheetSpec {
  const b = new SheetBuilder("目标责任书");
  const last = 5;
  b.title(1, last, "{{年份}}年{{单位}}目标责任书", TITLE_STYLE);
  b.set(2, 1, "为完成《{{方案}}》确定的{{年份}}年目标任务,{{上级}}(甲方)与{{单位}}(乙方)签订本责任书。");
  b.merge(2, 1, 2, last).style(2, 1, 2, last, { ...NOTE_STYLE, wrap: true });
  b.spec.rowHeights[2] = 32;
  b.setRow(3, 1, ["序号", "指标名称", "计量单位", "目标值", "责任部门"]).style(3, 1, 3, last, HEADER_STYLE);
  b.setRow(4, 1, [
    "{{#指标}}{{序号}}",
    "{{指标名称}}",
    "{{计量单位}}",
    "{{目标值}}",
    "{{责任部门}}{{/指标}}",
  ]);
  b.style(4, 1, 4, last, BODY_STYLE)
    .style(4, 1, 4, 1, CENTER)
    .style(4, 2, 4, 2, WRAP_LEFT)
    .style(4, 3, 4, 5, CENTER);
  b.style(4, 4, 4, 4, { wrap: true });
  const terms = [
    "一、乙方对上述目标任务负总责,主要负责人为第一责任人,按月报送完成情况。",
    "二、甲方按“目标分解、月度亮晒”机制跟踪进度,对未达序时进度的单位予以预警。",
    "三、本责任书一式两份,甲乙双方各执一份,自签订之日起生效。",
  ];
  terms.forEach((t, i) =>
    b
      .set(6 + i, 1, t)
      .merge(6 + i, 1, 6 + i, last)
      .style(6 + i, 1, 6 + i, last, WRAP_LEFT),
  );
  b.setRow(10, 1, ["甲方(盖章):", null, null, "乙方(盖章):"]);
  b.setRow(11, 1, ["负责人(签字):", null, null, "负责人(签字):"]);
  b.setRow(12, 1, ["{{年份}}年  月  日", null, null, "{{年份}}年  月  日"]);
  const spec = b.finishTable({
    headerRow: 3,
    lastRow: 12,
    lastColumn: last,
    widths: [6, 36, 10, 16, 14],
    frozenColumns: 0,
  });
  // A letter is signed on A4 portrait.
  spec.print = { ...spec.print, orientation: "portrait" };
  return spec;
}
