// The same breakdown as a clerk's workbook would hold it: a merged title and a 填报单位 line above the header,
// the total column first and the towns in another order, numbers typed as text, full-width, with separators
// and units, formulas with cached results, blank spacer rows, a merged pending row. Same verdicts as the clean one.
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import type { Cell } from "../../src/core/model";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { seedPlan, tempDir, writePlanXlsx } from "../helpers/workbooks";

const toFullWidth = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** One cell typed one of several ways, chosen by position so every way occurs on every kind of row. */
function typed(cell: Cell, unit: string, k: number): ExcelJS.CellValue {
  if (cell.status !== "number" || cell.value === null) return cell.text;
  const v = cell.value;
  switch (k % 6) {
    case 0:
      return v;
    case 1:
      return String(v); // a number stored as text
    case 2:
      return toFullWidth(String(v));
    case 3:
      return v >= 1000 ? v.toLocaleString("en-US") : ` ${v} `;
    case 4:
      return unit && unit !== "%" ? `${v}${unit}` : `${v}`;
    default:
      return { formula: `${v}*1`, result: v }; // a formula: counts by its cached value
  }
}

async function messyWorkbook(): Promise<string> {
  const b = seedPlan().breakdowns[0];
  const towns = [...b.units].reverse();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("镇街分解(修改版)");
  ws.getCell("A1").value = b.title;
  ws.mergeCells(1, 1, 1, towns.length + 4);
  ws.getCell("A2").value = "填报单位:平湖市经信局            填报日期:2023年3月";
  ws.getRow(4).values = ["序号", "指 标 名 称", "全市", ...towns, "责任部门", "备注"];
  let r = 5;
  b.rows.forEach((row, i) => {
    const values = [
      row.no,
      `${row.name}(${row.unit})`,
      typed(row.total, row.unit, i + 3),
      ...towns.map((t, k) => typed(row.values[t], row.unit, i + k + 1)),
      row.dept,
      "",
    ];
    ws.getRow(r).values = values;
    if (row.total.status === "pending") ws.mergeCells(r, 3, r, 3 + towns.length);
    r += i % 4 === 3 ? 2 : 1; // a blank spacer row now and then
  });
  const path = join(tempDir(), "returned.xlsx");
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

async function verdicts(path: string) {
  const file = XlsxFile.open(path);
  const [report] = checkWorkbook(await file.readAll());
  return report;
}

describe("a messy copy of the 附件3 breakdown", async () => {
  const clean = await verdicts(await writePlanXlsx(seedPlan()));
  const messy = await verdicts(await messyWorkbook());

  it("finds the header under the title and the towns after the total", () => {
    expect(messy.totalColumn).toBe("全市");
    expect(messy.units).toEqual([...clean.units].reverse());
    expect(messy.results).toHaveLength(15);
  });

  it("gives the same verdict, target, allocation and difference for every row", () => {
    const pick = (r: typeof clean) =>
      r.results.map((x) => [x.indicator, x.unit, x.kind, x.status, x.target, x.allocated, x.difference]);
    expect(pick(messy)).toEqual(pick(clean));
  });

  it("notes each number it had to read from text", () => {
    const notes = messy.results.flatMap((x) => x.notes.map((n) => n.note));
    expect(notes.some((n) => n.includes("全角字符"))).toBe(true);
    expect(notes.some((n) => n.includes("千位分隔符"))).toBe(true);
    expect(notes.some((n) => n.includes("带单位“亿元”"))).toBe(true);
    expect(clean.results.flatMap((x) => x.notes)).toEqual([]);
  });
});
