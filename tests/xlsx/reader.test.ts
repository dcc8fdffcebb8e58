// The streaming .xlsx reader against ExcelJS's full reader, on files ExcelJS writes, and on hand-made XML parts.
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isGridError } from "../../src/core/grid";
import { XlsxFile, XlsxReadError } from "../../src/xlsx/readXlsx";
import { scanSheetXml, parseSharedStrings } from "../../src/xlsx/sheetXml";
import { tempDir } from "../helpers/workbooks";

describe("a large sheet written by ExcelJS", async () => {
  // ~3 MB of sheet XML: the reader decodes it in 1 MiB chunks, so cells straddle chunk boundaries.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  const expected: unknown[][] = [];
  for (let r = 1; r <= 6000; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= 8; c++) {
      const k = (r * 7 + c * 13) % 9;
      const v =
        k === 0
          ? `镇${r}-${c}`
          : k === 1
            ? r * c + 0.125
            : k === 2
              ? -r
              : k === 3
                ? `a<b>&"c"${r}`
                : k === 4
                  ? true
                  : k === 5
                    ? null
                    : r / 7;
      row.push(v);
      if (v !== null) ws.getCell(r, c).value = v as ExcelJS.CellValue;
    }
    expected.push(row);
  }
  ws.getCell(1, 10).value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  ws.getCell(2, 10).value = { formula: 'A2&"x"', result: "文本结果" } as ExcelJS.CellValue;
  ws.getCell(3, 10).value = { formula: "SUM(B1:B3)" } as ExcelJS.CellValue;
  const path = join(tempDir(), "big.xlsx");
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  const grid = await XlsxFile.open(path).readSheet("数据");

  it("reads every value ExcelJS wrote", () => {
    for (let r = 0; r < expected.length; r++) {
      for (let c = 0; c < 8; c++) expect(grid.rows[r][c] ?? null).toEqual(expected[r][c]);
    }
  });

  it("reads formula cells by their cached value: errors, strings, none", () => {
    const err = grid.rows[0][9];
    expect(isGridError(err) && err.error).toBe("#DIV/0!");
    expect(grid.rows[1][9]).toBe("文本结果");
    expect(grid.rows[2][9] ?? null).toBeNull();
  });
});

describe("hand-made XML parts", () => {
  it("joins rich-text runs and skips phonetic runs in shared strings", () => {
    const xml =
      '<sst><si><r><t>市经</t></r><r><rPr/><t xml:space="preserve">信局</t></r><rPh><t>し</t></rPh></si><si><t>A&amp;B_x000D_</t></si><si/></sst>';
    expect(parseSharedStrings(xml)).toEqual(["市经信局", "A&B\r", ""]);
  });

  it("reads inline strings, booleans, cells without a reference, hidden rows and merges", () => {
    const xml =
      '<worksheet><sheetData><row r="2" hidden="1"><c t="inlineStr"><is><t>甲</t></is></c><c t="b"><v>1</v></c><c><v>3.5</v></c></row>' +
      '<row r="4"><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="s"><v>0</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells></worksheet>';
    const scan = scanSheetXml(Buffer.from(xml), ["共享"]);
    expect(scan.rows[1]).toEqual(["甲", true, 3.5]);
    expect(scan.rows[3]).toEqual([null, null, { error: "#N/A" }, "共享"]);
    expect(scan.hiddenRows).toEqual([1]);
    expect(scan.merges).toEqual(["A4:B4"]);
  });
});

describe("unreadable input", () => {
  it("names the file when it is not an .xlsx", () => {
    const path = join(tempDir(), "notes.xlsx");
    writeFileSync(path, "这不是表格");
    expect(() => XlsxFile.open(path)).toThrow(XlsxReadError);
    expect(() => XlsxFile.open(path)).toThrow(/notes\.xlsx: 不是有效的 \.xlsx 文件/);
  });

  it("names the sheets there are when asked for one that is not", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("分解表");
    const path = join(tempDir(), "one.xlsx");
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    await expect(XlsxFile.open(path).readSheet("汇总")).rejects.toThrow(
      /没有名为“汇总”的工作表\(有:分解表\)/,
    );
  });

  it("rejects a zip that is no workbook", () => {
    // A one-entry zip holding hello.txt, stored by hand.
    const data = deflateRawSync(Buffer.from("hi"));
    const name = Buffer.from("hello.txt");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(2, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(2, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = 30 + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    const path = join(tempDir(), "x.xlsx");
    writeFileSync(path, Buffer.concat([local, name, data, central, name, end]));
    expect(() => XlsxFile.open(path)).toThrow(/不是 Excel 工作簿/);
  });
});
