// A growth column checked against the numbers it is made of: where a table gives each unit a base (上年完成) and
// a target, the total's growth is exactly Σtarget / Σbase − 1 (the base-weighted mean of the units' growth), and
// each unit's growth is its own target / base − 1 — not merely somewhere between the smallest and the largest.
import type { Grid } from "../grid";
import { valueAt } from "./breakdownTable";
import { addressAt, type BreakdownTable, type TableRow, type TableUnit } from "../table/types";
import { normalizeName } from "../text";
import type { RowResult } from "./checkBreakdown";
import { maxDecimals, roundTo } from "./decimal";
import { message, said, type Message } from "../messages/message";
import { readSheetValue } from "./sheetValue";
import { STATUS_SEVERITY } from "./status";

interface Read {
  slice: BreakdownTable;
  row: TableRow;
}

function numberAt(grid: Grid, r: Read, line: number): number | null {
  const v = readSheetValue(valueAt(grid, r.slice, r.row, line));
  return v.status === "number" ? v.value : null;
}

// Rows by normalized name and towns by header, the first of each, made once per slice: a growth table of
// 100,000 towns had each town (and each row's name) found again in a list, quadratic.
const rowsByName = new WeakMap<TableRow[], Map<string, TableRow>>();
const townsByHeader = new WeakMap<TableUnit[], Map<string, TableUnit>>();

function firstBy<T>(
  cache: WeakMap<T[], Map<string, T>>,
  items: T[],
  key: (item: T) => string,
): Map<string, T> {
  let map = cache.get(items);
  if (!map) {
    map = new Map();
    for (const item of items) {
      const k = key(item);
      if (!map.has(k)) map.set(k, item);
    }
    cache.set(items, map);
  }
  return map;
}

/** The base and target rows a growth row is made of, when the table has exactly one of each for it. */
export function growthSources(slices: BreakdownTable[], growth: BreakdownTable, row: TableRow) {
  const find = (role: "base" | "target"): Read | null => {
    const hits = slices.flatMap((s) => {
      if (s.measure.role !== role) return [];
      if (
        role === "target" &&
        growth.measure.year &&
        s.measure.year &&
        s.measure.year !== growth.measure.year
      )
        return [];
      if (role === "target" && growth.measure.tier && s.measure.tier !== growth.measure.tier) return [];
      const r = firstBy(rowsByName, s.rows, (x) => normalizeName(x.name)).get(normalizeName(row.name));
      return r ? [{ slice: s, row: r }] : [];
    });
    return hits.length === 1 ? hits[0] : null;
  };
  const base = find("base");
  const target = find("target");
  return base && target ? { base, target } : null;
}

/** The exact check of one growth row, or null when its base or target is incomplete (the range check stands). */
export function checkGrowth(
  grid: Grid,
  growth: BreakdownTable,
  row: TableRow,
  sources: { base: Read; target: Read },
  rangeResult: RowResult,
): RowResult | null {
  const g: Read = { slice: growth, row };
  const a1 = (r: Read, line: number) => addressAt(r.slice, r.row, line);
  let sumBase = 0;
  let sumTarget = 0;
  const wrong: Message[] = [];
  const cells: string[] = [];
  for (const unit of growth.towns) {
    const find = (r: Read) => firstBy(townsByHeader, r.slice.towns, (t) => t.header).get(unit.header);
    const bu = find(sources.base);
    const tu = find(sources.target);
    if (!bu || !tu) return null;
    const b = numberAt(grid, sources.base, bu.line);
    const t = numberAt(grid, sources.target, tu.line);
    if (b === null || t === null) return null;
    sumBase += b;
    sumTarget += t;
    const gu = numberAt(grid, g, unit.line);
    if (gu === null || b === 0) continue;
    const d = maxDecimals([gu]);
    const expected = (t / b - 1) * 100;
    if (Math.abs(expected - gu) > 0.5 * 10 ** -d + 1e-9) {
      const cell = a1(g, unit.line);
      cells.push(cell);
      wrong.push(
        message("check.growth_unit", { cell, town: unit.header, value: gu, expected: roundTo(expected, d) }),
      );
    }
  }
  const total = numberAt(grid, g, growth.totalLine);
  if (total === null || sumBase === 0) return null;
  const d = maxDecimals([total]);
  const expected = (sumTarget / sumBase - 1) * 100;
  const shown = roundTo(expected, Math.max(d + 1, 1));
  const label = growth.totalHeader;
  const base = {
    ...rangeResult,
    allocated: shown,
    difference: roundTo(expected - total, Math.max(d + 1, 1)),
    range: undefined,
  };
  const formula = { targets: roundTo(sumTarget, 10), bases: roundTo(sumBase, 10), rate: shown, label, total };
  const totalOk = Math.abs(expected - total) <= 0.5 * 10 ** -d + 1e-9;
  if (totalOk && wrong.length === 0)
    return {
      ...base,
      status: "ok",
      severity: STATUS_SEVERITY.ok,
      cells: [],
      ...said(message("check.growth_ok", formula)),
    };
  const totalCell = a1(g, growth.totalLine);
  const totalOff = message("check.growth_total_off", formula);
  const unitsOff = message("check.growth_units_off", { units: wrong });
  const m =
    wrong.length === 0
      ? totalOff
      : totalOk
        ? unitsOff
        : message("check.growth_both_off", { total: totalOff, units: unitsOff });
  return {
    ...base,
    status: "out_of_range",
    severity: STATUS_SEVERITY.out_of_range,
    cells: totalOk ? cells : [totalCell, ...cells],
    ...said(m),
  };
}
