// Proportional shares under floors and caps, solved exactly: x_i = clamp(λ·w_i, min_i, max_i) with the one λ that
// makes Σ x_i = R. f(λ) = Σ clamp(λ·w_i, …) is piecewise linear and non-decreasing, so λ is found by walking its
// breakpoints in order and solving the linear piece that crosses R.
import { message, MessageError } from "../messages/message";

/** Why an allocation cannot be made: `message` in Chinese, `msg` for the task pane's language. */
export class AllocationError extends MessageError {}

export interface Bounded {
  weight: number;
  min: number;
  max: number;
}

/** Σ clamp(λ·w_i, min_i, max_i) and the slope Σ w_i of the towns not clamped at λ. */
function sumAt(items: Bounded[], lambda: number): number {
  let s = 0;
  for (const it of items) s += Math.min(it.max, Math.max(it.min, lambda * it.weight));
  return s;
}

/**
 * Shares of `amount` proportional to the weights within [min, max] per item. Throws AllocationError when the
 * bounds cannot hold the amount (the message names which bound and by how much).
 */
export function waterFill(items: Bounded[], amount: number): number[] {
  const floor = items.reduce((s, it) => s + it.min, 0);
  const cap = items.reduce((s, it) => s + it.max, 0);
  const tol = 1e-9 * Math.max(1, Math.abs(amount));
  if (floor > amount + tol)
    throw new AllocationError(
      message("alloc.floors_over", {
        floor: round12(floor),
        amount: round12(amount),
        excess: round12(floor - amount),
      }),
    );
  if (cap < amount - tol)
    throw new AllocationError(
      message("alloc.caps_under", { cap: round12(cap), amount: round12(amount), gap: round12(amount - cap) }),
    );
  const weighted = items.filter((it) => it.weight > 0);
  // Proportional shares give a zero-weight item nothing: with every weighted item at its cap, the rest has nowhere to go.
  const reachable = items.reduce(
    (s, it) => s + (it.weight > 0 ? it.max : Math.min(it.max, Math.max(it.min, 0))),
    0,
  );
  if (weighted.length > 0 && reachable < amount - tol) {
    throw new AllocationError(
      message("alloc.capped_bases", { reachable: round12(reachable), gap: round12(amount - reachable) }),
    );
  }
  if (weighted.length === 0) {
    // No weights: every item sits at its bound nearest to zero; only an amount equal to that sum fits.
    const x = items.map((it) => Math.min(it.max, Math.max(it.min, 0)));
    const s = x.reduce((a, b) => a + b, 0);
    if (Math.abs(s - amount) > tol)
      throw new AllocationError(message("alloc.no_weights", { amount: round12(amount) }));
    return x;
  }
  // Breakpoints of f: where an item leaves its floor (min/w) or reaches its cap (max/w).
  const points = new Set<number>([0]);
  for (const it of weighted) {
    if (Number.isFinite(it.min)) points.add(it.min / it.weight);
    if (Number.isFinite(it.max)) points.add(it.max / it.weight);
  }
  const sorted = [...points].sort((a, b) => a - b);
  let lambda: number;
  if (sumAt(items, sorted[0]) >= amount) {
    // The amount is reached at or before the first breakpoint: solve on the piece left of it.
    lambda = solvePiece(items, sorted[0] - 1, sorted[0], amount);
  } else {
    // The first breakpoint where f reaches the amount, by bisection: O(n log B) evaluations of f instead of
    // walking all B breakpoints (O(n·B); with 1,360 towns and ~100 bounds that walk took most of the time).
    // f is non-decreasing in floating point too (each clamped term, and each partial sum taken in the same
    // order, is monotone in λ), so bisection finds the same breakpoint the walk did.
    let lo = 0; // f(sorted[lo]) < amount
    let hi = sorted.length; // f(sorted[hi]) >= amount, or hi = length: the amount lies beyond the last breakpoint
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (sumAt(items, sorted[mid]) >= amount) hi = mid;
      else lo = mid;
    }
    lambda =
      hi < sorted.length
        ? solvePiece(items, sorted[lo], sorted[hi], amount)
        : solvePiece(items, sorted[lo], sorted[lo] + 1, amount);
  }
  return items.map((it) => Math.min(it.max, Math.max(it.min, lambda * it.weight)));
}

/** On [a, b] f is linear: f(λ) = f(a) + slope·(λ − a), slope = Σ w_i of the items strictly inside their bounds. */
function solvePiece(items: Bounded[], a: number, b: number, amount: number): number {
  const mid = (a + b) / 2;
  let slope = 0;
  for (const it of items) {
    const v = mid * it.weight;
    if (it.weight > 0 && v > it.min && v < it.max) slope += it.weight;
  }
  const fa = sumAt(items, a);
  if (slope === 0) return a;
  return a + (amount - fa) / slope;
}

function round12(x: number): number {
  return Number(x.toFixed(10));
}
