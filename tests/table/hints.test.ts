// 表格识别: the clerk's reading of a table kept on a hidden sheet, read back by the check in the CLI and in the pane.
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbookDetailed } from "../../src/core/check/checkWorkbook";
import type { Grid } from "../../src/core/grid";
import { HINT_SHEET, hintSheet, hintsFromGrid, type TableHints } from "../../src/core/table/hints";
import { checkSheets } from "../../src/excel/checkSheets";
import { writeSheets } from "../../src/excel/writeSheets";
import { fakeHost } from "../excel/fixtures";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/workbooks";

/** A county's own sheet: its total is headed with the county's name, which is a unit's name, never a total word. */
const countySheet: Grid = {
  name: "海盐分解",
  rows: [
    ["指标名称", "武原街道", "西塘桥街道", "海盐县"],
    ["制造业投资(亿元)", 70, 50, 120],
    ["专精特新企业(家)", 5, 3, 9],
  ],
};
const HINTS: TableHints = {
  海盐分解: { headerRow: 0, labelCol: 0, orientation: "indicator-rows", totalLine: 3 },
};
const specGrid = (hints: TableHints): Grid => ({
  name: HINT_SHEET,
  rows: hintSheet(hints).rows as Grid["rows"],
});

describe("表格识别", () => {
  it("round-trips through its sheet, which is hidden", () => {
    expect(hintSheet(HINTS).visibility).toBe("hidden");
    expect(hintSheet(HINTS).rows[1]).toEqual(["海盐分解", 1, "A", "指标为行", "D"]);
    expect(hintsFromGrid(specGrid(HINTS))).toEqual(HINTS);
    // Rows that do not read are skipped, not guessed.
    expect(hintsFromGrid({ name: HINT_SHEET, rows: [[], ["x", "第一行", "A", "指标为行"]] })).toEqual({});
  });

  it("without it the county's own total is no total; with it the sheet is checked", () => {
    const plain = checkWorkbookDetailed([countySheet]);
    expect(plain.reports).toHaveLength(0);
    expect(plain.problems[0]).toMatchObject({ sheet: "海盐分解", missing: "total" });
    const [report] = checkWorkbookDetailed([countySheet, specGrid(HINTS)]).reports;
    expect(report.hint).toEqual(HINTS.海盐分解);
    expect(report.units).toEqual(["武原街道", "西塘桥街道"]);
    expect(report.totalColumn).toBe("海盐县");
    expect(report.results.map((r) => [r.indicator, r.status, r.difference])).toEqual([
      ["制造业投资", "ok", 0],
      ["专精特新企业", "short", -1],
    ]);
  });

  it("the pane reads the hidden sheet with the others: same verdicts, at most 3 syncs", async () => {
    const { host, stats, workbook } = fakeHost({ sheets: ["海盐分解"] });
    workbook.update(() => {
      const sheet = workbook.getSheet("海盐分解")!;
      countySheet.rows.forEach((row, r) =>
        row.forEach((v, c) => (sheet.ensureCell(r, c).value = v as never)),
      );
    });
    await writeSheets(host, [hintSheet(HINTS)], {});
    expect(workbook.getSheet(HINT_SHEET)?.visibility).toBe("Hidden");
    stats.reset();
    const check = await checkSheets(host, "active");
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect(check.hints).toEqual(HINTS);
    expect(check.reports.map((r) => r.summary)).toEqual([{ ok: 1, short: 1 }]);
  });

  it("the CLI's check reads it too, with --sheet as well", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("海盐分解");
    countySheet.rows.forEach((row) => ws.addRow(row));
    const hs = wb.addWorksheet(HINT_SHEET, { state: "hidden" });
    hintSheet(HINTS).rows.forEach((row) => hs.addRow(row));
    const path = join(tempDir(), "hinted.xlsx");
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    for (const args of [[], ["--sheet", "海盐分解"]]) {
      const r = runCli(["check", path, "--json", ...args]);
      expect(r.code).toBe(1);
      const json = JSON.parse(r.stdout);
      expect(json.totalColumn).toBe("海盐县");
      expect(json.summary).toEqual({ ok: 1, short: 1 });
    }
  });
});
