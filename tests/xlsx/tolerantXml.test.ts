// .xlsx files as 腾讯文档, WPS and the OpenXML SDK write them: the parts found through the package relationships
// (wherever they are, however the zip spells them) and the XML read whatever its namespace prefixes, quotes,
// encodings and line ends. Each workbook is zipped by hand here, and both readers (CLI and browser) must give
// exactly the same cells.
import { describe, expect, it } from "vitest";
import { zipFiles } from "../../bench/zipWriter.mjs";
import type { GridValue } from "../../src/core/grid";
import { isXlsxPackage, XlsxFile, XlsxReadError } from "../../src/xlsx/readXlsx";
import { readXlsxInBrowser } from "../../src/xlsx/readXlsxBrowser";
import { isoToSerial, parseSharedStrings, scanSheetXml, SheetXmlScanner } from "../../src/xlsx/sheetXml";
import { relsPartOf, resolveTarget } from "../../src/xlsx/workbookParts";

// --- a zip writer, just enough for these tests ---

/** A zip of the given entries (text as UTF-8, or bytes as they are), deflated, in the order given. */
const zip = (files: Record<string, string | Buffer>): Buffer => zipFiles(files);

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const utf16beNoBom = (s: string) => Buffer.from(s, "utf16le").swap16();
const utf8Bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")]);

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const rel = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`;
const rels = (...r: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${r.join("")}</Relationships>`;
const rootRels = (workbook: string) => rels(rel("rId1", "officeDocument", workbook));

/** Both readers' sheets as {name: rows}, checked to agree. */
async function readBoth(bytes: Buffer, name = "t.xlsx"): Promise<Record<string, GridValue[][]>> {
  const file = new XlsxFile(bytes, name);
  const node = await file.readAll();
  const browser = await readXlsxInBrowser(new Uint8Array(bytes), name);
  expect(browser.map((g) => [g.name, g.rows, g.merges, g.hiddenRows])).toEqual(
    node.map((g) => [g.name, g.rows, g.merges, g.hiddenRows]),
  );
  for (const g of browser) expect(g.epoch1904).toBe(file.epoch1904);
  return Object.fromEntries(node.map((g) => [g.name, g.rows]));
}

// --- the package: relationships rather than fixed paths ---

describe("parts found through the package relationships", () => {
  it("resolves targets absolute, relative, with backslashes and in another case", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("wb/sub/book.xml", "../data/./s.xml")).toBe("wb/data/s.xml");
    expect(resolveTarget("xl/workbook.xml", "worksheets\\sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPartOf("")).toBe("_rels/.rels");
  });

  it("reads a workbook that is not at xl/workbook.xml, its sheets wherever the relationships put them", async () => {
    const sheet = (text: string) =>
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const bytes = zip({
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": rootRels("/Book/Main.xml"),
      "Book/Main.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="绝对" sheetId="1" r:id="a"/><sheet name="相对" sheetId="2" r:id="b"/><sheet name="反斜杠" sheetId="3" r:id="c"/><sheet name="大小写" sheetId="4" r:id="d"/><sheet name="空" sheetId="5" r:id=""/></sheets></workbook>`,
      "Book/_rels/Main.xml.rels": rels(
        rel("a", "worksheet", "/Book/sheets/one.xml"),
        rel("b", "worksheet", "../data/two.xml"),
        rel("c", "worksheet", "sheets\\three.xml"),
        rel("d", "worksheet", "SHEETS/FOUR.XML"),
        rel("s", "sharedStrings", "text/strings.xml"),
        rel("x", "hyperlink", "https://example.com/"),
      ),
      "Book/sheets/one.xml": sheet("一"),
      "data/two.xml": sheet("二"),
      "Book/sheets/three.xml": sheet("三"),
      "book/Sheets/four.xml": sheet("四"),
      "Book/text/strings.xml": `<sst xmlns="${MAIN}"><si><t>共享</t></si></sst>`,
    });
    const file = new XlsxFile(bytes, "book.xlsx");
    expect(isXlsxPackage(bytes)).toBe(true);
    expect(file.workbookPart).toBe("Book/Main.xml");
    expect(file.sheets.map((s) => [s.name, s.part])).toEqual([
      ["绝对", "Book/sheets/one.xml"],
      ["相对", "data/two.xml"],
      ["反斜杠", "Book/sheets/three.xml"],
      ["大小写", "book/Sheets/four.xml"],
    ]);
    expect(await readBoth(bytes)).toEqual({
      绝对: [["一", "共享"]],
      相对: [["二", "共享"]],
      反斜杠: [["三", "共享"]],
      大小写: [["四", "共享"]],
    });
  });

  it("reads a zip written with backslashes and other cases in its entry names", async () => {
    const bytes = zip({
      "_rels\\.rels": rootRels("xl/workbook.xml"),
      "XL\\WorkBook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl\\_rels\\workbook.xml.rels": rels(rel("rId1", "worksheet", "worksheets/sheet1.xml")),
      "xl\\worksheets\\Sheet1.XML": `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>`,
    });
    expect(await readBoth(bytes)).toEqual({ S: [[7]] });
  });

  it("falls back to the conventional paths when relationships are missing", async () => {
    const bytes = zip({
      "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="甲" sheetId="1" r:id="rId1"/><sheet name="乙" sheetId="2" r:id="rId2"/></sheets></workbook>`,
      "xl/sharedStrings.xml": `<sst xmlns="${MAIN}"><si><t>共享</t></si></sst>`,
      "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      "xl/worksheets/sheet2.xml": `<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="B2"><v>2</v></c></row></sheetData></worksheet>`,
    });
    expect(await readBoth(bytes)).toEqual({ 甲: [["共享"]], 乙: [[], [null, 2]] });
  });

  it("still says so when the zip holds no workbook", () => {
    const bytes = zip({ "_rels/.rels": rootRels("word/document.xml"), "word/document.xml": "<w:document/>" });
    expect(isXlsxPackage(bytes)).toBe(false);
    expect(() => new XlsxFile(bytes, "x.docx")).toThrow(XlsxReadError);
    expect(() => new XlsxFile(bytes, "x.docx")).toThrow(/x\.docx: 不是 Excel 工作簿/);
  });
});

