// `target-breakdown allocate <file.xlsx> --indicator NAME --total N --method proportional|equal|fill|adjust
//  [--base SOURCE] [--hold 经开区,新埭镇=12] [--min 经开区=10,…] [--max …] [--decimals N] [--percent P]
//  [--sheet NAME] [--rate] (-o out.xlsx | --json)`
import { existsSync, realpathSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import {
  allocate,
  AllocationError,
  type AllocationMethod,
  type AllocationResult,
  METHOD_LABEL,
} from "../core/allocate/allocate";
import { BasesError, resolveBases, type ResolvedBases } from "../core/allocate/bases";
import { allocateRate, impliedCityRate } from "../core/allocate/rates";
import { findBreakdownTable, type BreakdownRowRef, type BreakdownTable } from "../core/check/breakdownTable";
import { readSheetValue } from "../core/check/sheetValue";
import { expandMerges, type Grid, parseRange } from "../core/grid";
import { columnLetter } from "../core/layout/a1";
import { normalizeName, toHalfWidth } from "../core/text";
import { XlsxFile, XlsxReadError, type XlsxGrid } from "../xlsx/readXlsx";
import { parseArgs, UsageError } from "./args";
import { CliError } from "./errors";

const USAGE =
  "用法:target-breakdown allocate <文件.xlsx> --indicator 指标 --method proportional|equal|fill|adjust [--total N] " +
  "[--base 基数] [--hold 单位[=值],…] [--min 单位=值,…] [--max 单位=值,…] [--decimals N] [--percent P] " +
  "[--sheet 工作表] [--rate] (-o 输出.xlsx [--force] | --json)";

const VALUED = [
  "indicator",
  "total",
  "method",
  "base",
  "hold",
  "min",
  "max",
  "decimals",
  "percent",
  "sheet",
  "output",
];
const FLAGS = ["json", "rate", "force"];
const METHODS: AllocationMethod[] = ["proportional", "equal", "fill", "adjust"];

/** The table, row and sheet an allocation works on. */
interface Target {
  grid: Grid;
  /** The sheet's merged ranges as found in the file (the grid has them expanded). */
  merges: string[];
  table: BreakdownTable;
  row: BreakdownRowRef;
  towns: string[];
  previous: (number | null)[];
  /** The 全市 cell's number, if it holds one. */
  cityValue: number | null;
}

const a1 = (row0: number, col0: number) => `${columnLetter(col0 + 1)}${row0 + 1}`;

function parseNumber(option: string, text: string): number {
  const t = toHalfWidth(text).replace(/[,\s]/g, "");
  const x = t === "" ? NaN : Number(t);
  if (!Number.isFinite(x)) throw new UsageError(`--${option} 应为数字,收到“${text}”`);
  return x;
}

/** "经开区,新埭镇=12" → [{name: 经开区}, {name: 新埭镇, value: 12}]. */
function parseTownList(option: string, text: string, valueRequired: boolean) {
  const items = toHalfWidth(text)
    .split(/[,,、;;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0) throw new UsageError(`--${option} 需要至少一个单位`);
  return items.map((item) => {
    const eq = item.search(/[=:]/);
    const name = (eq >= 0 ? item.slice(0, eq) : item).trim();
    if (name === "") throw new UsageError(`--${option} 的“${item}”缺少单位名称`);
    if (eq < 0) {
      if (valueRequired) throw new UsageError(`--${option} 的每一项应为 单位=值,收到“${item}”`);
      return { name, value: undefined };
    }
    return { name, value: parseNumber(option, item.slice(eq + 1)) };
  });
}

async function readSheets(input: string): Promise<XlsxGrid[]> {
  try {
    return await XlsxFile.open(input).readAll();
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(e.message);
    throw e;
  }
}

/** The breakdown row of the indicator: on --sheet, else on the first sheet that has it. */
function findTarget(input: string, sheets: XlsxGrid[], indicator: string, sheetName?: string): Target {
  const key = normalizeName(indicator);
  let candidates = sheets;
  if (sheetName !== undefined) {
    candidates = sheets.filter((s) => s.name === sheetName);
    if (candidates.length === 0)
      throw new CliError(
        `${input}: 没有名为“${sheetName}”的工作表(有:${sheets.map((s) => s.name).join("、")})`,
      );
  }
  const seen: { sheet: string; names: string[] }[] = [];
  for (const sheet of candidates) {
    const grid = expandMerges(sheet);
    const table = findBreakdownTable(grid);
    if (!table || table.towns.length === 0) continue;
    seen.push({ sheet: sheet.name, names: table.rows.map((r) => r.name) });
    const row = table.rows.find((r) => normalizeName(r.name) === key);
    if (!row) continue;
    const cells = grid.rows[row.row] ?? [];
    const previous = table.towns.map((t) => {
      const v = readSheetValue(cells[t.col] ?? null);
      return v.status === "number" ? v.value : null;
    });
    const city = readSheetValue(cells[table.totalCol] ?? null);
    return {
      grid,
      merges: sheet.merges,
      table,
      row,
      towns: table.towns.map((t) => t.header),
      previous,
      cityValue: city.status === "number" ? city.value : null,
    };
  }
  const where = sheetName !== undefined ? `工作表“${sheetName}”` : "任何工作表";
  if (seen.length === 0)
    throw new CliError(
      `${input}: ${where}中没有找到目标分解表(前 20 行内需有含“指标名称”和“全市/合计/总计/全县/全区”的表头行)`,
    );
  const lists = seen.map((s) => `工作表“${s.sheet}”:${s.names.join("、")}`).join(";");
  throw new CliError(`${input}: 没有找到指标“${indicator}”(现有指标 ${lists})`);
}

/** A town named on the command line → the table's header, exactly or by normalized name. */
function townOf(input: string, t: Target, option: string, name: string): string {
  const hit =
    t.towns.find((x) => x === name) ?? t.towns.find((x) => normalizeName(x) === normalizeName(name));
  if (!hit)
    throw new CliError(
      `${input} 工作表“${t.grid.name}”: --${option} 中的“${name}”不是分解表的单位(单位:${t.towns.join("、")})`,
    );
  return hit;
}

/** Refuses an output that would overwrite the input or (without --force) any existing file. */
function checkOutput(input: string, out: string, force: boolean): void {
  const same =
    resolve(out) === resolve(input) || (existsSync(out) && realpathSync(out) === realpathSync(input));
  if (same) throw new CliError(`${out}: 不能覆盖输入文件;请用 -o 指定另一个文件名`);
  if (existsSync(out) && !force)
    throw new CliError(`${out}: 文件已存在;为避免覆盖他人的工作,请换一个文件名或加 --force`);
}

/** Merged ranges over the row's town cells: values cannot be written town by town there. */
function mergedTownCells(t: Target): string[] {
  const cols = new Set(t.table.towns.map((x) => x.col));
  return t.merges.filter((ref) => {
    const r = parseRange(ref);
    if (!r) return false;
    const [r1, c1, r2, c2] = r;
    if (t.row.row < r1 || t.row.row > r2) return false;
    for (let c = c1; c <= c2; c++) if (cols.has(c)) return r1 !== r2 || c1 !== c2;
    return false;
  });
}

/** Copies the input with ExcelJS, sets the row's town cells (nothing else) and asks Excel to recalculate. */
async function writeOutput(input: string, out: string, t: Target, values: number[], notes: string[]) {
  const { default: ExcelJSLib } = await import("exceljs");
  const wb = new ExcelJSLib.Workbook();
  try {
    await wb.xlsx.readFile(input);
  } catch (e) {
    throw new CliError(`${input}: ExcelJS 无法读取该工作簿(${(e as Error).message})`);
  }
  const ws = wb.getWorksheet(t.grid.name);
  if (!ws) throw new CliError(`${input}: ExcelJS 读到的工作簿里没有工作表“${t.grid.name}”`);
  t.table.towns.forEach((town, k) => {
    const cell = ws.getCell(t.row.row + 1, town.col + 1);
    if (cell.formula) notes.push(`${a1(t.row.row, town.col)} 原为公式 =${cell.formula},已改为数值`);
    cell.value = values[k];
  });
  wb.calcProperties.fullCalcOnLoad = true;
  let buffer: Buffer;
  try {
    buffer = Buffer.from(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new CliError(`${input}: ExcelJS 无法写出该工作簿(${(e as Error).message})`);
  }
  try {
    writeFileSync(out, buffer);
  } catch (e) {
    throw new CliError(`${out}: 无法写入(${(e as Error).message})`);
  }
}

const byTown = <T>(towns: string[], xs: T[]): Record<string, T> =>
  Object.fromEntries(towns.map((t, i) => [t, xs[i]]));

/** Columns a terminal gives the text: two for CJK and full-width characters. */
const displayWidth = (s: string) =>
  [...s].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );

/** A town's name padded to the widest of `towns`. */
const pad = (towns: string[], t: string) =>
  t + " ".repeat(Math.max(...towns.map(displayWidth)) - displayWidth(t));

const fmt = (x: number | null) => (x === null ? "—" : String(x));

function printTable(header: string, towns: string[], before: (number | null)[], after: number[], extra = "") {
  const lines = [header];
  towns.forEach((t, i) => lines.push(`  ${pad(towns, t)}  ${fmt(before[i])} → ${after[i]}`));
  if (extra) lines.push(extra);
  process.stdout.write(lines.join("\n") + "\n");
}

export async function allocateCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, VALUED, { "-o": "--output" });
  const unknown = [...args.flags].filter((f) => !FLAGS.includes(f));
  if (unknown.length > 0)
    throw new UsageError(`allocate 不认识选项 ${unknown.map((f) => `--${f}`).join("、")}`);
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError(USAGE);
  if (extra.length > 0) throw new UsageError(`多余的参数:${extra.join(" ")}`);
  const indicator = args.options.get("indicator");
  if (!indicator) throw new UsageError(`请用 --indicator 指定要分解的指标`);
  const rateMode = args.flags.has("rate");
  const methodText = args.options.get("method") ?? (rateMode ? "proportional" : undefined);
  if (!methodText) throw new UsageError(`请用 --method 指定分配方法(proportional|equal|fill|adjust)`);
  if (!METHODS.includes(methodText as AllocationMethod))
    throw new UsageError(`--method 应为 proportional|equal|fill|adjust 之一,收到“${methodText}”`);
  const method = methodText as AllocationMethod;
  const out = args.options.get("output");
  const json = args.flags.has("json");
  const totalText = args.options.get("total");
  const total = totalText === undefined ? undefined : parseNumber("total", totalText);
  const percentText = args.options.get("percent");
  const percent = percentText === undefined ? undefined : parseNumber("percent", percentText);
  if (percent !== undefined && method !== "adjust") throw new UsageError("--percent 只用于 --method adjust");
  const decimalsText = args.options.get("decimals");
  const decimals = decimalsText === undefined ? undefined : parseNumber("decimals", decimalsText);
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 10))
    throw new UsageError(`--decimals 应为 0–10 的整数,收到“${decimalsText}”`);

  if (!existsSync(input)) throw new CliError(`${input}: 文件不存在`);
  if (out !== undefined) checkOutput(input, out, args.flags.has("force"));
  const sheets = await readSheets(input);
  const t = findTarget(input, sheets, indicator, args.options.get("sheet"));
  const where = `${input} 工作表“${t.grid.name}”第${t.row.row + 1}行“${t.row.name}”`;
  if (out !== undefined) {
    const merged = mergedTownCells(t);
    if (merged.length > 0)
      throw new CliError(
        `${where}: 单元格 ${merged.join("、")} 是合并单元格,无法逐个写入各单位的值;请先取消合并`,
      );
  }

  const holds = args.options.has("hold") ? parseTownList("hold", args.options.get("hold")!, false) : [];
  const townBounds = (option: string) => {
    const text = args.options.get(option);
    if (text === undefined) return undefined;
    return Object.fromEntries(
      parseTownList(option, text, true).map((x) => [townOf(input, t, option, x.name), x.value as number]),
    );
  };
  const held: Record<string, number | true> = {};
  for (const h of holds) held[townOf(input, t, "hold", h.name)] = h.value ?? true;
  const min = townBounds("min");
  const max = townBounds("max");

  const ctx = { grid: t.grid, table: t.table, row: t.row, grids: sheets.map(expandMerges) };
  const baseSource = args.options.get("base");
  let bases: ResolvedBases | undefined;
  try {
    if (baseSource !== undefined) bases = resolveBases(baseSource, ctx);
  } catch (e) {
    if (e instanceof BasesError) throw new CliError(`${where}: ${e.message}`);
    throw e;
  }

  try {
    if (rateMode)
      return await rateCommand({ input, t, method, total, held, min, max, decimals, bases, out, json });
  } catch (e) {
    if (e instanceof AllocationError) throw new CliError(`${where}: ${e.message}`);
    throw e;
  }

  // 总量型 (or fill/adjust of any row): spread the total over the towns.
  const notes: string[] = [...(bases?.notes ?? [])];
  let cityTotal = total;
  if (cityTotal === undefined && (method === "proportional" || method === "equal")) {
    if (t.cityValue === null)
      throw new CliError(
        `${where}: 未给 --total,且${t.table.totalHeader}单元格 ${a1(t.row.row, t.table.totalCol)} 不是数字`,
      );
    cityTotal = t.cityValue;
    notes.push(`未给 --total,按${t.table.totalHeader}当前值 ${cityTotal} 分配`);
  }
  if (t.row.kind === "rate" && (method === "proportional" || method === "equal"))
    notes.push(
      `“${t.row.name}”是质态型指标,按总量分配后各单位之和等于${t.table.totalHeader};比率请用 --rate --base`,
    );
  let result: AllocationResult;
  try {
    result = allocate({
      towns: t.towns,
      method,
      total: cityTotal,
      percent,
      bases: bases?.bases,
      current: t.previous,
      held,
      min,
      max,
      decimals,
      unit: t.row.unit,
    });
  } catch (e) {
    if (e instanceof AllocationError) throw new CliError(`${where}: ${e.message}`);
    throw e;
  }
  notes.push(...result.notes);
  if (
    (method === "proportional" || method === "equal") &&
    t.cityValue !== null &&
    Math.abs(t.cityValue - result.total) > 1e-9
  )
    notes.push(
      `${t.table.totalHeader}单元格 ${a1(t.row.row, t.table.totalCol)} 为 ${t.cityValue},与分配的总数 ${result.total} 不同;未修改该单元格`,
    );
  if (out !== undefined) await writeOutput(input, out, t, result.values, notes);

  const baseLabel = method === "proportional" ? (bases?.label ?? "当前值") : null;
  if (json)
    process.stdout.write(
      JSON.stringify(
        {
          indicator: t.row.name,
          sheet: t.grid.name,
          row: t.row.row + 1,
          unit: t.row.unit,
          method,
          base: baseLabel,
          total: result.total,
          decimals: result.decimals,
          values: byTown(t.towns, result.values),
          previous: byTown(t.towns, t.previous),
          held: result.held,
          notes,
          ...(out !== undefined ? { output: out } : {}),
        },
        null,
        2,
      ) + "\n",
    );
  const unit = t.row.unit === "%" || t.row.unit === "" ? t.row.unit : ` ${t.row.unit}`;
  const how = `${METHOD_LABEL[method]}${baseLabel ? `(基数:${baseLabel})` : ""}`;
  const amount =
    method === "adjust"
      ? `调整 ${percent}%,合计 ${result.total}${unit}`
      : `${method === "fill" ? "每个单位" : "全市"} ${result.total}${unit}`;
  const heldText = result.held.length > 0 ? `,锁定 ${result.held.join("、")}` : "";
  const summary = `“${t.row.name}”(工作表“${t.grid.name}”第${t.row.row + 1}行)${how}:${amount},${t.towns.length} 个单位${heldText}`;
  if (out !== undefined) {
    process.stderr.write(`已写入 ${out}(基于 ${basename(input)},打开时重新计算公式):${summary}\n`);
    for (const n of notes) process.stderr.write(`注意:${n}\n`);
  } else if (!json) {
    printTable(summary, t.towns, t.previous, result.values, notes.map((n) => `注意:${n}`).join("\n"));
  }
  return 0;
}

