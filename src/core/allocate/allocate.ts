// Spreading a city target over towns (分解): proportional to a base, equal, fill, or adjust by a percentage;
// held towns keep their values, floors and caps are respected exactly, and rounding keeps the total.
import { message, zh, type Message } from "../messages/message";
import { isCountUnit } from "../units";
import { roundKeepingTotal, toUnits, type RoundItem } from "./rounding";
import { AllocationError, type Bounded, waterFill } from "./waterFill";

export { AllocationError };

export type AllocationMethod = "proportional" | "equal" | "fill" | "adjust";

export const METHOD_LABEL: Record<AllocationMethod, string> = {
  proportional: zh("method.proportional"),
  equal: zh("method.equal"),
  fill: zh("method.fill"),
  adjust: zh("method.adjust"),
};

export interface AllocationRequest {
  towns: string[];
  method: AllocationMethod;
  /** The city total to spread (proportional, equal), or the value every town gets (fill). */
  total?: number;
  /** adjust: the percentage to change the current values by (+5 = 5% more). */
  percent?: number;
  /** Bases (drivers) per town, same order as `towns`; null = missing. */
  bases?: (number | null)[];
  /** The towns' current values, same order; the values held towns keep and what adjust starts from. */
  current?: (number | null)[];
  /** Towns that keep a value: their current one (true) or the one given. */
  held?: Record<string, number | true>;
  min?: Record<string, number>;
  max?: Record<string, number>;
  /** Decimal places of the result; integers when the unit counts things (家/项/个). */
  decimals?: number;
  unit?: string;
}

export interface AllocationResult {
  method: AllocationMethod;
  total: number;
  /** The rounded values, same order as `towns`. */
  values: number[];
  /** The exact (unrounded) shares. */
  exact: number[];
  held: string[];
  decimals: number;
  /** What was done otherwise than asked (bounds, rounding, bases missing), in Chinese… */
  notes: string[];
  /** …and as messages, for the task pane's language. */
  noteMsgs: Message[];
}

const isNum = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Decimal places to round to: as asked; else, for the towns' rates of a 质态型 row (`rate`), 1 for a percentage
 * (增长 8.5%, as plans state growth) and 2 for an intensity (万元/亩); else 0 for 家/项/个 and 2 for amounts.
 * The one rule for the CLI and the task pane.
 */
export function decimalsFor(unit: string | undefined, asked: number | undefined, rate = false): number {
  if (asked !== undefined) {
    if (!Number.isInteger(asked) || asked < 0 || asked > 10)
      throw new AllocationError(message("alloc.decimals", { asked }));
    return asked;
  }
  if (rate) return unit === "%" ? 1 : 2;
  return unit && isCountUnit(unit) ? 0 : 2;
}

const nameOrders = new WeakMap<readonly string[], number[]>();

/** Indices of the towns sorted by name, kept per towns array (a sheet allocates many rows over the same towns). */
function nameOrder(towns: readonly string[]): number[] {
  let order = nameOrders.get(towns);
  if (!order) {
    order = towns
      .map((_, i) => i)
      .sort((a, b) => (towns[a] < towns[b] ? -1 : towns[a] > towns[b] ? 1 : a - b));
    nameOrders.set(towns, order);
  }
  return order;
}

