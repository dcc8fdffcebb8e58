// Hostile and broken files, made here (never stored): the suite tests/hostile/hostileFiles.test.ts checks each
// ends with its limit's message through the CLI and the browser reader, and bench/hostile.mjs measures the time
// and peak memory each takes. Every builder is small and fast: bombs are built from repeated deflate blocks, so
// a 4 GB part costs a few MB and milliseconds to make.
import { constants, deflateRawSync } from "node:zlib";
import { makeZip } from "./zipWriter.mjs";

export { makeZip };

const enc = (s) => Buffer.from(s, "utf8");

/** A deflate stream of `head`, then `block` repeated `times`, then `tail`, without ever holding it inflated. */
export function deflateRepeated(head, block, times, tail) {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  // A full flush resets the dictionary, so each compressed block stands alone and can be repeated.
  const parts = [deflateRawSync(enc(head), flush)];
  const one = deflateRawSync(block, flush);
  for (let i = 0; i < times; i++) parts.push(one);
  parts.push(deflateRawSync(enc(tail)));
  return Buffer.concat(parts);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookXml = (sheetName = "Sheet1") =>
  `<?xml version="1.0"?><workbook ${NS} ${REL_NS}><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = (shared) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${shared ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ""}</Relationships>`;

/** An .xlsx of one sheet: `sheet` is the sheet part (text, or an entry built elsewhere), `shared` shared strings. */
export function xlsx({ sheet, shared, sheetName, extraEntries = [], extra = [] }) {
  const sheetEntry = typeof sheet === "string" ? { name: "xl/worksheets/sheet1.xml", data: sheet } : sheet;
  const entries = [
    { name: "[Content_Types].xml", data: TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.xml", data: workbookXml(sheetName) },
    { name: "xl/_rels/workbook.xml.rels", data: WORKBOOK_RELS(shared !== undefined) },
    sheetEntry,
    ...extraEntries,
  ];
  if (shared !== undefined)
    entries.push(typeof shared === "string" ? { name: "xl/sharedStrings.xml", data: shared } : shared);
  return makeZip(entries, extra);
}

const sheetXml = (rows, after = "") =>
  `<?xml version="1.0"?><worksheet ${NS}><sheetData>${rows}</sheetData>${after}</worksheet>`;

const DOCX_TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCX_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export function docx(document) {
  const doc = typeof document === "string" ? { name: "word/document.xml", data: document } : document;
  return makeZip([
    { name: "[Content_Types].xml", data: DOCX_TYPES },
    { name: "_rels/.rels", data: DOCX_RELS },
    doc,
  ]);
}

const MB = 1024 * 1024;
const spaces = Buffer.alloc(MB, 0x20);

/**
 * The cases: `kind` says which reader (xlsx, docx, txt), `expect` the message the CLI must end with (a RegExp),
 * or null where the file is merely odd and any clear outcome will do (read, or refused with a message);
 * `expectReader`, when given, is what the browser reader alone must do.
 */
export const HOSTILE_CASES = [
  {
    name: "sheet-bomb",
    kind: "xlsx",
    what: "a sheet part of 4 GB of spaces, deflated to 4 MB",
    build: () =>
      xlsx({
        sheet: {
          name: "xl/worksheets/sheet1.xml",
          deflated: deflateRepeated(
            `<?xml version="1.0"?><worksheet ${NS}><sheetData>`,
            spaces,
            4096,
            "</sheetData></worksheet>",
          ),
          size: 40000,
        },
      }),
    expect: /压缩炸弹/,
  },
  {
    name: "shared-strings-bomb",
    kind: "xlsx",
    what: "shared strings of 4 GB, deflated to 4 MB",
    build: () =>
      xlsx({
        sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        shared: {
          name: "xl/sharedStrings.xml",
          deflated: deflateRepeated(
            `<?xml version="1.0"?><sst ${NS}><si><t>`,
            spaces,
            4096,
            "</t></si></sst>",
          ),
          size: 100,
        },
      }),
    expect: /压缩炸弹/,
  },
  {
    name: "document-bomb",
    kind: "docx",
    what: "a document part of 4 GB, deflated to 4 MB",
    build: () =>
      docx({
        name: "word/document.xml",
        deflated: deflateRepeated(
          `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`,
          spaces,
          4096,
          "</w:t></w:r></w:p></w:body></w:document>",
        ),
        size: 100,
      }),
    expect: /压缩炸弹/,
  },
  {
    name: "overlapping-entries",
    kind: "xlsx",
    what: "3,000 directory entries sharing one local header's data (the overlapping-files bomb)",
    build: () =>
      xlsx({
        sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'),
        extraEntries: [{ name: "xl/media/big.bin", data: Buffer.alloc(2 * MB) }],
        extra: Array.from({ length: 3000 }, (_, i) => ({
          name: `xl/media/copy${i}.bin`,
          offsetOf: "xl/media/big.bin",
        })),
      }),
    expect: /重叠/,
  },
  {
    name: "too-many-entries",
    kind: "xlsx",
    what: "30,000 zip entries",
    build: () =>
      xlsx({
        sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'),
        extraEntries: Array.from({ length: 30000 }, (_, i) => ({ name: `x/${i}`, data: "", stored: true })),
      }),
    expect: /zip 条目有/,
  },
  {
    name: "row-2^31",
    kind: "xlsx",
    what: "a cell at row 2^31",
    build: () => xlsx({ sheet: sheetXml('<row r="2147483648"><c r="A2147483648"><v>1</v></c></row>') }),
    expect: /超出 Excel 的范围/,
  },
  {
    name: "column-Z8888",
    kind: "xlsx",
    what: "a cell at column ZZZZZZZZ",
    build: () => xlsx({ sheet: sheetXml('<row r="1"><c r="ZZZZZZZZ1"><v>1</v></c></row>') }),
    expect: /超出 Excel 的范围/,
  },
  {
    name: "far-cells",
    kind: "xlsx",
    what: "2,000 rows with a cell in column XFD each (33 million grid cells)",
    build: () =>
      xlsx({
        sheet: sheetXml(
          Array.from(
            { length: 2000 },
            (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`,
          ).join(""),
        ),
      }),
    expect: /单元格范围超过/,
  },
  {
    name: "many-merges",
    kind: "xlsx",
    what: "200,000 merged ranges",
    build: () =>
      xlsx({
        sheet: sheetXml(
          '<row r="1"><c r="A1"><v>1</v></c></row>',
          `<mergeCells count="200000">${Array.from({ length: 200000 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("")}</mergeCells>`,
        ),
      }),
    expect: /合并单元格超过/,
  },
  {
    name: "giant-merges",
    kind: "xlsx",
    what: "5,000 merges of A1:XFD1048576 over a table of 1,000 × 20 values",
    build: () =>
      xlsx({
        sheet: sheetXml(
          Array.from(
            { length: 1000 },
            (_, r) =>
              `<row r="${r + 1}">${Array.from({ length: 20 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r + c}</v></c>`).join("")}</row>`,
          ).join(""),
          `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(5000)}</mergeCells>`,
        ),
      }),
    expect: /合并单元格覆盖超过/,
    // Reading keeps merges as references; the cost comes when a table is read with them filled in.
    expectReader: null,
  },
  {
    name: "long-attribute",
    kind: "xlsx",
    what: "a start tag with a 256 MB attribute, deflated",
    build: () =>
      xlsx({
        sheet: {
          name: "xl/worksheets/sheet1.xml",
          deflated: deflateRepeated(
            `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" x="`,
            Buffer.alloc(MB, 0x61),
            256,
            '"><v>1</v></c></row></sheetData></worksheet>',
          ),
          size: 1000,
        },
      }),
    expect: /XML 元素超过|压缩炸弹/,
  },
  {
    name: "long-string",
    kind: "xlsx",
    what: "an inline string of 1 million characters",
    build: () =>
      xlsx({
        sheet: sheetXml(
          `<row r="1"><c r="A1" t="inlineStr"><is><t>${"长".repeat(1_000_000)}</t></is></c></row>`,
        ),
      }),
    expect: /32,767 个字符/,
  },
  {
    name: "long-shared-string",
    kind: "xlsx",
    what: "a shared string of 1 million characters referenced 10,000 times",
    build: () =>
      xlsx({
        sheet: sheetXml(
          Array.from(
            { length: 400 },
            (_, r) =>
              `<row r="${r + 1}">${Array.from({ length: 26 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>0</v></c>`).join("")}</row>`,
          ).join(""),
        ),
        shared: `<?xml version="1.0"?><sst ${NS}><si><t>${"f".repeat(1_000_000)}</t></si></sst>`,
      }),
    expect: /32,767 个字符/,
  },
  {
    name: "deep-xml-cell",
    kind: "xlsx",
    what: "a cell holding 500,000 nested elements",
    build: () =>
      xlsx({
        sheet: sheetXml(
          `<row r="1"><c r="A1">${"<x>".repeat(500000)}${"</x>".repeat(500000)}<v>1</v></c></row>`,
        ),
      }),
    expect: null,
  },
  {
    name: "deep-tables",
    kind: "docx",
    what: "100,000 tables nested in each other",
    build: () =>
      docx(
        `<?xml version="1.0"?><w:document ${W}><w:body>${"<w:tbl><w:tr><w:tc>".repeat(100000)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${"</w:tc></w:tr></w:tbl>".repeat(100000)}</w:body></w:document>`,
      ),
    expect: /嵌套超过/,
  },
  {
    name: "unclosed-tags",
    kind: "docx",
    what: "a paragraph of 1,000,000 <w:t> and <w:r x=… tags never closed",
    build: () =>
      docx(
        `<?xml version="1.0"?><w:document ${W}><w:body><w:p>${"<w:t>x".repeat(500000)}${'<w:r x="'.repeat(500000)}</w:p></w:body></w:document>`,
      ),
    expect: null,
  },
  {
    name: "unclosed-cells",
    kind: "xlsx",
    what: "1,000,000 cells whose end tag never comes",
    build: () => xlsx({ sheet: sheetXml(`<row r="1">${'<c r="A1"><v>1'.repeat(1_000_000)}</row>`) }),
    expect: /XML 元素超过/,
  },
  {
    name: "huge-grid-span",
    kind: "docx",
    what: "a table row whose cell spans 99,999,999 grid columns",
    build: () =>
      docx(
        `<?xml version="1.0"?><w:document ${W}><w:body><w:tbl><w:tr><w:trPr><w:gridBefore w:val="5"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`,
      ),
    expect: /超过 1,000 列/,
  },
  {
    name: "bad-char-refs",
    kind: "xlsx",
    what: "character references past Unicode (&#1114112;, &#xFFFFFFFFFF;), surrogates and &#0; in cells and the sheet name",
    build: () =>
      xlsx({
        sheetName: "表&#1114112;&#xD800;&#0;",
        sheet: sheetXml(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>&#1114112;&#xFFFFFFFFFF;&#55296;&#0;&#99999999999999999999;</t></is></c><c r="B1" t="s"><v>0</v></c></row>',
        ),
        shared: `<?xml version="1.0"?><sst ${NS}><si><t>&#1114112;x&#xDFFF;</t></si></sst>`,
      }),
    expect: null,
  },
  {
    name: "entity-bomb",
    kind: "xlsx",
    what: "shared strings with a DTD of nested entities (billion laughs)",
    build: () =>
      xlsx({
        sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        shared: `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${"b".repeat(i + 1)} "${`&${i === 0 ? "a" : "b".repeat(i)};`.repeat(10)}">`).join("")}]><sst ${NS}><si><t>&bbbbbbbbb;</t></si></sst>`,
      }),
    expect: /嵌套定义的 XML 实体/,
  },
  {
    name: "huge-text-plan",
    kind: "txt",
    what: "a 40 MB text plan",
    build: () => Buffer.alloc(40 * MB, "一、工业增加值增长8%。\n"),
    expect: /文本文件超过/,
  },
  {
    name: "truncated-zip",
    kind: "xlsx",
    what: "an .xlsx cut in half",
    build: () => {
      const whole = xlsx({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') });
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    expect: /zip|损坏/,
  },
];
