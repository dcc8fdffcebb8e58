// 调整记录: what every applied allocation changed, cell by cell, kept in the workbook so that months later one can
// tell what changed, when and why (as Smart View's cell history and TM1's audit log do). This module is the
// record's vocabulary: the changes an allocation plan makes (`rowChange`), their undo, and reading the record
// back from a sheet (`readChangeLog`) and wording an entry (`changeSentence`) for the 通报 and the check. The
// sheet's layout and the rows appended are in ../layout/changeLogSheet.ts.
import { addressAt, type BreakdownRowRef, type BreakdownTable } from "../check/breakdownTable";
import { decimalDifference, numberText } from "../check/decimal";
import { cellText, type Grid, type GridValue } from "../grid";
import { measureName } from "../table/measure";
import { METHOD_LABEL, type AllocationMethod } from "./allocate";
import type { AllocationPlan } from "./plan";

export const CHANGE_LOG_SHEET = "调整记录";
/** The record's columns, in order; readChangeLog finds them by these words. */
export const CHANGE_LOG_HEADER = [
  "批次",
  "时间",
  "工作表",
  "指标",
  "计量单位",
  "口径",
  "单位",
  "单元格",
  "原值",
  "新值",
  "变动",
  "方法",
  "全市调整前",
  "全市调整后",
  "原因",
  "操作人",
] as const;
/** 方法 of the rows an undo adds. */
export const UNDO_METHOD = "撤销";
/** 方法 of a town held at a value typed: the value was set, not spread. */
export const HELD_METHOD = "锁定值";

/** One cell an allocation set: a town's, or the row's 全市 cell (`town` is then the total's header). */
export interface CellChange {
  town: string;
  cell: string;
  before: number | null;
  after: number | null;
  total?: true;
  /** When the cell's value came otherwise than by the row's method (a town held at a typed value). */
  method?: string;
}

/** What an allocation did to one breakdown row. */
export interface RowChange {
  sheet: string;
  indicator: string;
  unit: string;
  /** The measure allocated: "2023年", "2023年 力争"; "" when the table names none. */
  measure: string;
  method: string;
  /** The row's 全市 target before and after (after: the target the allocation was made for). */
  cityBefore: number | null;
  cityAfter: number | null;
  cells: CellChange[];
}

/** How the record names a method: "按基数比例(基数:当前值)", "按比例调整(+5%)", "平均分配(质态型加权,基数:…)". */
export function methodWords(m: {
  method: AllocationMethod;
  rate?: boolean;
  baseLabel?: string | null;
  percent?: number;
}): string {
  const label = METHOD_LABEL[m.method];
  if (m.rate) return `${label}(质态型加权${m.baseLabel ? `,基数:${m.baseLabel}` : ""})`;
  if (m.method === "proportional") return `${label}(基数:${m.baseLabel ?? "当前值"})`;
  if (m.method === "adjust" && m.percent !== undefined)
    return `${label}(${m.percent > 0 ? "+" : ""}${numberText(m.percent)}%)`;
  return label;
}

export interface PlannedChange {
  sheet: string;
  table: BreakdownTable;
  row: BreakdownRowRef;
  plan: Pick<AllocationPlan, "current" | "cityValue" | "writes" | "cityWrite">;
  /** methodWords of the allocation. */
  method: string;
  /** Towns held at a value typed: their rows say 锁定值. */
  heldAt?: string[];
}

/** The cells a plan's writes change (a cell written with the value it holds is no change, and left out). */
export function rowChange(p: PlannedChange): RowChange {
  const { table, row, plan } = p;
  const towns = table.towns.map((t) => ({ name: t.header, cell: addressAt(table, row, t.line) }));
  const cells: CellChange[] = [];
  for (const w of p.plan.writes) {
    const i = towns.findIndex((t) => t.cell === w.address);
    if (w.total === undefined && i < 0) continue;
    const before = w.total ? plan.cityValue : plan.current[i];
    if (before === w.value) continue;
    const town = w.total ? table.totalHeader || "全市" : towns[i].name;
    const held = !w.total && p.heldAt?.includes(town);
    cells.push({
      town,
      cell: w.address,
      before,
      after: w.value,
      ...(w.total ? { total: true as const } : {}),
      ...(held ? { method: HELD_METHOD } : {}),
    });
  }
  return {
    sheet: p.sheet,
    indicator: row.name,
    unit: row.unit,
    measure: measureName(table.measure),
    method: p.method,
    cityBefore: plan.cityValue,
    cityAfter: plan.cityWrite?.value ?? plan.cityValue,
    cells,
  };
}

/**
 * Only the cells actually written: a 全市 cell holding a formula is kept by both writers, and is no change.
 * Rows left with no cell are dropped.
 */
export function keepWritten(changes: RowChange[], written: readonly string[]): RowChange[] {
  const set = new Set(written.map((a) => a.toUpperCase()));
  return changes
    .map((c) => ({ ...c, cells: c.cells.filter((x) => set.has(x.cell.toUpperCase())) }))
    .filter((c) => c.cells.length > 0);
}

/** The rows an undo adds: every change the other way round, 方法 撤销. */
export function undoneChanges(changes: RowChange[]): RowChange[] {
  return changes.map((c) => ({
    ...c,
    method: UNDO_METHOD,
    cityBefore: c.cityAfter,
    cityAfter: c.cityBefore,
    cells: c.cells.map(({ method: _, ...x }) => ({ ...x, before: x.after, after: x.before })),
  }));
}

/** 变动: after − before, exactly as decimals (45 − 41.2 = 3.8, not 3.799999…); null when either is missing. */
export function changeOf(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : decimalDifference(after, before);
}