interface RateArgs {
  input: string;
  t: Target;
  method: AllocationMethod;
  total: number | undefined;
  held: Record<string, number | true>;
  min?: Record<string, number>;
  max?: Record<string, number>;
  decimals: number | undefined;
  bases: ResolvedBases | undefined;
  out: string | undefined;
  json: boolean;
}

/** 质态型: towns' rates whose base-weighted mean is the city rate, or the implied city rate of the current ones. */
async function rateCommand(a: RateArgs): Promise<number> {
  const { t, bases } = a;
  if (!bases)
    throw new UsageError("--rate 需要 --base 指定各单位的基数(权重),如上年值所在的行、工作表或区域");
  if (a.method !== "proportional" && a.method !== "equal")
    throw new UsageError(`--rate 只支持 --method proportional|equal,收到“${a.method}”`);
  if (a.min || a.max) throw new UsageError("--rate 不支持 --min/--max");
  const notes = [...bases.notes];
  const unit = t.row.unit;
  if (t.row.kind !== "rate") notes.push(`“${t.row.name}”看起来是总量型指标,仍按质态型(加权平均)处理`);
  const rnd = (x: number) => Number(x.toFixed(10));
  /** For the text output: four decimals are plenty to compare with the city rate. */
  const short = (x: number) => String(Number(x.toFixed(4)));

  if (a.total === undefined) {
    // Report only: the city rate the current town rates add up to.
    if (a.out !== undefined)
      throw new UsageError("--rate 未给 --total 时只报告加权值,不写文件;去掉 -o 或给出 --total");
    if (Object.keys(a.held).length > 0) throw new UsageError("--hold 只在给出 --total 时使用");
    const implied = impliedCityRate(t.previous, bases.bases);
    const skipped = t.towns.filter(
      (_, i) => t.previous[i] === null || !(bases.bases[i] !== null && bases.bases[i]! > 0),
    );
    if (skipped.length > 0) notes.push(`${skipped.join("、")} 缺少当前值或基数,未计入加权`);
    if (a.json) {
      process.stdout.write(
        JSON.stringify(
          {
            indicator: t.row.name,
            sheet: t.grid.name,
            row: t.row.row + 1,
            unit,
            base: bases.label,
            impliedRate: rnd(implied),
            cityValue: t.cityValue,
            rates: byTown(t.towns, t.previous),
            bases: byTown(t.towns, bases.bases),
            notes,
          },
          null,
          2,
        ) + "\n",
      );
    } else {
      const lines = [
        `“${t.row.name}”(工作表“${t.grid.name}”第${t.row.row + 1}行${unit ? `,${unit}` : ""})各单位当前值按基数 ${bases.label} 加权:`,
        `  全市加权值 ${short(implied)}${unit}${t.cityValue !== null ? `(${t.table.totalHeader}目标 ${t.cityValue}${unit})` : ""}`,
        ...t.towns.map(
          (town, i) => `  ${pad(t.towns, town)}  ${fmt(t.previous[i])}${unit} × 基数 ${fmt(bases.bases[i])}`,
        ),
        ...notes.map((n) => `注意:${n}`),
      ];
      process.stdout.write(lines.join("\n") + "\n");
    }
    return 0;
  }

  const heldRates: Record<string, number> = {};
  for (const [town, v] of Object.entries(a.held)) {
    const value = v === true ? t.previous[t.towns.indexOf(town)] : v;
    if (value === null) throw new AllocationError(`锁定的单位“${town}”没有当前值`);
    heldRates[town] = value;
  }
  const r = allocateRate({
    towns: t.towns,
    bases: bases.bases,
    cityRate: a.total,
    percent: unit === "%",
    method: a.method,
    heldRates,
    decimals: a.decimals,
  });
  notes.push(...r.notes);
  if (t.cityValue !== null && Math.abs(t.cityValue - a.total) > 1e-9)
    notes.push(
      `${t.table.totalHeader}单元格 ${a1(t.row.row, t.table.totalCol)} 为 ${t.cityValue},与 --total ${a.total} 不同;未修改该单元格`,
    );
  if (a.out !== undefined) await writeOutput(a.input, a.out, t, r.rates, notes);
  const held = t.towns.filter((x) => x in heldRates);
  if (a.json)
    process.stdout.write(
      JSON.stringify(
        {
          indicator: t.row.name,
          sheet: t.grid.name,
          row: t.row.row + 1,
          unit,
          method: a.method,
          base: bases.label,
          rate: true,
          total: a.total,
          impliedRate: rnd(r.impliedRate),
          values: byTown(t.towns, r.rates),
          previous: byTown(t.towns, t.previous),
          bases: byTown(t.towns, bases.bases),
          held,
          notes,
          ...(a.out !== undefined ? { output: a.out } : {}),
        },
        null,
        2,
      ) + "\n",
    );
  const summary =
    `“${t.row.name}”(工作表“${t.grid.name}”第${t.row.row + 1}行)质态型,增量${METHOD_LABEL[a.method]}` +
    `(基数:${bases.label}):全市 ${a.total}${unit},各单位加权合计 ${short(r.impliedRate)}${unit}` +
    (held.length > 0 ? `,锁定 ${held.join("、")}` : "");
  if (a.out !== undefined) {
    process.stderr.write(`已写入 ${a.out}(基于 ${basename(a.input)},打开时重新计算公式):${summary}\n`);
    for (const n of notes) process.stderr.write(`注意:${n}\n`);
  } else if (!a.json) {
    printTable(summary, t.towns, t.previous, r.rates, notes.map((n) => `注意:${n}`).join("\n"));
  }
  return 0;
}
