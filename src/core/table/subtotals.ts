// Which units a subtotal adds up. The name says it where it can (街道小计: the units ending in 街道), else a
// group header over the units ("东片区" over three towns, its 小计 under it), else the position: the units
// since the previous subtotal (a subtotal standing first takes the units after it).
import type { TableSubtotal, TableUnit } from "./types";
import { membersByName } from "./vocabulary";

interface AxisItem {
  line: number;
  header: string;
  group: string;
  role: string;
  subtotalGroup: string;
}

/** What the subtotals of one slice share, made once (not once per subtotal: quadratic with thousands of them). */
interface TownIndex {
  /** membersByName per group word (the same list for every subtotal of a group). */
  byName: Map<string, number[] | null>;
  /** Towns per group header. */
  byGroup: Map<string, number[]>;
  /** The towns' lines when ascending (as the table model lists them), else null. */
  lines: number[] | null;
}
const townIndex = new WeakMap<TableUnit[], TownIndex>();
/** The lines of an axis's subtotals and total, ascending. */
const boundaries = new WeakMap<AxisItem[], number[]>();

function indexOf(towns: TableUnit[]): TownIndex {
  let index = townIndex.get(towns);
  if (!index) {
    const byGroup = new Map<string, number[]>();
    towns.forEach((t, i) => {
      const list = byGroup.get(t.group);
      if (list) list.push(i);
      else byGroup.set(t.group, [i]);
    });
    const lines = towns.map((t) => t.line);
    index = {
      byName: new Map(),
      byGroup,
      lines: lines.every((l, i) => i === 0 || lines[i - 1] <= l) ? lines : null,
    };
    townIndex.set(towns, index);
  }
  return index;
}

/** The first index whose value is not below `x` (`strict`: above `x`) in ascending `a`. */
function bound(a: number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? a[mid] <= x : a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of the towns whose line is strictly between `from` and `to`, in order. */
function townsBetween(towns: TableUnit[], index: TownIndex, from: number, to: number): number[] {
  if (!index.lines) return towns.flatMap((t, i) => (t.line > from && t.line < to ? [i] : []));
  const out: number[] = [];
  for (let i = bound(index.lines, from, true); i < towns.length && towns[i].line < to; i++) out.push(i);
  return out;
}

export function subtotalMembers(
  sub: AxisItem,
  towns: TableUnit[],
  axis: AxisItem[],
): Pick<TableSubtotal, "members" | "by"> {
  const index = indexOf(towns);
  let byName: number[] | null = null;
  if (sub.subtotalGroup) {
    if (!index.byName.has(sub.subtotalGroup))
      index.byName.set(
        sub.subtotalGroup,
        membersByName(
          sub.subtotalGroup,
          towns.map((t) => t.header),
        ),
      );
    byName = index.byName.get(sub.subtotalGroup)!;
  }
  if (byName) return { members: byName, by: "name" };
  const group = sub.group || sub.subtotalGroup;
  if (group) {
    const inGroup = index.byGroup.get(group) ?? [];
    if (inGroup.length > 0) return { members: inGroup, by: "group" };
  }
  let subs = boundaries.get(axis);
  if (!subs) {
    subs = axis.filter((a) => a.role === "subtotal" || a.role === "total").map((a) => a.line);
    subs.sort((a, b) => a - b);
    boundaries.set(axis, subs);
  }
  const k = bound(subs, sub.line, false);
  const from = k > 0 ? subs[k - 1] : -Infinity;
  let members = townsBetween(towns, index, from, sub.line);
  if (members.length === 0) {
    const after = bound(subs, sub.line, true);
    const to = after < subs.length ? subs[after] : Infinity;
    members = townsBetween(towns, index, sub.line, to);
  }
  return { members, by: "position" };
}
