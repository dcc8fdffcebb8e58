// The corpus of returned files: what eight towns send back, with the problems clerks actually meet. Generated at
// test time into a temp folder from the 平湖 2023 templates (our own renderer, then edited with ExcelJS as a user
// edits in Excel), plus files written by LibreOffice, and the four kinds that cannot be read.
// The cases are in corpusCases.ts; each lists its expected findings as "severity:code@sheet!cell".
import { copyFileSync, readFileSync, renameSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sofficeConvert } from "../helpers/libreoffice";
import { tempDir } from "../helpers/workbooks";
import { seedBreakdown, writeReturn, writeTemplate } from "./fixtures";
import { E, SPECS } from "./corpusCases";
import { encryptedWorkbookBytes } from "./oleFile";

export interface CorpusCase {
  file: string;
  /** The town the file should be attributed to (null: none). */
  unit: string | null;
  expected: string[];
}

/** Writes every case into a new folder; file times are one minute apart in case order (the last one is newest). */
export async function buildCorpus(): Promise<CorpusCase[]> {
  const breakdown = seedBreakdown();
  const dir = tempDir("tb-corpus-");
  const templates = new Map<string, string>();
  const templateOf = async (town: string) => {
    if (!templates.has(town)) templates.set(town, await writeTemplate(breakdown, town, tempDir()));
    return templates.get(town)!;
  };
  const cases: CorpusCase[] = [];
  for (const s of SPECS) {
    const path = join(dir, s.name);
    if (!s.libreoffice) await writeReturn(await templateOf(s.town), path, s.edit);
    else {
      const source = await writeReturn(await templateOf(s.town), join(tempDir(), `${s.town}.xlsx`), s.edit);
      const [converted] = sofficeConvert(source, s.libreoffice);
      renameSync(converted, path);
    }
    cases.push({ file: path, unit: s.unit === undefined ? s.town : s.unit, expected: s.expected });
  }
  // The four kinds that cannot be read, plus an empty workbook.
  const clean = cases[0].file;
  const raw: [string, string | null, Buffer, string][] = [
    ["经开区(加密).xlsx", "经开区", encryptedWorkbookBytes(), E("encrypted", "!")],
    [
      "新埭镇(导出).xlsx",
      "新埭镇",
      Buffer.from("指标名称,本单位填报\n制造业投资,12.2\n"),
      E("not_xlsx", "!"),
    ],
    ["广陈镇(损坏).xlsx", "广陈镇", readFileSync(clean).subarray(0, 3000), E("unreadable", "!")],
    ["林埭镇(0字节).xlsx", "林埭镇", Buffer.alloc(0), E("unreadable", "!")],
  ];
  for (const [name, unit, bytes, expected] of raw) {
    writeFileSync(join(dir, name), bytes);
    cases.push({ file: join(dir, name), unit, expected: [expected] });
  }
  const empty = join(dir, "曹桥街道-空白.xlsx");
  copyFileSync(await emptyWorkbook(), empty);
  cases.push({ file: empty, unit: "曹桥街道", expected: [E("empty", "!")] });
  const start = Date.parse("2024-01-10T08:00:00+08:00") / 1000;
  cases.forEach((c, i) => utimesSync(c.file, start + i * 60, start + i * 60));
  return cases;
}

async function emptyWorkbook(): Promise<string> {
  const { default: ExcelJSLib } = await import("exceljs");
  const wb = new ExcelJSLib.Workbook();
  wb.addWorksheet("Sheet1");
  const path = join(tempDir(), "empty.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}
