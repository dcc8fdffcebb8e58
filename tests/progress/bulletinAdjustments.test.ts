// 目标调整情况 in the 通报: the targets re-allocated during the year, read from 调整记录 (as the pane and the CLI
// append it), cited in the 通报's words; undone batches and the undo batches themselves are left out.
import { describe, expect, it } from "vitest";
import { CHANGE_LOG_HEADER } from "../../src/core/allocate/changeLog";
import { buildBulletin, bulletinText } from "../../src/core/progress/bulletin";
import { changesOfGrids } from "../../src/core/allocate/changeLog";
import { adjustmentSection } from "../../src/core/progress/bulletinAdjustments";
import type { Grid } from "../../src/core/grid";
import { breakdownOf, DATE, indicator, official, resultOf, settings } from "./bulletinCases";

const breakdown = breakdownOf([indicator("制造业投资", "亿元", "total", 110, { 经开区: 45, 新仓镇: 65 })]);

/** A 调整记录 as the sheet holds it: title, note, header, then one row per changed cell. */
function record(rows: (string | number | null)[][]): Grid {
  return { name: "调整记录", rows: [["目标调整记录"], ["…"], [...CHANGE_LOG_HEADER], ...rows] };
}
// 批次 | 时间 | 工作表 | 指标 | 计量单位 | 口径 | 单位 | 单元格 | 原值 | 新值 | 变动 | 方法 | 全市调整前 | 全市调整后 | 原因 | 操作人
const row = (batch: number, town: string, before: number, after: number, method: string, reason: string) => [
  batch,
  "2023年6月5日 10:03",
  "2023年目标分解",
  "制造业投资",
  "亿元",
  "2023年",
  town,
  "C4",
  before,
  after,
  after - before,
  method,
  100,
  110,
  reason,
  "",
];

describe("目标调整情况", () => {
  const grids = [
    record([
      row(1, "经开区", 41, 45, "按比例", "项目调整"),
      row(2, "新仓镇", 65, 70, "按比例", "试算"),
      row(3, "新仓镇", 70, 65, "撤销", "撤销第2批调整"),
    ]),
  ];

  it("cites the changes that stand, in the record's words, and none undone", () => {
    const section = adjustmentSection(changesOfGrids(grids), breakdown)!;
    expect(section.heading).toBe("目标调整情况");
    expect(section.paragraphs).toEqual([
      official(
        "年内共调整目标1处:经开区制造业投资目标于6月由41亿元调整为45亿元(原因:项目调整)。本通报按调整后的目标计算完成率。",
      ),
    ]);
  });

  it("is a section of the 通报 before the requirements, and absent without a record", () => {
    const input = { breakdown, result: resultOf(8, []), settings, date: DATE };
    const text = bulletinText(buildBulletin({ ...input, changes: changesOfGrids(grids) }));
    expect(text).toContain("目标调整情况");
    expect(text.indexOf("目标调整情况")).toBeLessThan(text.indexOf("下一步工作要求"));
    expect(bulletinText(buildBulletin(input))).not.toContain("目标调整情况");
  });

  it("leaves out changes to indicators the breakdown does not hold", () => {
    const other = record([
      [1, "2023年6月5日", "表", "工业投资", "亿元", "", "经开区", "C5", 1, 2, 1, "按比例", 3, 4, "", ""],
    ]);
    expect(adjustmentSection(changesOfGrids([other]), breakdown)).toBeNull();
  });
});
