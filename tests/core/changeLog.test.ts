// 调整记录 in core: the rows an allocation appends (a held town, the 全市 cell following a new target), the rows
// of its undo, where they go on a sheet that exists, reading them back and the sentence the 通报 cites.
import { describe, expect, it } from "vitest";
import {
  changeSentence,
  methodWords,
  readChangeLog,
  rowChange,
  undoneChanges,
  type RowChange,
} from "../../src/core/allocate/changeLog";
import { planAllocation } from "../../src/core/allocate/plan";
import { findBreakdownTable, type BreakdownTable } from "../../src/core/check/breakdownTable";
import type { Grid, GridValue } from "../../src/core/grid";
import { changeLogRows, changeLogSheet, planChangeLog } from "../../src/core/layout/changeLogSheet";
import type { SpecValue } from "../../src/core/layout/sheetSpec";

const META = { time: "2023年6月5日 10:03", reason: "项目调整", operator: "" };

/** 当湖街道, 经开区, 新埭镇 in D:F, 全市 in G; 制造业投资 on row 3. */
const sheet: Grid = {
  name: "2023年目标分解",
  rows: [
    ["2023年目标分解"],
    ["序号", "指标名称", "计量单位", "当湖街道", "经开区", "新埭镇", "全市"],
    [1, "制造业投资", "亿元", 20, 41, 39, 100],
  ],
};

/** 制造业投资 raised from 100 to 110 in proportion to the current values, 经开区 held at 45. */
function raised(): RowChange {
  const table = findBreakdownTable(sheet) as BreakdownTable;
  const row = table.rows[0];
  const plan = planAllocation(
    { grid: sheet, table, row },
    { method: "proportional", total: 110, held: { 经开区: 45 } },
  );
  const method = methodWords({ method: "proportional", baseLabel: plan.bases?.label });
  return rowChange({ sheet: sheet.name, table, row, plan, method, heldAt: ["经开区"] });
}

/** A SheetSpec's rows as a grid (values as a reader gives them back). */
const asGrid = (rows: SpecValue[][]): Grid => ({
  name: "调整记录",
  rows: rows.map((r) => r.map((v) => (typeof v === "object" && v !== null ? null : v) as GridValue)),
});

describe("the rows an allocation appends", () => {
  it("a proportional allocation with a held town and a new 全市: every cell changed, the 全市 row last", () => {
    const change = raised();
    expect(change).toMatchObject({
      indicator: "制造业投资",
      unit: "亿元",
      method: "按基数比例(基数:当前值)",
      cityBefore: 100,
      cityAfter: 110,
    });
    // 110 − 45 = 65 shared 20 : 39 among the other two.
    const rows = changeLogRows([change], 1, META);
    expect(rows.map((r) => r.slice(6, 12))).toEqual([
      ["当湖街道", "D3", 20, 22.03, 2.03, "按基数比例(基数:当前值)"],
      ["经开区", "E3", 41, 45, 4, "锁定值"],
      ["新埭镇", "F3", 39, 42.97, 3.97, "按基数比例(基数:当前值)"],
      ["全市", "G3", 100, 110, 10, "按基数比例(基数:当前值)"],
    ]);
    // Batch, time, sheet, indicator, unit, measure; then 全市 before → after, reason and operator on every row.
    // The measure is the table's year, read from its title.
    expect(rows[0].slice(0, 6)).toEqual([1, META.time, "2023年目标分解", "制造业投资", "亿元", "2023年"]);
    expect(rows.every((r) => r.slice(12).join("|") === "100|110|项目调整|")).toBe(true);
  });

  it("a town held at its current value is not written, so it has no row", () => {
    const table = findBreakdownTable(sheet) as BreakdownTable;
    const plan = planAllocation(
      { grid: sheet, table, row: table.rows[0] },
      { method: "equal", held: { 经开区: true } },
    );
    const change = rowChange({ sheet: sheet.name, table, row: table.rows[0], plan, method: "平均分配" });
    expect(change.cells.map((c) => [c.town, c.before, c.after])).toEqual([
      ["当湖街道", 20, 29.5],
      ["新埭镇", 39, 29.5],
    ]);
  });

  it("the undo's rows: old and new swapped, 撤销, the 全市 back", () => {
    const [undone] = undoneChanges([raised()]);
    expect(undone).toMatchObject({ method: "撤销", cityBefore: 110, cityAfter: 100 });
    const rows = changeLogRows([undone], 2, { ...META, reason: "撤销第1批调整" });
    expect(rows.map((r) => [r[6], r[8], r[9], r[10], r[11], r[14]])).toEqual([
      ["当湖街道", 22.03, 20, -2.03, "撤销", "撤销第1批调整"],
      ["经开区", 45, 41, -4, "撤销", "撤销第1批调整"],
      ["新埭镇", 42.97, 39, -3.97, "撤销", "撤销第1批调整"],
      ["全市", 110, 100, -10, "撤销", "撤销第1批调整"],
    ]);
  });
});

