// The fake's formula evaluator on the formulas our sheets write, Excel's coercions and edge cases, and
// conditional formats evaluated per cell with their references shifted from the rule's anchor.
import { describe, expect, it } from "vitest";
import {
  cellDisplay,
  cellValue,
  evaluateConditionalFormats,
  FakeWorkbook,
  formatNumber,
  typeIntoCell,
  type FakeSheet,
} from "../../src/workbench/fakeExcel";
import { parseRectAddress } from "../../src/workbench/fakeExcel/a1";
import { addConditionalFormat } from "../../src/workbench/fakeExcel/conditionalFormats";
import { roundHalfAway } from "../../src/workbench/fakeExcel/formula/functions";
import { parseFormula } from "../../src/workbench/fakeExcel/formula/parse";
import { renameSheetInFormula, shiftFormula } from "../../src/workbench/fakeExcel/formula/rewrite";

/** Types rows of input from A1 (as a user would), then returns the sheet. */
function sheetWith(rows: unknown[][], name = "Sheet1", wb = new FakeWorkbook([name])): FakeSheet {
  const sheet = wb.getSheet(name)!;
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && typeIntoCell(sheet, r, c, v)));
  return sheet;
}

/** The value of `formula` typed into a free cell (Z100) of the sheet. */
function evaluate(sheet: FakeSheet, formula: string): unknown {
  typeIntoCell(sheet, 99, 25, formula);
  const v = cellValue(sheet, 99, 25);
  return typeof v === "object" && v !== null ? v.error : v;
}

// The breakdown row of docs/sheets.md: towns E…L, 全市 M, 合计 N, 差额 O, 校验 P.
const SUM = 'IF(COUNT(E5:L5)=0,"",SUM(E5:L5))';
const DIFF = 'IF(AND(ISNUMBER(N5),ISNUMBER(M5)),ROUND(N5-M5,10),"")';
const STATUS =
  'IF(NOT(ISNUMBER(M5)),IF(ISNUMBER(SEARCH("下达",M5)),"待下达",IF(M5="-","无目标",IF(M5="","缺数","定性目标"))),' +
  'IF(COUNTBLANK(E5:L5)>0,"缺数",IF(ABS(O5)<1E-9,"通过",IF(O5>0,"超额分解","缺口"))))';

function breakdownRow(towns: unknown[], total: unknown) {
  const row = Array<unknown>(4).fill(null);
  towns.forEach((t, i) => (row[4 + i] = t));
  row[12] = total;
  row[13] = `=${SUM}`;
  row[14] = `=${DIFF}`;
  row[15] = `=${STATUS}`;
  const sheet = sheetWith([[], [], [], [], row]);
  const at = (c: number) => {
    const v = cellValue(sheet, 4, c);
    return typeof v === "object" && v !== null ? v.error : v;
  };
  return { sum: at(13), diff: at(14), status: at(15) };
}

describe("the breakdown sheet's formulas", () => {
  it("a row summing to its total passes, despite floating-point noise", () => {
    expect(breakdownRow([0.1, 0.2, 0.3, 0.4, 1, 2, 3, 4], 11)).toEqual({ sum: 11, diff: 0, status: "通过" });
    expect(breakdownRow([0.1, 0.2, 0, 0, 0, 0, 0, 0], 0.3).status).toBe("通过");
  });

  it("a row over its total is 超额分解, under it 缺口", () => {
    expect(breakdownRow([10, 10, 10, 10, 10, 10, 10, 12], 80)).toEqual({
      sum: 82,
      diff: 2,
      status: "超额分解",
    });
    expect(breakdownRow([10, 10, 10, 10, 10, 10, 10, 5], 80).status).toBe("缺口");
  });

  it("text totals: 下达 → 待下达, - → 无目标, empty → 缺数, other text → 定性目标", () => {
    expect(breakdownRow(["待省里另行下达"], "'待省里另行下达").status).toBe("待下达");
    expect(breakdownRow([1, 2, 3, 4, 5, 6, 7, 8], "'-").status).toBe("无目标");
    expect(breakdownRow([1, 2, 3, 4, 5, 6, 7, 8], null)).toEqual({ sum: 36, diff: "", status: "缺数" });
    expect(breakdownRow([], "保持领先")).toEqual({ sum: "", diff: "", status: "定性目标" });
  });

  it("a town left empty is 缺数 even when the rest adds up", () => {
    expect(breakdownRow([10, 10, 10, 10, 10, 10, 20, null], 80).status).toBe("缺数");
  });
});

