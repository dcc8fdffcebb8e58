// The browser reader (DecompressionStream) gives the same grids as the CLI's reader (node:zlib).
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsxInBrowser } from "../../src/xlsx/readXlsxBrowser";
import { XlsxFile, XlsxReadError } from "../../src/xlsx/readXlsx";
import { seedPlan, tempDir, writePlanXlsx } from "../helpers/workbooks";

describe("reading .xlsx in the browser", () => {
  it("reads the 平湖 workbook exactly as the CLI's reader does", async () => {
    const path = await writePlanXlsx(seedPlan());
    const node = await XlsxFile.open(path).readAll();
    const browser = await readXlsxInBrowser(new Uint8Array(readFileSync(path)), "plan.xlsx");
    expect(browser.map((g) => ({ name: g.name, rows: g.rows, merges: g.merges }))).toEqual(
      node.map((g) => ({ name: g.name, rows: g.rows, merges: g.merges })),
    );
  });

  it("keeps hidden sheets, flagged, and rows across piece boundaries", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    for (let r = 1; r <= 4000; r++) ws.addRow([`镇${r}`, r * 1.5, `说明${"字".repeat(r % 50)}`]);
    wb.addWorksheet("标记", { state: "veryHidden" }).addRow(["单位", "当湖街道"]);
    const path = join(tempDir(), "b.xlsx");
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const grids = await readXlsxInBrowser(new Uint8Array(readFileSync(path)), "b.xlsx");
    expect(grids.map((g) => [g.name, g.hidden])).toEqual([
      ["数据", false],
      ["标记", true],
    ]);
    expect(grids[0].rows[3999]).toEqual(["镇4000", 6000, `说明${"字".repeat(0)}`]);
    expect(grids[0].rows).toEqual((await XlsxFile.open(path).readSheet("数据")).rows);
  });

  it("names the file when it is no workbook", async () => {
    await expect(readXlsxInBrowser(new TextEncoder().encode("这不是表格"), "坏.xlsx")).rejects.toThrow(
      XlsxReadError,
    );
    await expect(readXlsxInBrowser(new TextEncoder().encode("这不是表格"), "坏.xlsx")).rejects.toThrow(
      /坏\.xlsx: 不是有效的 \.xlsx 文件/,
    );
  });
});