/** One row of the record, as read back. */
export interface ChangeLogEntry {
  /** 1-based worksheet row. */
  row: number;
  batch: number | null;
  /** As written: "2024年6月5日 10:03". */
  time: string;
  sheet: string;
  indicator: string;
  unit: string;
  measure: string;
  town: string;
  cell: string;
  before: number | null;
  after: number | null;
  change: number | null;
  method: string;
  cityBefore: number | null;
  cityAfter: number | null;
  reason: string;
  operator: string;
}

const toNumber = (v: GridValue | undefined): number | null => {
  if (typeof v === "number") return v;
  const t = typeof v === "string" ? v.trim().replace(/,/g, "") : "";
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : null;
};
const toText = (v: GridValue | undefined) => cellText(v ?? null).trim();

/** The header row: the first with 批次, 时间, 单位, 原值 and 新值; -1 when there is none. */
export function changeLogHeaderRow(grid: Grid): number {
  return grid.rows.findIndex((r) =>
    ["批次", "时间", "单位", "原值", "新值"].every((h) => r?.some((v) => toText(v) === h)),
  );
}

/**
 * The record's entries, in the sheet's order, from the first header row down (columns found by their header
 * words, so a column moved or added by hand does not matter); blank rows and repeated headers are passed over.
 */
export function readChangeLog(grid: Grid): ChangeLogEntry[] {
  const headerRow = changeLogHeaderRow(grid);
  if (headerRow < 0) return [];
  const header = grid.rows[headerRow].map(toText);
  const col = (h: (typeof CHANGE_LOG_HEADER)[number]) => header.indexOf(h);
  const at = (r: GridValue[], h: (typeof CHANGE_LOG_HEADER)[number]) => (col(h) < 0 ? null : r[col(h)]);
  const entries: ChangeLogEntry[] = [];
  grid.rows.slice(headerRow + 1).forEach((r, i) => {
    if (!r || r.every((v) => toText(v) === "")) return;
    if (toText(at(r, "批次")) === "批次") return;
    const before = toNumber(at(r, "原值"));
    const after = toNumber(at(r, "新值"));
    entries.push({
      row: headerRow + 2 + i,
      batch: toNumber(at(r, "批次")),
      time: toText(at(r, "时间")),
      sheet: toText(at(r, "工作表")),
      indicator: toText(at(r, "指标")),
      unit: toText(at(r, "计量单位")),
      measure: toText(at(r, "口径")),
      town: toText(at(r, "单位")),
      cell: toText(at(r, "单元格")),
      before,
      after,
      change: toNumber(at(r, "变动")) ?? changeOf(before, after),
      method: toText(at(r, "方法")),
      cityBefore: toNumber(at(r, "全市调整前")),
      cityAfter: toNumber(at(r, "全市调整后")),
      reason: toText(at(r, "原因")),
      operator: toText(at(r, "操作人")),
    });
  });
  return entries;
}

/** The batch number the next allocation gets: one more than the highest recorded. */
export function nextBatch(entries: ChangeLogEntry[]): number {
  return entries.reduce((n, e) => Math.max(n, e.batch ?? 0), 0) + 1;
}

/**
 * An entry as the 通报 says it: "经开区制造业投资目标于6月由41亿元调整为45亿元(原因:项目调整)". The measure is
 * named when it is not simply the year of the change ("2024年力争目标"); the month is the change's.
 */
export function changeSentence(e: ChangeLogEntry, official = false): string {
  const when = /(\d{4})\s*年\s*(\d{1,2})\s*月/.exec(e.time) ?? /^(\d{4})-(\d{2})/.exec(e.time);
  const year = when ? when[1] : "";
  const measure = e.measure
    .split(/\s+/)
    .filter((w) => w !== "" && w !== `${year}年`)
    .join("");
  const amount = (x: number) => `${numberText(x)}${e.unit}`;
  const month = when ? `于${Number(when[2])}月` : "";
  const what =
    e.before === null && e.after !== null
      ? `定为${amount(e.after)}`
      : e.before !== null && e.after === null
        ? `由${amount(e.before)}改为空白`
        : e.before !== null && e.after !== null
          ? `由${amount(e.before)}调整为${amount(e.after)}`
          : "调整";
  // (`official`: the 通报's full-width brackets and colon around the reason, as 公文 write them.)
  const reason = e.reason ? (official ? `（原因：${e.reason}）` : `(原因:${e.reason})`) : "";
  return `${e.town}${e.indicator}${measure}目标${month}${what}${reason}`;
}

/** The record's entries, when the workbook has a 调整记录. */
export function changesOfGrids(grids: Grid[]): ChangeLogEntry[] {
  const grid = grids.find((g) => g.name === CHANGE_LOG_SHEET);
  return grid ? readChangeLog(grid) : [];
}

/** The entries that stand: without undo batches and the batches they undid ("撤销第2批调整"). */
export function standingChanges(entries: ChangeLogEntry[]): ChangeLogEntry[] {
  const undone = new Set<number>();
  for (const e of entries) {
    const m = /撤销第(\d+)批/.exec(e.reason);
    if (e.method === UNDO_METHOD && m) undone.add(Number(m[1]));
  }
  return entries.filter(
    (e) => e.method !== UNDO_METHOD && !(e.batch !== null && undone.has(e.batch)) && e.before !== e.after,
  );
}

/** The changes that stand on one sheet (what `check` cites beside that sheet's results). */
export function sheetChanges(entries: ChangeLogEntry[], sheet: string): ChangeLogEntry[] {
  return standingChanges(entries).filter((e) => e.sheet === sheet);
}
