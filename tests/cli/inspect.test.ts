// `target-breakdown inspect`: what the readers read from each file, as a summary or as one JSON line per file in
// the shape of the corpus's reference readings. The files are written here: a workbook laid out part by part
// (date formats, t="d" cells, booleans, errors, a hidden sheet, a chart sheet), a .docx with merged cells, text
// plans in UTF-8 and GB18030, and files that cannot be read, several of them in one run.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { xlsxShape, xlsxShapeJson, type InspectWorkbook } from "../../src/core/read/inspectShape";
import { dateStyleIndices, isDateFormatCode } from "../../src/xlsx/cellFormats";
import { docxBytes, zipFiles } from "../fixtures/docx/docxWriter";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/workbooks";

const dir = tempDir("inspect-");
const write = (name: string, bytes: Buffer | string) => {
  writeFileSync(join(dir, name), bytes);
  return name;
};
/** Runs in `dir`, so the files are named as a user names them: relative paths, kept as given. */
const inspect = (...args: string[]) => runCli(["inspect", ...args], dir);
const jsonLines = (stdout: string) =>
  stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook part by part: sheets (worksheet XML, or a chartsheet) with styles and shared strings. */
function xlsxBytes(opts: {
  sheets: { name: string; xml: string; state?: string; chart?: boolean }[];
  shared?: string[];
  numFmts?: [number, string][];
  xfs?: number[];
  date1904?: boolean;
}): Buffer {
  const sheets = opts.sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`,
    )
    .join("");
  const rels = opts.sheets
    .map((s, i) =>
      s.chart
        ? `<Relationship Id="rId${i + 1}" Type="${REL}/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`
        : `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const n = opts.sheets.length;
  const numFmts = (opts.numFmts ?? []).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`);
  const xfs = (opts.xfs ?? [0]).map(
    (id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`,
  );
  const files = [
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}"><workbookPr${opts.date1904 ? ' date1904="1"' : ""}/><sheets>${sheets}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: "xl/styles.xml",
      data: `<?xml version="1.0"?><styleSheet ${NS}>${numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : ""}<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><dxfs count="1"><dxf><numFmt numFmtId="300" formatCode="yyyy"/></dxf></dxfs></styleSheet>`,
    },
    {
      name: "xl/sharedStrings.xml",
      data: `<?xml version="1.0"?><sst ${NS}>${(opts.shared ?? []).map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`,
    },
    ...opts.sheets.map((s, i) => ({
      name: s.chart ? `xl/chartsheets/sheet${i + 1}.xml` : `xl/worksheets/sheet${i + 1}.xml`,
      data: s.chart
        ? `<?xml version="1.0"?><chartsheet ${NS}><sheetPr/><drawing r:id="rId1" xmlns:r="${REL}"/></chartsheet>`
        : `<?xml version="1.0"?><worksheet ${NS}><sheetData>${s.xml}</sheetData></worksheet>`,
    })),
  ];
  return zipFiles(files.map((f) => ({ name: f.name, data: Buffer.from(f.data) })));
}

// Styles: 0 General, 1 a built-in date (14), 2 a custom date (yyyy-mm-dd), 3 a custom number with a quoted "d",
// 4 a time span ([h]:mm), 5 percent.
const BOOK = xlsxBytes({
  numFmts: [
    [164, "yyyy\\-mm\\-dd"],
    [165, '0.0 "days"'],
    [166, "[h]:mm"],
  ],
  xfs: [0, 14, 164, 165, 166, 10],
  shared: ["指标名称", "全市"],
  sheets: [
    {
      name: "分解",
      xml:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>备注</t></is></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="2"><v>45000.5</v></c><c r="C2" s="3"><v>7</v></c><c r="D2" s="4"><v>1.25</v></c><c r="E2" s="5"><v>0.085</v></c></row>' +
        '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4" t="d"><v>2023-03-01T12:00:00</v></c><c r="D4" t="str"><f>A1</f><v>指标名称</v></c><c r="E4"><f>1/0</f></c><c r="F4" t="s"><v>1</v></c></row>',
    },
    { name: "隐藏", state: "hidden", xml: '<row r="1"><c r="B1"><v>-3</v></c></row>' },
    { name: "图表", chart: true, xml: "" },
  ],
});

const BOOK_SHAPE = {
  file: "book.xlsx",
  epoch1904: false,
  sheets: [
    {
      name: "分解",
      cells: [
        [0, 0, "指标名称", "s"],
        [0, 1, "全市", "s"],
        [0, 2, "备注", "s"],
        [1, 0, 45000, "date"],
        [1, 1, 45000.5, "date"],
        [1, 2, 7, "n"],
        [1, 3, 1.25, "date"],
        [1, 4, 0.085, "n"],
        [3, 0, true, "b"],
        [3, 1, { error: "#N/A" }, "e"],
        [3, 2, 44986.5, "date"],
        [3, 3, "指标名称", "s"],
        [3, 5, "全市", "s"],
      ],
    },
    { name: "隐藏", cells: [[0, 1, -3, "n"]] },
    { name: "图表", kind: "chartsheet", cells: [] },
  ],
};

const DOCX = docxBytes([
  { kind: "p", text: "附件1" },
  {
    kind: "table",
    columns: 3,
    rows: [
      {
        cells: [
          { paragraphs: ["指标"], vMerge: "restart" },
          { paragraphs: ["2023年"], span: 2 },
        ],
      },
      {
        cells: [
          { paragraphs: [], vMerge: "continue" },
          { paragraphs: ["确保"] },
          { paragraphs: ["力争", "(亿元)"] },
        ],
      },
      { cells: [{ paragraphs: ["工业投资"] }, { paragraphs: ["970"] }, { paragraphs: ["1000"] }] },
    ],
  },
  { kind: "p", text: "" },
  { kind: "p", text: "附件2" },
]);

const TEXT = "一、主要目标\n指标名称|2023年\n工业投资|970\n";

describe("inspect --jsonl: one line per file in the corpus's shape", () => {
  write("book.xlsx", BOOK);
  write("plan.docx", DOCX);
  write("plan.txt", TEXT);
  write("gbk.txt", execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: TEXT }));
  write("truncated.xlsx", BOOK.subarray(0, 400));
  write("renamed.docx", "不是 Word 文档");

  it("reads a workbook: every sheet in order, hidden and chart sheets too, cells typed by their formats", () => {
    const r = inspect("--jsonl", "book.xlsx");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(jsonLines(r.stdout)).toEqual([BOOK_SHAPE]);
  });

  it("counts ISO dates (t=d) in the workbook's epoch", () => {
    write(
      "1904.xlsx",
      xlsxBytes({
        date1904: true,
        sheets: [{ name: "S", xml: '<row r="1"><c r="A1" t="d"><v>1904-01-02</v></c></row>' }],
      }),
    );
    const [book] = jsonLines(inspect("--jsonl", "1904.xlsx").stdout);
    expect(book).toEqual({
      file: "1904.xlsx",
      epoch1904: true,
      sheets: [{ name: "S", cells: [[0, 0, 1, "date"]] }],
    });
  });

  it("types the dates of a workbook ExcelJS wrote (a Date cell with its number format)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("进度");
    ws.getCell("A1").value = "月份";
    ws.getCell("B1").value = new Date(Date.UTC(2023, 7, 31));
    ws.getCell("B1").numFmt = "yyyy年m月d日";
    ws.getCell("C1").value = 12.5;
    write("exceljs.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const [book] = jsonLines(inspect("--jsonl", "exceljs.xlsx").stdout);
    expect(book.sheets).toEqual([
      {
        name: "进度",
        cells: [
          [0, 0, "月份", "s"],
          [0, 1, 45169, "date"],
          [0, 2, 12.5, "n"],
        ],
      },
    ]);
  });

  it("reads a legacy .xls as the commands do (openWorkbook, SheetJS): hidden sheets too, numbers untyped", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["指标名称", "全市"],
        ["工业投资", 970],
      ]),
      "分解",
    );
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[true]]), "隐藏");
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    write("legacy.xls", XLSX.write(wb, { type: "buffer", bookType: "xls" }) as Buffer);
    const r = inspect("--jsonl", "legacy.xls");
    expect(r.code, r.stderr).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([
      {
        file: "legacy.xls",
        epoch1904: false,
        sheets: [
          {
            name: "分解",
            cells: [
              [0, 0, "指标名称", "s"],
              [0, 1, "全市", "s"],
              [1, 0, "工业投资", "s"],
              [1, 1, 970, "n"],
            ],
          },
          { name: "隐藏", cells: [[0, 0, true, "b"]] },
        ],
      },
    ]);
    expect(inspect("legacy.xls").stdout).toContain("  隐藏(隐藏)  A1  1 个单元格(逻辑值 1)");
  });

  it("reads a document: paragraphs, tables on their grid with the merged regions, the block order", () => {
    const [doc] = jsonLines(inspect("--jsonl", "plan.docx").stdout);
    expect(doc).toEqual({
      file: "plan.docx",
      paragraphs: ["附件1", "", "附件2"],
      tables: [
        {
          rows: [
            ["指标", "2023年", ""],
            ["", "确保", "力争\n(亿元)"],
            ["工业投资", "970", "1000"],
          ],
          merges: [
            [0, 0, 2, 1],
            [0, 1, 1, 2],
          ],
        },
      ],
      order: "ptpp",
    });
  });

  it("reads text plans in the encoding their bytes tell", () => {
    const lines = jsonLines(inspect("--jsonl", "plan.txt", "gbk.txt").stdout);
    expect(lines).toEqual([
      { file: "plan.txt", encoding: "UTF-8", text: TEXT },
      { file: "gbk.txt", encoding: "GB18030", text: TEXT },
    ]);
  });

  it("reads many files in one run; a file it cannot read is one line with the reason, and exit 2", () => {
    const files = [
      "truncated.xlsx",
      "book.xlsx",
      "missing.xlsx",
      "renamed.docx",
      "plan.docx",
      "plan.txt",
      ".",
    ];
    const r = inspect(...files, "--jsonl");
    expect(r.code).toBe(2);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.file)).toEqual(files);
    const errors = Object.fromEntries(lines.filter((l) => "error" in l).map((l) => [l.file, l.error]));
    expect(Object.keys(errors)).toEqual(["truncated.xlsx", "missing.xlsx", "renamed.docx", "."]);
    expect(errors["missing.xlsx"]).toBe("文件不存在");
    expect(errors["renamed.docx"]).toMatch(/不是 Word \.docx 文档/);
    expect(errors["truncated.xlsx"]).toMatch(/zip/);
    for (const e of Object.values(errors)) expect(e).not.toMatch(/内部错误|^\S+: /);
    expect(lines[1]).toEqual(BOOK_SHAPE);
    expect(r.stderr).toContain("7 个文件中有 4 个无法读取");
  });

  it("prints the same JSON in pieces as at once", () => {
    const book: InspectWorkbook = {
      epoch1904: true,
      sheets: [
        {
          name: 'a"b',
          rows: [[1, "x", null, true], [], [{ error: "#REF!" }, 45000]],
          dates: new Set([2 * 16384 + 1]),
        },
        { name: "c", kind: "chartsheet", rows: [] },
        { name: "d", rows: [["", null, 0]] },
      ],
    };
    for (const per of [1, 2, 4096])
      expect([...xlsxShapeJson("f.xlsx", book, per)].join("")).toBe(
        JSON.stringify(xlsxShape("f.xlsx", book)),
      );
  });
});

describe("inspect: the summary", () => {
  it("names each file's kind, its sheets with their ranges and cells by type, its tables, its encoding", () => {
    const r = inspect("book.xlsx", "plan.docx", "gbk.txt");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      "book.xlsx  Excel 工作簿,1900 日期系统,3 个工作表",
      "  分解  A1:F4  13 个单元格(文字 5,数字 2,日期 4,逻辑值 1,错误值 1)",
      "  隐藏(隐藏)  B1  1 个单元格(数字 1)",
      "  图表  图表工作表,没有单元格",
      "plan.docx  Word 文档,3 个段落,1 个表格",
      "  表格 1  3 行 × 3 列,合并区域 2 个",
      "gbk.txt  文本,GB18030 编码,27 个字符,3 行",
      "",
    ]);
  });

  it("says why a file cannot be read, and goes on with the next", () => {
    const r = inspect("missing.xlsx", "plan.txt");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("missing.xlsx  无法读取:文件不存在\nplan.txt  文本,UTF-8 编码,27 个字符,3 行\n");
  });

  it("wants at least one file, and knows its options", () => {
    expect(inspect().code).toBe(2);
    const r = inspect("--json", "plan.txt");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--jsonl");
  });
});

describe("date formats (openpyxl's rule, which the corpus's references follow)", () => {
  it.each([
    ["yyyy-mm-dd", true],
    ["yyyy年m月d日", true],
    ["h:mm AM/PM", true],
    ["[h]:mm:ss", true],
    ["DD", true],
    ["D", false], // one letter, nothing before it
    ['0.0 "days"', false],
    ["[Red]0.00", false],
    ["[$-804]0.00", false],
    ["0.00;[Red]-yyyy", false], // only the first section counts
    ["\\d0", false],
    ["General", false],
    ["0%", false],
  ])("%s → %s", (code, date) => expect(isDateFormatCode(code)).toBe(date));

  it("finds the date formats of the cell formats (cellXfs), not of the cell styles or dxfs", () => {
    const xml =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d"/><numFmt numFmtId="14" formatCode="0.00"/></numFmts>' +
      '<cellStyleXfs><xf numFmtId="22"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="22"/><xf/></cellXfs>' +
      '<dxfs><dxf><numFmt numFmtId="0" formatCode="yyyy"/></dxf></dxfs></styleSheet>';
    expect([...dateStyleIndices(xml)]).toEqual([1, 3]);
  });
});
