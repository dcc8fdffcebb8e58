// `target-breakdown check <file.xlsx> [--sheet NAME] [--weights SHEET] [--json]`
import { existsSync } from "node:fs";
import { checkWorkbookDetailed, type SheetReport } from "../core/check/checkWorkbook";
import { STATUS_LABEL } from "../core/check/status";
import { weightsFromGrid } from "../core/check/weights";
import {
  CHANGE_LOG_SHEET,
  changeSentence,
  changesOfGrids,
  sheetChanges,
  type ChangeLogEntry,
} from "../core/allocate/changeLog";
import type { Grid } from "../core/grid";
import { measureName } from "../core/table/measure";
import { HINT_SHEET } from "../core/table/hints";
import { NO_TABLE_HINT, problemText } from "../core/table/problems";
import { openWorkbook, type Workbook } from "../xlsx/openWorkbook";
import { namingFile, ReadError } from "../core/read/readError";
import { type OptionSpec, parseArgs, UsageError } from "./args";
import { CliError } from "./errors";
import { checkInputs } from "./output";
import { writeJson, writeOut } from "./terminal";

/** The report as `check --json` prints it (docs/cli.md). */
export function reportJson(file: string, r: SheetReport, changes: ChangeLogEntry[] = []) {
  const adjustments = sheetChanges(changes, r.sheet);
  return {
    file,
    sheet: r.sheet,
    year: r.year,
    orientation: r.orientation,
    units: r.units,
    totalColumn: r.totalColumn,
    measures: r.measures,
    subtotals: r.subtotals,
    notes: r.notes,
    results: r.results.map((x) => ({
      row: x.row,
      indicator: x.indicator,
      unit: x.unit,
      kind: x.kind,
      measure: x.measure,
      ...(x.subtotal ? { subtotal: x.subtotal } : {}),
      status: x.status,
      severity: x.severity,
      target: x.target,
      allocated: x.allocated,
      difference: x.difference,
      ...(x.range ? { range: x.range } : {}),
      cells: x.cells,
      rowCells: x.rowCells,
      message: x.message,
      msg: x.msg,
      notes: x.notes,
    })),
    summary: r.summary,
    ...(r.crossCheck ? { crossCheck: r.crossCheck } : {}),
    // The targets of this sheet changed during the year, as 调整记录 has them (undone batches left out).
    ...(adjustments.length > 0
      ? {
          adjustments: adjustments.map((e) => ({
            batch: e.batch,
            time: e.time,
            indicator: e.indicator,
            measure: e.measure,
            town: e.town,
            before: e.before,
            after: e.after,
            method: e.method,
            reason: e.reason,
            sentence: changeSentence(e),
          })),
        }
      : {}),
  };
}

/** At most this many changes are listed under a sheet's results; the rest are counted. */
const MAX_CHANGES_SHOWN = 12;

function printText(file: string, r: SheetReport, changes: ChangeLogEntry[]): void {
  const out: string[] = [];
  const unitRows = r.orientation === "unit-rows";
  const several = r.measures.length > 1;
  out.push(
    `${file} · 工作表“${r.sheet}”${r.year ? ` · ${r.year}年` : ""} · ${r.units.length} 个单位${unitRows ? "(单位为行)" : ""} · ${unitRows ? "合计行" : "合计列"}“${r.totalColumn}”` +
      (several ? ` · ${r.measures.length} 组数:${r.measures.map(measureName).join("、")}` : ""),
  );
  for (const s of r.subtotals)
    out.push(`  · “${s.header}”是小计(${s.members.join("、")}),不计入合计,另与其所含单位核对`);
  for (const x of r.results) {
    const mark =
      x.severity === "error" ? "✗" : x.severity === "warning" ? "!" : x.status === "ok" ? "✓" : "·";
    const what = [several ? measureName(x.measure) : "", x.subtotal ?? ""].filter(Boolean).join(" · ");
    out.push(
      `  ${mark} ${unitRows ? `${x.rowCells.replace(/\d.*$/, "")}列` : `第${x.row}行`} ${x.indicator}${x.unit ? `(${x.unit})` : ""}${what ? ` · ${what}` : ""} [${STATUS_LABEL[x.status]}] ${x.message}`,
    );
    for (const n of x.notes) out.push(`      注:${n.cell}“${n.text}”按数字读取(${n.note})`);
  }
  for (const c of r.crossCheck ?? [])
    if (c.status === "mismatch") out.push(`  ! 第${c.row}行 ${c.indicator}:${c.message}`);
  const summary = Object.entries(r.summary)
    .map(([k, n]) => `${STATUS_LABEL[k as keyof typeof STATUS_LABEL]} ${n}`)
    .join(",");
  out.push(`  共 ${r.results.length} 行:${summary}`);
  const adjusted = sheetChanges(changes, r.sheet);
  for (const e of adjusted.slice(0, MAX_CHANGES_SHOWN))
    out.push(`  调整记录 第${e.batch ?? "?"}批:${changeSentence(e)}`);
  if (adjusted.length > MAX_CHANGES_SHOWN)
    out.push(`  调整记录 另有 ${adjusted.length - MAX_CHANGES_SHOWN} 处调整,见工作表“${CHANGE_LOG_SHEET}”`);
  writeOut(out.join("\n") + "\n");
}

