// The fake's formula engine against a real one. Every case below is written through the project's .xlsx renderer
// (one workbook: an input sheet, a sheet with one formula per row, and the seed plan's own sheets), recalculated
// once by LibreOffice headless, and read back; the same file opened in the fake must give the same values.
// LibreOffice is the reference except where it is known to differ from Excel: those cases carry Excel's value,
// the reason and Microsoft's documentation, and the fake must give Excel's value (LibreOffice's is asserted too,
// so the note stays true).
//
// The case list must cover every function the engine implements (FUNCTION_NAMES) and every operator the parser
// reads: a function added to the engine without cases here fails the coverage test.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import { emptySpec, type SheetSpec, type SpecValue } from "../../src/core/layout/sheetSpec";
import { cellValue, type FakeWorkbook } from "../../src/workbench/fakeExcel";
import { FUNCTION_NAMES } from "../../src/workbench/fakeExcel/formula/functions";
import {
  BINARY_OPERATORS,
  UNARY_OPERATORS,
  parseFormula,
  type Node,
} from "../../src/workbench/fakeExcel/formula/parse";
import { fakeWorkbookFromExcelJs } from "../../src/workbench/fakeExcel/xlsxBridge";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";
import { readZipDirectory, readZipEntryText } from "../../src/xlsx/zip";
import { sofficeConvert } from "../helpers/libreoffice";
import { seedPlan, tempDir } from "../helpers/workbooks";

type V = number | string | boolean | { error: string };

interface Case {
  /** The formula without "=", written in row {r} of 公式 (the placeholder is replaced by the row number). */
  f: string;
  /** What column D of the case's row holds (for relative references and implicit intersection). */
  d?: SpecValue;
  /** Where LibreOffice is known to differ from Excel: Excel's value (the fake's), LibreOffice's, and why. */
  excel?: { value: V; libreOffice: V; why: string };
}

const hasSoffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].some(existsSync);

// ---- the inputs: sheet 输入 (column by column from row 1) and sheet '输入 二' ----

const f = (formula: string) => ({ formula });
const INPUT_COLUMNS: SpecValue[][] = [
  // A: mixed — numbers, an empty cell, a text number, a boolean, Chinese text, #DIV/0!, #N/A, a formula's ""
  [1, 2, -3.5, null, "7", true, "文本", f("1/0"), f("#N/A"), f('""')],
  // B, C: for SUMPRODUCT (C4 is text)
  [2, 3, 4, 5, 6],
  [10, 20, 30, "x", 50],
  // D: rounding halves
  [0.5, 1.5, 2.5, -2.5, 2.675, -0.5],
  // E: text
  ["镇一", "下达中", "ABC", "abc", "  "],
  // F: logicals and the text "FALSE"
  [true, false, "FALSE"],
  // G: empty, a formula's "", zero, a space
  [null, f('""'), 0, " "],
  // H: text Excel reads as a number in arithmetic
  ["1,234.5", "50%", " 1.5 ", "1e3"],
];

function inputSheet(): SheetSpec {
  const spec = emptySpec("输入");
  const height = Math.max(...INPUT_COLUMNS.map((c) => c.length));
  spec.rows = Array.from({ length: height }, (_, r) => INPUT_COLUMNS.map((col) => col[r] ?? null));
  return spec;
}

function secondInputSheet(): SheetSpec {
  const spec = emptySpec("输入 二");
  spec.rows = [[100], [200], ["x"]];
  return spec;
}

// ---- the cases ----

const EXCEL_BOOLEANS =
  "LibreOffice has no boolean type: TRUE is the number 1 formatted as a boolean. Excel keeps logical values apart";
const SUM_DOC =
  `${EXCEL_BOOLEANS}; Microsoft's SUM: "If an argument is an array or reference, only numbers in that array or ` +
  `reference are counted. Empty cells, logical values, or text in the array or reference are ignored."`;

const DIRECT_TEXT =
  "LibreOffice refuses text typed into the arguments; Microsoft's SUM, MAX, MIN and AVERAGE: \"Logical values and " +
  'text representations of numbers that you type directly into the list of arguments are counted."';