export function allocate(req: AllocationRequest): AllocationResult {
  const { towns, method } = req;
  const n = towns.length;
  if (n === 0) throw new AllocationError(message("alloc.no_towns"));
  // Town → index of its first occurrence, in one pass (an indexOf per town was most of the time with 1,360
  // towns). Only when a town is listed twice is the duplicate to report looked for.
  const index = new Map<string, number>();
  for (let i = n - 1; i >= 0; i--) index.set(towns[i], i);
  if (index.size < n) {
    const dup = towns.find((t, i) => index.get(t) !== i); // the first listed again (not an indexOf each)
    if (dup) throw new AllocationError(message("alloc.duplicate_town", { town: dup }));
  }
  const decimals = decimalsFor(req.unit, req.decimals);
  const noteMsgs: Message[] = [];
  const current = req.current ?? new Array<number | null>(n).fill(null);
  // Every named town must exist; the names are checked as the bounds are read, and only when one is unknown are
  // the records merged to report the first unknown name.
  const heldEntries = Object.entries(req.held ?? {});
  let unknown = heldEntries.some(([name]) => !index.has(name));
  const minAt = boundsOf(req.min, towns, index, -Infinity);
  const maxAt = boundsOf(req.max, towns, index, Infinity);
  unknown ||= minAt.unknown || maxAt.unknown;
  if (unknown) {
    for (const name of Object.keys({ ...req.held, ...req.min, ...req.max })) {
      if (!index.has(name)) throw new AllocationError(message("alloc.unknown_town", { town: name, towns }));
    }
  }

  // Held towns first: they keep their value whatever the method.
  const heldValue = new Map<number, number>();
  const isHeld = new Uint8Array(n);
  for (const [name, v] of heldEntries) {
    const i = index.get(name) as number;
    const value = v === true ? current[i] : v;
    if (!isNum(value)) throw new AllocationError(message("alloc.held_no_value", { town: name }));
    heldValue.set(i, value);
    isHeld[i] = 1;
  }
  // The free towns in the order of their names: sums of floating-point shares depend on the order they are
  // added in, so a fixed order makes the result the same whatever order the towns are listed in.
  const free: number[] = [];
  for (const i of nameOrder(towns)) if (isHeld[i] === 0) free.push(i);
  if (free.length === 0) throw new AllocationError(message("alloc.all_held"));
  const bound = (at: { values: number[] }, i: number) => at.values[i];

  if (method === "fill" || method === "adjust") {
    const values = new Array<number>(n);
    const exact = new Array<number>(n);
    heldValue.forEach((v, i) => (values[i] = exact[i] = v));
    for (const i of free) {
      let x: number;
      if (method === "fill") {
        if (!isNum(req.total)) throw new AllocationError(message("alloc.fill_needs_value"));
        x = req.total;
      } else {
        if (!isNum(req.percent)) throw new AllocationError(message("alloc.adjust_needs_percent"));
        const c = current[i];
        if (!isNum(c)) throw new AllocationError(message("alloc.adjust_no_current", { town: towns[i] }));
        x = c * (1 + req.percent / 100);
      }
      const clamped = Math.min(bound(maxAt, i), Math.max(bound(minAt, i), x));
      if (clamped !== x)
        noteMsgs.push(
          message("alloc.clamped", { town: towns[i], from: fmt(x, decimals), to: fmt(clamped, decimals) }),
        );
      exact[i] = clamped;
      values[i] = Number(clamped.toFixed(decimals));
    }
    const total = method === "fill" ? (req.total as number) : sumAt(values, decimals);
    return {
      method,
      total,
      values,
      exact,
      held: [...heldValue.keys()].map((i) => towns[i]),
      decimals,
      ...notesOf(noteMsgs),
    };
  }

  // proportional / equal: spread what the held towns leave of the total.
  if (!isNum(req.total))
    throw new AllocationError(message("alloc.needs_total", { method: message(`method.${method}`) }));
  const totalUnits = Math.round(toUnits(req.total, decimals));
  if (Math.abs(totalUnits - toUnits(req.total, decimals)) > 1e-7) {
    noteMsgs.push(
      message("alloc.total_rounded", {
        total: req.total,
        decimals,
        rounded: fmt(totalUnits / 10 ** decimals, decimals),
      }),
    );
  }
  let heldUnits = 0;
  heldValue.forEach((v) => (heldUnits += toUnits(v, decimals)));
  heldUnits = Math.round(heldUnits);
  const restUnits = totalUnits - heldUnits;
  const rest = restUnits / 10 ** decimals;
  if (restUnits < 0 && req.total >= 0) {
    throw new AllocationError(
      message("alloc.held_over_total", {
        held: fmt(heldUnits / 10 ** decimals, decimals),
        total: fmt(req.total, decimals),
        excess: fmt(-rest, decimals),
      }),
    );
  }

  let weights = free.map(() => 1);
  if (method === "proportional") {
    const bases = req.bases ?? current;
    const fb = free.map((i) => bases[i]);
    const missing = free
      .filter((_, k) => !isNum(fb[k]))
      .sort((a, b) => a - b)
      .map((i) => towns[i]);
    if (fb.some((b) => isNum(b) && b < 0))
      throw new AllocationError(
        message("alloc.negative_bases", {
          towns: free.filter((_, k) => isNum(fb[k]) && fb[k]! < 0).map((i) => towns[i]),
        }),
      );
    const sum = fb.reduce<number>((s, b) => s + (isNum(b) ? b : 0), 0);
    if (missing.length > 0) noteMsgs.push(message("alloc.no_bases_equal", { towns: missing }));
    else if (sum === 0) noteMsgs.push(message("alloc.zero_bases_equal"));
    else weights = fb.map((b) => b as number);
  }

  const items: Bounded[] = new Array(free.length);
  for (let k = 0; k < free.length; k++) {
    const i = free[k];
    // Without bounds, amounts stay ≥ 0 when the rest is: a floor of 0 is what every town has anyway.
    const min = minAt.values[i];
    items[k] = { weight: weights[k], min: rest >= 0 && min === -Infinity ? 0 : min, max: maxAt.values[i] };
  }
  const shares = waterFill(items, rest);
  const roundItems: RoundItem[] = new Array(free.length);
  for (let k = 0; k < free.length; k++) {
    const it = items[k];
    roundItems[k] = { value: shares[k], base: weights[k], key: towns[free[k]], min: it.min, max: it.max };
  }
  const rounded = roundKeepingTotal(roundItems, restUnits, decimals);
  const values = new Array<number>(n);
  const exact = new Array<number>(n);
  heldValue.forEach((v, i) => (values[i] = exact[i] = v));
  free.forEach((i, k) => {
    values[i] = rounded[k];
    exact[i] = shares[k];
  });
  return {
    method,
    total: Number((totalUnits / 10 ** decimals).toFixed(decimals)),
    values,
    exact,
    held: [...heldValue.keys()].sort((a, b) => a - b).map((i) => towns[i]),
    decimals,
    ...notesOf(noteMsgs),
  };
}

