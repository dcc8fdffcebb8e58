// The fake Office.js behaves like Excel where our adapter could go wrong: unloaded reads throw, every sync is
// counted and measured, errors carry Excel's codes, and typed-in text turns into formulas unless escaped.
import { describe, expect, it } from "vitest";
import { rejection } from "../helpers/rejection";
import {
  createFakeExcel,
  FakeWorkbook,
  typeIntoCell,
  type FakeOfficeError,
} from "../../src/workbench/fakeExcel";

function thrown(f: () => unknown): FakeOfficeError {
  try {
    f();
  } catch (e) {
    return e as FakeOfficeError;
  }
  throw new Error("expected an exception");
}

describe("proxies: loading and reading", () => {
  it("throws PropertyNotLoaded, naming the property, for a property not loaded and synced", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      const e = thrown(() => range.values);
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.message).toContain("'values'");
      range.load("values");
      // Loaded but not yet synced: still not readable.
      expect(thrown(() => range.values).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
      expect(thrown(() => range.address).code).toBe("PropertyNotLoaded");
    });
  });

  it("reads back a set property only after loading it again", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.load("name");
      await context.sync();
      expect(ws.name).toBe("Sheet1");
      ws.name = "数据";
      expect(thrown(() => ws.name).code).toBe("PropertyNotLoaded");
      ws.load("name");
      await context.sync();
      expect(ws.name).toBe("数据");
    });
  });

  it("snapshots values at the sync that loaded them", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const a1 = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      a1.values = [[1]];
      a1.load("values");
      a1.values = [[2]]; // queued after the load: the load sees 1
      await context.sync();
      expect(a1.values).toEqual([[1]]);
    });
    expect(fake.workbook.sheets[0].cell(0, 0)?.value).toBe(2);
  });

  it("loads collections by items, items/name and name, and paths through navigation properties", async () => {
    const fake = createFakeExcel({ sheets: ["甲", "乙"] });
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["甲", "乙"]);
      expect(thrown(() => sheets.items[0].visibility).code).toBe("PropertyNotLoaded");
      sheets.load("visibility");
      const range = sheets.getItem("乙").getRange("B2:C3");
      range.format.fill.color = "#ffeb9c";
      range.load(["address", "format/fill/color", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
      await context.sync();
      expect(sheets.items.map((s) => s.visibility)).toEqual(["Visible", "Visible"]);
      expect([range.address, range.rowIndex, range.columnIndex, range.rowCount, range.columnCount]).toEqual([
        "乙!B2:C3",
        1,
        1,
        2,
        2,
      ]);
      expect(range.format.fill.color).toBe("#FFEB9C");
    });
  });

  it("accepts load()'s object forms and paths through collections", async () => {
    const fake = createFakeExcel({ sheets: ["表"] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.getRange("A1:B1").merge();
      ws.getRange("A1").format.font.bold = true;
      const merged = ws.getRange("A1:C3").getMergedAreasOrNullObject().load("areas/items/address");
      const r = ws.getRange("A1").load({ select: "address", expand: "format/font" });
      const props = ws.getRange("A1").load({ rowIndex: true, format: { font: { bold: true } } });
      await context.sync();
      expect(merged.areas.items.map((a) => a.address)).toEqual(["表!A1:B1"]);
      expect([r.address, r.format.font.bold, r.format.font.name]).toEqual(["表!A1", true, "Calibri"]);
      expect([props.rowIndex, props.format.font.bold]).toEqual([0, true]);
      expect(thrown(() => props.address).code).toBe("PropertyNotLoaded");
      ws.getRange("A1").load("noSuchProperty");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });

  it("derives ranges: getCell, getResizedRange, getOffsetRange, getRangeByIndexes, whole rows and columns", async () => {
    const fake = createFakeExcel();
    const addresses = await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const base = ws.getRange("B2:C3");
      const rs = [
        base.getCell(1, 1),
        base.getResizedRange(2, -1),
        base.getOffsetRange(1, 2),
        ws.getRangeByIndexes(4, 0, 2, 3),
        ws.getRange("2:3"),
        ws.getRange("$C:$D"),
        ws.getRange(),
      ].map((x) => x.load("address"));
      await context.sync();
      return rs.map((x) => x.address);
    });
    expect(addresses).toEqual([
      "Sheet1!C3",
      "Sheet1!B2:B5",
      "Sheet1!D3:E4",
      "Sheet1!A5:C6",
      "Sheet1!2:3",
      "Sheet1!C:D",
      "Sheet1!1:1048576",
    ]);
  });

  it("quotes sheet names in addresses as Excel does", async () => {
    const fake = createFakeExcel({ sheets: ["指标体系", "My Sheet", "2023年目标分解", "Bob's"] });
    const addresses = await fake.run(async (context) => {
      const rs = ["指标体系", "My Sheet", "2023年目标分解", "Bob's"].map((n) =>
        context.workbook.worksheets.getItem(n).getRange("$a$1:B2").load("address"),
      );
      await context.sync();
      return rs.map((r) => r.address);
    });
    expect(addresses).toEqual([
      "指标体系!A1:B2",
      "'My Sheet'!A1:B2",
      "'2023年目标分解'!A1:B2",
      "'Bob''s'!A1:B2",
    ]);
  });
});

