// The allocation of one breakdown row, planned once for the CLI (`allocate`) and the task pane (分解目标): the
// bases, the total (the row's 全市 cell unless one is given), the held towns, the rounding rule, the new town
// values and the cells to write them to, in the table's own shape (towns as columns or as rows). Whatever the
// two front ends show or write comes from here, so they cannot disagree.
import { addressAt, valueAt, type BreakdownRowRef, type BreakdownTable } from "../check/breakdownTable";
import { readSheetValue } from "../check/sheetValue";
import { cellText, type Grid } from "../grid";
import { decimalToNumber, exactSum } from "../check/decimal";
import { message, MessageError, zh, type Message } from "../messages/message";
import { allocate, AllocationError, decimalsFor, type AllocationMethod } from "./allocate";
import { BasesError, resolveBases, type ResolvedBases } from "./bases";
import { allocateRate, impliedCityRate } from "./rates";

/** The row to allocate: its sheet (merges expanded, as the table was read), the slice and the row in it. */
export interface PlanContext {
  grid: Grid;
  table: BreakdownTable;
  row: BreakdownRowRef;
  /** Every sheet of the workbook, for bases on other sheets. */
  grids?: Grid[];
}

export interface PlanRequest {
  method: AllocationMethod;
  /**
   * proportional / equal: the city total; rate: the city rate — both default to the row's 全市 cell. fill: the
   * value every town gets (no default). adjust: unused.
   */
  total?: number;
  /** adjust: the percentage to change the current values by. */
  percent?: number;
  /**
   * The bases (drivers, or for `rate` the weights): a source as resolveBases reads it ("current", an indicator,
   * a sheet, an A1 range), or bases the caller resolved already. None: proportional uses the current values.
   */
  base?: string | ResolvedBases;
  /** Held towns: keep the current value (true) or the value given. */
  held?: Record<string, number | true>;
  min?: Record<string, number>;
  max?: Record<string, number>;
  /** Decimal places; by default decimalsFor's rule (rates: 1 for %, else 2; amounts: 0 for 家/项/个, else 2). */
  decimals?: number;
  /** 质态型: the towns' rates, weighted by the bases, make the city rate (proportional or equal only). */
  rate?: boolean;
  /** The option the caller asks for the total with, for messages: "--total" in the CLI; none: "全市目标". */
  totalName?: string;
}

/** A cell to write: A1 address on the row's sheet and the new value. */
export interface PlannedWrite {
  address: string;
  value: number;
  /**
   * The row's 全市 cell: written so the total follows a changed target, but left alone when it holds a formula
   * (the formula follows by itself, or is the clerk's own rule).
   */
  total?: true;
}

export interface AllocationPlan {
  towns: string[];
  /** The towns' current numbers (null where the cell holds none), in town order. */
  current: (number | null)[];
  /** The 全市 cell's number, if it holds one, and its address ("" when the table has no total). */
  cityValue: number | null;
  cityCell: string;
  rate: boolean;
  bases?: ResolvedBases;
  /** The new values (rates for `rate`), in town order; absent when there is an error. */
  values?: number[];
  /** The total allocated (the city rate for `rate`; the sum for adjust). */
  total?: number;
  /** Whether the total was taken from the 全市 cell because none was given. */
  totalFromCity: boolean;
  /** The city rate the towns' new values come to (质态型 rows with bases). */
  implied?: number;
  /** Held towns: in table order for rates, as the allocation lists them otherwise. */
  held: string[];
  decimals?: number;
  /** The allocation's own notes (rounding, bounds, missing bases). */
  allocationNotes: string[];
  /** Everything to tell: the bases' notes, then the allocation's; in Chinese and as messages. */
  notes: string[];
  noteMsgs: Message[];
  /**
   * The cells to set: every town but those held at their current value (their cells are left alone), then the
   * 全市 cell when the allocation changes the row's total (a new 全市目标 typed, or an adjust or fill that moves
   * the sum), so the row still adds up.
   */
  writes: PlannedWrite[];
  /** That 全市 cell's write, also last in `writes`; absent when the total stays. */
  cityWrite?: PlannedWrite;
  /** Why nothing can be allocated, in Chinese and as a message. */
  error?: string;
  errorMsg?: Message;
}

/** The numbers of a row: each town's and the 全市 cell's, as the sheet holds them (null where no number). */
export function rowNumbers(
  grid: Grid,
  table: BreakdownTable,
  row: BreakdownRowRef,
): { current: (number | null)[]; cityValue: number | null } {
  const numberAt = (line: number) => {
    const v = readSheetValue(valueAt(grid, table, row, line));
    return v.status === "number" ? v.value : null;
  };
  return {
    current: table.towns.map((t) => numberAt(t.line)),
    cityValue: table.totalLine >= 0 ? numberAt(table.totalLine) : null,
  };
}

/** An error the request itself makes (nothing to allocate with); reported like the allocator's. */
class PlanError extends MessageError {}

/**
 * The 全市 cell's new value, when the allocation changes the row's total: the target typed for a spread (the
 * city rate for 质态型 with weights), the new sum for 总量型 fill and adjust. A rate row spread without weights,
 * or filled, has no sum to write: its 全市 cell is the clerk's.
 */
function newCityValue(
  plan: AllocationPlan,
  req: PlanRequest,
  rateRow: boolean,
  values: number[],
  total: number | undefined,
): PlannedWrite | undefined {
  if (plan.cityCell === "") return undefined;
  let value: number | undefined;
  if (plan.rate || (!rateRow && (req.method === "proportional" || req.method === "equal")))
    value = req.total === undefined ? undefined : total;
  else if (!rateRow) value = decimalToNumber(exactSum(values));
  if (value === undefined || value === plan.cityValue) return undefined;
  return { address: plan.cityCell, value, total: true };
}

