// The issued indicators as lookups, made once per breakdown rather than once per returned file: collecting a
// hundred files would otherwise normalize and hash the same fifteen names a hundred times.
import type { Breakdown } from "../model";
import { normalizeName } from "../text";
import { indicatorSetHash } from "./marker";

export interface IssuedIndex {
  /** Normalized names, in the breakdown's order. */
  keys: string[];
  /** Normalized name → row index. */
  byKey: Map<string, number>;
  /** Name exactly as issued → row index: the common case, no normalizing needed. */
  byName: Map<string, number>;
  indicatorSet: string;
}

const cache = new WeakMap<Breakdown, { rows: Breakdown["rows"]; index: IssuedIndex }>();

export function issuedIndex(breakdown: Breakdown): IssuedIndex {
  const hit = cache.get(breakdown);
  if (hit && hit.rows === breakdown.rows) return hit.index;
  const names = breakdown.rows.map((r) => r.name);
  const keys = names.map(normalizeName);
  const index: IssuedIndex = {
    keys,
    byKey: new Map(keys.map((k, i) => [k, i] as const).reverse()),
    byName: new Map(names.map((n, i) => [n, i] as const).reverse()),
    indicatorSet: indicatorSetHash(names),
  };
  cache.set(breakdown, { rows: breakdown.rows, index });
  return index;
}