describe("appending to the sheet", () => {
  it("no sheet: created with a title, a note and the header, then the batch", () => {
    const planned = planChangeLog(null, [raised()], META);
    expect(planned?.batch).toBe(1);
    if (planned?.write.kind !== "create") throw new Error("expected a new sheet");
    const spec = planned.write.spec;
    expect(spec.name).toBe("调整记录");
    expect(spec.rows[0]).toEqual(["目标调整记录"]);
    expect(spec.rows[2][0]).toBe("批次");
    expect(spec.rows).toHaveLength(3 + 4);
    expect(spec.freeze).toEqual({ rows: 3, columns: 2 });
  });

  it("a record: the next batch goes after its last used row, never over it", () => {
    const first = changeLogSheet(changeLogRows([raised()], 1, META));
    const planned = planChangeLog(asGrid(first.rows), undoneChanges([raised()]), META);
    expect(planned?.batch).toBe(2);
    expect(planned?.write).toMatchObject({ kind: "append", sheet: "调整记录", firstRow: 8 });
    if (planned?.write.kind !== "append") throw new Error("expected an append");
    expect(planned.write.rows).toHaveLength(4);
    expect(planned.write.styles[0].ref).toBe("A8:P11");
  });

  it("a sheet of that name holding something else: a blank row, the header, the rows", () => {
    const other: Grid = { name: "调整记录", rows: [["我的笔记"], [], ["第二行", 3]] };
    const planned = planChangeLog(other, [raised()], META);
    if (planned?.write.kind !== "append") throw new Error("expected an append");
    expect(planned.batch).toBe(1);
    expect(planned.write.firstRow).toBe(5);
    expect(planned.write.rows[0][0]).toBe("批次");
    // …and it reads back.
    const rows: GridValue[][] = [...other.rows, [], ...(planned.write.rows as GridValue[][])];
    expect(readChangeLog({ name: "调整记录", rows }).map((e) => e.row)).toEqual([6, 7, 8, 9]);
  });

  it("an empty sheet of that name is filled as a new one; nothing changed, nothing written", () => {
    expect(planChangeLog({ name: "调整记录", rows: [] }, [raised()], META)?.write.kind).toBe("create");
    expect(planChangeLog(null, [{ ...raised(), cells: [] }], META)).toBeNull();
  });
});

describe("reading the record back", () => {
  const record = () => {
    const first = changeLogRows([raised()], 1, META);
    const undo = changeLogRows(undoneChanges([raised()]), 2, {
      ...META,
      time: "2023年7月1日 09:00",
      reason: "",
    });
    return asGrid(changeLogSheet([...first, ...undo]).rows);
  };

  it("gives every row with its batch, numbers and words; blank rows and a repeated header are passed over", () => {
    const grid = record();
    grid.rows.splice(7, 0, [], [...grid.rows[2]]);
    const entries = readChangeLog(grid);
    expect(entries.map((e) => e.batch)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(entries[1]).toEqual({
      row: 5,
      batch: 1,
      time: "2023年6月5日 10:03",
      sheet: "2023年目标分解",
      indicator: "制造业投资",
      unit: "亿元",
      measure: "2023年",
      town: "经开区",
      cell: "E3",
      before: 41,
      after: 45,
      change: 4,
      method: "锁定值",
      cityBefore: 100,
      cityAfter: 110,
      reason: "项目调整",
      operator: "",
    });
    expect(entries[4]).toMatchObject({ row: 10, town: "当湖街道", before: 22.03, after: 20, method: "撤销" });
  });

  it("finds the columns by their header words, wherever they are", () => {
    const grid = record();
    // A column inserted by hand before 单位 and the sheet shifted right by one.
    const rows = grid.rows.map((r, i) => [null, ...r.slice(0, 6), i === 2 ? "备注" : null, ...r.slice(6)]);
    const entries = readChangeLog({ name: "调整记录", rows });
    expect(entries[1]).toMatchObject({ town: "经开区", before: 41, after: 45, reason: "项目调整" });
  });

  it("a sheet without the header has no entries", () => {
    expect(
      readChangeLog({
        name: "x",
        rows: [
          ["单位", "原值"],
          ["经开区", 41],
        ],
      }),
    ).toEqual([]);
  });
});

describe("the sentence", () => {
  const entry = () => readChangeLog(asGrid(changeLogSheet(changeLogRows([raised()], 1, META)).rows));

  it("经开区制造业投资目标于6月由41亿元调整为45亿元(原因:项目调整)", () => {
    expect(changeSentence(entry()[1])).toBe("经开区制造业投资目标于6月由41亿元调整为45亿元(原因:项目调整)");
    expect(changeSentence(entry()[3])).toBe("全市制造业投资目标于6月由100亿元调整为110亿元(原因:项目调整)");
  });

  it("names the measure unless it is the year of the change; says so without a reason or a number", () => {
    const e = entry()[1];
    expect(changeSentence({ ...e, measure: "2023年 力争", reason: "" })).toBe(
      "经开区制造业投资力争目标于6月由41亿元调整为45亿元",
    );
    expect(changeSentence({ ...e, measure: "2024年", unit: "%", before: null, after: 8.5 })).toBe(
      "经开区制造业投资2024年目标于6月定为8.5%(原因:项目调整)",
    );
    // No time, so no month, and the year is named.
    expect(changeSentence({ ...e, time: "", after: null, reason: "" })).toBe(
      "经开区制造业投资2023年目标由41亿元改为空白",
    );
  });
});
