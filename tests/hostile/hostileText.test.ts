// Pathological text (built by bench/hostileTextInputs.mjs, never stored) through the real entry points, in-process:
// the table model, the check, the plan readers `load` uses (text, .docx, sheets), the prose reader, the return
// validation of `collect` and the progress reader. Each must finish: the 20 s per test is the hang detector (a
// regular expression that backtracks or a loop gone quadratic takes minutes on these). Times are printed, never
// asserted; bench/hostileText.mjs runs the same inputs through the built CLI with time and peak memory.
import { describe, expect, it } from "vitest";
import * as I from "../../bench/hostileTextInputs.mjs";
import { checkWorkbookDetailed } from "../../src/core/check/checkWorkbook";
import { planFromDocx } from "../../src/core/docx/docxPlan";
import { readDocx } from "../../src/core/docx/readDocx";
import type { Grid } from "../../src/core/grid";
import { parsePlanDocument, planFromTextBytes } from "../../src/core/parse/planDocument";
import { extractProseTargets } from "../../src/core/parse/prose/extract";
import { planFromGrids } from "../../src/core/parse/sheetTables";
import { progressFromWorkbook } from "../../src/core/progress/fromWorkbook";
import { ReadError } from "../../src/core/read/readError";
import { validateReturn } from "../../src/core/submissions/validateReturn";
import { readTable } from "../../src/core/table/readTable";
import { readXlsxInBrowser } from "../../src/xlsx/readXlsxBrowser";

const HANG = { timeout: 20_000 };

/** Runs `f`, prints how long it took; a ReadError (a limit, a damaged file) is an answer too, printed as such. */
async function timed<T>(what: string, f: () => T | Promise<T>): Promise<T | ReadError> {
  const t0 = performance.now();
  let out: T | ReadError;
  try {
    out = await f();
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    out = e;
  }
  const s = ((performance.now() - t0) / 1000).toFixed(2);
  console.log(`hostile text · ${what}: ${s} s${out instanceof ReadError ? ` (refused: ${out.reason})` : ""}`);
  return out;
}

const issued = (() => {
  const breakdown = parsePlanDocument(I.seedText()).breakdowns[0];
  return { breakdown, towns: breakdown.units };
})();

describe.each(Object.entries(I.TEXTS))("cell text %s", (name, make) => {
  const text = make();

  it("the table model and the check", HANG, async () => {
    const grid = I.breakdownGrid(name, text);
    const read = await timed(`${name} readTable`, () => readTable(grid));
    expect(read).toHaveProperty("table");
    const checked = await timed(`${name} checkWorkbookDetailed`, () => checkWorkbookDetailed([grid]));
    expect(checked).toHaveProperty("reports");
    await timed(`${name} planFromGrids`, () => planFromGrids([grid], name));
  });

  it("the prose reader and the text plan", HANG, async () => {
    const targets = await timed(`${name} extractProseTargets`, () => extractProseTargets(text));
    expect(Array.isArray(targets)).toBe(true);
    const bytes = Buffer.from(I.planWithTexts([text]), "utf8");
    const plan = await timed(`${name} planFromTextBytes`, () => planFromTextBytes(bytes));
    expect(plan).not.toBeNull();
  });

  it("the .docx plan", HANG, async () => {
    const bytes = new Uint8Array(I.docxPlan([text]));
    const doc = await timed(`${name} readDocx`, () => readDocx(bytes, `${name}.docx`));
    if (!(doc instanceof ReadError)) await timed(`${name} planFromDocx`, () => planFromDocx(doc));
  });

  it("a returned file and the progress reader", HANG, async () => {
    const town = issued.towns[0];
    const v = await timed(`${name} validateReturn`, () =>
      validateReturn([I.returnGrid(town, I.cell(text))], issued, `${town}.xlsx`),
    );
    expect(v).toHaveProperty("findings");
    const plan = I.breakdownGrid("2023年分解", "1", 6);
    const month = { ...I.breakdownGrid("1-8月", text, 6), name: "1-8月" };
    await timed(`${name} progressFromWorkbook`, () => progressFromWorkbook([plan, month], 8));
  });

  it("the same cells read back from an .xlsx", HANG, async () => {
    const bytes = new Uint8Array(I.xlsxOf([I.breakdownGrid(name, I.cell(text))]));
    const grids = await timed(`${name} readXlsxInBrowser`, () => readXlsxInBrowser(bytes, `${name}.xlsx`));
    if (!(grids instanceof ReadError))
      await timed(`${name} check of the read sheet`, () => checkWorkbookDetailed(grids));
  });
});

