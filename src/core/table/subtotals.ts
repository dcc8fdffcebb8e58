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

export function subtotalMembers(
  sub: AxisItem,
  towns: TableUnit[],
  axis: AxisItem[],
): Pick<TableSubtotal, "members" | "by"> {
  const byName = sub.subtotalGroup
    ? membersByName(
        sub.subtotalGroup,
        towns.map((t) => t.header),
      )
    : null;
  if (byName) return { members: byName, by: "name" };
  const group = sub.group || sub.subtotalGroup;
  if (group) {
    const inGroup = towns.flatMap((t, i) => (t.group === group ? [i] : []));
    if (inGroup.length > 0) return { members: inGroup, by: "group" };
  }
  const subs = axis.filter((a) => a.role === "subtotal" || a.role === "total").map((a) => a.line);
  const before = subs.filter((l) => l < sub.line);
  const from = before.length > 0 ? Math.max(...before) : -Infinity;
  let members = towns.flatMap((t, i) => (t.line > from && t.line < sub.line ? [i] : []));
  if (members.length === 0) {
    const after = subs.filter((l) => l > sub.line);
    const to = after.length > 0 ? Math.min(...after) : Infinity;
    members = towns.flatMap((t, i) => (t.line > sub.line && t.line < to ? [i] : []));
  }
  return { members, by: "position" };
}