const OPTIONS: OptionSpec = { valued: ["sheet", "weights"], flags: ["json"], maxPositionals: 1 };

export async function checkCommand(argv: string[]): Promise<number> {
  const args = parseArgs("check", argv, OPTIONS);
  const [input] = args.positionals;
  if (!input) throw new UsageError("缺少输入文件(要校验的工作簿 .xlsx)");
  checkInputs([input]);
  if (!existsSync(input)) throw new CliError(`${input}: 文件不存在`);
  let file: Workbook;
  let grids: Grid[];
  try {
    file = await openWorkbook(input);
    const wanted = args.options.get("sheet");
    // The workbook's 表格识别 (hidden sheet) is read along, so a sheet the clerk described is read their way.
    const hintSheet = file.sheets.some((s) => s.name === HINT_SHEET) ? [HINT_SHEET] : [];
    const names = wanted
      ? [wanted, ...hintSheet.filter((n) => n !== wanted)]
      : file.sheets.map((s) => s.name);
    // 调整记录 too, even with --sheet: the check cites the changes made to the sheet's targets.
    if (file.sheets.some((s) => s.name === CHANGE_LOG_SHEET) && !names.includes(CHANGE_LOG_SHEET))
      names.push(CHANGE_LOG_SHEET);
    grids = [];
    for (const n of names) grids.push(await file.readSheet(n));
  } catch (e) {
    if (e instanceof ReadError) throw new CliError(e.message);
    throw e;
  }
  const weightsSheet = args.options.get("weights");
  let weights;
  if (weightsSheet) {
    let g: Grid | undefined;
    try {
      g = grids.find((x) => x.name === weightsSheet) ?? (await file.readSheet(weightsSheet));
    } catch (e) {
      if (e instanceof ReadError) throw new CliError(e.message);
      throw e;
    }
    weights = weightsFromGrid(g) ?? undefined;
    if (!weights)
      throw new CliError(`${input}: 工作表“${weightsSheet}”里没有找到基数表(表头需含 指标名称 与 合计/全市)`);
    grids = grids.filter((x) => x.name !== weightsSheet);
  }
  let checked: ReturnType<typeof checkWorkbookDetailed>;
  try {
    checked = checkWorkbookDetailed(grids, { weights });
  } catch (e) {
    // A limit met while reading the tables (merged ranges filled in): named with the file.
    throw e instanceof ReadError ? namingFile(e, input) : e;
  }
  const { reports, problems } = checked;
  if (reports.length === 0) {
    // Say what was found and what is missing rather than guess (a header without a total, units without a header).
    if (problems.length > 0)
      throw new CliError(`${input}: 没有找到目标分解表:${problems.map(problemText).join(";")}`);
    const where = args.options.get("sheet") ? `工作表“${args.options.get("sheet")}”` : "任何工作表";
    throw new CliError(`${input}: ${where}中没有找到目标分解表(${NO_TABLE_HINT})`);
  }
  const changes = changesOfGrids(grids);
  if (args.flags.has("json")) {
    const json = reports.map((r) => reportJson(input, r, changes));
    writeJson(json.length === 1 ? json[0] : json);
  } else reports.forEach((r) => printText(input, r, changes));
  return reports.some((r) => r.results.some((x) => x.severity === "error")) ? 1 : 0;
}
