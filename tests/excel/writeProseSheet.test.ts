// The Office.js adapter writing 正文目标 next to the plan's sheets, against the strict fake: still 2 syncs.
import { describe, expect, it } from "vitest";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { proseRows } from "../../src/core/layout/proseSheet";
import { writeSheets } from "../../src/excel/writeSheets";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { readSeed } from "../helpers/seeds";
import { fakeHost, valueAt } from "./fixtures";

describe("writing the prose targets with the Office.js adapter", () => {
  it("writes 正文目标 after 指标体系 in the same 2 syncs, numbers with their comparator format", async () => {
    const { host, stats, workbook } = fakeHost();
    const plan = parsePlanDocument(readSeed("001_86af085e02e72586.txt"));
    stats.reset();
    const result = await writeSheets(host, planWorkbook(plan, proseRows(plan)));
    expect(stats.syncs).toBe(2);
    expect(result.sheets.map((s) => s.written)).toEqual([
      "指标体系",
      "正文目标",
      "职责分工",
      "2023年目标分解",
    ]);
    const row = 4 + plan.proseTargets.findIndex((t) => t.indicator === "低效工业用地改造开发");
    expect(await valueAt(host, "正文目标", `B${row}`)).toBe("低效工业用地改造开发");
    expect(await valueAt(host, "正文目标", `C${row}`)).toBe(5000);
    expect(await valueAt(host, "正文目标", `I${row}`)).toBe("正文");
    expect(String(await valueAt(host, "正文目标", `J${row}`))).toContain("附件2第1项");
    // The fake addresses cells from 0: row - 1, column C = 2.
    const sheet = workbook.getSheet("正文目标")!;
    expect(sheet.cell(row - 1, 2)?.numberFormat).toBe('#,##0"以上"');
    expect(sheet.freeze).toEqual({ rows: 3, columns: 2 });
  });
});