describe("syncs and request sizes", () => {
  it("counts each sync; run adds a final sync only when operations are pending", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.load("name");
      await context.sync();
      ws.getRange("A1").values = [[ws.name]];
      await context.sync();
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.requests.map((r) => r.operations)).toEqual([1, 1]);

    fake.stats.reset();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["x"]];
    });
    expect(fake.stats.syncs).toBe(1); // the implicit final sync
    expect(fake.workbook.sheets[0].cell(1, 0)?.value).toBe("x");

    fake.stats.reset();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1"); // a proxy alone queues nothing
    });
    expect(fake.stats.syncs).toBe(0);
  });

  it("does not flush when the batch throws", async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(fake.stats.syncs).toBe(0);
    expect(fake.workbook.sheets[0].cell(0, 0)).toBeUndefined();
  });

  it("measures requests in UTF-8 bytes of their JSON, growing with the data written", async () => {
    const fake = createFakeExcel();
    const write = (text: string) =>
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = Array.from(
          { length: 100 },
          () => [text],
        );
        await context.sync();
      });
    await write("a");
    await write("a".repeat(11));
    await write("数".repeat(11)); // 3 bytes each in UTF-8
    const [small, ascii, cjk] = fake.stats.requests.map((r) => r.bytes);
    expect(ascii - small).toBe(100 * 10);
    expect(cjk - ascii).toBe(100 * 11 * 2);
    expect(fake.stats.maxRequestBytes).toBe(cjk);
  });

  it("measures responses as the JSON of the loaded data", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [["ab", 12]];
      await context.sync();
      r.load("values");
      await context.sync();
    });
    expect(fake.stats.responses.map((r) => r.bytes)).toEqual([
      2,
      JSON.stringify([{ values: [["ab", 12]] }]).length,
    ]);
  });

  it("rejects a request over 5 MB with RequestPayloadSizeLimitExceeded and applies nothing of it", async () => {
    const fake = createFakeExcel();
    const rows = 600;
    const big = Array.from({ length: rows }, (_, i) => [`${i}:${"x".repeat(9000)}`]);
    const e = await rejection(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("B1").values = [["before"]];
        ws.getRange(`A1:A${rows}`).values = big;
        await context.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.stats.requests[0].bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.workbook.sheets[0].rows.size).toBe(0);
  });
});

