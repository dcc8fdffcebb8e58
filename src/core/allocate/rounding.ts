// Rounding to N decimals that keeps the total exact: floor every share on the grid of 10^-N, then hand the units
// still missing to the largest remainders. Ties go to the larger base, then to the name that sorts first, so the
// result does not depend on the order the towns are listed in.

export interface RoundItem {
  /** The exact share. */
  value: number;
  /** The driver, for breaking ties (larger first). */
  base: number;
  /** Tie-break after the base: a stable identity (the town's name). */
  key: string;
  min: number;
  max: number;
}

/** Integer units of 10^-decimals, with float noise taken out (0.7999999999 × 100 is 80 units). */
export function toUnits(x: number, decimals: number): number {
  const s = x * 10 ** decimals;
  const r = Math.round(s);
  return Math.abs(s - r) <= 1e-7 * Math.max(1, Math.abs(s)) ? r : s;
}

/**
 * Rounds the shares so they add up to exactly `totalUnits` units of 10^-decimals, within each item's bounds.
 * Returns the rounded values.
 */
export function roundKeepingTotal(items: RoundItem[], totalUnits: number, decimals: number): number[] {
  const scale = 10 ** decimals;
  const units = items.map((it) => Math.floor(toUnits(it.value, decimals)));
  const minUnits = items.map((it) =>
    Number.isFinite(it.min) ? Math.ceil(toUnits(it.min, decimals)) : -Infinity,
  );
  const maxUnits = items.map((it) =>
    Number.isFinite(it.max) ? Math.floor(toUnits(it.max, decimals)) : Infinity,
  );
  for (let i = 0; i < units.length; i++) units[i] = Math.max(units[i], Math.min(minUnits[i], maxUnits[i]));
  let missing = totalUnits - units.reduce((a, b) => a + b, 0);
  const remainder = items.map((it, i) => toUnits(it.value, decimals) - units[i]);
  // Missing units go to the largest remainders; ties to the larger base, then the name that sorts first.
  const before = (a: number, b: number) =>
    remainder[b] - remainder[a] ||
    items[b].base - items[a].base ||
    (items[a].key < items[b].key ? -1 : items[a].key > items[b].key ? 1 : a - b);
  if (missing !== 0 && !handOutOnePass(items, remainder, units, minUnits, maxUnits, missing, before)) {
    const order = items.map((_, i) => i).sort(before);
    // Hand out missing units (or take back extra ones) in that order, never past a bound; repeat while any is left.
    for (let guard = 0; missing !== 0 && guard < 1000; guard++) {
      let moved = false;
      const sequence = missing > 0 ? order : [...order].reverse();
      for (const i of sequence) {
        if (missing === 0) break;
        if (missing > 0 && units[i] + 1 <= maxUnits[i]) {
          units[i]++;
          missing--;
          moved = true;
        } else if (missing < 0 && units[i] - 1 >= minUnits[i]) {
          units[i]--;
          missing++;
          moved = true;
        }
      }
      if (!moved) break;
    }
  }
  // u / scale is already the double nearest to u·10^-d whenever |u| < 2^52 (then half an ulp is less than half
  // of 10^-d, so toFixed(d) prints u's digits exactly and Number() reads back the same double); + 0 turns −0
  // into 0 as the string round trip did. toFixed stays for anything else; it cost a third of the rounding time.
  const exactDivision = decimals >= 0 && decimals <= 22 && Number.isInteger(decimals);
  return units.map((u) =>
    exactDivision && Number.isInteger(u) && Math.abs(u) < 2 ** 52
      ? u / scale + 0
      : Number((u / scale).toFixed(decimals)),
  );
}

/**
 * The common case of the hand-out above without sorting every item: when one pass settles it (no more units
 * missing than items with room), the items that get a unit are the first |missing| of those with room in the
 * order `before` (the last ones when taking units back). That set is found by selecting the threshold remainder
 * (quickselect, O(n)) and ordering only the items tied at it with `before` — the same set, hence the same
 * result, as walking the full order. Returns false, changing nothing, when the case does not
 * apply (more units than room, or remainders/bases that are not finite, where `before` is no total order).
 */
function handOutOnePass(
  items: RoundItem[],
  remainder: number[],
  units: number[],
  minUnits: number[],
  maxUnits: number[],
  missing: number,
  before: (a: number, b: number) => number,
): boolean {
  if (!Number.isSafeInteger(missing)) return false;
  const up = missing > 0;
  const m = Math.abs(missing);
  const room: number[] = [];
  for (let i = 0; i < units.length; i++) {
    if (!Number.isFinite(remainder[i]) || !Number.isFinite(items[i].base)) return false;
    if (up ? units[i] + 1 <= maxUnits[i] : units[i] - 1 >= minUnits[i]) room.push(i);
  }
  if (m > room.length) return false;
  const values = new Float64Array(room.length);
  for (let k = 0; k < room.length; k++) values[k] = remainder[room[k]];
  // Giving: the m largest remainders (threshold: the m-th largest). Taking back: the m smallest.
  const threshold = kthSmallest(values, up ? room.length - m : m - 1);
  const chosen: number[] = [];
  const tied: number[] = [];
  for (const i of room) {
    const r = remainder[i];
    if (r === threshold) tied.push(i);
    else if (up ? r > threshold : r < threshold) chosen.push(i);
  }
  tied.sort(before);
  const rest = m - chosen.length;
  chosen.push(...(up ? tied.slice(0, rest) : tied.slice(tied.length - rest)));
  for (const i of chosen) {
    if (up) units[i]++;
    else units[i]--;
  }
  return true;
}

/** The k-th smallest (0-based) of finite numbers, by Hoare's selection; reorders `a`. */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
