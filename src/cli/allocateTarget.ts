// Finding what `allocate` works on: the breakdown row of the indicator, the towns named on the command line
// and the bases; each failure is a CliError naming the file (and, once found, the sheet and row).
import { BasesError, resolveBases, type ResolvedBases } from "../core/allocate/bases";
import {
  cellAt,
  findBreakdownTable,
  valueAt,
  type BreakdownRowRef,
  type BreakdownTable,
} from "../core/check/breakdownTable";
import { readSheetValue } from "../core/check/sheetValue";
import { expandMerges, type Grid } from "../core/grid";
import { columnLetter } from "../core/layout/a1";
import { normalizeName } from "../core/text";
import { XlsxFile, XlsxReadError, type XlsxGrid } from "../xlsx/readXlsx";
import { parseTownList, type TownLists } from "./allocateArgs";
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

/** A1 reference of a 0-based cell. */
export const a1 = (row0: number, col0: number) => `${columnLetter(col0 + 1)}${row0 + 1}`;

/** The 全市 cell of the row, for notes about it. */
export const cityCell = (t: Target) => a1(...cellAt(t.table, t.row, t.table.totalLine));

export async function readSheets(input: string): Promise<XlsxGrid[]> {
  try {
    return await XlsxFile.open(input).readAll();
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(e.message);
    throw e;
  }
}

/** The breakdown row of the indicator: on --sheet, else on the first sheet that has it. */
export function findTarget(input: string, sheets: XlsxGrid[], indicator: string, sheetName?: string): Target {
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
    const numberAt = (line: number) => {
      const v = readSheetValue(valueAt(grid, table, row, line));
      return v.status === "number" ? v.value : null;
    };
    return {
      file: input,
      place: `${input} 工作表“${grid.name}”第${row.row + 1}行“${row.name}”`,
      grid,
      merges: sheet.merges,
      table,
      row,
      towns: table.towns.map((t) => t.header),
      previous: table.towns.map((t) => numberAt(t.line)),
      cityValue: table.totalLine >= 0 ? numberAt(table.totalLine) : null,
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
