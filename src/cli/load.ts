// `target-breakdown load <plan.txt> (-o <out.xlsx> | --json)`
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { planWorkbook } from "../core/layout/planWorkbook";
import { proseRows } from "../core/layout/proseSheet";
import { yearlySheet } from "../core/layout/yearlySheet";
import { yearlyFromPlan } from "../core/layout/yearlySources";
import { parsePlanDocument, type ParsedPlan } from "../core/parse/planDocument";
import { renderWorkbook } from "../xlsx/renderXlsx";
import { parseArgs, UsageError } from "./args";
import { CliError } from "./errors";

export function readPlanFile(path: string): ParsedPlan {
  if (!existsSync(path)) throw new CliError(`${path}: 文件不存在`);
  const bytes = readFileSync(path);
  const text = bytes.toString("utf8");
  if (text.includes("\uFFFD")) throw new CliError(`${path}: 不是 UTF-8 文本(请另存为 UTF-8 编码的 .txt)`);
  return parsePlanDocument(text.replace(/^\uFEFF/, ""));
}

/** The plan as `load --json` prints it (docs/cli.md). */
export function planJson(plan: ParsedPlan) {
  return {
    title: plan.title,
    years: plan.years,
    indicators: plan.indicators,
    tasks: plan.tasks,
    breakdowns: plan.breakdowns.map((b) => ({
      title: b.title,
      year: b.year,
      units: b.units,
      totalColumn: b.totalColumn,
      rows: b.rows,
    })),
    issues: plan.issues,
    proseTargets: plan.proseTargets,
    proseLinks: plan.proseLinks.links,
    proseDisagreements: plan.proseLinks.disagreements,
  };
}

export async function loadCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ["output"], { "-o": "--output" });
  const [input] = args.positionals;
  if (!input) throw new UsageError("用法:target-breakdown load <方案.txt> -o <输出.xlsx> | --json");
  const plan = readPlanFile(input);
  if (args.flags.has("json")) {
    process.stdout.write(JSON.stringify(planJson(plan), null, 2) + "\n");
    return 0;
  }
  const out = args.options.get("output");
  if (!out) throw new UsageError("请用 -o <输出.xlsx> 指定输出文件,或用 --json 输出方案内容");
  if (existsSync(out) && !args.flags.has("force"))
    throw new CliError(`${out}: 文件已存在;为避免覆盖他人的工作,请换一个文件名或加 --force`);
  if (out === input) throw new CliError(`${out}: 不能覆盖输入文件`);
  const specs = planWorkbook(plan, proseRows(plan));
  // --yearly: the years between the plan's target years, derived (倒排年度序时目标), as a sheet 年度目标.
  if (args.flags.has("yearly") && plan.indicators.length > 0)
    specs.push(yearlySheet(yearlyFromPlan(plan.indicators), plan.title));
  if (specs.length === 0)
    throw new CliError(`${input}: 没有找到附件表格(指标体系、职责分工或目标分解表),正文中也没有读出目标`);
  const wb = await renderWorkbook(specs);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(out, buffer);
  const counts = `${plan.indicators.length} 项指标、${plan.tasks.length} 项任务、${plan.breakdowns.length} 张分解表、${plan.proseTargets.length} 项正文目标`;
  process.stderr.write(
    `已从 ${basename(input)} 读取 ${counts},写入 ${out}(工作表:${specs.map((s) => s.name).join("、")})\n`,
  );
  for (const issue of plan.issues)
    process.stderr.write(`注意:${input} 第 ${issue.line} 行:${issue.message}\n`);
  for (const d of plan.proseLinks.disagreements) process.stderr.write(`注意:${input}:${d.message}\n`);
  return 0;
}