// --- the XML: any prefix, either quote, extra attributes, CDATA, line ends ---

describe("SpreadsheetML with namespace prefixes, as the OpenXML SDK writes it", () => {
  const bytes = zip({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": `<?xml version="1.0"?><ns0:Relationships xmlns:ns0="${PKG}"><ns0:Relationship Id='rId1' Type='${R}/officeDocument' Target='/xl/workbook.xml'/></ns0:Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="utf-8"?><ns2:workbook xmlns:ns2="${MAIN}" xmlns:rel="${R}"><ns2:workbookPr/><ns2:sheets><ns2:sheet name='数据 &amp; 说明' sheetId='1' rel:id='rId7'/><ns2:sheet name="隐藏" sheetId="2" rel:id="rId8" state="hidden"/></ns2:sheets></ns2:workbook>`,
    "xl/_rels/workbook.xml.rels": `<x:Relationships xmlns:x="${PKG}"><x:Relationship Id="rId7" Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml"/><x:Relationship Id="rId8" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/><x:Relationship Id="rId9" Type="${R}/sharedStrings" Target="/xl/sharedStrings.xml"/></x:Relationships>`,
    "xl/sharedStrings.xml": `<x:sst xmlns:x="${MAIN}"><x:si><x:t>镇街</x:t></x:si><x:si><x:r><x:t xml:space="preserve">市经</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>信局</x:t></x:r><x:rPh sb="0" eb="1"><x:t>しけい</x:t></x:rPh></x:si><x:si/></x:sst>`,
    "xl/worksheets/sheet1.xml":
      `<?xml version="1.0" encoding="utf-8"?>\r\n<x:worksheet xmlns:x="${MAIN}">\r\n  <x:sheetData>\r\n` +
      `    <x:row r='1' spans='1:3'>\r\n      <x:c r='A1' t='s'><x:v>0</x:v></x:c>\r\n      <x:c r="B1" t="s" s="1"><x:v>1</x:v></x:c>\r\n` +
      `      <x:c r="C1" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c>\r\n    </x:row>\r\n` +
      `    <x:row r="2" hidden='1'><x:c r="A2"><x:f>1+1</x:f><x:v xml:space="preserve">2</x:v></x:c><x:c r="B2" t="b"><x:v>1</x:v></x:c><x:c r="C2" t="e"><x:v>#N/A</x:v></x:c></x:row>\r\n` +
      `  </x:sheetData>\r\n  <x:mergeCells count="1"><x:mergeCell ref='A1:B1'/></x:mergeCells>\r\n</x:worksheet>`,
    "xl/worksheets/sheet2.xml": `<ns2:worksheet xmlns:ns2="${MAIN}"><ns2:sheetData><ns2:row><ns2:c><ns2:v>9</ns2:v></ns2:c></ns2:row></ns2:sheetData></ns2:worksheet>`,
  });

  it("finds the sheets, names decoded, hidden ones flagged", () => {
    const file = new XlsxFile(bytes, "sdk.xlsx");
    expect(file.sheets).toEqual([
      { name: "数据 & 说明", part: "xl/worksheets/sheet1.xml", hidden: false },
      { name: "隐藏", part: "xl/worksheets/sheet2.xml", hidden: true },
    ]);
    expect(file.epoch1904).toBe(false);
  });

  it("reads every cell, hidden row and merge", async () => {
    expect(await readBoth(bytes)).toEqual({
      "数据 & 说明": [
        ["镇街", "市经信局", "内联"],
        [2, true, { error: "#N/A" }],
      ],
      隐藏: [[9]],
    });
    const grid = await new XlsxFile(bytes).readSheet("数据 & 说明");
    expect(grid.hiddenRows).toEqual([1]);
    expect(grid.merges).toEqual(["A1:B1"]);
  });

  it("gives the same cells when the sheet XML comes one character at a time", () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="3"><x:c r="b3" t='str'><x:f>A1</x:f><x:v>文本</x:v></x:c><x:c><x:v><![CDATA[1.5]]></x:v></x:c><!-- <x:c r="Z3"><x:v>0</x:v></x:c> --></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B3:C3"/></x:mergeCells></x:worksheet>`;
    const scanner = new SheetXmlScanner([]);
    for (const ch of xml) scanner.push(ch);
    const piecewise = scanner.finish();
    expect(piecewise).toEqual(scanSheetXml(xml, []));
    expect(piecewise.rows).toEqual([[], [], [null, "文本", 1.5]]);
    expect(piecewise.merges).toEqual(["B3:C3"]);
  });
});

