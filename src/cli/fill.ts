// `target-breakdown fill <default:职责分工|default:目标责任书|template.xlsx> <plan.txt> --by department|town
// (-o out.xlsx | --json)`: one filled sheet per department or town.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { dutyTemplate, letterTemplate } from "../core/assign/defaultTemplates";
import { fileNameChangeText, uniqueFileNames } from "../core/fileNames";
import { fillByUnit, type GroupBy } from "../core/assign/fillByUnit";
import { ALIAS_SHEET, aliasesFromRows, DEFAULT_ALIASES, similarUnitNames } from "../core/assign/unitNames";
import { openWorkbook } from "../xlsx/openWorkbook";
import { ReadError } from "../core/read/readError";
import { TemplateError } from "../core/assign/fillTemplate";
import type { SheetSpec } from "../core/layout/sheetSpec";
import { renderWorkbook } from "../xlsx/renderXlsx";
import { type OptionSpec, parseArgs, UsageError } from "./args";
import { CliError } from "./errors";
import { checkInputs, checkOutput, inputsAmong } from "./output";
import { readPlanInput } from "./planInput";
import { writeErr, writeJson } from "./terminal";
import { makeFolder, writeFileAtomically, writeFiles } from "./writeOutput";

const OPTIONS: OptionSpec = {
  valued: ["by", "output", "dir", "aliases"],
  flags: ["force", "json"],
  short: { o: "output", d: "dir" },
  maxPositionals: 2,
};

async function templateOf(source: string): Promise<SheetSpec> {
  if (source === "default:职责分工") return dutyTemplate();
  if (source === "default:目标责任书") return letterTemplate();
  if (!existsSync(source))
    throw new CliError(`${source}: 模板文件不存在(或用 default:职责分工 / default:目标责任书)`);
  const { sheetSpecFromXlsx } = await import("../xlsx/importTemplate");
  return sheetSpecFromXlsx(readFileSync(source));
}

/** --aliases table.xlsx: its 单位别名 sheet (or its first sheet) extends the built-in aliases. */
async function readAliases(path: string | undefined): Promise<Record<string, string>> {
  if (!path) return DEFAULT_ALIASES;
  if (!existsSync(path)) throw new CliError(`${path}: 别名表文件不存在`);
  try {
    const file = await openWorkbook(path);
    const sheet = file.sheets.find((s) => s.name === ALIAS_SHEET) ?? file.sheets[0];
    return aliasesFromRows((await file.readSheet(sheet.name)).rows);
  } catch (e) {
    if (e instanceof ReadError) throw new CliError(e.message);
    throw e;
  }
}

export async function fillCommand(argv: string[]): Promise<number> {
  const args = parseArgs("fill", argv, OPTIONS);
  const [templateSource, planPath] = args.positionals;
  const by = (args.options.get("by") ??
    (templateSource === "default:目标责任书" ? "town" : "department")) as GroupBy;
  if (!templateSource) throw new UsageError("缺少模板(default:职责分工、default:目标责任书 或 模板.xlsx)");
  if (!planPath) throw new UsageError("缺少方案文件(方案.txt 或方案.docx)");
  if (by !== "department" && by !== "town") throw new UsageError(`--by 应为 department 或 town,收到“${by}”`);
  const inputs = [templateSource, planPath, args.options.get("aliases")].filter(
    (p): p is string => p !== undefined && !p.startsWith("default:"),
  );
  // A missing template or alias table has its own message below (naming default:…); a folder or an unreadable
  // file is refused here.
  checkInputs(inputs.filter((p) => p === planPath || existsSync(p)));
  const plan = await readPlanInput(planPath);
  const aliases = await readAliases(args.options.get("aliases"));
  let outputs;
  try {
    outputs = fillByUnit(await templateOf(templateSource), plan, by, aliases);
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`${templateSource}: ${e.message}`);
    throw e;
  }
  if (outputs.length === 0)
    throw new CliError(`${planPath}: 没有可填的${by === "town" ? "分解表" : "责任单位"}`);
  const out = args.options.get("output");
  const dir = args.options.get("dir");
  // Every check before any write, so a refused -d never follows a written -o.
  if (out) checkOutput(out, inputs, args.flags.has("force"));
  // -d: one workbook per unit, named after it; existing files are never overwritten without --force.
  const files = new Map<string, string>();
  const names = dir ? uniqueFileNames(outputs.map((o) => `${o.spec.name}.xlsx`)) : [];
  if (dir) {
    // Names safe on every system and distinct without case (a sheet may be called "CON" or "a|b").
    outputs.forEach((o, i) => files.set(o.unit, join(dir, names[i].name)));
    if (existsSync(dir) && !statSync(dir).isDirectory())
      throw new CliError(`${dir}: 不是文件夹(已有同名文件)`);
    const refused = inputsAmong([...files.values()], inputs);
    if (refused.length > 0)
      throw new CliError(`${refused[0]}: 是输入文件(输入文件只读不改,加 --force 也不覆盖);请换一个目录`);
    const folder = [...files.values()].find((f) => existsSync(f) && statSync(f).isDirectory());
    if (folder) throw new CliError(`${folder}: 是文件夹(EISDIR),无法写成文件;请换一个目录`);
    const taken = [...files.values()].filter((f) => existsSync(f));
    if (taken.length > 0 && !args.flags.has("force"))
      throw new CliError(`${taken[0]}: 文件已存在;请换一个目录或加 --force`);
  }
  if (out) {
    const wb = await renderWorkbook(outputs.map((o) => o.spec));
    writeFileAtomically(out, Buffer.from(await wb.xlsx.writeBuffer()));
    writeErr(`已写入 ${out}:${outputs.length} 张工作表(${outputs.map((o) => o.unit).join("、")})\n`);
  }
  if (dir) {
    makeFolder(dir);
    names.forEach((n, i) => {
      if (n.changes.length > 0)
        writeErr(`注意:“${outputs[i].unit}”的文件名为 ${n.name}(${fileNameChangeText(n.changes)})\n`);
    });
    await writeFiles(
      outputs.map((o) => ({
        path: files.get(o.unit)!,
        bytes: async () => Buffer.from(await (await renderWorkbook([o.spec])).xlsx.writeBuffer()),
      })),
    );
    writeErr(`已在 ${dir} 写入 ${outputs.length} 个文件\n`);
  }
  // Names that may be one unit written two ways: for the clerk to confirm, never merged.
  const review =
    by === "department"
      ? similarUnitNames(
          outputs.map((o) => o.unit),
          aliases,
        )
      : [];
  for (const [a, b] of review) writeErr(`请核对:“${a}”与“${b}”是否为同一单位(如是,请加入别名表)\n`);
  if (args.flags.has("json") || (!out && !dir)) {
    const json = outputs.map((o) => ({
      unit: o.unit,
      sheet: o.spec.name,
      file: files.get(o.unit) ?? out ?? null,
      tasksLed: o.tasksLed,
      tasksSupported: o.tasksSupported,
      indicators: o.indicators,
      targets: o.targets,
      findings: o.findings,
    }));
    writeJson({ outputs: json, review });
  }
  return 0;
}
