// `allocate`'s command line read into an AllocateOptions. Nothing here opens the workbook: the town lists
// (--hold/--min/--max) are only split into names and values, and matched to the table's towns later.
import { isExcelNumber } from "../core/numbers";
import type { AllocationMethod } from "../core/allocate/allocate";
import { readMeasurePart, type Tier } from "../core/table/measure";
import { toHalfWidth } from "../core/text";
import { type OptionSpec, parseArgs, UsageError } from "./args";

const OPTIONS: OptionSpec = {
  valued: [
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
    "year",
    "tier",
    "output",
    "reason",
    "operator",
  ],
  flags: ["json", "rate", "force"],
  short: { o: "output" },
  maxPositionals: 1,
};
const METHODS: AllocationMethod[] = ["proportional", "equal", "fill", "adjust"];

export interface AllocateOptions {
  input: string;
  indicator: string;
  method: AllocationMethod;
  /** --rate: the row is 质态型, its town rates are weighted by --base. */
  rate: boolean;
  total: number | undefined;
  percent: number | undefined;
  decimals: number | undefined;
  base: string | undefined;
  sheet: string | undefined;
  /** --year / --tier: which measure of a table with several (2023年 确保 / 力争, several years). */
  measure: MeasureWant;
  /** -o: the workbook to write. */
  out: string | undefined;
  force: boolean;
  json: boolean;
  townLists: TownLists;
  /** --reason / --operator: 原因 and 操作人 of the rows -o appends to 调整记录 ("" when not given). */
  reason: string;
  operator: string;
}

/** The measure asked for; both left out: the table's primary one. */
export interface MeasureWant {
  /** "2023". */
  year?: string;
  /** The tier as typed ("力争") and what it means. */
  tier?: { word: string; tier: Tier };
}

/** --hold/--min/--max as typed: checked only after the table is found, so file errors are reported first. */
export interface TownLists {
  hold?: string;
  min?: string;
  max?: string;
}

export function parseAllocateArgs(argv: string[]): AllocateOptions {
  const args = parseArgs("allocate", argv, OPTIONS);
  const [input] = args.positionals;
  if (!input) throw new UsageError("缺少输入文件(含分解表的工作簿 .xlsx)");
  const indicator = args.options.get("indicator");
  if (!indicator) throw new UsageError(`请用 --indicator 指定要分解的指标`);
  const rate = args.flags.has("rate");
  const methodText = args.options.get("method") ?? (rate ? "proportional" : undefined);
  if (!methodText) throw new UsageError(`请用 --method 指定分配方法(proportional|equal|fill|adjust)`);
  if (!METHODS.includes(methodText as AllocationMethod))
    throw new UsageError(`--method 应为 proportional|equal|fill|adjust 之一,收到“${methodText}”`);
  const method = methodText as AllocationMethod;

  const numberOption = (option: string) => {
    const text = args.options.get(option);
    return text === undefined ? undefined : parseNumber(option, text);
  };
  const total = numberOption("total");
  const percent = numberOption("percent");
  if (percent !== undefined && method !== "adjust") throw new UsageError("--percent 只用于 --method adjust");
  const decimals = numberOption("decimals");
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 10))
    throw new UsageError(`--decimals 应为 0–10 的整数,收到“${args.options.get("decimals")}”`);

  const measure: MeasureWant = {};
  const yearText = args.options.get("year");
  if (yearText !== undefined) {
    const year = /^\s*((?:19|20)\d{2})\s*年?度?\s*$/.exec(toHalfWidth(yearText));
    if (!year) throw new UsageError(`--year 应为四位年份(如 2023),收到“${yearText}”`);
    measure.year = year[1];
  }
  const tierText = args.options.get("tier");
  if (tierText !== undefined) measure.tier = parseTier(tierText);

  const out = args.options.get("output");
  for (const option of ["reason", "operator"])
    if (args.options.has(option) && out === undefined)
      throw new UsageError(`--${option} 只用于 -o:它记入所写工作簿的“调整记录”工作表`);

  return {
    input,
    indicator,
    method,
    rate,
    total,
    percent,
    decimals,
    base: args.options.get("base"),
    sheet: args.options.get("sheet"),
    measure,
    out,
    force: args.flags.has("force"),
    json: args.flags.has("json"),
    townLists: { hold: args.options.get("hold"), min: args.options.get("min"), max: args.options.get("max") },
    reason: args.options.get("reason") ?? "",
    operator: args.options.get("operator") ?? "",
  };
}

const TIERS: Record<string, Tier> = { committed: "committed", stretch: "stretch", expected: "expected" };

/** --tier: 确保/保底 → committed, 力争/奋斗/争取 → stretch, 预期 → expected (also 确保目标 and the English keys). */
function parseTier(text: string): { word: string; tier: Tier } {
  const word = toHalfWidth(text).trim();
  const tier = readMeasurePart(word)?.tier ?? TIERS[word.toLowerCase()];
  if (!tier) throw new UsageError(`--tier 应为 确保|力争|奋斗|预期 之一,收到“${text}”`);
  return { word, tier };
}

/** A number as typed, full-width digits and thousands separators allowed. */
function parseNumber(option: string, text: string): number {
  const t = toHalfWidth(text).replace(/[,\s]/g, "");
  const x = t === "" ? NaN : Number(t);
  if (!isExcelNumber(x)) throw new UsageError(`--${option} 应为数字,收到“${text}”`);
  return x;
}

export interface TownEntry {
  name: string;
  /** The value after `=`, if the entry has one. */
  value: number | undefined;
}

/** "经开区,新埭镇=12" → [{name: 经开区}, {name: 新埭镇, value: 12}]. */
export function parseTownList(option: string, text: string, valueRequired: boolean): TownEntry[] {
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