describe("Excel's rules", () => {
  const sheet = sheetWith([
    [1, 2, "3", null, "abc"],
    [true, "", "=1/0", "=A1+B1", "'12"],
  ]);

  it("operator precedence: unary minus before ^, ^ left to right, & after +, comparisons last", () => {
    expect(evaluate(sheet, "=-2^2")).toBe(4);
    expect(evaluate(sheet, "=2^3^2")).toBe(64);
    expect(evaluate(sheet, "=1+2*3-4/2")).toBe(5);
    expect(evaluate(sheet, '=1+2&"x"')).toBe("3x");
    expect(evaluate(sheet, "=1+1=2")).toBe(true);
    expect(evaluate(sheet, "=50%*2")).toBe(1);
    expect(evaluate(sheet, '="a""b"')).toBe('a"b');
    expect(evaluate(sheet, "=(1+2)*3")).toBe(9);
  });

  // Found by tests/workbench/formulasVsLibreOffice.test.ts, kept here so they hold without LibreOffice too.
  it("binary noise: sums cancelling to ~0 are 0, nearly equal numbers compare equal, long numbers in text", () => {
    expect(evaluate(sheet, "=0.1+0.2-0.3")).toBe(0);
    expect(evaluate(sheet, "=1-0.9-0.1")).toBe(0);
    expect(evaluate(sheet, "=0.1+0.2=0.3")).toBe(true);
    expect(evaluate(sheet, "=0.1+0.2>0.3")).toBe(false);
    expect(evaluate(sheet, "=1.5-1")).toBe(0.5);
    expect(evaluate(sheet, '=1234567890123456789&""')).toBe("1.23456789012346E+18");
    expect(evaluate(sheet, '=1E+15&""')).toBe("1E+15");
    expect(evaluate(sheet, '=123456789012345&""')).toBe("123456789012345");
  });

  it("AND and OR refuse text given directly (#VALUE!), skip it in references", () => {
    expect(evaluate(sheet, '=AND(TRUE,"TRUE")')).toBe("#VALUE!");
    expect(evaluate(sheet, '=OR("FALSE",TRUE)')).toBe("#VALUE!");
    expect(evaluate(sheet, "=AND(A2,E1)")).toBe(true);
  });

  it('empty cells are 0 in arithmetic and "" in text; numeric text counts in arithmetic only', () => {
    expect(evaluate(sheet, "=D1+1")).toBe(1);
    expect(evaluate(sheet, '=D1=""')).toBe(true);
    expect(evaluate(sheet, "=D1=0")).toBe(true);
    expect(evaluate(sheet, "=D1")).toBe(0);
    expect(evaluate(sheet, "=C1*2")).toBe(6); // "3" was typed: stored as the number 3
    expect(evaluate(sheet, "=E2*2")).toBe(24); // '12 is text, still numeric in arithmetic
    expect(evaluate(sheet, '=SUM("12",1)')).toBe(13); // a direct argument is converted…
    expect(evaluate(sheet, "=SUM(E2,1)")).toBe(1); // …text in a reference is not, even one cell
    expect(evaluate(sheet, "=SUM(A2,B2,D2,E2)")).toBe(3); // TRUE, "" and text in references do not count
    expect(evaluate(sheet, "=SUM(A2:E2)")).toBe("#DIV/0!"); // errors do
    expect(evaluate(sheet, "=SUM(A1:E1)")).toBe(6);
    expect(evaluate(sheet, "=E1+1")).toBe("#VALUE!");
  });

  it("comparisons: case-insensitive text, numbers < text < booleans", () => {
    expect(evaluate(sheet, '="ABC"=E1')).toBe(true);
    expect(evaluate(sheet, '=1<"a"')).toBe(true);
    expect(evaluate(sheet, '="z"<TRUE')).toBe(true);
    expect(evaluate(sheet, '="b">"A"')).toBe(true);
  });

  it("errors propagate; IFERROR catches them; division by zero is #DIV/0!", () => {
    expect(evaluate(sheet, "=C2")).toBe("#DIV/0!");
    expect(evaluate(sheet, "=C2+1")).toBe("#DIV/0!");
    expect(evaluate(sheet, "=IFERROR(C2,-1)")).toBe(-1);
    expect(evaluate(sheet, "=IFERROR(1/2,-1)")).toBe(0.5);
    expect(evaluate(sheet, "=NOSUCH(1)")).toBe("#NAME?");
    expect(evaluate(sheet, "=undefinedName+1")).toBe("#NAME?");
    expect(evaluate(sheet, "=Other!A1")).toBe("#REF!");
  });

  it('COUNT counts numbers, COUNTA non-empty cells, COUNTBLANK empty cells and "" results', () => {
    const s = sheetWith([[1, "x", null, '=""', "=1/0", true]]);
    expect(evaluate(s, "=COUNT(A1:F1)")).toBe(1);
    expect(evaluate(s, "=COUNTA(A1:F1)")).toBe(5);
    expect(evaluate(s, "=COUNTBLANK(A1:F1)")).toBe(2);
    expect(evaluate(s, "=COUNTBLANK(A5:C9)")).toBe(15);
    expect(evaluate(s, '=COUNT(1,"2",TRUE,"x")')).toBe(3);
    expect(evaluate(s, "=ISBLANK(C1)")).toBe(true);
    expect(evaluate(s, "=ISBLANK(D1)")).toBe(false);
  });

  it("SEARCH: 1-based, case-insensitive, wildcards, #VALUE! when absent", () => {
    const s = sheetWith([["待省里另行下达", "Hello World"]]);
    expect(evaluate(s, '=SEARCH("下达",A1)')).toBe(6);
    expect(evaluate(s, '=SEARCH("world",B1)')).toBe(7);
    expect(evaluate(s, '=SEARCH("o",B1,6)')).toBe(8);
    expect(evaluate(s, '=SEARCH("w?r",B1)')).toBe(7);
    expect(evaluate(s, '=SEARCH("h*o",B1)')).toBe(1);
    expect(evaluate(s, '=SEARCH("~*",B1)')).toBe("#VALUE!");
    expect(evaluate(s, '=SEARCH("xyz",B1)')).toBe("#VALUE!");
    expect(evaluate(s, '=SEARCH("",B1)')).toBe(1);
    expect(evaluate(s, '=SEARCH("o",B1,0)')).toBe("#VALUE!");
    expect(evaluate(s, '=ISNUMBER(SEARCH("下达",C1))')).toBe(false);
  });

  it("ROUND rounds half away from zero on decimal digits, with negative digits too", () => {
    const s = sheetWith([]);
    expect(evaluate(s, "=ROUND(2.675,2)")).toBe(2.68);
    expect(evaluate(s, "=ROUND(1.005,2)")).toBe(1.01);
    expect(evaluate(s, "=ROUND(-2.5,0)")).toBe(-3);
    expect(evaluate(s, "=ROUND(2.5,0)")).toBe(3);
    expect(evaluate(s, "=ROUND(1234.5678,-2)")).toBe(1200);
    expect(evaluate(s, "=ROUND(0.1+0.2-0.3,10)")).toBe(0);
    expect(evaluate(s, "=ROUND(1.23456,2.9)")).toBe(1.23); // digits are truncated
    expect(roundHalfAway(-1e-17, 10)).toBe(0);
    expect(Object.is(roundHalfAway(-1e-17, 10), -0)).toBe(false);
  });

  it("AND, OR, NOT, IF with a missing branch, MIN, MAX, AVERAGE, ABS, LEN, SUMPRODUCT", () => {
    const s = sheetWith([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(evaluate(s, "=AND(A1:C1)")).toBe(true);
    expect(evaluate(s, '=OR(A1>5,B1="x")')).toBe(false);
    expect(evaluate(s, "=NOT(0)")).toBe(true);
    expect(evaluate(s, "=IF(FALSE,1)")).toBe(false);
    expect(evaluate(s, "=IF(TRUE,,1)")).toBe(0);
    expect(evaluate(s, "=IF(1,IF(0,1/0,2),1/0)")).toBe(2); // only the branch taken is evaluated
    expect([evaluate(s, "=MIN(A1:C2)"), evaluate(s, "=MAX(A1:C2)"), evaluate(s, "=AVERAGE(A1:C2)")]).toEqual([
      1, 6, 3.5,
    ]);
    expect(evaluate(s, "=AVERAGE(E1:E3)")).toBe("#DIV/0!");
    expect(evaluate(s, "=ABS(-3)")).toBe(3);
    expect(evaluate(s, '=LEN("指标")')).toBe(2);
    expect(evaluate(s, "=SUMPRODUCT(A1:C1,A2:C2)")).toBe(32);
    expect(evaluate(s, "=SUMPRODUCT((A1:C1>1)*A2:C2)")).toBe(11);
    expect(evaluate(s, "=SUMPRODUCT(A1:C1,A1:B1)")).toBe("#VALUE!");
  });

  it("implicit intersection: a column range in a row formula takes the cell of that row", () => {
    const s = sheetWith([[10], [20], [30]]);
    typeIntoCell(s, 1, 1, "=A1:A3*2");
    expect(cellValue(s, 1, 1)).toBe(40);
    typeIntoCell(s, 5, 1, "=A1:A3*2");
    expect(cellValue(s, 5, 1)).toEqual({ error: "#VALUE!" });
  });

  it("references to other sheets, quoted or not, and absolute references", () => {
    const wb = new FakeWorkbook(["数据", "My Sheet", "汇总"]);
    sheetWith([[7]], "数据", wb);
    sheetWith([[5]], "My Sheet", wb);
    const s = sheetWith([["=数据!A1+'My Sheet'!$A$1"]], "汇总", wb);
    expect(cellValue(s, 0, 0)).toBe(12);
  });

  it("a circular reference shows #REF! instead of looping", () => {
    const s = sheetWith([["=B1", "=A1+1", "=C1"]]);
    expect(cellValue(s, 0, 0)).toEqual({ error: "#REF!" });
    expect(cellValue(s, 0, 2)).toEqual({ error: "#REF!" });
  });

  it("recomputes after a change", () => {
    const s = sheetWith([[1, "=A1*10"]]);
    expect(cellValue(s, 0, 1)).toBe(10);
    typeIntoCell(s, 0, 0, 5);
    expect(cellValue(s, 0, 1)).toBe(50);
  });

  it("refuses what Excel cannot parse", () => {
    for (const bad of ["=SUM(", "=1+", "=86 123", '="abc', "=)"])
      expect(() => parseFormula(bad), bad).toThrow();
    expect(() => typeIntoCell(new FakeWorkbook().sheets[0], 0, 0, "=SUM(")).toThrow(/formula/);
  });
});

describe("conditional formats evaluated per cell", () => {
  function statusSheet() {
    const s = sheetWith([
      ["指标", "校验"],
      ["a", "通过"],
      ["b", "缺口"],
      ["c", "超出区间"],
      ["d", "超额分解"],
    ]);
    // Rules written for the top-left cell A2 of A2:B5 (the 校验 column anchored with $B, rows relative).
    const red = addConditionalFormat(s, parseRectAddress("A2:B5")!);
    red.formula = '=OR($B2="缺口",$B2="超出区间")';
    red.fill = "#FFC7CE";
    red.fontColor = "#9C0006";
    const amber = addConditionalFormat(s, parseRectAddress("A2:B5")!);
    amber.formula = '=$B2="超额分解"';
    amber.fill = "#FFEB9C";
    return s;
  }

  it("shifts relative references from the rule's anchor and keeps $ anchors", () => {
    const s = statusSheet();
    const fills = [1, 2, 3, 4].map((r) =>
      [0, 1].map((c) => evaluateConditionalFormats(s, r, c).fill ?? null),
    );
    expect(fills).toEqual([
      [null, null],
      ["#FFC7CE", "#FFC7CE"],
      ["#FFC7CE", "#FFC7CE"],
      ["#FFEB9C", "#FFEB9C"],
    ]);
    expect(evaluateConditionalFormats(s, 2, 0).fontColor).toBe("#9C0006");
    expect(evaluateConditionalFormats(s, 0, 1)).toEqual({}); // outside the rule's range
  });

  it("the higher-priority rule wins where both hold", () => {
    const s = statusSheet();
    const all = addConditionalFormat(s, parseRectAddress("A2:B5")!);
    all.formula = "=TRUE";
    all.fill = "#000000";
    expect(evaluateConditionalFormats(s, 2, 1).fill).toBe("#000000");
    expect(evaluateConditionalFormats(s, 2, 1).fontColor).toBe("#9C0006");
  });

  it("cellDisplay gives the grid the value, its number format and the conditional look", () => {
    const s = statusSheet();
    typeIntoCell(s, 6, 0, 1234.5);
    s.ensureCell(6, 0).numberFormat = '#,##0.00"以上"';
    expect(cellDisplay(s, 6, 0).text).toBe("1,234.50以上");
    expect(cellDisplay(s, 2, 1)).toMatchObject({ text: "缺口", fill: "#FFC7CE", font: { color: "#9C0006" } });
    s.merges.push(parseRectAddress("C1:D1")!);
    expect([cellDisplay(s, 0, 2).merge, cellDisplay(s, 0, 3).merge]).toEqual([
      { rowSpan: 1, colSpan: 2 },
      "covered",
    ]);
    expect([formatNumber(0.256, "0.0%"), formatNumber(-5, "#,##0"), formatNumber(3, "General")]).toEqual([
      "25.6%",
      "-5",
      "3",
    ]);
  });
});

describe("formula text rewriting", () => {
  it("shifts relative parts, keeps $ parts and strings, and writes #REF! off the grid", () => {
    expect(shiftFormula('=OR($P4="缺口",P$4="A1",SUM(A1:B2))', 2, 1)).toBe(
      '=OR($P6="缺口",Q$4="A1",SUM(B3:C4))',
    );
    expect(shiftFormula("=A1+Sheet2!B2", -1, 0)).toBe("=#REF!+Sheet2!B1");
  });

  it("renames sheet references, quoting when needed", () => {
    expect(renameSheetInFormula("=数据!A1+'数据'!B2+其他!C3", "数据", "2023 数据")).toBe(
      "='2023 数据'!A1+'2023 数据'!B2+其他!C3",
    );
  });
});