/** Notes in Chinese and as messages, the one made from the other. */
export function notesOf(noteMsgs: Message[]): { notes: string[]; noteMsgs: Message[] } {
  return { notes: noteMsgs.map(zh), noteMsgs };
}

/**
 * `rec?.[towns[i]] ?? dflt` for every town, read in O(names) instead of one lookup per town (with 1,360 towns
 * and a few dozen bounds the lookups cost more than the water-filling), and whether the record names a town
 * that does not exist. Falls back to the lookup per town where reading the own names could differ: a town listed
 * twice, a non-enumerable own property, or a town named like an inherited property ("constructor").
 */
function boundsOf(
  rec: Record<string, number> | undefined,
  towns: string[],
  index: Map<string, number>,
  dflt: number,
): { values: number[]; unknown: boolean } {
  const n = towns.length;
  const values = new Array<number>(n).fill(dflt);
  if (rec === undefined || rec === null) return { values, unknown: false };
  const names = Object.keys(rec);
  let simple = index.size === n && Object.getOwnPropertyNames(rec).length === names.length;
  for (let p = Object.getPrototypeOf(rec); simple && p; p = Object.getPrototypeOf(p))
    simple = !Object.getOwnPropertyNames(p).some((name) => index.has(name));
  let unknown = false;
  if (simple) {
    for (const name of names) {
      const i = index.get(name);
      if (i === undefined) unknown = true;
      else values[i] = rec[name] ?? dflt;
    }
  } else {
    for (let i = 0; i < n; i++) values[i] = rec[towns[i]] ?? dflt;
    unknown = names.some((name) => !index.has(name));
  }
  return { values, unknown };
}

function sumAt(values: number[], decimals: number): number {
  return Number(
    (values.reduce((s, v) => s + Math.round(toUnits(v, decimals)), 0) / 10 ** decimals).toFixed(decimals),
  );
}

function fmt(x: number, decimals: number): string {
  return String(Number(x.toFixed(decimals)));
}
