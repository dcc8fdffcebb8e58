// The table model on anything a sheet can hold: random grids made of header words, unit names, numbers, blanks,
// error values and merges never make it throw, and whatever it reads is consistent (every town and indicator line
// inside the grid, no unit counted twice, subtotal members among the towns).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbookDetailed } from "../../src/core/check/checkWorkbook";
import { expandMerges, type Grid, type GridValue } from "../../src/core/grid";
import { columnLetter } from "../../src/core/layout/a1";
import { readTable } from "../../src/core/table/readTable";

const WORDS = [
  "指标名称",
  "项目",
  "镇(街道)",
  "单位",
  "计量单位",
  "全市",
  "合计",
  "总计",
  "小计",
  "街道小计",
  "其中:经开区",
  "确保",
  "力争",
  "2023年",
  "2022年完成",
  "增长(%)",
  "占比",
  "备注",
  "序号",
  "新埭镇",
  "当湖街道",
  "市本级",
  "制造业投资(亿元)",
  "亩均税收(万元/亩)",
  "待下达",
  "-",
  "注:数据为初步",
  "单位:万元",
  "一、总量指标",
  "类型",
  "总量型",
  "质态型",
  "年份",
  "",
];

const cell: fc.Arbitrary<GridValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, min: -1e6, max: 1e6 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<GridValue>({ error: "#N/A" }, true, "１２．５", "1,250", "12亿元"),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

const grid: fc.Arbitrary<Grid> = fc
  .tuple(
    fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(11), fc.nat(8), fc.nat(2), fc.nat(2)), { maxLength: 3 }),
  )
  .map(([rows, merges]) => ({
    name: "随机",
    rows,
    merges: merges.map(
      ([r, c, h, w]) => `${columnLetter(c + 1)}${r + 1}:${columnLetter(c + 1 + w)}${r + 1 + h}`,
    ),
  }));

describe("the table model on random sheets", () => {
  it("never throws, and reads only lines inside the grid", () => {
    fc.assert(
      fc.property(grid, (g) => {
        checkWorkbookDetailed([g]);
        const expanded = expandMerges(g);
        const { table } = readTable(expanded);
        if (!table) return;
        const width = Math.max(0, ...expanded.rows.map((r) => r.length));
        for (const s of table.slices) {
          const [unitMax, indMax] =
            s.orientation === "indicator-rows"
              ? [width, expanded.rows.length]
              : [expanded.rows.length, width];
          for (const t of s.towns) expect(t.line).toBeLessThan(unitMax);
          for (const r of s.rows) expect(r.line).toBeLessThan(indMax);
          expect(new Set(s.towns.map((t) => t.header)).size).toBe(s.towns.length);
          for (const sub of s.subtotals) for (const k of sub.members) expect(s.towns[k]).toBeDefined();
        }
      }),
      { numRuns: 2000 },
    );
  });
});
