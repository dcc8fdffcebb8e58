// `target-breakdown issue <plan.xlsx|plan.txt> -o <dir> [--sheet NAME] [--force]`: one 填报 workbook per town.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileNameChangeText, uniqueFileNames } from "../core/fileNames";
import { templateFileName, templateWorkbook } from "../core/submissions/templateSheet";
import { renderWorkbook } from "../xlsx/renderXlsx";
import { type OptionSpec, parseArgs, UsageError } from "./args";
import { CliError } from "./errors";
import { checkInputs, inputsAmong } from "./output";
import { readIssuedBreakdown } from "./planSource";
import { writeErr, writeOut } from "./terminal";
import { makeFolder, writeFiles } from "./writeOutput";

const OPTIONS: OptionSpec = {
  valued: ["output", "sheet"],
  flags: ["force"],
  short: { o: "output" },
  maxPositionals: 1,
};

export async function issueCommand(argv: string[]): Promise<number> {
  const args = parseArgs("issue", argv, OPTIONS);
  const [input] = args.positionals;
  const dir = args.options.get("output");
  if (!input) throw new UsageError("缺少方案文件(方案.xlsx、方案.docx 或方案.txt)");
  if (!dir) throw new UsageError("缺少 -o <文件夹>(填报模板写到哪个文件夹)");
  checkInputs([input]);
  const breakdown = await readIssuedBreakdown(input, args.options.get("sheet"));
  // Names safe on every system and distinct without case: towns "a/b" and "a_b" get two files, not one.
  const names = uniqueFileNames(breakdown.units.map((town) => templateFileName(breakdown.year, town)));
  const outputs = breakdown.units.map((town, i) => ({
    town,
    name: names[i],
    path: join(dir, names[i].name),
  }));
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new CliError(`${dir}: 不是文件夹(已有同名文件)`);
  // Refuse before writing anything, so a second run never leaves half the towns overwritten.
  const refused = inputsAmong(
    outputs.map((o) => o.path),
    [input],
  );
  if (refused.length > 0)
    throw new CliError(
      `${refused.join("、")}: 是输入文件(输入文件只读不改,加 --force 也不覆盖);请换一个输出文件夹`,
    );
  const folders = outputs.filter((o) => existsSync(o.path) && statSync(o.path).isDirectory());
  if (folders.length > 0)
    throw new CliError(
      `${folders.map((o) => o.path).join("、")}: 是文件夹(EISDIR),无法写成模板;请换一个输出文件夹`,
    );
  const existing = outputs.filter((o) => existsSync(o.path));
  if (existing.length > 0 && !args.flags.has("force"))
    throw new CliError(
      `${existing.map((o) => o.path).join("、")}: 文件已存在;为避免覆盖已发出的模板,请换一个文件夹或加 --force`,
    );
  makeFolder(dir);
  for (const o of outputs)
    if (o.name.changes.length > 0)
      writeErr(`注意:单位“${o.town}”的文件名为 ${o.name.name}(${fileNameChangeText(o.name.changes)})\n`);
  await writeFiles(
    outputs.map((o) => ({
      path: o.path,
      bytes: async () =>
        Buffer.from(await (await renderWorkbook(templateWorkbook(breakdown, o.town))).xlsx.writeBuffer()),
    })),
    (path) => writeOut(`${path}\n`),
  );
  writeErr(
    `已为 ${outputs.length} 个单位写出 ${breakdown.year}年填报模板(${breakdown.rows.length} 项指标)到 ${dir}\n`,
  );
  return 0;
}
