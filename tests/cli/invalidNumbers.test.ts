// NaN, Infinity and numbers past Excel's range in the XML of real files (<v>NaN</v>, <v>1e309</v>): `collect`
// reports each as an invalid value naming its cell and leaves it out of 汇总; `check` reports them instead of
// computing a sum. The files are written with ExcelJS, then the sheet XML is edited by hand (ExcelJS cannot write
// "1e309": to JavaScript it is Infinity), as a damaged export or another program would leave them.
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { zipFiles } from "../../bench/zipWriter.mjs";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";

// --- a zip reader and writer, just enough to edit one part ---

/** The entries of a zip, by its central directory (stored or deflated). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const [nameLength, extra, comment] = [
      zip.readUInt16LE(p + 28),
      zip.readUInt16LE(p + 30),
      zip.readUInt16LE(p + 32),
    ];
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

const zip = (files: Map<string, Buffer>): Buffer => zipFiles(files);

/** Replaces each `<v>sentinel</v>` in the worksheets with `<v>text</v>`. */
function rewriteValues(path: string, replace: Record<string, string>): void {
  const files = unzip(readFileSync(path));
  let found = 0;
  for (const [name, data] of files) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    let xml = data.toString("utf8");
    for (const [sentinel, text] of Object.entries(replace)) {
      const before = xml;
      xml = xml.split(`<v>${sentinel}</v>`).join(`<v>${text}</v>`);
      if (xml !== before) found++;
    }
    files.set(name, Buffer.from(xml, "utf8"));
  }
  if (found !== Object.keys(replace).length) throw new Error(`only ${found} sentinels found in ${path}`);
  writeFileSync(path, zip(files));
}

/** What each sentinel becomes in the XML, and the cell it is in. */
const BAD = [
  { cell: "F4", sentinel: "424242.001", xml: "NaN" },
  { cell: "F5", sentinel: "424242.002", xml: "Infinity" },
  { cell: "F6", sentinel: "424242.003", xml: "1e309" },
  { cell: "F7", sentinel: "424242.004", xml: "1.8e308" },
  { cell: "F8", sentinel: "424242.005", xml: "-1.5e308" }, // a double to JavaScript, but past Excel's range
];

describe("collect: a returned file with NaN, Infinity, 1e309 and 1.8e308 in its XML", async () => {
  const breakdown = seedBreakdown();
  const dir = tempDir();
  const file = await writeReturn(
    await writeTemplate(breakdown, "当湖街道", tempDir()),
    join(dir, "当湖街道.xlsx"),
    (ws) => {
      for (const b of BAD) ws.getCell(b.cell).value = Number(b.sentinel);
    },
  );
  rewriteValues(file, Object.fromEntries(BAD.map((b) => [b.sentinel, b.xml])));
  const out = join(tempDir(), "汇总.xlsx");
  const r = runCli(["collect", SEED_001, file, "-o", out, "--json"]);
  const json = JSON.parse(r.stdout);
  const findings: { cell: string; code: string; severity: string; message: string }[] =
    json.submissions[0].findings;

  it("reports each as an invalid number naming its cell, an error", () => {
    expect(r.code).toBe(1);
    const invalid = findings.filter((f) => f.code === "invalid_number");
    expect(invalid.map((f) => f.cell)).toEqual(BAD.map((b) => b.cell));
    expect(invalid.every((f) => f.severity === "error")).toBe(true);
    const names = breakdown.rows.slice(0, 5).map((row) => row.name);
    expect(invalid.map((f) => f.message)).toEqual([
      `${names[0]}:F4 的值“NaN”不是有效数字(非数值 NaN),未计入汇总`,
      `${names[1]}:F5 的值“Infinity”不是有效数字(无穷大),未计入汇总`,
      `${names[2]}:F6 的值“1e309”不是有效数字(超出 Excel 的数值范围(绝对值最大 9.99999999999999E+307)),未计入汇总`,
      `${names[3]}:F7 的值“1.8e308”不是有效数字(超出 Excel 的数值范围(绝对值最大 9.99999999999999E+307)),未计入汇总`,
      `${names[4]}:F8 的值“-1.5e+308”不是有效数字(超出 Excel 的数值范围(绝对值最大 9.99999999999999E+307)),未计入汇总`,
    ]);
    // Nothing else about those cells: no below_target or far_from_target computed from them.
    expect(findings.filter((f) => BAD.some((b) => b.cell === f.cell)).map((f) => f.code)).toEqual(
      BAD.map(() => "invalid_number"),
    );
  });

  it("leaves them out of 汇总 (the cells stay blank), keeps the town's other figures", async () => {
    const summary = await XlsxFile.open(out).readSheet("汇总");
    expect(summary.rows[2][4]).toBe("当湖街道");
    const column = summary.rows.slice(3, 18).map((row) => row[4] ?? null);
    expect(column.slice(0, 5)).toEqual([null, null, null, null, null]);
    // The row after them has the issued figure the clean return copied.
    expect(typeof column[5]).toBe("number");
    for (const v of summary.rows.flat())
      if (typeof v === "number") expect(Number.isFinite(v) && Math.abs(v) <= 9.99999999999999e307).toBe(true);
    const cells = JSON.stringify(summary.rows);
    for (const word of ["NaN", "Infinity", "1e309", "1.8e308", "e+308"]) expect(cells).not.toContain(word);
  });
});

