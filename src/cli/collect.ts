// `target-breakdown collect <plan.xlsx|plan.txt> <returned.xlsx…> [-o summary.xlsx [--force]] [--sheet NAME]
// [--month M] [--json]`: validates every returned file, consolidates them, and writes 汇总 / 报送情况 / 报送问题
// (with --month also the month sheet "1-M月", the actuals `progress` reads).
import type { Breakdown } from "../core/model";
import { consolidate, isCounted, type Consolidation, type Submission } from "../core/submissions/consolidate";
import { collectionSheets, SUMMARY_SHEET, submissionOf } from "../core/submissions/submission";
import { readReturnedFile } from "../xlsx/readReturned";
import { renderWorkbook } from "../xlsx/renderXlsx";
import { monthOption, type OptionSpec, parseArgs, UsageError } from "./args";
import { checkInputs, checkOutput } from "./output";
import { collectJson, collectText } from "./collectReport";
import { readIssuedBreakdown } from "./planSource";
import { writeErr, writeJson, writeOut } from "./terminal";
import { writeFileAtomically } from "./writeOutput";

export { SUMMARY_SHEET };

export interface Collected {
  submissions: Submission[];
  consolidation: Consolidation;
  /** How many files could be read as workbooks. */
  readable: number;
}

/**
 * Reads and validates each file in turn, then consolidates; never throws for a file. The next file is read
 * while this one is validated (its sheets inflate on libuv's threads), so at most two files are in memory.
 */
export async function collectReturns(
  breakdown: Breakdown,
  paths: string[],
  actuals = false,
): Promise<Collected> {
  const towns = breakdown.units;
  const submissions: Submission[] = [];
  let readable = 0;
  let next = paths.length > 0 ? readReturnedFile(paths[0]) : null;
  for (let i = 0; i < paths.length; i++) {
    const file = await next!;
    next = i + 1 < paths.length ? readReturnedFile(paths[i + 1]) : null;
    if (!("problem" in file)) readable++;
    submissions.push(submissionOf(file, breakdown, actuals));
  }
  return { submissions, consolidation: consolidate(breakdown, towns, submissions), readable };
}

export async function writeSummary(
  out: string,
  breakdown: Breakdown,
  c: Collected,
  now = new Date(),
  month?: number,
) {
  const specs = collectionSheets(breakdown, c.consolidation, c.submissions, now, month);
  const wb = await renderWorkbook(specs);
  writeFileAtomically(out, Buffer.from(await wb.xlsx.writeBuffer()));
  return specs.map((s) => s.name);
}

const OPTIONS: OptionSpec = {
  valued: ["output", "sheet", "month"],
  flags: ["json", "force"],
  short: { o: "output" },
};

export async function collectCommand(argv: string[]): Promise<number> {
  const args = parseArgs("collect", argv, OPTIONS);
  const [plan, ...returned] = args.positionals;
  if (!plan) throw new UsageError("缺少方案文件(方案.xlsx、方案.docx 或方案.txt)");
  if (returned.length === 0) throw new UsageError("缺少报送文件(各单位报回的 .xlsx,可列出多个)");
  const month = monthOption(args);
  const out = args.options.get("output") ?? null;
  checkInputs([plan]); // a returned file that cannot be read is reported with the others, not fatal
  if (out) checkOutput(out, [plan, ...returned], args.flags.has("force"));
  const breakdown = await readIssuedBreakdown(plan, args.options.get("sheet"));
  // With --month the returns are the towns' cumulative actuals for 1–M月, checked as such.
  const collected = await collectReturns(breakdown, returned, month !== undefined);
  const { submissions, consolidation } = collected;
  let sheets: string[] = [];
  if (out && collected.readable > 0)
    sheets = await writeSummary(out, breakdown, collected, new Date(), month);
  if (args.flags.has("json")) {
    const json = collectJson(consolidation, breakdown.units, submissions, sheets.length > 0 ? out : null);
    writeJson(json);
  } else writeOut(collectText(consolidation, breakdown.units, submissions));
  if (collected.readable === 0) {
    writeErr(`target-breakdown: ${returned.length} 个报送文件都无法读取,未生成汇总\n`);
    return 2;
  }
  if (sheets.length > 0) writeErr(`已写出 ${out}(工作表:${sheets.join("、")})\n`);
  // An older file a town has since replaced does not count: its errors were corrected in the newer one.
  const counted = submissions.filter((s) => !s.unit || isCounted(consolidation, s));
  return counted.some((s) => s.findings.some((f) => f.severity === "error")) ? 1 : 0;
}
