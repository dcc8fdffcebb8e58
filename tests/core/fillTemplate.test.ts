// The template filler: fields, repeated blocks, and what stands below a block moving with its formulas.
import { describe, expect, it } from "vitest";
import { fillTemplate, TemplateError } from "../../src/core/assign/fillTemplate";
import { emptySpec, type SheetSpec } from "../../src/core/layout/sheetSpec";

/** Rows 1–2 title and note (merged), 3 header, 4 the 任务 block, 5 a spacer, 6 header, 7 the 指标 block, 8 a total. */
function template(): SheetSpec {
  return {
    ...emptySpec("模板"),
    rows: [
      ["{{单位}}职责分工"],
      ["牵头 {{牵头任务数}} 项"],
      ["序号", "任务", "数量"],
      ["{{#任务}}{{序号}}", "{{重点任务}}", "{{数量}}{{/任务}}"],
      [],
      ["序号", "指标", "目标"],
      ["{{#指标}}{{序号}}", "{{指标名称}}", "{{目标值}}{{/指标}}"],
      ["合计", null, { formula: "SUM(C7:C7)+C4" }],
    ],
    merges: ["A1:C1", "A2:C2"],
    styles: [
      { ref: "A4:C4", style: { border: true } },
      { ref: "A8:C8", style: { font: { bold: true } } },
    ],
    rowHeights: { 4: 30, 8: 20 },
  };
}

const fields = ["单位", "牵头任务数", "序号", "重点任务", "数量", "指标名称", "目标值"];

describe("fillTemplate", () => {
  const data = {
    fields: { 单位: "市经信局", 牵头任务数: 3 },
    blocks: {
      任务: [
        { 重点任务: "甲", 数量: 1 },
        { 重点任务: "乙", 数量: 2 },
        { 重点任务: "丙", 数量: null },
      ],
      指标: [
        { 指标名称: "投资", 目标值: 118 },
        { 指标名称: "专利", 目标值: 953 },
      ],
    },
  };
  const { spec, findings } = fillTemplate(template(), data, fields);

  it("fills fields and repeats each block once per item, numbering them", () => {
    expect(spec.rows).toEqual([
      ["市经信局职责分工"],
      ["牵头 3 项"],
      ["序号", "任务", "数量"],
      [1, "甲", 1],
      [2, "乙", 2],
      [3, "丙", null],
      [],
      ["序号", "指标", "目标"],
      [1, "投资", 118],
      [2, "专利", 953],
      ["合计", null, { formula: "SUM(C9:C10)+C4" }],
    ]);
  });

  it("keeps the formula below both blocks pointing at the block's copies and at the first block's first row", () => {
    expect(spec.rows[10][2]).toEqual({ formula: "SUM(C9:C10)+C4" });
  });

  it("repeats the block's formats and heights and moves the rest down; merges above stay", () => {
    expect(spec.merges).toEqual(["A1:C1", "A2:C2"]);
    expect(spec.styles.map((x) => x.ref)).toEqual(["A4:C4", "A5:C5", "A6:C6", "A11:C11"]);
    expect(spec.rowHeights).toEqual({ 4: 30, 5: 30, 6: 30, 11: 20 });
  });

  it("leaves a missing value blank, with a finding, never a leftover {{…}}", () => {
    expect(findings).toEqual([{ cell: "C6", message: "{{数量}} 没有值,已留空" }]);
    expect(JSON.stringify(spec.rows)).not.toContain("{{");
  });

  it("names the valid placeholders when one is unknown, and unbalanced blocks", () => {
    const bad = { ...template(), rows: [["{{单元}}"]] };
    expect(() => fillTemplate(bad, data, fields)).toThrow(TemplateError);
    expect(() => fillTemplate(bad, data, fields)).toThrow(
      /A1:未知的占位符 \{\{单元\}\}\(可用:单位、牵头任务数/,
    );
    expect(() => fillTemplate({ ...template(), rows: [["{{#任务}}"]] }, data, fields)).toThrow(
      /没有对应的 \{\{\/任务\}\}/,
    );
  });

  it("with no items, removes the block and moves what follows up", () => {
    const none = fillTemplate(template(), { ...data, blocks: { ...data.blocks, 任务: [] } }, fields).spec;
    expect(none.rows[3]).toEqual([]);
    expect(none.rows.at(-1)).toEqual(["合计", null, { formula: "SUM(C6:C7)+C4" }]);
  });
});