describe("cell values", () => {
  const sheet = (cells: string) =>
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  const row = (cells: string, shared: string[] = [], epoch1904 = false) =>
    scanSheetXml(sheet(cells), shared, epoch1904).rows[0] ?? [];

  it("reads an empty <v> as no value, never 0", () => {
    expect(
      row('<c r="A1"><v></v></c><c r="B1"><v/></c><c r="C1" t="n"><v> </v></c><c r="D1"><v>0</v></c>'),
    ).toEqual([null, null, null, 0]);
    expect(
      row('<c r="A1" t="s"><v></v></c><c r="B1" t="b"><v/></c><c r="C1" t="e"><v></v></c>', ["x"]),
    ).toEqual([]);
  });

  it("reads numbers with or without t='n', and never makes NaN", () => {
    expect(row('<c r="A1" t="n"><v>1.5E3</v></c><c r="B1"><v>-0.25</v></c><c r="C1"><v>NaN</v></c>')).toEqual(
      [1500, -0.25, "NaN"],
    );
  });

  it("reads booleans, errors, shared, formula and inline strings", () => {
    expect(
      row(
        '<c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><v>true</v></c>' +
          '<c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="s"><v>1</v></c><c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
          '<c r="G1" t="inlineStr"><v>ignored</v><is><r><t>富</t></r><r><t xml:space="preserve"> 文本</t></r><rPh><t>ふ</t></rPh></is></c>',
        ["零", "一"],
      ),
    ).toEqual([true, false, true, { error: "#DIV/0!" }, "一", "ab", "富 文本"]);
  });

  it("decodes _xHHHH_ escapes (lower-case _x only; _x005F_ is an underscore)", () => {
    expect(
      row(
        '<c r="A1" t="str"><v>a_x000D_b</v></c><c r="B1" t="str"><v>_x005F_x0041_</v></c><c r="C1" t="str"><v>_X0041_</v></c>',
      ),
    ).toEqual(["a\rb", "_x0041_", "_X0041_"]);
    expect(parseSharedStrings(`<sst><si><t>_x4E2D__x6587_</t></si></sst>`)).toEqual(["中文"]);
  });

  it("places lower-case references, cells without r and rows without r", () => {
    const xml =
      `<worksheet xmlns="${MAIN}"><sheetData><row><c><v>1</v></c><c><v>2</v></c></row>` +
      `<row><c r="c2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c r="b5"><v>5</v></c></row><row><c><v>6</v></c></row></sheetData></worksheet>`;
    expect(scanSheetXml(xml, []).rows).toEqual([[1, 2], [null, null, 3, 4], [], [], [null, 5], [6]]);
  });

  it("takes CDATA as text, and CRLF or a lone CR as LF (a CR written as &#13; stays)", () => {
    expect(
      row(
        '<c r="A1" t="str"><v><![CDATA[<b>&amp;</b>]]></v></c><c r="B1" t="inlineStr"><is><t><![CDATA[甲]]>乙</t></is></c>',
      ),
    ).toEqual(["<b>&amp;</b>", "甲乙"]);
    expect(parseSharedStrings("<sst><si><t>第一行\r\n第二行\r第三行&#13;</t></si></sst>")).toEqual([
      "第一行\n第二行\n第三行\r",
    ]);
  });

  it("turns ISO-8601 dates (t='d') into the serial of the workbook's epoch", () => {
    expect(
      row(
        '<c r="A1" t="d"><v>2021-01-01</v></c><c r="B1" t="d"><v>2021-12-31T23:44:51.894</v></c><c r="C1" t="d"><v>10:10:10</v></c>' +
          '<c r="D1" t="d"><v>1900-02-28</v></c><c r="E1" t="d"><v>1900-03-01T12:00:00Z</v></c><c r="F1" t="d"><v>PT0H11M0.000S</v></c>' +
          '<c r="G1" t="d"><v>不是日期</v></c>',
      ),
    ).toEqual([44197, 44561.989489513886, 0.4237268518518518, 59, 61.5, 11 / 1440, "不是日期"]);
    expect(
      row('<c r="A1" t="d"><v>2021-01-01</v></c><c r="B1" t="d"><v>1904-01-02</v></c>', [], true),
    ).toEqual([42735, 1]);
    expect(isoToSerial("1899-12-30T06:00:00")).toBe(0.25);
    expect(isoToSerial("2021-13-01")).toBeNull();
  });

  it("reads t='d' cells in a 1904 workbook by its <workbookPr date1904='1'/>", async () => {
    const bytes = zip({
      "_rels/.rels": rootRels("xl/workbook.xml"),
      "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr date1904='1'/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets><extLst><ext uri="{x}"><x15:workbookPr chartTrackingRefBase="1" xmlns:x15="x15"/></ext></extLst></workbook>`,
      "xl/_rels/workbook.xml.rels": rels(rel("rId1", "worksheet", "worksheets/sheet1.xml")),
      "xl/worksheets/sheet1.xml": sheet(
        '<c r="A1" t="d"><v>2021-01-01T06:00:00</v></c><c r="B1"><v>3</v></c>',
      ),
    });
    expect(new XlsxFile(bytes).epoch1904).toBe(true);
    expect(await readBoth(bytes)).toEqual({ S: [[42735.25, 3]] });
  });
});