const EXPONENT =
  "LibreOffice writes three exponent digits (1E+021); Excel's scientific notation has two (its built-in format " +
  "11 is 0.00E+00, ECMA-376 Part 1 §18.8.30), and a number with more digits than the 15 Excel keeps is shown so";

const SINGLE =
  'LibreOffice 7.4 has no implicit-intersection operator; Microsoft\'s "Implicit intersection operator: @": "If the ' +
  'value is a range, then return the value from the cell on the same row or column as the formula."';

const CASES: Case[] = [
  // SUM
  { f: "SUM(1,2,3)" },
  { f: "SUM(输入!A1:A3)" },
  {
    f: "SUM(输入!A1:A7)",
    excel: { value: -0.5, libreOffice: 0.5, why: SUM_DOC },
  },
  { f: "SUM(输入!A1:A8)" },
  { f: "SUM(输入!A8:A9)" },
  { f: "SUM(输入!A9,输入!A8)" },
  { f: 'SUM("3",TRUE,2)', excel: { value: 6, libreOffice: { error: "#VALUE!" }, why: DIRECT_TEXT } },
  { f: 'SUM("abc")' },
  { f: "SUM(输入!B:B)" },
  { f: "SUM('输入 二'!A1:A3)" },
  { f: "SUM(输入!A4)" },
  { f: "SUM(输入!H1:H4)" },
  { f: "SUM(-输入!A5)" },
  { f: "SUM(1E+308,1E+308)" },
  { f: "SUM(0.1,0.2)" },
  // MIN, MAX
  { f: "MIN(输入!A1:A7)" },
  { f: "MAX(输入!A1:A7)" },
  { f: "MIN(输入!G1:G2)" },
  { f: "MAX(输入!E1:E4)" },
  { f: "MIN(TRUE,5)" },
  { f: 'MAX("8",2)', excel: { value: 8, libreOffice: { error: "#VALUE!" }, why: DIRECT_TEXT } },
  { f: "MAX(输入!A1:A9)" },
  { f: 'MIN(-0.5,"abc")' },
  { f: "MAX('输入 二'!A:A)" },
  { f: "MIN(输入!D1:D6)" },
  // AVERAGE
  { f: "AVERAGE(输入!B1:B5)" },
  {
    f: "AVERAGE(输入!A1:A7)",
    excel: {
      value: -0.5 / 3,
      libreOffice: 0.5 / 4,
      why: `${EXCEL_BOOLEANS}; Microsoft's AVERAGE: "If a range or cell reference argument contains text, logical values, or empty cells, those values are ignored."`,
    },
  },
  { f: "AVERAGE(输入!E1:E3)" },
  { f: 'AVERAGE("2",TRUE)', excel: { value: 1.5, libreOffice: { error: "#VALUE!" }, why: DIRECT_TEXT } },
  { f: "AVERAGE(输入!A8,1)" },
  { f: "AVERAGE(输入!D1:D6)" },
  // COUNT, COUNTA, COUNTBLANK
  {
    f: "COUNT(输入!A1:A10)",
    excel: {
      value: 3,
      libreOffice: 4,
      why: `${EXCEL_BOOLEANS}; Microsoft's COUNT: "If an argument is an array or reference, only numbers in that array or reference are counted. Empty cells, logical values, text, or error values in the array or reference are not counted."`,
    },
  },
  { f: 'COUNT(1,"2","x",TRUE,#N/A)' },
  { f: "COUNT(输入!A4)" },
  { f: "COUNT('输入 二'!A1:A3)" },
  { f: "COUNT(输入!B1:C5)" },
  { f: "COUNTA(输入!A1:A10)" },
  { f: "COUNTA(输入!G1:G4)" },
  { f: 'COUNTA("",1)' },
  { f: "COUNTA(输入!A4,输入!G1)" },
  { f: "COUNTBLANK(输入!G1:G4)" },
  { f: "COUNTBLANK(输入!A1:A10)" },
  { f: "COUNTBLANK(输入!B1:B5)" },
  {
    f: "COUNTBLANK(输入!Z1:Z3)",
    excel: {
      value: 3,
      libreOffice: 0,
      why: "LibreOffice counts nothing in columns past the sheet's last used one; Microsoft's COUNTBLANK counts the empty cells of the range, wherever it lies",
    },
  },
  { f: "COUNTBLANK(输入!A11:B13)" },
  { f: "COUNTBLANK(输入!E5)" },
  // SUMPRODUCT
  { f: "SUMPRODUCT(输入!B1:B5,输入!C1:C5)" },
  { f: "SUMPRODUCT(输入!B1:B5)" },
  { f: "SUMPRODUCT(输入!B1:B5,输入!C1:C4)" },
  { f: "SUMPRODUCT((输入!B1:B5>3)*输入!B1:B5)" },
  { f: "SUMPRODUCT(输入!A1:A3,输入!A8:A10)" },
  { f: "SUMPRODUCT({1,2;3,4},{5,6;7,8})" },
  { f: 'SUMPRODUCT(--(输入!E1:E4="abc"))' },
  {
    f: "SUMPRODUCT(输入!A5:A7)",
    excel: {
      value: 0,
      libreOffice: 1,
      why: `${EXCEL_BOOLEANS}; Microsoft's SUMPRODUCT: "SUMPRODUCT treats non-numeric array entries as if they were zeros."`,
    },
  },
  { f: 'SUMPRODUCT(ISNUMBER(SEARCH("下达",输入!E1:E4))*1)' },
  { f: "SUMPRODUCT(ROUND(输入!D1:D4,0))" },
  { f: "SUMPRODUCT(ABS(输入!D1:D6))" },
  { f: "SUMPRODUCT(输入!B1:B5*输入!C1:C5)" },
  // ROUND, ABS
  { f: "ROUND(2.675,2)" },
  { f: "ROUND(-2.5,0)" },
  { f: "ROUND(0.5,0)" },
  { f: "ROUND(1234.5678,-2)" },
  { f: "ROUND(输入!D5,2)" },
  { f: 'ROUND("1.25",1)' },
  { f: 'ROUND(1.25,"x")' },
  { f: "ROUND(输入!A8,1)" },
  { f: "ROUND(1.55,0.9)" },
  { f: "ROUND(-1.005,2)" },
  { f: "ROUND(0.1+0.2-0.3,10)" },
  { f: "ROUND(输入!A4,0)" },
  { f: "ABS(-3.5)" },
  { f: "ABS(输入!A3)" },
  { f: 'ABS("-2")' },
  { f: 'ABS("x")' },
  { f: "ABS(输入!A9)" },
  { f: "ABS(输入!A4)" },
  // IF, IFERROR
  { f: 'IF(输入!A1>0,"正","负")' },
  { f: 'IF(输入!A4,"a","b")' },
  { f: "IF(输入!A8,1,2)" },
  { f: "IF(FALSE,1)" },
  { f: "IF(TRUE,)" },
  { f: 'IF("TRUE",1,2)' },
  { f: 'IF("x",1,2)' },
  { f: 'IF(0,1/0,"ok")' },
  { f: 'IF(输入!E1="镇一","是","否")' },
  { f: 'IF(D{r}>=60,"及格","不及格")', d: 60 },
  { f: 'IF(输入!A10="","空","非空")' },
  { f: 'IF(COUNT(输入!E1:E4)=0,"",SUM(输入!E1:E4))' },
  { f: 'IFERROR(1/0,"除零")' },
  { f: "IFERROR(输入!A9,0)" },
  { f: "IFERROR(输入!A1,0)" },
  { f: 'IFERROR(输入!A4,"x")' },
  { f: 'IFERROR(SEARCH("z","abc"),-1)' },
  { f: 'IFERROR("",1)' },
  // AND, OR, NOT
  { f: 'AND(TRUE,1,"TRUE")' },
  { f: 'AND("abc")' },
  { f: "AND(输入!F1:F3)" },
  { f: "AND(输入!E1:E2)" },
  { f: "AND(输入!B1:B5)" },
  { f: "AND(1,输入!A8)" },
  { f: "AND(输入!A1>0,输入!B1>0)" },
  { f: "OR(FALSE,0,输入!A4)" },
  { f: "OR(输入!F2:F3)" },
  { f: "OR(输入!E1:E4)" },
  { f: "OR(输入!A1:A10)" },
  { f: "OR(输入!A3>0,输入!F1)" },
  { f: "NOT(0)" },
  { f: 'NOT("x")' },
  { f: "NOT(输入!A4)" },
  { f: "NOT(输入!A9)" },
  { f: "NOT(ISNUMBER(输入!A5))" },
  { f: 'NOT("TRUE")' },
  { f: 'OR("FALSE",TRUE)' },
  // ISNUMBER, ISTEXT, ISBLANK, ISERROR
  { f: "ISNUMBER(输入!A5)" },
  { f: "ISNUMBER(输入!A1)" },
  {
    f: "ISNUMBER(输入!A6)",
    excel: {
      value: false,
      libreOffice: true,
      why: `${EXCEL_BOOLEANS}; Microsoft's IS functions: ISNUMBER "Value refers to a number", ISLOGICAL "Value refers to a logical value" — TRUE is not a number in Excel`,
    },
  },
  { f: 'ISNUMBER("1")' },
  { f: "ISNUMBER(输入!A8)" },
  { f: "ISNUMBER(--输入!A5)" },
  { f: "ISTEXT(输入!A10)" },
  { f: "ISTEXT(输入!A4)" },
  { f: "ISTEXT(输入!E1)" },
  { f: "ISTEXT(1)" },
  { f: "ISBLANK(输入!A4)" },
  { f: "ISBLANK(输入!A10)" },
  { f: "ISBLANK(输入!G3)" },
  { f: 'ISBLANK("")' },
  { f: "ISBLANK(D{r})" },
  { f: "ISERROR(输入!A8)" },
  { f: "ISERROR(输入!A9)" },
  { f: "ISERROR(输入!A1)" },
  { f: 'ISERROR(SEARCH("q","abc"))' },
  // LEN, SEARCH
  { f: 'LEN("镇一")' },
  { f: "LEN(输入!A4)" },
  { f: "LEN(1/3)" },
  {
    f: "LEN(输入!A6)",
    excel: { value: 4, libreOffice: 1, why: `${EXCEL_BOOLEANS}: TRUE reads as the text "TRUE"` },
  },
  { f: "LEN(输入!A9)" },
  { f: "LEN(123.45)" },
  { f: "LEN(输入!E5)" },
  { f: "LEN(0.1+0.2)" },
  { f: "LEN(1E+21)", excel: { value: 5, libreOffice: 6, why: EXPONENT } },
  { f: 'SEARCH("下达",输入!E2)' },
  { f: 'SEARCH("b",输入!E3)' },
  { f: 'SEARCH("z","abc")' },
  { f: 'SEARCH("a?c","xabc")' },
  { f: 'SEARCH("*c","abc")' },
  { f: 'SEARCH("~*","a*b")' },
  {
    f: 'SEARCH("","abc")',
    excel: {
      value: 1,
      libreOffice: { error: "#VALUE!" },
      why: `Microsoft's FIND (SEARCH is FIND without case and with wildcards): "If find_text is "" (empty text), FIND matches the first character in the search string (that is, the character numbered start_num or 1)"; ECMA-376 Part 1 §18.17.7 says the same of SEARCH`,
    },
  },
  { f: 'SEARCH("","abc",3)', excel: { value: 3, libreOffice: { error: "#VALUE!" }, why: "as above" } },
  { f: 'SEARCH("b","abcb",3)' },
  { f: 'SEARCH("a","abc",0)' },
  { f: 'SEARCH("a","abc",5)' },
  { f: "SEARCH(1,12.1)" },
  { f: 'SEARCH("达",输入!A9)' },
  // + - * / ^
  { f: "1+输入!A5" },
  { f: "1+输入!A7" },
  { f: "输入!A4+1" },
  { f: "TRUE+TRUE" },
  { f: "输入!H1+0" },
  { f: "输入!H2+0" },
  { f: "输入!H3+0" },
  { f: "输入!H4+0" },
  { f: "输入!A8+输入!A9" },
  { f: "输入!A9+输入!A8" },
  { f: "0.1+0.2" },
  { f: "1E+308+1E+308" },
  { f: "5-输入!A3" },
  { f: "0.1+0.2-0.3" },
  { f: "1-0.9-0.1" },
  { f: "输入!B1*输入!C1" },
  { f: '"2"*"3"' },
  { f: '2*"x"' },
  { f: "1/0" },
  { f: "1/输入!A4" },
  { f: "7/2" },
  { f: "输入!A5/2" },
  { f: "2^3^2" },
  { f: "-2^2" },
  { f: "2^-1" },
  {
    f: "(-8)^(1/3)",
    excel: {
      value: { error: "#NUM!" },
      libreOffice: -2,
      why: "LibreOffice takes the real cube root; ECMA-376 Part 1 §18.17.7.255 POWER: a negative base with an exponent that is not a whole number returns #NUM! (Microsoft's MS-OI29500 §2.1.1018 lists Office's only departure from it: POWER(0,0) is #NUM!)",
    },
  },
  { f: "10^309" },
  {
    f: "0^0",
    excel: {
      value: { error: "#NUM!" },
      libreOffice: 1,
      why: 'LibreOffice defines 0^0 as 1; Microsoft\'s MS-OI29500 §2.1.1018: "Office returns #NUM! for POWER(0,0)"',
    },
  },
  // & and comparisons
  { f: '"镇"&"一"' },
  { f: "1&2" },
  { f: '输入!A6&""', excel: { value: "TRUE", libreOffice: "1", why: EXCEL_BOOLEANS } },
  { f: '输入!A4&"x"' },
  { f: '1/3&""' },
  { f: '输入!A9&"x"' },
  { f: '1E+21&""', excel: { value: "1E+21", libreOffice: "1E+021", why: EXPONENT } },
  { f: '0.1+0.2&""' },
  {
    f: '1234567890123456789&""',
    excel: { value: "1.23456789012346E+18", libreOffice: "1.23456789012346E+018", why: EXPONENT },
  },
  {
    f: '-1234567890123456&""',
    excel: {
      value: "-1.23456789012346E+15",
      libreOffice: "-1234567890123456",
      why: 'LibreOffice writes all 16 digits; Excel keeps 15 significant digits of a number (Microsoft\'s "Long numbers are displayed incorrectly in Excel"), so past 15 digits it is in scientific notation',
    },
  },
  { f: '123456789012345&""' },
  { f: '"a"="A"' },
  { f: "输入!A4=0" },
  { f: '输入!A4=""' },
  { f: "输入!A10=0" },
  { f: '1="1"' },
  {
    f: "TRUE=1",
    excel: {
      value: false,
      libreOffice: true,
      why: `${EXCEL_BOOLEANS}; Microsoft's comparison operators compare values of one type; a logical value is never equal to a number`,
    },
  },
  { f: "0.1+0.2=0.3" },
  { f: "输入!A8=1" },
  { f: "1<>2" },
  { f: '"镇一"<>"镇二"' },
  { f: "输入!A4<>FALSE" },
  { f: '1<"a"' },
  { f: '"a"<"b"' },
  { f: '"Z"<"a"' },
  { f: "输入!A4<1" },
  { f: "-1<输入!A4" },
  {
    f: "TRUE>5",
    excel: {
      value: true,
      libreOffice: false,
      why: `${EXCEL_BOOLEANS}; in Excel's sort and comparison order numbers come before text, and text before logical values (the order of Microsoft's "Sort data in a range or table": numbers, text, logical values, errors)`,
    },
  },
  { f: '"b">"a"' },
  { f: "2>1" },
  { f: '"abc"<="ABC"' },
  { f: "输入!A3>=-3.5" },
  { f: "FALSE>=TRUE" },
  { f: "输入!A9<=1" },
  // unary - + %
  { f: "-输入!A5" },
  { f: '-"x"' },
  {
    f: "--TRUE",
    excel: { value: 1, libreOffice: true, why: `${EXCEL_BOOLEANS}; the result of arithmetic is a number` },
  },
  { f: "-输入!A4" },
  { f: "+输入!A5" },
  { f: '+"abc"' },
  { f: "+输入!A4" },
  { f: "50%" },
  { f: "输入!A5%" },
  { f: '"x"%' },
  { f: "200%%" },
  // references: relative, absolute, implicit intersection, row ranges, quoted sheet names
  { f: "D{r}*2", d: 21 },
  { f: "D{r}+$D$1", d: 1 },
  { f: "$D:$D*3", d: 4 },
  { f: "输入!$B$1:$B$5+0" },
  { f: 'IF(D:D>0,"正","负")', d: -1 },
  { f: 'D{r}&""' },
  { f: "D{r}", d: "镇一" },
  { f: "SUM(1:1)" },
  { f: "'输入 二'!A1+输入!B1" },
  { f: "SUM(输入!B1:B3,'输入 二'!A1:A2,5)" },
  { f: "-D$1", d: 7 },
  // The implicit-intersection operator: Excel writes it to the file as _xlfn.SINGLE(…), which LibreOffice 7.4 does
  // not know either; it reads "@" as an error.
  { f: "@D{r}", d: 8, excel: { value: 8, libreOffice: { error: "#VALUE!" }, why: SINGLE } },
  { f: "@$D:$D*2", d: 9, excel: { value: 18, libreOffice: { error: "#VALUE!" }, why: SINGLE } },
  { f: "@输入!B1:B5" },
];

