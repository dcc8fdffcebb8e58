// `target-breakdown load <plan.docx|plan.txt|book.xlsx> (-o <out.xlsx> | --json)`
import { basename } from "node:path";
import { BREAKDOWN_LAYOUTS, type BreakdownLayout, planWorkbook } from "../core/layout/planWorkbook";
import { proseRows } from "../core/layout/proseSheet";
import { yearlySheet } from "../core/layout/yearlySheet";
import { yearlyFromPlan } from "../core/layout/yearlySources";
import type { ParsedPlan } from "../core/parse/planDocument";
import { renderWorkbook } from "../xlsx/renderXlsx";
import { type OptionSpec, parseArgs, UsageError } from "./args";
import { CliError } from "./errors";
import { checkInputs, checkOutput } from "./output";
import { readPlanInput } from "./planInput";
import { writeErr, writeJson } from "./terminal";
import { writeFileAtomically } from "./writeOutput";

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
    proseFacts: plan.proseFacts,
    proseLinks: plan.proseLinks.links,
    proseDisagreements: plan.proseLinks.disagreements,
    ...(plan.encoding ? { encoding: plan.encoding } : {}),
  };
}

const OPTIONS: OptionSpec = {
  valued: ["output", "sheet", "range", "layout"],
  flags: ["json", "force", "yearly"],
  short: { o: "output" },
  maxPositionals: 1,
};

export async function loadCommand(argv: string[]): Promise<number> {
  const args = parseArgs("load", argv, OPTIONS);
  const layout = (args.options.get("layout") ?? "indicators-as-rows") as BreakdownLayout;
  if (!BREAKDOWN_LAYOUTS.includes(layout))
    throw new UsageError(`--layout 应为 ${BREAKDOWN_LAYOUTS.join(" 或 ")},收到“${layout}”`);
  const [input] = args.positionals;
  if (!input) throw new UsageError("缺少输入文件(方案.docx、方案.txt 或工作簿.xlsx)");
  checkInputs([input]);
  const out = args.options.get("output");
  // Before the (possibly long) read: an output that would replace the input, or cannot be written there.
  if (out && !args.flags.has("json")) checkOutput(out, [input], args.flags.has("force"));
  const plan = await readPlanInput(input, {
    sheet: args.options.get("sheet"),
    range: args.options.get("range"),
  });
  if (args.flags.has("json")) {
    writeJson(planJson(plan));
    return 0;
  }
  if (!out) throw new UsageError("请用 -o <输出.xlsx> 指定输出文件,或用 --json 输出方案内容");
  const specs = planWorkbook(plan, proseRows(plan), layout);
  // --yearly: the years between the plan's target years, derived (倒排年度序时目标), as a sheet 年度目标.
  if (args.flags.has("yearly") && plan.indicators.length > 0)
    specs.push(yearlySheet(yearlyFromPlan(plan.indicators), plan.title));
  if (specs.length === 0)
    throw new CliError(`${input}: 没有找到附件表格(指标体系、职责分工或目标分解表),正文中也没有读出目标`);
  const wb = await renderWorkbook(specs);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileAtomically(out, buffer);
  const counts = `${plan.indicators.length} 项指标、${plan.tasks.length} 项任务、${plan.breakdowns.length} 张分解表、${plan.proseTargets.length} 项正文目标${plan.proseFacts.length > 0 ? `(正文另有 ${plan.proseFacts.length} 个实绩、预计、进度或政策数字,未作为目标)` : ""}`;
  const encoding = plan.encoding && plan.encoding !== "UTF-8" ? `(${plan.encoding} 编码)` : "";
  writeErr(
    `已从 ${basename(input)}${encoding} 读取 ${counts},写入 ${out}(工作表:${specs.map((s) => s.name).join("、")})\n`,
  );
  for (const issue of plan.issues) writeErr(`注意:${input} 第 ${issue.line} 行:${issue.message}\n`);
  for (const d of plan.proseLinks.disagreements) writeErr(`注意:${input}:${d.message}\n`);
  return 0;
}
