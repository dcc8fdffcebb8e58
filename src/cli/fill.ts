// `target-breakdown fill <default:职责分工|default:目标责任书|template.xlsx> <plan.txt> --by department|town
// (-o out.xlsx | --json)`: one filled sheet per department or town.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dutyTemplate, letterTemplate } from "../core/assign/defaultTemplates";
import { fillByUnit, type GroupBy } from "../core/assign/fillByUnit";
import { ALIAS_SHEET, aliasesFromRows, DEFAULT_ALIASES, similarUnitNames } from "../core/assign/unitNames";
import { XlsxFile, XlsxReadError } from "../xlsx/readXlsx";
import { TemplateError } from "../core/assign/fillTemplate";
import type { SheetSpec } from "../core/layout/sheetSpec";
import { renderWorkbook } from "../xlsx/renderXlsx";
import { parseArgs, UsageError } from "./args";
import { CliError } from "./errors";
import { checkOutput } from "./output";
import { readPlanInput } from "./planInput";

const USAGE =
  "用法:target-breakdown fill <default:职责分工|default:目标责任书|模板.xlsx> <方案.txt> --by department|town (-o <输出.xlsx> | --json)";

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
    const file = XlsxFile.open(path);
    const sheet = file.sheets.find((s) => s.name === ALIAS_SHEET) ?? file.sheets[0];
    return aliasesFromRows((await file.readSheet(sheet.name)).rows);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(e.message);
    throw e;
  }
}

export async function fillCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ["by", "output", "dir", "aliases"], { "-o": "--output", "-d": "--dir" });
  const [templateSource, planPath] = args.positionals;
  const by = (args.options.get("by") ??
    (templateSource === "default:目标责任书" ? "town" : "department")) as GroupBy;
  if (!templateSource || !planPath || (by !== "department" && by !== "town")) throw new UsageError(USAGE);
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
  if (out) {
    checkOutput(out, [templateSource, planPath], args.flags.has("force"));
    const wb = await renderWorkbook(outputs.map((o) => o.spec));
    writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
    process.stderr.write(
      `已写入 ${out}:${outputs.length} 张工作表(${outputs.map((o) => o.unit).join("、")})\n`,
    );
  }
  // -d: one workbook per unit, named after it; existing files are never overwritten without --force.
  const dir = args.options.get("dir");
  const files = new Map<string, string>();
  if (dir) {
    mkdirSync(dir, { recursive: true });
    for (const o of outputs) files.set(o.unit, join(dir, `${o.spec.name}.xlsx`));
    const taken = [...files.values()].filter((f) => existsSync(f));
    if (taken.length > 0 && !args.flags.has("force"))
      throw new CliError(`${taken[0]}: 文件已存在;请换一个目录或加 --force`);
    for (const o of outputs) {
      const wb = await renderWorkbook([o.spec]);
      writeFileSync(files.get(o.unit)!, Buffer.from(await wb.xlsx.writeBuffer()));
    }
    process.stderr.write(`已在 ${dir} 写入 ${outputs.length} 个文件\n`);
  }
  // Names that may be one unit written two ways: for the clerk to confirm, never merged.
  const review =
    by === "department"
      ? similarUnitNames(
          outputs.map((o) => o.unit),
          aliases,
        )
      : [];
  for (const [a, b] of review)
    process.stderr.write(`请核对:“${a}”与“${b}”是否为同一单位(如是,请加入别名表)\n`);
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
    process.stdout.write(JSON.stringify({ outputs: json, review }, null, 2) + "\n");
  }
  return 0;
}
