// 附件3 of seed 001: 15 indicators × (8 towns + 全市), every cell as the document writes it.
import { describe, expect, it } from "vitest";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { readSeed } from "../helpers/seeds";

const plan = parsePlanDocument(readSeed("001_86af085e02e72586.txt"));
const TOWNS = ["当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇"];
const PENDING = "待嘉兴市发改委确定后另行下达";

// [name, unit, kind, 8 towns..., 全市, 责任部门], transcribed from the document.
const ROWS: [string, string, "total" | "rate", (number | string)[], number | string, string][] = [
  ["规上工业增加值增长", "%", "rate", [5, 10, 8, 10, 10, 8, 5, 5], 7, "市经信局"],
  ["制造业投资", "亿元", "total", [0.8, 41, 8.2, 12.2, 12.2, 40.5, 1.55, 1.55], 118, "市经信局"],
  ["规上工业亩均税收", "万元/亩", "rate", [15, 49, 27, 14, 24, 37, 14, 17], 35, "市经信局"],
  ["规上工业亩均增加值", "万元/亩", "rate", [89, 255, 155, 136, 178, 221, 81, 129], 205, "市经信局"],
  ["规上工业全员劳动生产率增长", "%", "rate", [6, 6, 6, 6, 6, 6, 6, 6], 6, "市经信局"],
  [
    "规上制造业企业研发费用占营业收入的比重",
    "%",
    "rate",
    [4.4, 2.2, 3.6, 4.3, 3.3, 2, 3.5, 3.2],
    2.2,
    "市科技局",
  ],
  ["高新技术产业增加值占规上工业增加值比重", "%", "rate", [42, 82, 74, 70, 71, 49, 48, 74], 69, "市科技局"],
  ["高价值发明专利拥有量", "件", "total", [51, 367, 123, 86, 64, 154, 70, 38], 953, "市市场监管局"],
  ["数字经济核心产业制造业增加值增速", "%", "rate", ["-", 15, 20, 20, 20, 20, 15, 15], 15, "市经信局"],
  ["“浙江制造”标准", "项", "total", [1, 2, 1, 2, 2, 2, 1, 1], 5, "市市场监管局"],
  ["“品字标浙江制造”认证企业", "家", "total", [1, 2, 1, 2, 2, 2, 1, 1], 7, "市市场监管局"],
  ["高耗低效整治企业数", "家", "total", [20, 80, 25, 50, 25, 65, 15, 20], 300, "市经信局"],
  ["高耗低效整治腾出用地面积", "亩", "total", [150, 810, 250, 810, 260, 810, 205, 205], 3500, "市经信局"],
  [
    "高耗低效整治腾出能耗空间",
    "万吨标准煤",
    "total",
    [0.015, 0.75, 0.975, 0.225, 0.225, 2.25, 0.03, 0.03],
    4.5,
    "市经信局",
  ],
  ["规上工业单位工业增加值能耗下降", "%", "rate", Array(8).fill(PENDING), PENDING, "市发改局"],
];

function expectCell(cell: { value: number | null; status: string; text: string }, want: number | string) {
  if (typeof want === "number")
    expect(cell).toMatchObject({ value: want, status: "number", text: String(want) });
  else if (want === "-") expect(cell).toMatchObject({ value: null, status: "none", text: "-" });
  else expect(cell).toMatchObject({ value: null, status: "pending", text: want });
}

describe("附件3 town breakdown of seed 001", () => {
  const b = plan.breakdowns[0];

  it("is the 2023 breakdown over the eight towns with 全市 as total", () => {
    expect(plan.breakdowns).toHaveLength(1);
    expect(b.title).toBe("2023年平湖市先进制造业集群培育工程镇(街道)目标任务分解");
    expect(b.year).toBe("2023");
    expect(b.units).toEqual(TOWNS);
    expect(b.totalColumn).toBe("全市");
    expect(b.rows).toHaveLength(15);
  });

  it("holds all 15 × 9 cells", () => {
    const cells = b.rows.flatMap((r) => [...TOWNS.map((t) => r.values[t]), r.total]);
    expect(cells.filter((c) => c !== undefined)).toHaveLength(135);
  });

  ROWS.forEach(([name, unit, kind, towns, total, dept], i) => {
    it(`row ${i + 1}: ${name}`, () => {
      const row = b.rows[i];
      expect({ no: row.no, name: row.name, unit: row.unit, kind: row.kind, dept: row.dept }).toEqual({
        no: i + 1,
        name,
        unit,
        kind,
        dept,
      });
      TOWNS.forEach((t, k) => expectCell(row.values[t], towns[k]));
      expectCell(row.total, total);
    });
  });
});
