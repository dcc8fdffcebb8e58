// `target-breakdown progress <plan.xlsx|plan.txt> <actuals.xlsx> --month M (-o bulletin.xlsx [--force] | --json)
// [--report 通报.docx] [--report-text 通报.txt]`: the status of every town and indicator in month M, as JSON or as
// the 亮晒 bulletin workbook, and the month's 通报 written from it.
import { existsSync, readFileSync } from "node:fs";
import { bulletinSheet } from "../core/layout/bulletinSheet";
import type { Indicator } from "../core/model";
import { progressWithPrevious, type Progress } from "../core/progress/progress";
import { STATUS_WORD } from "../core/progress/evaluate";
import type { XlsxGrid } from "../xlsx/readXlsx";
import { openWorkbook } from "../xlsx/openWorkbook";
import { ReadError } from "../core/read/readError";
import { renderWorkbook } from "../xlsx/renderXlsx";
import { monthOption, type OptionSpec, parseArgs, UsageError } from "./args";
import { checkInputs, checkOutput } from "./output";
import { CliError } from "./errors";
import { isWorkbook, readPlanInput } from "./planInput";
import { breakdownOfGrids, breakdownOfPlan } from "./planSource";
import { writeErr, writeJson, writeOut } from "./terminal";
import { writeFileAtomically } from "./writeOutput";
import { changesOfGrids } from "../core/allocate/changeLog";
import { DOCX_OUTPUT, TEXT_OUTPUT, writeReports } from "./progressReport";

const OPTIONS: OptionSpec = {
  valued: ["output", "month", "sheet", "report", "report-text"],
  flags: ["json", "force"],
  short: { o: "output" },
};

/** A workbook's visible sheets; `bytes` when the file was read already (it is read once). */
async function readGrids(path: string, bytes?: Buffer): Promise<XlsxGrid[]> {
  if (!bytes && !existsSync(path)) throw new CliError(`${path}: 文件不存在`);
  try {
    return await (await openWorkbook(bytes ?? path, path)).readVisible();
  } catch (e) {
    if (e instanceof ReadError) throw new CliError(e.message);
    throw e;
  }
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function progressJson(p: Progress) {
  const { result } = p;
  return {
    month: result.month,
    rows: result.rows.map((r) => ({
      unit: r.unit,
      indicator: r.indicator,
      value: r.value,
      target: r.target,
      completion: r4(r.completion),
      schedule: r4(r.schedule),
      gap: r4(r.gap),
      rank: r.rank,
      status: r.status,
      streak: r.streak,
    })),
    missing: result.missing,
    findings: result.findings,
  };
}

function summaryText(p: Progress, actuals: string): string {
  const count = { green: 0, yellow: 0, red: 0 };
  for (const r of p.result.rows) count[r.status]++;
  const lines = [
    `${actuals} · ${p.result.month}月 · ${p.result.rows.length} 项:` +
      (["green", "yellow", "red"] as const).map((s) => `${STATUS_WORD[s]} ${count[s]}`).join(",") +
      (p.result.missing.length ? `,未报 ${p.result.missing.length}` : ""),
  ];
  for (const r of p.result.rows.filter((x) => x.status === "red"))
    lines.push(
      `  红 ${r.unit} · ${r.indicator}:完成 ${(r.completion * 100).toFixed(1)}%,序时 ${(r.schedule * 100).toFixed(1)}%,第 ${r.rank}/${r.ranked} 名,连续落后 ${r.streak} 个月`,
    );
  for (const f of p.result.findings)
    lines.push(
      `  ${f.severity === "error" ? "错误" : "警告"} ${f.sheet}${f.cell ? `!${f.cell}` : ""} ${f.message}`,
    );
  return lines.join("\n") + "\n";
}

export async function progressCommand(argv: string[]): Promise<number> {
  const args = parseArgs("progress", argv, OPTIONS);
  // Several actuals files may be given (e.g. earlier months' sheets and this month's collect output).
  const [plan, ...actualsFiles] = args.positionals;
  const actuals = actualsFiles.join("、");
  const out = args.options.get("output") ?? null;
  const month = monthOption(args);
  if (!plan) throw new UsageError("缺少方案文件(方案.xlsx 或方案.txt)");
  if (actualsFiles.length === 0) throw new UsageError("缺少实绩文件(各单位的月度实绩 .xlsx,可列出多个)");
  if (month === undefined) throw new UsageError("缺少 --month M(评价哪个月,1–12)");
  checkInputs([plan, ...actualsFiles]);
  const inputs = [plan, ...actualsFiles];
  const force = args.flags.has("force");
  const reports = { docx: args.options.get("report") ?? null, text: args.options.get("report-text") ?? null };
  if (out) checkOutput(out, inputs, force);
  if (reports.docx) checkOutput(reports.docx, inputs, force, DOCX_OUTPUT);
  if (reports.text) checkOutput(reports.text, inputs, force, TEXT_OUTPUT);
  // The plan is read once: a workbook's sheets give the breakdown and may hold a 进度设置; a document (.txt or
  // .docx) gives the breakdown and the indicator system, whose paths the 累计 indicators follow.
  const sheet = args.options.get("sheet");
  if (!existsSync(plan)) throw new CliError(`${plan}: 文件不存在`);
  const planBytes = readFileSync(plan);
  const fromWorkbook = isWorkbook(planBytes);
  const planGrids = fromWorkbook ? await readGrids(plan, planBytes) : [];
  const document = fromWorkbook ? null : await readPlanInput(plan);
  const breakdown = document
    ? breakdownOfPlan(plan, document, sheet)
    : breakdownOfGrids(plan, planGrids, sheet);
  const indicators: Indicator[] = document?.indicators ?? [];
  const grids = (await Promise.all(actualsFiles.map((f) => readGrids(f)))).flat();
  // Last month is evaluated only for a 通报 (its month-over-month section), from the same reading.
  const wantsReport = reports.docx !== null || reports.text !== null;
  const { previous, ...progress } = progressWithPrevious(
    breakdown,
    grids,
    month,
    indicators,
    planGrids,
    wantsReport,
  );
  if (progress.months.length === 0)
    throw new CliError(
      `${actuals}: 没有找到实绩(需要名为“1-8月”“8月”的月表,或含 单位、指标、月份、累计值 列的长表)`,
    );
  if (!progress.months.includes(month))
    throw new CliError(
      `${actuals}: 没有 ${month} 月的实绩(有:${progress.months.map((m) => `${m}月`).join("、")})`,
    );
  if (out) {
    const spec = bulletinSheet(breakdown, progress.result, progress.settings);
    const wb = await renderWorkbook([spec]);
    writeFileAtomically(out, Buffer.from(await wb.xlsx.writeBuffer()));
    writeErr(`已写出 ${out}(工作表:${spec.name})\n`);
  }
  // The plan workbook's 调整记录, and any in the actuals files, are cited in the 通报.
  if (wantsReport)
    await writeReports(reports, breakdown, progress, previous, changesOfGrids([...planGrids, ...grids]));
  if (args.flags.has("json")) writeJson(progressJson(progress));
  else writeOut(summaryText(progress, actuals));
  return progress.result.findings.some((f) => f.severity === "error") ? 1 : 0;
}
