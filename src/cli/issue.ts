// `target-breakdown issue <plan.xlsx|plan.txt> -o <dir> [--sheet NAME] [--force]`: one 填报 workbook per town.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { templateFileName, templateWorkbook } from "../core/submissions/templateSheet";
import { renderWorkbook } from "../xlsx/renderXlsx";
import { parseArgs, UsageError } from "./args";
import { CliError } from "./errors";
import { readIssuedBreakdown } from "./planSource";

const USAGE = "用法:target-breakdown issue <方案.xlsx|方案.txt> -o <输出文件夹> [--sheet 工作表] [--force]";

/** A town name as part of a file name: characters Windows forbids become "_". */
function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, "_").trim();
}

export async function issueCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ["output", "sheet"], { "-o": "--output" });
  const [input] = args.positionals;
  const dir = args.options.get("output");
  if (!input || !dir) throw new UsageError(USAGE);
  const breakdown = await readIssuedBreakdown(input, args.options.get("sheet"));
  const outputs = breakdown.units.map((town) => ({
    town,
    path: join(dir, templateFileName(breakdown.year, fileSafe(town))),
  }));
  // Refuse before writing anything, so a second run never leaves half the towns overwritten.
  const existing = outputs.filter((o) => existsSync(o.path));
  if (existing.length > 0 && !args.flags.has("force"))
    throw new CliError(
      `${existing.map((o) => o.path).join("、")}: 文件已存在;为避免覆盖已发出的模板,请换一个文件夹或加 --force`,
    );
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new CliError(`${dir}: 不是文件夹`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`${dir}: 无法创建文件夹(${(e as Error).message})`);
  }
  for (const o of outputs) {
    const wb = await renderWorkbook(templateWorkbook(breakdown, o.town));
    writeFileSync(o.path, Buffer.from(await wb.xlsx.writeBuffer()));
    process.stdout.write(`${o.path}\n`);
  }
  process.stderr.write(
    `已为 ${outputs.length} 个单位写出 ${breakdown.year}年填报模板(${breakdown.rows.length} 项指标)到 ${dir}\n`,
  );
  return 0;
}