// ---- helpers ----

const FIRST_CASE_ROW = 2;
const caseRow = (i: number) => FIRST_CASE_ROW + i;
const formulaOf = (c: Case, i: number) => c.f.replace(/\{r\}/g, String(caseRow(i)));

function caseSheet(): SheetSpec {
  const spec = emptySpec("公式");
  spec.rows = [
    ["用例", "公式", null, 5],
    ...CASES.map((c, i) => [`#${i + 1}`, { formula: formulaOf(c, i) }, null, c.d ?? null]),
  ];
  return spec;
}

const unescapeXml = (t: string) =>
  t.replace(
    /&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi,
    (m, name: string, dec?: string, hex?: string) =>
      dec
        ? String.fromCodePoint(Number(dec))
        : hex
          ? String.fromCodePoint(parseInt(hex, 16))
          : ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[name],
  );

/**
 * The cached values of a recalculated .xlsx, straight from its XML (ExcelJS drops a formula's result 0 or FALSE):
 * sheet name → A1 address → value; a formula's empty text reads as "".
 */
function cachedValues(path: string): Map<string, Map<string, V>> {
  const buf = readFileSync(path);
  const entries = readZipDirectory(buf);
  const text = (name: string) => readZipEntryText(buf, entries.get(name)!);
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])![1],
      /Target="([^"]+)"/.exec(m[0])![1],
    ]),
  );
  const shared = entries.has("xl/sharedStrings.xml")
    ? [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        unescapeXml([...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join("")),
      )
    : [];
  const out = new Map<string, Map<string, V>>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[0])![1]);
    const target = targets.get(/r:id="([^"]+)"/.exec(m[0])![1])!;
    const xml = text(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    const cells = new Map<string, V>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const address = /r="([A-Z]+\d+)"/.exec(c[1])![1];
      const type = /t="(\w+)"/.exec(c[1])?.[1] ?? "n";
      const body = c[2] ?? "";
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const isFormula = body.includes("<f");
      if (raw === undefined) {
        if (isFormula) cells.set(address, "");
        continue;
      }
      const v = unescapeXml(raw);
      cells.set(
        address,
        type === "b"
          ? v === "1"
          : type === "e"
            ? { error: v }
            : type === "s"
              ? shared[Number(v)]
              : type === "str"
                ? v
                : Number(v),
      );
    }
    out.set(name, cells);
  }
  return out;
}