export function planAllocation(ctx: PlanContext, req: PlanRequest): AllocationPlan {
  const { grid, table, row } = ctx;
  const towns = table.towns.map((t) => t.header);
  const { current, cityValue } = rowNumbers(grid, table, row);
  const rate = req.rate === true;
  const plan: AllocationPlan = {
    towns,
    current,
    cityValue,
    cityCell: table.totalLine >= 0 ? addressAt(table, row, table.totalLine) : "",
    rate,
    totalFromCity: false,
    held: [],
    allocationNotes: [],
    notes: [],
    noteMsgs: [],
    writes: [],
  };
  try {
    const result = planned(ctx, req, plan);
    return { ...plan, ...result };
  } catch (e) {
    if (e instanceof AllocationError || e instanceof BasesError || e instanceof PlanError)
      return {
        ...plan,
        notes: plan.bases?.notes ?? [],
        noteMsgs: plan.bases?.noteMsgs ?? [],
        error: e.message,
        errorMsg: e.msg,
      };
    throw e;
  }
}

function planned(ctx: PlanContext, req: PlanRequest, plan: AllocationPlan): Partial<AllocationPlan> {
  const { grid, table, row } = ctx;
  const { towns, current, cityValue, rate } = plan;
  const { method } = req;
  const held = req.held ?? {};
  for (const name of Object.keys({ ...held, ...req.min, ...req.max }))
    if (!towns.includes(name)) throw new PlanError(message("alloc.unknown_town", { town: name, towns }));

  const bases =
    typeof req.base === "string"
      ? resolveBases(req.base, { grid, table, row, grids: ctx.grids ?? [grid] })
      : req.base;
  plan.bases = bases;

  if (rate) {
    if (method !== "proportional" && method !== "equal") throw new PlanError(message("alloc.rate_methods"));
    if (!bases) throw new PlanError(message("alloc.rate_needs_weights"));
    const bounded = Object.keys({ ...req.min, ...req.max });
    if (bounded.length > 0) throw new PlanError(message("alloc.rate_no_bounds", { towns: bounded }));
  }

  // The total: as given, else (when the method spreads one) the row's 全市 cell.
  const spreadsTotal = rate || method === "proportional" || method === "equal";
  let total = req.total;
  let totalFromCity = false;
  if (total === undefined && spreadsTotal) {
    if (cityValue === null) {
      const option = req.totalName;
      const header = table.totalHeader || "全市";
      const cell = plan.cityCell;
      throw new PlanError(
        cell === ""
          ? option
            ? message("alloc.no_total_option_cell", { option, header })
            : message("alloc.no_total_cell", { header })
          : option
            ? message("alloc.total_option_not_number", { option, header, cell })
            : message("alloc.total_not_number", { header, cell }),
      );
    }
    total = cityValue;
    totalFromCity = true;
  }

  // A town held at its current value needs one: say which cell holds none.
  for (const [name, v] of Object.entries(held)) {
    const i = towns.indexOf(name);
    if (v !== true || current[i] !== null) continue;
    const address = addressAt(table, row, table.towns[i].line);
    const text = cellText(valueAt(grid, table, row, table.towns[i].line)).trim();
    throw new PlanError(
      text === ""
        ? message("alloc.held_empty", { town: name, cell: address })
        : message("alloc.held_not_number", { town: name, cell: address, text }),
    );
  }
  const heldValue = (name: string, v: number | true) => (v === true ? current[towns.indexOf(name)]! : v);

  let values: number[];
  let heldTowns: string[];
  let implied: number | undefined;
  let decimals: number;
  let allocationNotes: Message[];
  if (rate) {
    const heldRates: Record<string, number> = {};
    for (const [name, v] of Object.entries(held)) heldRates[name] = heldValue(name, v);
    decimals = decimalsFor(row.unit, req.decimals, true);
    const r = allocateRate({
      towns,
      bases: bases!.bases,
      cityRate: total!,
      percent: row.unit === "%",
      method: method as "proportional" | "equal",
      heldRates,
      decimals,
    });
    values = r.rates;
    implied = r.impliedRate;
    heldTowns = towns.filter((t) => t in heldRates);
    allocationNotes = r.noteMsgs;
  } else {
    const r = allocate({
      towns,
      method,
      total,
      percent: req.percent,
      bases: bases?.bases,
      current,
      held,
      min: req.min,
      max: req.max,
      decimals: req.decimals,
      unit: row.unit,
    });
    values = r.values;
    total = r.total;
    decimals = r.decimals;
    heldTowns = r.held;
    allocationNotes = r.noteMsgs;
    if (row.kind === "rate" && bases) {
      try {
        implied = impliedCityRate(values, bases.bases);
      } catch (e) {
        if (!(e instanceof AllocationError)) throw e;
      }
    }
  }
  const writes = table.towns.flatMap((t, i): PlannedWrite[] =>
    held[t.header] === true ? [] : [{ address: addressAt(table, row, t.line), value: values[i] }],
  );
  const cityWrite = newCityValue(plan, req, row.kind === "rate", values, total);
  if (cityWrite) writes.push(cityWrite);
  return {
    cityWrite,
    values,
    total,
    totalFromCity,
    implied,
    held: heldTowns,
    decimals,
    allocationNotes: allocationNotes.map(zh),
    notes: [...(bases?.notes ?? []), ...allocationNotes.map(zh)],
    noteMsgs: [...(bases?.noteMsgs ?? []), ...allocationNotes],
    writes,
  };
}
