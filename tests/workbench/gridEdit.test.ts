// The pure logic of editing the workbench grid: what typed and pasted text is written as (and what the fake then
// holds), what the editor shows, Excel's clipboard text, moving over merged cells, and which runs count as changes.
import { describe, expect, it } from "vitest";
import { createFakeExcel, FakeWorkbook, type FakeSheet } from "../../src/workbench/fakeExcel";
import {
  editText,
  expandToMerges,
  isLocked,
  parseTsv,
  pastedEntry,
  spanOf,
  step,
  toTsv,
  typedEntry,
} from "../../src/workbench/gridEdit";
import { changesWorkbook, trackChanges } from "../../src/workbench/unsaved";

/** Writes `inputs` into A1… through range.formulas, as the grid does, and reads back what the cells hold. */
async function enter(inputs: string[], prepare?: (sheet: FakeSheet) => void) {
  const fake = createFakeExcel();
  const sheet = fake.workbook.getSheet("Sheet1")!;
  prepare?.(sheet);
  await fake.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${inputs.length}`);
    range.formulas = inputs.map((x) => [x]);
  });
  return inputs.map((_, i) => sheet.cell(i, 0));
}

describe("typed input", () => {
  it("stores numbers as numbers (grouped, decimal, percent, full-width) and anything else as text", async () => {
    const typed = ["1,234", "45.6", "-7", "12%", "１２３", "１，２３４．５", "经开区", "1,23", "0571", ""];
    const entries = typed.map((t) => typedEntry(t));
    expect(entries).toEqual([
      { input: "1,234" },
      { input: "45.6" },
      { input: "-7" },
      { input: "12%" },
      { input: "123" },
      { input: "1,234.5" },
      { input: "经开区" },
      { input: "1,23" },
      { input: "0571" },
      { input: "" },
    ]);
    const cells = await enter(entries.map((e) => ("input" in e ? e.input : "")));
    expect(cells.map((c) => c?.value ?? null)).toEqual([
      1234,
      45.6,
      -7,
      0.12,
      123,
      1234.5,
      "经开区",
      "1,23",
      571,
      null,
    ]);
  });

  it("reads a leading = as a formula, and an apostrophe as text", async () => {
    const [sum, text, quoted] = await enter(["=1+2", "'=1+2", "'1,234"]);
    expect(sum?.formula).toBe("=1+2");
    expect([text?.value, text?.quotePrefix]).toEqual(["=1+2", true]);
    expect(quoted?.value).toBe("1,234");
  });

  it("refuses a formula Excel cannot read, with a message in Chinese", () => {
    expect(typedEntry("=SUM(")).toEqual({ problem: expect.stringContaining("单引号") });
    expect(typedEntry("+86 571 1234")).toEqual({ problem: expect.stringContaining("+86 571 1234") });
  });

  it("keeps everything as typed in a Text (@) cell, full-width digits included", async () => {
    expect(typedEntry("１２３", true)).toEqual({ input: "１２３" });
    expect(typedEntry("=SUM(", true)).toEqual({ input: "=SUM(" });
    const [cell] = await enter(["0571"], (sheet) => (sheet.ensureCell(0, 0).numberFormat = "@"));
    expect(cell?.value).toBe("0571");
  });
});

describe("pasted input", () => {
  it("is read as typed — numbers and =formulas included, as Excel reads pasted text", async () => {
    const pasted = ["1,234", "=2*3", "-5", "text", "=SUM(", "+86 571 1234"].map((t) => pastedEntry(t));
    expect(pasted).toEqual(["1,234", "=2*3", "-5", "text", "'=SUM(", "'+86 571 1234"]);
    const cells = await enter(pasted);
    expect(cells.map((c) => c?.formula ?? c?.value)).toEqual([
      1234,
      "=2*3",
      -5,
      "text",
      "=SUM(",
      "+86 571 1234",
    ]);
  });
});

describe("the editor's text", () => {
  it("is the formula, or the constant as one would type it", () => {
    const wb = new FakeWorkbook();
    const sheet = wb.sheets[0];
    Object.assign(sheet.ensureCell(0, 0), { formula: "=B1*2" });
    Object.assign(sheet.ensureCell(0, 1), { value: 1234.5, numberFormat: "#,##0.00" });
    Object.assign(sheet.ensureCell(0, 2), { value: 0.125, numberFormat: "0.0%" });
    Object.assign(sheet.ensureCell(0, 3), { value: "007", quotePrefix: true });
    Object.assign(sheet.ensureCell(0, 4), { value: true });
    Object.assign(sheet.ensureCell(0, 5), { value: { error: "#N/A" } });
    Object.assign(sheet.ensureCell(0, 6), { value: 0.1 + 0.2 });
    Object.assign(sheet.ensureCell(0, 7), { value: 50, numberFormat: '0"%以上"' });
    expect(Array.from({ length: 9 }, (_, c) => editText(sheet, 0, c))).toEqual([
      "=B1*2",
      "1234.5",
      "12.5%",
      "'007",
      "TRUE",
      "#N/A",
      "0.3",
      "50",
      "",
    ]);
  });
});

describe("clipboard text (TSV)", () => {
  it("reads Excel's rows and cells, the final CRLF ending the last row", () => {
    expect(parseTsv("1\t2\r\n3\t4\r\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(parseTsv("a\tb\nc\td")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseTsv("x")).toEqual([["x"]]);
    expect(parseTsv("")).toEqual([]);
    expect(parseTsv("\r\n")).toEqual([[""]]);
  });

  it("keeps empty cells, and pads short rows with null (left as they are)", () => {
    expect(parseTsv("1\t\t3\r\n\t5\r\n6\r\n")).toEqual([
      ["1", "", "3"],
      ["", "5", null],
      ["6", null, null],
    ]);
  });

  it("reads quoted cells holding line breaks, tabs and doubled quotes", () => {
    expect(parseTsv('"第一行\n第二行"\t"a\tb"\r\n"他说""好"""\tx\r\n')).toEqual([
      ["第一行\n第二行", "a\tb"],
      ['他说"好"', "x"],
    ]);
  });

  it("reads a quote that does not close a cell as text", () => {
    expect(parseTsv('"abc\tx')).toEqual([['"abc', "x"]]);
    expect(parseTsv('"12"寸\t5')).toEqual([['"12"寸', "5"]]);
    expect(parseTsv('5"\t6')).toEqual([['5"', "6"]]);
  });

  it("writes what it reads back", () => {
    const rows = [
      ["1", "经开区", ""],
      ["a\tb", "two\nlines", 'say "hi"'],
    ];
    const text = toTsv(rows);
    expect(text).toBe('1\t经开区\t\r\n"a\tb"\t"two\nlines"\t"say ""hi"""\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });
});

describe("moving over merged cells", () => {
  const wb = new FakeWorkbook();
  const sheet = wb.sheets[0];
  // A1:C1 merged (a title), B3:B4 merged.
  sheet.merges = [
    { r1: 0, c1: 0, r2: 0, c2: 2 },
    { r1: 2, c1: 1, r2: 3, c2: 1 },
  ];

  it("steps over a merged area as one cell and lands on its top-left cell", () => {
    expect(step(sheet, { row: 0, col: 0 }, 0, 1, 30, 12)).toEqual({ row: 0, col: 3 });
    expect(step(sheet, { row: 1, col: 2 }, -1, 0, 30, 12)).toEqual({ row: 0, col: 0 });
    expect(step(sheet, { row: 1, col: 1 }, 1, 0, 30, 12)).toEqual({ row: 2, col: 1 });
    expect(step(sheet, { row: 2, col: 1 }, 1, 0, 30, 12)).toEqual({ row: 4, col: 1 });
    expect(step(sheet, { row: 3, col: 0 }, 0, 1, 30, 12)).toEqual({ row: 2, col: 1 });
  });

  it("stays at the edge of what is shown", () => {
    expect(step(sheet, { row: 5, col: 0 }, 0, -1, 30, 12)).toEqual({ row: 5, col: 0 });
    expect(step(sheet, { row: 29, col: 11 }, 1, 1, 30, 12)).toEqual({ row: 29, col: 11 });
  });

  it("grows a selection to hold every merged area it touches", () => {
    expect(expandToMerges(sheet, { r1: 1, c1: 0, r2: 2, c2: 0 })).toEqual({ r1: 1, c1: 0, r2: 2, c2: 0 });
    expect(expandToMerges(sheet, { r1: 1, c1: 0, r2: 2, c2: 1 })).toEqual({ r1: 1, c1: 0, r2: 3, c2: 1 });
    expect(spanOf(sheet, { row: 1, col: 1 }, { row: 0, col: 1 })).toEqual({ r1: 0, c1: 0, r2: 1, c2: 2 });
  });
});

describe("protection", () => {
  it("refuses locked cells of a protected sheet only", () => {
    const wb = new FakeWorkbook();
    const sheet = wb.sheets[0];
    sheet.ensureCell(0, 1).unlocked = true;
    const a1 = { r1: 0, c1: 0, r2: 0, c2: 0 };
    const b1 = { r1: 0, c1: 1, r2: 0, c2: 1 };
    expect(isLocked(sheet, a1)).toBe(false);
    sheet.protected = true;
    expect([isLocked(sheet, a1), isLocked(sheet, b1), isLocked(sheet, { ...a1, c2: 1 })]).toEqual([
      true,
      false,
      true,
    ]);
  });
});

describe("unsaved changes", () => {
  it("counts writes, not loads, selection or activation", () => {
    expect(changesWorkbook(["Range.load", "Worksheet.load", "Range.select", "Worksheet.activate"])).toBe(
      false,
    );
    expect(changesWorkbook(["Range.load", "Range.values="])).toBe(true);
    expect(changesWorkbook(["Range.clear"])).toBe(true);
    expect(changesWorkbook(["WorksheetCollection.add"])).toBe(true);
    expect(changesWorkbook([])).toBe(false);
  });

  it("reports a run that wrote, even when its sync failed", async () => {
    const fake = createFakeExcel();
    let changes = 0;
    const run = trackChanges(fake, () => changes++);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      range.select();
      await context.sync();
    });
    expect(changes).toBe(0);
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    });
    expect(changes).toBe(1);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(changes).toBe(2);
  });
});
