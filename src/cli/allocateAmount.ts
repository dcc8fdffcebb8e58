// 总量型 (and fill/adjust of any row): spreads the city total over the towns.
import { allocate, METHOD_LABEL } from "../core/allocate/allocate";
import type { ResolvedBases } from "../core/allocate/bases";
import type { AllocateOptions } from "./allocateArgs";
import { type Allocation, byTown, heldText, rowFields, rowLabel } from "./allocatePrint";
import { cityCell, type Target, type TownOptions } from "./allocateTarget";
import { CliError } from "./errors";

/** Throws AllocationError when the bounds or holds leave no solution. */
export function allocateAmount(
  o: AllocateOptions,
  t: Target,
  towns: TownOptions,
  bases: ResolvedBases | undefined,
): Allocation {
  const { method } = o;
  // Only these two split a city total; fill and adjust work town by town.
  const splitsTotal = method === "proportional" || method === "equal";
  const notes: string[] = [...(bases?.notes ?? [])];
  let cityTotal = o.total;
  if (cityTotal === undefined && splitsTotal) {
    if (t.cityValue === null)
      throw new CliError(`${t.place}: 未给 --total,且${t.table.totalHeader}单元格 ${cityCell(t)} 不是数字`);
    cityTotal = t.cityValue;
    notes.push(`未给 --total,按${t.table.totalHeader}当前值 ${cityTotal} 分配`);
  }
  if (t.row.kind === "rate" && splitsTotal)
    notes.push(
      `“${t.row.name}”是质态型指标,按总量分配后各单位之和等于${t.table.totalHeader};比率请用 --rate --base`,
    );
  const result = allocate({
    towns: t.towns,
    method,
    total: cityTotal,
    percent: o.percent,
    bases: bases?.bases,
    current: t.previous,
    held: towns.held,
    min: towns.min,
    max: towns.max,
    decimals: o.decimals,
    unit: t.row.unit,
  });
  notes.push(...result.notes);
  if (splitsTotal && t.cityValue !== null && Math.abs(t.cityValue - result.total) > 1e-9)
    notes.push(
      `${t.table.totalHeader}单元格 ${cityCell(t)} 为 ${t.cityValue},与分配的总数 ${result.total} 不同;未修改该单元格`,
    );

  const baseLabel = method === "proportional" ? (bases?.label ?? "当前值") : null;
  const unit = t.row.unit === "%" || t.row.unit === "" ? t.row.unit : ` ${t.row.unit}`;
  const how = `${METHOD_LABEL[method]}${baseLabel ? `(基数:${baseLabel})` : ""}`;
  const amount =
    method === "adjust"
      ? `调整 ${o.percent}%,合计 ${result.total}${unit}`
      : `${method === "fill" ? "每个单位" : "全市"} ${result.total}${unit}`;
  return {
    values: result.values,
    notes,
    summary: `${rowLabel(t)}${how}:${amount},${t.towns.length} 个单位${heldText(result.held)}`,
    json: (allNotes) => ({
      ...rowFields(t),
      method,
      base: baseLabel,
      total: result.total,
      decimals: result.decimals,
      values: byTown(t.towns, result.values),
      previous: byTown(t.towns, t.previous),
      held: result.held,
      notes: allNotes,
    }),
  };
}
