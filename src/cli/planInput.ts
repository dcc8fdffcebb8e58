// The plan `load` reads, whatever the file holds: a Word .docx (its tables with their real merges), an .xlsx
// (or legacy .xls/.et) whose sheets hold an indicator system, task table or breakdown, or the text form. Decided by the bytes, not
// the extension; an old .doc, a password-protected file or a damaged one is reported by name.
import { existsSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { planFromDocx } from "../core/docx/docxPlan";
import { DAMAGED, docxProblem, readDocx } from "../core/docx/readDocx";
import { planFromTextBytes, type ParsedPlan } from "../core/parse/planDocument";
import { cropGrid, type Grid } from "../core/grid";
import { planFromGrids } from "../core/parse/sheetTables";
import { startsWith } from "../core/submissions/fileKind";
import { readZipDirectory, readZipEntryText, ZipError } from "../xlsx/zip";
import { isXlsxPackage, XlsxFile } from "../xlsx/readXlsx";
import { openWorkbook, type Workbook } from "../xlsx/openWorkbook";
import { isOle, oleKind } from "../core/oleFile";
import { namingFile, ReadError } from "../core/read/readError";
import { CliError } from "./errors";

/** The text form, in UTF-8, UTF-16 or GB18030/GBK (told by the bytes; the encoding is kept on the plan). */
function textPlan(path: string, bytes: Buffer): ParsedPlan {
  const plan = planFromTextBytes(bytes, path);
  if (!plan)
    throw new CliError(
      `${path}: 不是文本文件(可读取 UTF-8、UTF-16 或 GB18030/GBK 编码的 .txt,或 .docx、.xlsx)`,
    );
  return plan;
}

const isZip = (b: Buffer) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
/** An OLE file holding a workbook stream: a legacy .xls or WPS .et. */
const isLegacyWorkbook = (b: Buffer) => isOle(b) && ["workbook", "biff5"].includes(oleKind(b));

/** A zip holding xl/workbook.xml (a damaged zip is left to the workbook reader's message), or a legacy .xls. */
export function isWorkbook(bytes: Buffer): boolean {
  if (isLegacyWorkbook(bytes)) return true;
  if (!isZip(bytes)) return false;
  try {
    return !readZipDirectory(bytes).has("word/document.xml");
  } catch {
    return true;
  }
}

export interface PlanInputOptions {
  /** A workbook's sheet to read (default: every visible sheet). */
  sheet?: string;
  /** A range of that sheet ("A3:K20"), read as if it were the whole sheet. */
  range?: string;
}

async function workbookGrids(file: Workbook, options: PlanInputOptions): Promise<Grid[]> {
  if (options.range && !options.sheet && file.sheets.filter((s) => !s.hidden).length > 1)
    throw new CliError(`${file.fileName}: --range 需要和 --sheet 一起使用(工作簿有多个工作表)`);
  const names = options.sheet ? [options.sheet] : file.sheets.filter((s) => !s.hidden).map((s) => s.name);
  const grids: Grid[] = [];
  for (const name of names) {
    const grid = await file.readSheet(name);
    if (!options.range) grids.push(grid);
    else {
      const part = cropGrid(grid, options.range);
      if (!part) throw new CliError(`${file.fileName}: --range “${options.range}” 不是单元格区域(如 A3:K20)`);
      grids.push(part);
    }
  }
  return grids;
}

export async function readPlanInput(path: string, options: PlanInputOptions = {}): Promise<ParsedPlan> {
  if (!existsSync(path)) throw new CliError(`${path}: 文件不存在`);
  const bytes = readFileSync(path);
  const ext = extname(path).toLowerCase();
  if (isLegacyWorkbook(bytes)) {
    try {
      return planFromGrids(
        await workbookGrids(await openWorkbook(bytes, path), options),
        basename(path, ext),
      );
    } catch (e) {
      if (e instanceof ReadError) throw namingFile(e, path);
      throw e;
    }
  }
  if (isOle(bytes) || (/^\.docx?$/.test(ext) && !isZip(bytes)))
    throw new CliError(`${path}: ${docxProblem(bytes) ?? "不是 Word .docx 文档"}`);
  if (!isZip(bytes)) return textPlan(path, bytes);
  let entries;
  try {
    entries = readZipDirectory(bytes, ext || ".docx");
  } catch (e) {
    if (e instanceof ZipError) throw new CliError(`${path}: ${DAMAGED}`);
    throw e;
  }
  try {
    if (entries.has("word/document.xml")) {
      const doc = await readDocx(bytes, path, async (b, entry, budget) =>
        readZipEntryText(b as Buffer, entry, budget),
      );
      return planFromDocx(doc);
    }
    if (entries.has("xl/workbook.xml") || isXlsxPackage(bytes)) {
      const file = new XlsxFile(bytes, path);
      return planFromGrids(await workbookGrids(file, options), basename(path, ext));
    }
  } catch (e) {
    if (e instanceof ReadError) throw namingFile(e, path);
    throw e;
  }
  throw new CliError(
    `${path}: 既不是 Word 文档也不是 Excel 工作簿(zip 中没有 word/document.xml 或 xl/workbook.xml)`,
  );
}