describe("sheets", () => {
  it(
    "2,000 × 50 cells of 30,000 characters each (one string, shared as a shared string is)",
    HANG,
    async () => {
      for (const text of ["镇".repeat(30_000), "1".repeat(30_000)]) {
        const grid = I.bigGrid(text);
        const what = `2000×50 cells of ${text[0]}×30000`;
        await timed(`${what} readTable`, () => readTable(grid));
        const checked = await timed(`${what} checkWorkbookDetailed`, () => checkWorkbookDetailed([grid]));
        expect(checked).toHaveProperty("reports");
        await timed(`${what} planFromGrids`, () => planFromGrids([grid]));
      }
    },
  );

  it("a header cell of 30,000 characters", HANG, async () => {
    const grid = I.longHeaderGrid();
    await timed("30,000-character header checkWorkbookDetailed", () => checkWorkbookDetailed([grid]));
    await timed("30,000-character header planFromGrids", () => planFromGrids([grid]));
  });

  it("towns as rows with a subtotal after every other town", HANG, async () => {
    await timed("20,000 towns, 10,000 subtotals", () => checkWorkbookDetailed([I.subtotalGrid()]));
  });

  it("a growth column over 30,000 towns", HANG, async () => {
    await timed("30,000 towns with base, target and growth", () => checkWorkbookDetailed([I.growthGrid()]));
  });

  it("an indicator system and a breakdown of 5,000 near-same names", HANG, async () => {
    await timed("5,000 × 5,000 cross-check", () => checkWorkbookDetailed(I.crossCheckGrids()));
  });

  it("sheet names with every odd character", HANG, async () => {
    const grids: Grid[] = I.ODD_SHEET_NAMES.map((n) => I.breakdownGrid(n, "1"));
    const checked = await timed("odd sheet names checkWorkbookDetailed", () => checkWorkbookDetailed(grids));
    expect(checked).toHaveProperty("reports");
    await timed("odd sheet names planFromGrids", () => planFromGrids(grids));
    await timed("odd sheet names progressFromWorkbook", () => progressFromWorkbook(grids, 8));
    const bytes = new Uint8Array(I.xlsxOf(grids));
    const read = await timed("odd sheet names readXlsxInBrowser", () => readXlsxInBrowser(bytes, "odd.xlsx"));
    if (!(read instanceof ReadError))
      await timed("odd sheet names, read back, checked", () => checkWorkbookDetailed(read));
  });

  it("progress over 20,000 towns", HANG, async () => {
    const r = await timed("20,000 towns progressFromWorkbook", () =>
      progressFromWorkbook(I.progressGrids(), 8),
    );
    expect(r).not.toBeNull();
  });
});

describe.each(Object.entries(I.PLAN_TEXTS))("plan text %s", (name, make) => {
  it("reads as a plan or is refused with a reason", HANG, async () => {
    const bytes = Buffer.from(make(), "utf8");
    const plan = await timed(`plan ${name} (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`, () =>
      planFromTextBytes(bytes),
    );
    expect(plan).not.toBeNull();
  });
});

describe("returned files", () => {
  const cases = Object.entries(I.returnCases());
  it.each(cases)(
    "%s",
    async (name, grids) => {
      const v = await timed(`return ${name}`, () => validateReturn(grids, issued, `${name}.xlsx`));
      expect(v).toHaveProperty("values");
    },
    HANG.timeout,
  );
});
