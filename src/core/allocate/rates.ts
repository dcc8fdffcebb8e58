// 质态型 targets. A city rate is a base-weighted mean of the towns' rates: Σ B_i·g_i / Σ B_i, with B the towns'
// bases (last year's value for a growth rate, the denominator — land area, staff — for an intensity such as 亩均).
// Allocating a city rate means allocating the absolute increment (g·ΣB) and deriving each town's rate from it.
import { message, type Message } from "../messages/message";
import {
  allocate,
  AllocationError,
  decimalsFor,
  notesOf,
  type AllocationMethod,
  type AllocationResult,
} from "./allocate";

export interface RateRequest {
  towns: string[];
  /** B_i: the towns' bases (weights); every town needs one > 0. */
  bases: (number | null)[];
  /** The city rate g: a percentage (8 = 8%) when `percent`, else an intensity (万元/亩). */
  cityRate: number;
  percent: boolean;
  /** How the increment is spread: proportional to `drivers` (the bases by default), or equal. */
  method?: Extract<AllocationMethod, "proportional" | "equal">;
  drivers?: (number | null)[];
  /** Towns whose rate is fixed. */
  heldRates?: Record<string, number>;
  /** Decimal places of the rates; by default 1 for a percentage, else 2 (decimalsFor). */
  decimals?: number;
}

export interface RateResult {
  rates: number[];
  /** Σ B_i·g_i / Σ B_i of the rounded rates: what the city rate comes to. */
  impliedRate: number;
  /** The absolute amounts behind the rates (increments for growth rates, numerators for intensities). */
  amounts: AllocationResult;
  notes: string[];
  noteMsgs: Message[];
}

const factor = (percent: boolean) => (percent ? 100 : 1);

/** The city rate implied by the towns' rates: Σ B_i·g_i / Σ B_i over towns with both numbers. */
export function impliedCityRate(rates: (number | null)[], bases: (number | null)[]): number {
  let w = 0;
  let s = 0;
  rates.forEach((g, i) => {
    const b = bases[i];
    if (typeof g === "number" && typeof b === "number" && b > 0) {
      w += b;
      s += b * g;
    }
  });
  if (w === 0) throw new AllocationError(message("alloc.no_rate_bases"));
  return s / w;
}

export function allocateRate(req: RateRequest): RateResult {
  const { towns, bases, percent } = req;
  const missing = towns.filter((_, i) => !(typeof bases[i] === "number" && (bases[i] as number) > 0));
  if (missing.length > 0) throw new AllocationError(message("alloc.rate_needs_bases", { towns: missing }));
  const b = bases as number[];
  const f = factor(percent);
  const totalBase = b.reduce((s, x) => s + x, 0);
  const decimals = decimalsFor(percent ? "%" : undefined, req.decimals, true);
  const held: Record<string, number> = {};
  for (const [name, g] of Object.entries(req.heldRates ?? {})) held[name] = (g * b[towns.indexOf(name)]) / f;
  const amounts = allocate({
    towns,
    method: req.method ?? "proportional",
    total: (req.cityRate * totalBase) / f,
    bases: req.drivers ?? b,
    held,
    // Amount decimals fine enough that rounding the rates, not the amounts, decides the result.
    decimals: 10,
  });
  const rates = amounts.values.map((a, i) => Number(((a * f) / b[i]).toFixed(decimals)));
  for (const [name, g] of Object.entries(req.heldRates ?? {})) rates[towns.indexOf(name)] = g;
  const impliedRate = impliedCityRate(rates, b);
  const noteMsgs = [...amounts.noteMsgs];
  if (Math.abs(impliedRate - req.cityRate) > 0.5 * 10 ** -decimals) {
    noteMsgs.push(message("alloc.rate_rounded", { decimals, implied: impliedRate.toFixed(decimals + 2) }));
  }
  return { rates, impliedRate, amounts, ...notesOf(noteMsgs) };
}