describe("errors with Excel's codes", () => {
  it("ItemNotFound for a missing sheet, at the sync that uses it", async () => {
    const fake = createFakeExcel();
    const e = await rejection(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("没有");
        await context.sync(); // nothing used yet
        ws.load("name");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    expect(fake.stats.syncs).toBe(2);
  });

  it("ItemAlreadyExists for a name taken in any case, InvalidArgument for a bad name", async () => {
    const fake = createFakeExcel({ sheets: ["Data"] });
    const add = (name: string) =>
      rejection(
        fake.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      );
    expect((await add("DATA")).code).toBe("ItemAlreadyExists");
    for (const bad of ["a".repeat(32), "a/b", "a:b", "a?", "a*", "[a]", "a\\b", ""])
      expect((await add(bad)).code, bad).toBe("InvalidArgument");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Data"]);
  });

  it("an added sheet is usable in the same batch and is not activated", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.add("新表");
      ws.getRange("A1").values = [["x"]];
      ws.load("name,position");
      await context.sync();
      expect([ws.name, ws.position]).toEqual(["新表", 1]);
    });
    expect(fake.workbook.activeSheet?.name).toBe("Sheet1");
    expect(fake.workbook.getSheet("新表")?.cell(0, 0)?.value).toBe("x");
  });

  it("getItemOrNullObject: isNullObject must be loaded, and a null object cannot be used", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("没有");
      expect(thrown(() => ws.isNullObject).code).toBe("PropertyNotLoaded");
      ws.load("isNullObject");
      const found = context.workbook.worksheets.getItemOrNullObject("sheet1").load("name");
      await context.sync();
      expect(ws.isNullObject).toBe(true);
      expect([found.isNullObject, found.name]).toEqual([false, "Sheet1"]);
      expect(thrown(() => ws.name).code).toBe("PropertyNotLoaded");
      ws.getRange("A1").values = [[1]];
      expect((await rejection(context.sync())).code).toBe("ItemNotFound");
    });
  });

  it("a values write must match the range exactly: no scalar broadcasting", async () => {
    const fake = createFakeExcel();
    const write = (address: string, values: unknown) =>
      rejection(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange(address).values = values as string[][];
          await context.sync();
        }),
      );
    const e = await write("A1:B2", [["a", "b"]]);
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toContain("Sheet1!A1:B2");
    expect((await write("A1", "x")).code).toBe("InvalidArgument");
    expect((await write("A1:B1", [["a"], ["b"]])).code).toBe("InvalidArgument");
    const f = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("C1:C2").numberFormat = [["0.00"]];
        await context.sync();
      }),
    );
    expect(f.code).toBe("InvalidArgument");
    expect(fake.workbook.sheets[0].rows.size).toBe(0);
  });

  it("stops at the failing operation; the ones before stay applied (Excel does not roll back)", async () => {
    const fake = createFakeExcel();
    const e = await rejection(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["first"]];
        ws.getRange("Z").values = [["bad address"]];
        ws.getRange("A2").values = [["never"]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(fake.workbook.sheets[0].cell(0, 0)?.value).toBe("first");
    expect(fake.workbook.sheets[0].cell(1, 0)).toBeUndefined();
  });

  it("objects of a finished run cannot queue operations", async () => {
    const fake = createFakeExcel();
    const range = await fake.run(async (context) =>
      context.workbook.worksheets.getItem("Sheet1").getRange("A1"),
    );
    expect(thrown(() => (range.values = [[1]])).code).toBe("InvalidObjectPath");
  });
});

