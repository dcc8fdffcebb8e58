// The sign-off lines under the 填报 table: laid out on the template, passed over by the return reader (no new
// findings, filled or not), read back into 报送情况 as 填报人 / 联系电话.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/core/grid";
import { consolidate } from "../../src/core/submissions/consolidate";
import { selfCheck } from "../../src/core/submissions/selfCheck";
import { isFooterText, readSignOff } from "../../src/core/submissions/signOff";
import { statusSheet } from "../../src/core/submissions/statusSheet";
import { submissionOf } from "../../src/core/submissions/submission";
import { templateSheet } from "../../src/core/submissions/templateSheet";
import { validateReturn } from "../../src/core/submissions/validateReturn";
import { readReturnedFile } from "../../src/xlsx/readReturned";
import { tempDir } from "../helpers/workbooks";
import { filledGrids, seedBreakdown, TOWNS, writeReturn, writeTemplate } from "./fixtures";

const breakdown = seedBreakdown();
const issued = { breakdown, towns: TOWNS };
/** 0-based rows of the two sign-off lines: 15 indicators from row 4, a blank row 19, then rows 20 and 21. */
const [LINE1, LINE2] = [19, 20];

function signed(town: string, person: unknown, phone: unknown): Grid[] {
  const g = filledGrids(breakdown, town);
  const rows = g[0].rows;
  rows[LINE1][6] = person as string;
  rows[LINE2][2] = phone as string;
  rows[LINE2][6] = 45996; // 填报日期 typed as a date: Excel keeps the serial
  return g;
}

describe("the template's sign-off lines", () => {
  const spec = templateSheet(breakdown, "经开区");
  it("sit under the table after a blank row: labels, the town's name to stamp over, entries unlocked", () => {
    expect(spec.rows[18] ?? []).toEqual([]);
    expect(spec.rows[LINE1]).toEqual([null, "填报单位(盖章):", "经开区", null, null, "填报人:"]);
    expect(spec.rows[LINE2]).toEqual([null, "联系电话:", null, null, null, "填报日期:"]);
    expect(spec.merges).toEqual(expect.arrayContaining(["C20:E20", "C21:E21"]));
    expect(spec.protection?.unlocked).toEqual(expect.arrayContaining(["C20:E20", "G20", "C21:E21", "G21"]));
    // The table itself still ends at the last indicator: readers and printing keep to it.
    expect(spec.table.lastRow).toBe(18);
  });
});

describe("a return with the sign-off lines", () => {
  it("left blank: no findings", () => {
    const r = validateReturn(filledGrids(breakdown, "经开区"), issued, "经开区.xlsx");
    expect(r.findings).toEqual([]);
    expect(r.signOff).toEqual({ person: "", phone: "" });
  });

  it("filled in: no findings, 填报人 and 联系电话 read (a phone typed as a number too)", () => {
    const r = validateReturn(signed("经开区", "张三", "0573-85012345"), issued, "经开区.xlsx");
    expect(r.findings).toEqual([]);
    expect(r.values.size).toBe(15);
    expect(r.signOff).toEqual({ person: "张三", phone: "0573-85012345" });
    const n = validateReturn(signed("新仓镇", "李四", 13800000000), issued, "新仓镇.xlsx");
    expect(n.findings).toEqual([]);
    expect(n.signOff).toEqual({ person: "李四", phone: "13800000000" });
  });

  it("written by a town in one cell, or with the labels moved into 序号: still no added rows", () => {
    const g = filledGrids(breakdown, "林埭镇");
    const rows = g[0].rows;
    rows[LINE1] = ["填报单位(盖章):林埭镇", null, null, null, null, null, null];
    rows[LINE2] = ["填报人:王五    联系电话:85012345", null, null, null, null, null, null];
    g[0].merges = g[0].merges!.filter((m) => !m.startsWith("C2"));
    const r = validateReturn(g, issued, "林埭镇.xlsx");
    expect(r.findings).toEqual([]);
    expect(r.signOff).toEqual({ person: "王五", phone: "85012345" });
  });

  it("an indicator merely starting like a label is still an indicator", () => {
    expect(isFooterText("填报人:")).toBe(true);
    expect(isFooterText("联系电话")).toBe(true);
    expect(isFooterText("注:数据为初步")).toBe(true);
    expect(isFooterText("说明 本表数据为初步数")).toBe(true);
    expect(isFooterText("填 报 人:")).toBe(true);
    expect(isFooterText("填报单位(盖章):")).toBe(true);
    expect(isFooterText("注册企业数")).toBe(false);
    expect(isFooterText("电话用户数(万户)")).toBe(false);
    expect(readSignOff({ name: "x", rows: [["指标名称"], ["填报人:", "  ____  "]] }, 0)).toEqual({
      person: "",
      phone: "",
    });
  });

  it("self-check reads the template's 15 indicators, not the sign-off lines", () => {
    const r = selfCheck(signed("经开区", "张三", "85012345"), "经开区.xlsx");
    expect(r?.findings).toEqual([]);
  });

  it("written and read back as .xlsx: no findings, and 报送情况 shows 填报人 and 联系电话", async () => {
    const dir = tempDir();
    const path = await writeReturn(
      await writeTemplate(breakdown, "当湖街道", dir),
      join(dir, "当湖街道-报送.xlsx"),
      (ws: ExcelJS.Worksheet) => {
        ws.getCell("G20").value = "赵六";
        ws.getCell("C21").value = "0573-85098765";
        ws.getCell("G21").value = new Date(2026, 11, 1);
      },
    );
    const s = submissionOf(await readReturnedFile(path), breakdown);
    expect(s.findings).toEqual([]);
    expect(s.signOff).toEqual({ person: "赵六", phone: "0573-85098765" });
    const c = consolidate(breakdown, TOWNS, [s]);
    const sheet = statusSheet(c, TOWNS, [s], "2026-12-02 10:00");
    expect(sheet.rows[2]).toEqual([
      "序号",
      "单位",
      "状态",
      "文件",
      "接收时间",
      "识别方式",
      "填报人",
      "联系电话",
      "错误",
      "警告",
      "主要问题",
    ]);
    expect(sheet.rows[3].slice(1, 3)).toEqual(["当湖街道", "通过"]);
    expect(sheet.rows[3].slice(6, 8)).toEqual(["赵六", "0573-85098765"]);
    expect(sheet.rows[4].slice(1, 3)).toEqual(["经开区", "未报送"]);
    expect(sheet.rows[4].slice(6, 8)).toEqual([null, null]);
  });
});