function fromFake(wb: FakeWorkbook, sheet: string, row: number, col: number): V | undefined {
  const v = cellValue(wb.getSheet(sheet)!, row, col);
  if (v === null) return undefined;
  return typeof v === "object" ? { error: v.error } : v;
}

function same(a: V | undefined, b: V | undefined): boolean {
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= 1e-13 * Math.max(Math.abs(a), Math.abs(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

const address = (r: number, c: number) => `${columnName(c)}${r + 1}`;
function columnName(c: number): string {
  return c < 26 ? String.fromCharCode(65 + c) : columnName(Math.floor(c / 26) - 1) + columnName(c % 26);
}

const show = (v: V | undefined) => (v === undefined ? "(empty)" : JSON.stringify(v));

/** The function names and operators a formula uses. */
function uses(node: Node, out = new Set<string>()): Set<string> {
  switch (node.t) {
    case "call":
      out.add(node.name);
      node.args.forEach((a) => uses(a, out));
      break;
    case "unary":
      out.add(node.op === "-" || node.op === "+" ? `unary ${node.op}` : node.op);
      uses(node.arg, out);
      break;
    case "bin":
      out.add(node.op);
      uses(node.left, out);
      uses(node.right, out);
      break;
  }
  return out;
}

// ---- the tests ----

describe("the case table", () => {
  const used = CASES.map((c, i) => uses(parseFormula(formulaOf(c, i))));
  const count = (name: string) => used.filter((u) => u.has(name)).length;

  it("covers every function of the engine, with several cases each", () => {
    const thin = FUNCTION_NAMES.filter((name) => count(name) < 3).map((n) => `${n}: ${count(n)}`);
    expect(thin).toEqual([]);
  });

  it("covers every operator the parser reads", () => {
    const ops = [
      ...BINARY_OPERATORS,
      ...UNARY_OPERATORS.map((o) => (o === "-" || o === "+" ? `unary ${o}` : o)),
    ];
    expect(ops.filter((op) => count(op) < 2).map((op) => `${op}: ${count(op)}`)).toEqual([]);
  });

  it("uses only functions the engine implements", () => {
    const known = new Set(FUNCTION_NAMES);
    const all = new Set(used.flatMap((u) => [...u]));
    const ops = new Set<string>([...BINARY_OPERATORS, "unary -", "unary +", "%", "@"]);
    expect([...all].filter((x) => !known.has(x) && !ops.has(x))).toEqual([]);
  });
});

describe.skipIf(!hasSoffice)("the fake's formulas against LibreOffice", () => {
  let lo: Map<string, Map<string, V>>;
  let fake: FakeWorkbook;
  let planSheets: SheetSpec[];

  beforeAll(async () => {
    planSheets = planWorkbook(seedPlan());
    const rendered = await renderWorkbook([inputSheet(), secondInputSheet(), caseSheet(), ...planSheets]);
    const buffer = Buffer.from(await rendered.xlsx.writeBuffer());
    const path = join(tempDir("tb-formulas-"), "formulas.xlsx");
    writeFileSync(path, buffer);
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(buffer as unknown as ArrayBuffer);
    fake = fakeWorkbookFromExcelJs(original);
    const [recalculated] = sofficeConvert(path, "xlsx");
    lo = cachedValues(recalculated);
  }, 180_000);

  it("gives LibreOffice's value for every case (Excel's where LibreOffice differs from it)", () => {
    const ws = lo.get("公式")!;
    const problems: string[] = [];
    CASES.forEach((c, i) => {
      const row = caseRow(i);
      const libre = ws.get(`B${row}`);
      const mine = fromFake(fake, "公式", row - 1, 1);
      const expected = c.excel ? c.excel.value : libre;
      const label = `#${i + 1} =${formulaOf(c, i)}`;
      if (c.excel && !same(libre, c.excel.libreOffice))
        problems.push(`${label}: LibreOffice now gives ${show(libre)}, not ${show(c.excel.libreOffice)}`);
      if (!same(mine, expected))
        problems.push(`${label}: fake ${show(mine)}, ${c.excel ? "Excel" : "LibreOffice"} ${show(expected)}`);
    });
    expect(problems).toEqual([]);
  });

  it("gives LibreOffice's value in every formula cell of the seed plan's sheets", () => {
    const problems: string[] = [];
    let formulas = 0;
    for (const spec of planSheets) {
      const ws = lo.get(spec.name)!;
      spec.rows.forEach((values, r) =>
        values.forEach((v, c) => {
          if (typeof v !== "object" || v === null) return;
          formulas++;
          const libre = ws.get(address(r, c));
          const mine = fromFake(fake, spec.name, r, c);
          if (!same(mine, libre))
            problems.push(
              `${spec.name}!${address(r, c)} =${v.formula}: fake ${show(mine)}, LibreOffice ${show(libre)}`,
            );
        }),
      );
    }
    expect(formulas).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