describe("what written values become", () => {
  async function writeAndRead(inputs: unknown[], property: "values" | "formulas" = "values") {
    const fake = createFakeExcel();
    return fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${inputs.length}`);
      r[property] = inputs.map((x) => [x]) as string[][];
      r.load("values,formulas");
      await context.sync();
      return { values: r.values.map((x) => x[0]), formulas: r.formulas.map((x) => x[0]), fake };
    });
  }

  it("keeps '-escaped text as text without the apostrophe; unescaped = makes a formula", async () => {
    const { values, formulas, fake } = await writeAndRead(["'=1+1", "=1+1", "'+86 123", "'-", "'12", "'@x"]);
    expect(values).toEqual(["=1+1", 2, "+86 123", "-", "12", "@x"]);
    expect(formulas).toEqual(["=1+1", "=1+1", "+86 123", "-", "12", "@x"]);
    const sheet = fake.workbook.sheets[0];
    expect(sheet.cell(0, 0)).toMatchObject({ value: "=1+1", quotePrefix: true });
    expect(sheet.cell(1, 0)).toMatchObject({ value: null, formula: "=1+1" });
  });

  it("does not keep unescaped +, - or @ text as text", async () => {
    const { values, formulas } = await writeAndRead(["-abc", "@foo", "+5", "-3.5", "-", "1,250", "50%"]);
    expect(formulas).toEqual(["=-abc", "=foo", 5, -3.5, "-", 1250, 0.5]);
    expect(values).toEqual(["#NAME?", "#NAME?", 5, -3.5, "-", 1250, 0.5]);
    // "+86 123" is no formula Excel can read: the write is refused.
    const fake = createFakeExcel();
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["+86 123"]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toContain("+86 123");
  });

  it("stores numeric text as numbers, TRUE/FALSE as booleans, and nulls leave cells unchanged", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1");
      r.values = [["12", "1.5", " 7 ", "true", "文本"]];
      await context.sync();
      r.values = [[null, "", null, null, 3]] as unknown as string[][];
      r.load("values");
      await context.sync();
      expect(r.values).toEqual([[12, "", 7, true, 3]]);
    });
  });

  it("a Text (@) number format keeps what is written as text", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.numberFormat = [["@", "General"]];
      r.values = [["=1+1", "007"]];
      r.load("values,numberFormat");
      await context.sync();
      expect(r.values).toEqual([["=1+1", 7]]);
      expect(r.numberFormat).toEqual([["@", "General"]]);
    });
  });

  it('formulas: "=…" is a formula, other values as for values; computed values are read back', async () => {
    const { values, formulas } = await writeAndRead(["=SUM(A2:A3)", 2, "3", "'=x"], "formulas");
    expect(formulas).toEqual(["=SUM(A2:A3)", 2, 3, "=x"]);
    expect(values).toEqual([5, 2, 3, "=x"]);
  });

  it("typeIntoCell applies the same rules for direct edits and tells listeners once", () => {
    const wb = new FakeWorkbook();
    const seen: number[] = [];
    wb.onChange((w) => seen.push(w.revision));
    typeIntoCell(wb.sheets[0], 0, 0, "=1+2");
    typeIntoCell(wb.sheets[0], 0, 1, "'=1+2");
    expect(wb.sheets[0].cell(0, 0)?.formula).toBe("=1+2");
    expect(wb.sheets[0].cell(0, 1)?.value).toBe("=1+2");
    expect(seen).toHaveLength(2);
  });
});

describe("sheets, ranges and formats", () => {
  it("getUsedRange answers A1 on an empty sheet; the OrNullObject form answers a null object", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const used = ws.getUsedRange().load("address");
      const none = ws.getUsedRangeOrNullObject().load("address");
      await context.sync();
      expect(used.address).toBe("Sheet1!A1");
      expect(none.isNullObject).toBe(true);
      ws.getRange("C3").values = [[1]];
      ws.getRange("E2").format.fill.color = "#FF0000";
      const formatted = ws.getUsedRange().load("address");
      const valuesOnly = ws.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect([formatted.address, valuesOnly.isNullObject, valuesOnly.address]).toEqual([
        "Sheet1!C2:E3",
        false,
        "Sheet1!C3",
      ]);
    });
  });

  it("merges keep the top-left value and are listed by getMergedAreasOrNullObject", async () => {
    const fake = createFakeExcel({ sheets: ["表"] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      const none = ws.getRange().getMergedAreasOrNullObject().load("address");
      await context.sync();
      expect(none.isNullObject).toBe(true);
      ws.getRange("A1:C1").values = [["标题", "x", "y"]];
      ws.getRange("A1:C1").merge();
      ws.getRange("E4:L5").merge(true);
      const areas = ws.getRange().getMergedAreasOrNullObject();
      areas.load("address,areaCount");
      areas.areas.load("items/address");
      const row1 = ws.getRange("A1:C1").load("values");
      await context.sync();
      expect(areas.address).toBe("表!A1:C1, 表!E4:L4, 表!E5:L5");
      expect(areas.areaCount).toBe(3);
      expect(areas.areas.items.map((r) => r.address)).toEqual(["表!A1:C1", "表!E4:L4", "表!E5:L5"]);
      expect(row1.values).toEqual([["标题", "", ""]]);
      ws.getRange("E5").unmerge();
      const after = ws.getRange("D1:Z9").getMergedAreasOrNullObject().load("address");
      await context.sync();
      expect(after.address).toBe("表!E4:L4");
    });
  });

  it("select() records the selection and activates its sheet", async () => {
    const fake = createFakeExcel({ sheets: ["甲", "乙"] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("乙").getRange("b2:d3").select();
      const sel = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([sel.address, active.name]).toEqual(["乙!B2:D3", "乙"]);
    });
    expect(fake.workbook.selection).toEqual({ sheet: "乙", range: { r1: 1, c1: 1, r2: 2, c2: 3 } });
  });

  it("reads format properties of several cells as the common value or null", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").format.font.bold = true;
      ws.getRange("A1").format.fill.color = "yellow";
      ws.getRange("A1:A2").format.columnWidth = 60;
      const row = ws.getRange("A1:B1").load(["format/font/bold", "format/fill/color", "format/columnWidth"]);
      const b2 = ws
        .getRange("B2")
        .load(["format/font/name", "format/font/size", "format/fill/color", "format/rowHeight"]);
      await context.sync();
      expect([row.format.font.bold, row.format.fill.color, row.format.columnWidth]).toEqual([
        true,
        null,
        null,
      ]);
      expect([b2.format.font.name, b2.format.font.size, b2.format.fill.color, b2.format.rowHeight]).toEqual([
        "Calibri",
        11,
        "#FFFFFF",
        15,
      ]);
      ws.getRange("A1").format.fill.clear();
      const a1 = ws.getRange("A1").load("format/fill/color");
      await context.sync();
      expect(a1.format.fill.color).toBe("#FFFFFF");
    });
    expect(fake.workbook.sheets[0].cell(0, 0)?.fill).toBeUndefined();
  });

  it("borders: edges and insides of a range, a shared edge seen from both cells", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("B2:C3");
      for (const edge of [
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideVertical",
        "InsideHorizontal",
      ] as const)
        r.format.borders.getItem(edge).style = "Continuous";
      r.format.borders.getItem("EdgeTop").color = "#808080";
      const top = r.format.borders.getItem("EdgeTop").load("style,color");
      const aboveBottom = ws.getRange("B1:C1").format.borders.getItem("EdgeBottom").load("style");
      const left = ws.getRange("A1:A4").format.borders.getItem("EdgeRight").load("style");
      await context.sync();
      expect([top.style, top.color, aboveBottom.style, left.style]).toEqual([
        "Continuous",
        "#808080",
        "Continuous",
        null,
      ]);
      ws.getRange("A1")
        .format.borders.getItem("Diagonal" as Excel.BorderIndex)
        .load("style");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      ws.getRange("A1").format.borders.getItem("DiagonalUp").style = "Continuous";
      expect((await rejection(context.sync())).code).toBe("NotImplemented");
    });
  });

  it("freeze panes, page layout, data validation, tab colour, visibility, rename", async () => {
    const fake = createFakeExcel({ sheets: ["表", "数据"] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.freezePanes.freezeAt(ws.getRange("A1:B3"));
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.paperSize = "A4";
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintTitleRows("$1:$3");
      ws.getRange("C4:C9").dataValidation.rule = { list: { inCellDropDown: true, source: "是,否" } };
      ws.getRange("D4:D9").dataValidation.rule = {
        decimal: { formula1: 0, formula2: 100, operator: "Between" as Excel.DataValidationOperator.between },
      };
      ws.tabColor = "#00b050";
      const dv = ws.getRange("D4:D5").dataValidation.load("type,rule");
      const mixed = ws.getRange("C4:D4").dataValidation.load("type");
      const frozen = ws.freezePanes.getLocationOrNullObject().load("address");
      await context.sync();
      expect(dv.type).toBe("Decimal");
      expect(dv.rule).toEqual({ decimal: { formula1: "=0", formula2: "=100", operator: "Between" } });
      expect(mixed.type).toBe("Inconsistent");
      expect(frozen.address).toBe("表!A1:B3");
      ws.getRange("C4:C5").dataValidation.clear();
      context.workbook.worksheets.getItem("数据").visibility = "Hidden";
      ws.name = "表一";
      await context.sync();
    });
    const sheet = fake.workbook.getSheet("表一")!;
    expect(sheet.freeze).toEqual({ rows: 3, columns: 2 });
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$3",
    });
    expect(sheet.tabColor).toBe("#00B050");
    expect(sheet.validationAt(3, 2)).toBeUndefined();
    expect(sheet.validationAt(5, 2)?.rule).toEqual({ list: { inCellDropDown: true, source: "是,否" } });
    expect(fake.workbook.getSheet("数据")?.visibility).toBe("Hidden");
  });

  it("the last visible sheet can be neither hidden nor deleted; deleting the active one activates the next", async () => {
    const fake = createFakeExcel({ sheets: ["A", "B"] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("A").delete();
      await context.sync();
    });
    expect(fake.workbook.activeSheet?.name).toBe("B");
    const e = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("B").visibility = "VeryHidden";
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperation");
  });

  it("renaming a sheet rewrites the formulas that name it", async () => {
    const fake = createFakeExcel({ sheets: ["源", "汇总"] });
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("源").getRange("A1").values = [[5]];
      sheets.getItem("汇总").getRange("A1").formulas = [["=源!A1*2"]];
      sheets.getItem("源").name = "My Data";
      const a1 = sheets.getItem("汇总").getRange("A1").load("formulas,values");
      await context.sync();
      expect(a1.formulas).toEqual([["='My Data'!A1*2"]]);
      expect(a1.values).toEqual([[10]]);
    });
  });

  it("conditional formats through the API: added first in priority, listed, cleared", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B4");
      const cf = r.conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=$B1="缺口"';
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      const second = r.conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
      second.custom.rule.formula = "=A1>10";
      r.conditionalFormats.load("items/type,items/priority");
      cf.custom.rule.load("formula");
      await context.sync();
      expect(r.conditionalFormats.items.map((x) => [x.type, x.priority])).toEqual([
        ["Custom", 0],
        ["Custom", 1],
      ]);
      expect(cf.custom.rule.formula).toBe('=$B1="缺口"');
      const bad = r.conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
      bad.custom.rule.formula = "B1>1";
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      context.workbook.worksheets.getItem("Sheet1").getRange("A3:B4").conditionalFormats.clearAll();
      await context.sync();
    });
    // The bad rule was added before its formula failed; clearing A3:B4 left the rules on A1:B2.
    const cfs = fake.workbook.sheets[0].conditionalFormats;
    expect(cfs.map((c) => [c.formula, c.areas])).toEqual([
      [null, [{ r1: 0, c1: 0, r2: 1, c2: 1 }]],
      ["=A1>10", [{ r1: 0, c1: 0, r2: 1, c2: 1 }]],
      ['=$B1="缺口"', [{ r1: 0, c1: 0, r2: 1, c2: 1 }]],
    ]);
  });
});

describe("requirement sets and change notifications", () => {
  it("supports 1.1 … 1.13 by default; an old host rejects newer APIs with ApiNotFound", async () => {
    expect(createFakeExcel().supports("1.13")).toBe(true);
    expect(createFakeExcel().supports("1.14")).toBe(false);
    const old = createFakeExcel({ apiVersion: "1.7" });
    expect([
      old.supports("1.7"),
      old.supports("1.8"),
      old.supports("1.10"),
      old.isSetSupported("ExcelApi", "1.4"),
    ]).toEqual([true, false, false, true]);
    const merged = await rejection(
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange().getMergedAreasOrNullObject().load("address");
        await context.sync();
      }),
    );
    expect(merged.code).toBe("ApiNotFound");
    const layout = await rejection(
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape";
        await context.sync();
      }),
    );
    expect(layout.code).toBe("ApiNotFound");
  });

  it("calls onChange once after each sync that changed something", async () => {
    const fake = createFakeExcel();
    const calls: number[] = [];
    const stop = fake.workbook.onChange((wb) => calls.push(wb.revision));
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1, 2]];
      r.format.font.bold = true;
      await context.sync();
      r.load("values");
      await context.sync(); // a read changes nothing
      context.workbook.application.suspendApiCalculationUntilNextSync();
      await context.sync();
    });
    expect(calls).toHaveLength(1);
    stop();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [[3]];
    });
    expect(calls).toHaveLength(1);
  });
});
