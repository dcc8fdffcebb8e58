// Finding what `allocate` works on: the breakdown row of the indicator, the towns named on the command line
// and the bases; each failure is a CliError naming the file (and, once found, the sheet and row).
import { BasesError, resolveBases, type ResolvedBases } from "../core/allocate/bases";
import { measureLabel } from "../core/allocate/breakdownView";
import { rowNumbers, type PlanContext } from "../core/allocate/plan";
import { cellAt, type BreakdownRowRef, type BreakdownTable } from "../core/check/breakdownTable";
import { expandMerges, type Grid } from "../core/grid";
import { columnLetter } from "../core/layout/a1";
import { normalizeName } from "../core/text";
import type { XlsxGrid } from "../xlsx/readXlsx";
import { openWorkbook } from "../xlsx/openWorkbook";
import { ReadError } from "../core/read/readError";
import { parseTownList, type MeasureWant, type TownLists } from "./allocateArgs";
import { NO_TABLE_HINT } from "../core/table/problems";
import { HINT_SHEET, hintsFromGrid } from "../core/table/hints";
import { primarySlice, readTable } from "../core/table/readTable";
import type { TableModel } from "../core/table/types";
import { CliError } from "./errors";

/** The table, row and sheet an allocation works on. */
export interface Target {
  /** The workbook's path as given on the command line. */
  file: string;
  /** The file, sheet and row as messages name them: `p.xlsx 工作表“2023年目标分解”第5行“制造业投资”`. */
  place: string;
  grid: Grid;
  /** The sheet's merged ranges as found in the file (the grid has them expanded). */
  merges: string[];
  table: BreakdownTable;
  row: BreakdownRowRef;
  /** The measure allocated, as named in messages ("2023年 力争"); "" when the table has only one. */
  measure: string;
  /** Notes on finding the row: which measure was used when the table has several and none was asked for. */
  notes: string[];
  towns: string[];
  previous: (number | null)[];
  /** The 全市 cell's number, if it holds one. */
  cityValue: number | null;
}

/** The towns named by --hold, --min and --max, as the table's headers. */
export interface TownOptions {
  /** Held towns: the value given, or `true` to keep the current one. */
  held: Record<string, number | true>;
  min?: Record<string, number>;
  max?: Record<string, number>;
}

/** The towns held at a value given (--hold 新埭镇=12), not at their current one. */
export const heldAtValue = (towns: TownOptions) =>
  Object.entries(towns.held)
    .filter(([, v]) => v !== true)
    .map(([name]) => name);

/** A1 reference of a 0-based cell. */
export const a1 = (row0: number, col0: number) => `${columnLetter(col0 + 1)}${row0 + 1}`;

/** What the core plans an allocation of: the row's sheet, slice and row. */
export const planContext = (t: Target): PlanContext => ({ grid: t.grid, table: t.table, row: t.row });

/** The 全市 cell of the row, for notes about it. */
export const cityCell = (t: Target) => a1(...cellAt(t.table, t.row, t.table.totalLine));

export async function readSheets(input: string): Promise<XlsxGrid[]> {
  try {
    return await (await openWorkbook(input)).readAll();
  } catch (e) {
    if (e instanceof ReadError) throw new CliError(e.message);
    throw e;
  }
}

/** How a wanted measure is named in messages: "2024年 力争". */
const wantName = (want: MeasureWant) =>
  [want.year ? `${want.year}年` : "", want.tier?.word ?? ""].filter(Boolean).join(" ");

/** The slice of `want` (the tier matched by the word typed first, then by its meaning), else the primary one. */
function sliceOf(model: TableModel, want: MeasureWant): BreakdownTable | null {
  if (want.year === undefined && want.tier === undefined) return primarySlice(model);
  const year = want.year;
  return (
    (want.tier ? primarySlice(model, { year, tier: want.tier.word }) : null) ??
    primarySlice(model, { year, tier: want.tier?.tier })
  );
}

/**
 * Which measure was used when the table has several and none was asked for, and how to choose another:
 * “该表有 2 组数(2023年 确保、2023年 力争),按 2023年 确保 分配;可用 --tier 选择”.
 */
function measureNote(model: TableModel, slice: BreakdownTable): string {
  const names = model.slices.map(measureLabel);
  const targets = model.slices.filter((s) => s.measure.role === "target");
  const options = [
    new Set(targets.map((s) => s.measure.year)).size > 1 ? "--year" : "",
    new Set(targets.map((s) => s.measure.tier)).size > 1 ? "--tier" : "",
  ].filter(Boolean);
  const choose = options.length > 0 ? `;可用 ${options.join("、")} 选择` : "";
  return `该表有 ${names.length} 组数(${names.join("、")}),按 ${measureLabel(slice)} 分配${choose}`;
}