describe("encodings", () => {
  it("reads UTF-16 parts (with a BOM, or told by their first bytes) and drops a UTF-8 BOM", async () => {
    const bytes = zip({
      "_rels/.rels": utf8Bom(rootRels("xl/workbook.xml")),
      "xl/workbook.xml": utf16beNoBom(
        `<?xml version="1.0" encoding="UTF-16"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="十六位" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": utf8Bom(
        rels(
          rel("rId1", "worksheet", "worksheets/sheet1.xml"),
          rel("rId2", "sharedStrings", "sharedStrings.xml"),
        ),
      ),
      "xl/sharedStrings.xml": utf16le(
        `<?xml version="1.0" encoding="UTF-16"?><sst xmlns="${MAIN}"><si><t>共享😀</t></si></sst>`,
      ),
      "xl/worksheets/sheet1.xml": utf16le(
        `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${MAIN}"><sheetData>` +
          Array.from(
            { length: 3000 }, // long enough to be inflated in several pieces
            (_, i) =>
              `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
          ).join("") +
          "</sheetData></worksheet>",
      ),
    });
    const rows = (await readBoth(bytes))["十六位"];
    expect(rows).toHaveLength(3000);
    expect(rows[0]).toEqual(["共享😀", 0]);
    expect(rows[2999]).toEqual(["共享😀", 2999]);
  });
});
