// `target-breakdown inspect <file…> [--jsonl]`: what the readers read from each file, and nothing more. A summary
// per file (kind, encoding or date system, each sheet's used range and cells by type, or the paragraphs and
// tables), or with --jsonl one JSON object per file per line in the shape of the real-world corpus's reference
// readings (src/core/read/inspectShape.ts; docs/cli.md). Files are read one at a time, each within the reader
// limits; a file that cannot be read is reported and the next one read. Exit 0 when every file was read, 2 when
// one could not be.
import { readFileSync, statSync } from "node:fs";
import { cellRef } from "../core/layout/a1";
import {
  docxShape,
  errorShape,
  sheetCells,
  textShape,
  xlsxShapeJson,
  type InspectSheet,
  type ShapeType,
} from "../core/read/inspectShape";
import { LimitError, limitReason, READER_LIMITS } from "../core/read/limits";
import { type OptionSpec, parseArgs, UsageError } from "./args";
import { stdoutClosed, writeErr, writeOut, writeOutRaw } from "./terminal";
import { isClearReadError, readErrorText, readForInspect, type InspectReading } from "./inspectRead";

const OPTIONS: OptionSpec = { valued: [], flags: ["jsonl"] };

type Outcome = { ok: true; reading: InspectReading } | { ok: false; error: string; internal?: string };

/** Reads one file; never throws (a bug is reported as 内部错误 with its stack for stderr). */
async function inspectFile(file: string): Promise<Outcome> {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { ok: false, error: "这是文件夹,不是文件" };
    if (stat.size > READER_LIMITS.fileBytes)
      throw new LimitError("fileBytes", limitReason.fileBytes(), { file });
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof LimitError) return { ok: false, error: readErrorText(e, file) };
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === "ENOENT" ? "文件不存在" : `无法打开文件:${(e as Error).message}` };
  }
  try {
    return { ok: true, reading: await readForInspect(bytes, file) };
  } catch (e) {
    if (isClearReadError(e)) return { ok: false, error: readErrorText(e, file) };
    const error = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: `内部错误:${error.message}`, internal: error.stack ?? error.message };
  }
}

const TYPE_LABEL: Record<ShapeType, string> = {
  s: "文字",
  n: "数字",
  date: "日期",
  b: "逻辑值",
  e: "错误值",
};
const KIND_LABEL = { chartsheet: "图表工作表", macrosheet: "宏表", dialogsheet: "对话框工作表" } as const;
const count = (n: number) => n.toLocaleString("en-US");

/** "Sheet1  A1:F30  120 个单元格(文字 38,数字 80,日期 2)". */
function sheetLine(sheet: InspectSheet): string {
  const byType = new Map<ShapeType, number>();
  let cells = 0;
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  for (const [r, c, , type] of sheetCells(sheet)) {
    cells++;
    byType.set(type, (byType.get(type) ?? 0) + 1);
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, c);
    right = Math.max(right, c);
  }
  const name = `${sheet.name}${sheet.hidden ? "(隐藏)" : ""}`;
  const kind = sheet.kind ? `${KIND_LABEL[sheet.kind]},` : "";
  if (cells === 0) return `  ${name}  ${kind}没有单元格`;
  const [from, to] = [cellRef(top + 1, left + 1), cellRef(bottom + 1, right + 1)];
  const range = from === to ? from : `${from}:${to}`;
  const types = (Object.keys(TYPE_LABEL) as ShapeType[])
    .filter((t) => byType.has(t))
    .map((t) => `${TYPE_LABEL[t]} ${count(byType.get(t) as number)}`)
    .join(",");
  return `  ${name}  ${kind}${range}  ${count(cells)} 个单元格(${types})`;
}

function summary(file: string, outcome: Outcome): string[] {
  if (!outcome.ok) return [`${file}  无法读取:${outcome.error}`];
  const r = outcome.reading;
  if (r.kind === "xlsx") {
    const epoch = r.book.epoch1904 ? "1904 日期系统" : "1900 日期系统";
    return [
      `${file}  Excel 工作簿,${epoch},${r.book.sheets.length} 个工作表`,
      ...r.book.sheets.map(sheetLine),
    ];
  }
  if (r.kind === "docx") {
    const shape = docxShape(file, r.blocks);
    return [
      `${file}  Word 文档,${count(shape.paragraphs.length)} 个段落,${shape.tables.length} 个表格`,
      ...shape.tables.map((t, i) => {
        const columns = Math.max(0, ...t.rows.map((row) => row.length));
        const merges = t.merges ? `,合并区域 ${t.merges.length} 个` : "";
        return `  表格 ${i + 1}  ${t.rows.length} 行 × ${columns} 列${merges}`;
      }),
    ];
  }
  // Lines as an editor counts them: a line end after the last line starts none.
  const lines = r.text === "" ? 0 : r.text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(r.text) ? 1 : 0);
  return [`${file}  文本,${r.encoding} 编码,${count([...r.text].length)} 个字符,${count(lines)} 行`];
}

/** The file's one JSON line, handed on in pieces (a large workbook is never one string in memory). */
function* jsonLine(file: string, outcome: Outcome): Generator<string> {
  if (!outcome.ok) yield JSON.stringify(errorShape(file, outcome.error));
  else if (outcome.reading.kind === "xlsx") yield* xlsxShapeJson(file, outcome.reading.book);
  else if (outcome.reading.kind === "docx") yield JSON.stringify(docxShape(file, outcome.reading.blocks));
  else yield JSON.stringify(textShape(file, outcome.reading.encoding, outcome.reading.text));
  yield "\n";
}

export async function inspectCommand(argv: string[]): Promise<number> {
  const args = parseArgs("inspect", argv, OPTIONS);
  if (args.positionals.length === 0) throw new UsageError("缺少输入文件(可列出多个)");
  const jsonl = args.flags.has("jsonl");
  let unreadable = 0;
  for (const file of args.positionals) {
    // Output piped into `head` that stopped reading: the rest would be read for nobody, so end quietly.
    if (stdoutClosed()) return unreadable > 0 ? 2 : 0;
    const outcome = await inspectFile(file);
    if (!outcome.ok) {
      unreadable++;
      if (outcome.internal) writeErr(`target-breakdown: ${file}: 内部错误:${outcome.internal}\n`);
    }
    if (jsonl) for (const piece of jsonLine(file, outcome)) writeOutRaw(piece);
    else writeOut(`${summary(file, outcome).join("\n")}\n`);
  }
  if (unreadable > 0)
    process.stderr.write(
      `target-breakdown: ${args.positionals.length} 个文件中有 ${unreadable} 个无法读取\n`,
    );
  return unreadable > 0 ? 2 : 0;
}