/** The breakdown row of the indicator: on --sheet, else on the first sheet that has it; in the measure asked for. */
export function findTarget(
  input: string,
  sheets: XlsxGrid[],
  indicator: string,
  sheetName?: string,
  want: MeasureWant = {},
): Target {
  const key = normalizeName(indicator);
  let candidates = sheets;
  if (sheetName !== undefined) {
    candidates = sheets.filter((s) => s.name === sheetName);
    if (candidates.length === 0)
      throw new CliError(
        `${input}: 没有名为“${sheetName}”的工作表(有:${sheets.map((s) => s.name).join("、")})`,
      );
  }
  const asked = want.year !== undefined || want.tier !== undefined;
  const seen: { sheet: string; names: string[] }[] = [];
  /** Sheets whose table has the indicator but not the measure asked for, with the measures they have. */
  const otherMeasures: { sheet: string; names: string[] }[] = [];
  const hints = hintsFromGrid(sheets.find((s) => s.name === HINT_SHEET));
  for (const sheet of candidates) {
    if (sheet.name === HINT_SHEET) continue;
    const grid = expandMerges(sheet);
    const model = readTable(grid, { hint: hints[sheet.name] }).table;
    const primary = model ? primarySlice(model) : null;
    if (!model || !primary || primary.towns.length === 0) continue;
    const table = sliceOf(model, want);
    if (!table || table.towns.length === 0) {
      if (primary.rows.some((r) => normalizeName(r.name) === key))
        otherMeasures.push({ sheet: sheet.name, names: model.slices.map(measureLabel) });
      seen.push({ sheet: sheet.name, names: primary.rows.map((r) => r.name) });
      continue;
    }
    seen.push({ sheet: sheet.name, names: table.rows.map((r) => r.name) });
    const row = table.rows.find((r) => normalizeName(r.name) === key);
    if (!row) continue;
    const { current, cityValue } = rowNumbers(grid, table, row);
    const several = model.slices.length > 1;
    const measure = several ? measureLabel(table) : "";
    return {
      file: input,
      place: `${input} 工作表“${grid.name}”第${row.row + 1}行“${row.name}”${measure ? `(${measure})` : ""}`,
      grid,
      merges: sheet.merges,
      table,
      row,
      measure,
      notes: several && !asked ? [measureNote(model, table)] : [],
      towns: table.towns.map((t) => t.header),
      previous: current,
      cityValue,
    };
  }
  const where = sheetName !== undefined ? `工作表“${sheetName}”` : "任何工作表";
  if (otherMeasures.length > 0) {
    const lists = otherMeasures.map((s) => `工作表“${s.sheet}”:${s.names.join("、")}`).join(";");
    throw new CliError(`${input}: “${indicator}”没有 ${wantName(want)} 的数(该表有 ${lists})`);
  }
  if (seen.length === 0) throw new CliError(`${input}: ${where}中没有找到目标分解表(${NO_TABLE_HINT})`);
  const lists = seen.map((s) => `工作表“${s.sheet}”:${s.names.join("、")}`).join(";");
  throw new CliError(`${input}: 没有找到指标“${indicator}”(现有指标 ${lists})`);
}

/** Reads --hold, --min and --max, matching each town to the table's headers (in that order, as typed). */
export function readTownOptions(t: Target, lists: TownLists): TownOptions {
  const holds = lists.hold === undefined ? [] : parseTownList("hold", lists.hold, false);
  const held: Record<string, number | true> = {};
  for (const h of holds) held[townOf(t, "hold", h.name)] = h.value ?? true;
  const bounds = (option: "min" | "max") => {
    const text = lists[option];
    if (text === undefined) return undefined;
    // Values are required in bounds, so parseTownList gives every entry one.
    return Object.fromEntries(
      parseTownList(option, text, true).map((x) => [townOf(t, option, x.name), x.value as number]),
    );
  };
  const min = bounds("min");
  const max = bounds("max");
  return { held, min, max };
}

/** A town named on the command line → the table's header, exactly or by normalized name. */
function townOf(t: Target, option: string, name: string): string {
  const hit =
    t.towns.find((x) => x === name) ?? t.towns.find((x) => normalizeName(x) === normalizeName(name));
  if (!hit)
    throw new CliError(
      `${t.file} 工作表“${t.grid.name}”: --${option} 中的“${name}”不是分解表的单位(单位:${t.towns.join("、")})`,
    );
  return hit;
}

/** The bases --base names, resolved against the row (and, for sources on other sheets, every sheet). */
export function readBases(
  t: Target,
  sheets: XlsxGrid[],
  source: string | undefined,
): ResolvedBases | undefined {
  if (source === undefined) return undefined;
  const context = { grid: t.grid, table: t.table, row: t.row, grids: sheets.map(expandMerges) };
  return atRow(t, BasesError, () => resolveBases(source, context));
}

/**
 * Runs a core step whose errors (of class `kind`) say what is wrong but not where: they are rethrown as
 * CliErrors prefixed with the file, sheet and row.
 */
export function atRow<T>(t: Target, kind: new (message?: string) => Error, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof kind) throw new CliError(`${t.place}: ${e.message}`);
    throw e;
  }
}
