// The 亮晒 bulletin as an .xlsx file: LibreOffice recalculates its formulas to the statuses the core computed, the
// colours follow an edited number or parameter, the traffic lights and data bars are native rules, and it prints
// to A4 landscape PDF.
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bulletinSheet } from "../../src/core/layout/bulletinSheet";
import { STATUS_WORD } from "../../src/core/progress/evaluate";
import { progressOf, type Progress } from "../../src/core/progress/progress";
import type { SheetSpec } from "../../src/core/layout/sheetSpec";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";
import { readZipEntry } from "../../src/xlsx/zip";
import { readZipDirectory } from "../../src/core/zip/zipDirectory";
import { sofficeConvert, sofficeCsvSheets } from "../helpers/libreoffice";
import { seedPlan, tempDir } from "../helpers/workbooks";

const MONTHLY = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");

let progress: Progress;
let spec: SheetSpec;
let path: string;

beforeAll(async () => {
  const breakdown = seedPlan().breakdowns[0];
  progress = progressOf(breakdown, await XlsxFile.open(MONTHLY).readAll(), 8);
  spec = bulletinSheet(breakdown, progress.result, progress.settings);
  path = join(tempDir(), "亮晒.xlsx");
  writeFileSync(path, Buffer.from(await (await renderWorkbook([spec])).xlsx.writeBuffer()));
});

/** Table lines of the recalculated sheet: [town, indicator (merged cells carried down), status word]. */
function statusLines(rows: string[][]): { unit: string; indicator: string; word: string; rank: string }[] {
  const out: { unit: string; indicator: string; word: string; rank: string }[] = [];
  let indicator = "";
  for (const r of rows.slice(spec.table.firstDataRow - 1)) {
    if (r[2] === "镇(街道)") break;
    indicator = r[0] || indicator;
    if (r[2]) out.push({ unit: r[2], indicator: indicator.replace(/\(.*\)$/, ""), word: r[12], rank: r[8] });
  }
  return out;
}

describe("the 亮晒 bulletin in LibreOffice", () => {
  it("recalculates every light to the core's status, and 未报 for the blank", () => {
    const rows = sofficeCsvSheets(path).get("1-8月亮晒")!;
    const lines = statusLines(rows);
    expect(lines).toHaveLength(progress.result.rows.length + progress.result.missing.length);
    for (const r of progress.result.rows) {
      const line = lines.find((l) => l.unit === r.unit && l.indicator === r.indicator);
      expect([line?.word, line?.rank], `${r.unit} · ${r.indicator}`).toEqual([
        STATUS_WORD[r.status],
        String(r.rank),
      ]);
    }
    expect(lines.find((l) => l.unit === "新仓镇" && l.indicator === "高价值发明专利拥有量")?.word).toBe(
      "未报",
    );
    // The summary line per town counts the lights.
    const summary = rows.find((r) => r[2] === "曹桥街道" && /^\d+$/.test(r[5] ?? ""))!;
    const mine = progress.result.rows.filter((r) => r.unit === "曹桥街道");
    expect(summary.slice(5, 8).map(Number)).toEqual(
      (["green", "yellow", "red"] as const).map((s) => mine.filter((r) => r.status === s).length),
    );
  });

  it("follows an edited figure and an edited parameter (the colours are formulas, not paint)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0];
    // The 高耗低效整治企业数 block: 新埭镇 33 of 50 is yellow; 34 is on schedule.
    const lines = statusLines(sofficeCsvSheets(path).get("1-8月亮晒")!);
    const index = lines.findIndex((l) => l.unit === "新埭镇" && l.indicator === "高耗低效整治企业数");
    const row = spec.table.firstDataRow + index;
    expect(ws.getCell(row, 4).value).toBe(33);
    ws.getCell(row, 4).value = 34;
    ws.getCell("B3").value = 1; // one month behind is enough for red…
    const edited = join(tempDir(), "改.xlsx");
    await wb.xlsx.writeFile(edited);
    const after = statusLines(sofficeCsvSheets(edited).get("1-8月亮晒")!);
    const word = (unit: string, ind: string) =>
      after.find((l) => l.unit === unit && l.indicator === ind)?.word;
    expect(word("新埭镇", "高耗低效整治企业数")).toBe("绿");
    expect(word("林埭镇", "高耗低效整治企业数")).toBe("红"); // …so 林埭镇 (behind once, 7th of 8) turns red
    expect(word("当湖街道", "高耗低效整治企业数")).toBe("红");
  });

  it("holds a native traffic-light icon set and data bars", () => {
    const buf = readFileSync(path);
    const dir = readZipDirectory(buf);
    const xml = readZipEntry(buf, dir.get("xl/worksheets/sheet1.xml")!).toString("utf8");
    expect(xml).toMatch(/<iconSet iconSet="3TrafficLights1" showValue="0">/);
    expect(xml).toMatch(/<cfRule type="dataBar"/);
    expect(xml).toMatch(/<conditionalFormatting sqref="L5:L\d+">/);
  });

  it("converts to PDF on A4 landscape pages", () => {
    const [pdf] = sofficeConvert(path, "pdf");
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const boxes = [...bytes.toString("latin1").matchAll(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(1);
    for (const b of boxes) expect([Math.round(Number(b[1])), Math.round(Number(b[2]))]).toEqual([842, 595]);
  });
});