describe("check: a breakdown sheet with NaN, Infinity, 1e309 and 1.8e308 in town cells", async () => {
  const path = join(tempDir(), "分解.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("2023年目标分解");
  ws.addRow(["指标名称", "计量单位", "甲镇", "乙镇", "丙镇", "全市"]);
  ws.addRow(["制造业投资", "亿元", 424242.001, 20, 30, 60]); // C2: NaN
  ws.addRow(["工业投资", "亿元", 10, 424242.002, 30, 60]); // D3: Infinity
  ws.addRow(["技改投资", "亿元", 10, 20, 424242.003, 60]); // E4: 1e309
  ws.addRow(["专利数", "件", 10, 424242.004, 30, 60]); // D5: 1.8e308
  ws.addRow(["企业数", "家", 10, 20, 30, 424242.005]); // F6: NaN as the 全市 target
  ws.addRow(["腾出用地", "亩", 10, 20, 30, 60]); // a clean row
  await wb.xlsx.writeFile(path);
  rewriteValues(path, {
    "424242.001": "NaN",
    "424242.002": "Infinity",
    "424242.003": "1e309",
    "424242.004": "1.8e308",
    "424242.005": "NaN",
  });
  const r = runCli(["check", path, "--json"]);
  const parsed = JSON.parse(r.stdout);
  const results: {
    indicator: string;
    status: string;
    allocated: number | null;
    cells: string[];
    message: string;
  }[] = (Array.isArray(parsed) ? parsed[0] : parsed).results;
  const by = new Map(results.map((x) => [x.indicator, x]));

  it("reports the cells instead of computing a sum", () => {
    expect(r.code).toBe(1);
    expect(results.map((x) => [x.indicator, x.status, x.cells])).toEqual([
      ["制造业投资", "invalid", ["C2"]],
      ["工业投资", "invalid", ["D3"]],
      ["技改投资", "invalid", ["E4"]],
      ["专利数", "invalid", ["D5"]],
      ["企业数", "invalid", ["F6"]],
      ["腾出用地", "ok", []],
    ]);
    for (const x of results.slice(0, 5)) expect(x.allocated).toBeNull();
    expect(by.get("制造业投资")!.message).toBe("C2(甲镇)的值“NaN”(非数值 NaN) 不是有效数字");
    expect(by.get("工业投资")!.message).toBe("D3(乙镇)的值“Infinity”(无穷大) 不是有效数字");
    expect(by.get("技改投资")!.message).toContain("E4(丙镇)的值“1e309”(超出 Excel 的数值范围");
    expect(by.get("专利数")!.message).toContain("D5(乙镇)的值“1.8e308”(超出 Excel 的数值范围");
    expect(by.get("企业数")!.message).toBe("全市目标 F6 的值“NaN”(非数值 NaN)不是有效数字");
  });
});
