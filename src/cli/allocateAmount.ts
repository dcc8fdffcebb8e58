// 总量型 (and fill/adjust of any row): spreads the city total over the towns.
import { METHOD_LABEL } from "../core/allocate/allocate";
import type { ResolvedBases } from "../core/allocate/bases";
import { methodWords } from "../core/allocate/changeLog";
import { planAllocation } from "../core/allocate/plan";
import type { AllocateOptions } from "./allocateArgs";
import { type Allocation, byTown, heldText, rowFields, rowLabel } from "./allocatePrint";
import { cityCell, heldAtValue, planContext, type Target, type TownOptions } from "./allocateTarget";
import { CliError } from "./errors";

/** Throws a CliError naming the row when the total, the bounds or the holds leave no solution. */
export function allocateAmount(
  o: AllocateOptions,
  t: Target,
  towns: TownOptions,
  bases: ResolvedBases | undefined,
): Allocation {
  const { method } = o;
  // Only these two split a city total; fill and adjust work town by town.
  const splitsTotal = method === "proportional" || method === "equal";
  const plan = planAllocation(planContext(t), {
    method,
    total: o.total,
    percent: o.percent,
    base: bases,
    held: towns.held,
    min: towns.min,
    max: towns.max,
    decimals: o.decimals,
    totalName: "--total",
  });
  if (plan.error !== undefined || !plan.values) throw new CliError(`${t.place}: ${plan.error}`);
  const values = plan.values;
  const total = plan.total as number;
  const notes: string[] = [...t.notes, ...(bases?.notes ?? [])];
  if (plan.totalFromCity) notes.push(`未给 --total,按${t.table.totalHeader}当前值 ${t.cityValue} 分配`);
  if (t.row.kind === "rate" && splitsTotal)
    notes.push(
      `“${t.row.name}”是质态型指标,按总量分配后各单位之和等于${t.table.totalHeader};比率请用 --rate --base`,
    );
  notes.push(...plan.allocationNotes);
  if (splitsTotal && t.cityValue !== null && Math.abs(t.cityValue - total) > 1e-9)
    notes.push(
      `${t.table.totalHeader}单元格 ${cityCell(t)} 为 ${t.cityValue},与分配的总数 ${total} 不同;-o 写出时改为 ${total}(该单元格为公式时保留公式)`,
    );

  const baseLabel = method === "proportional" ? (bases?.label ?? "当前值") : null;
  const unit = t.row.unit === "%" || t.row.unit === "" ? t.row.unit : ` ${t.row.unit}`;
  const how = `${METHOD_LABEL[method]}${baseLabel ? `(基数:${baseLabel})` : ""}`;
  const amount =
    method === "adjust"
      ? `调整 ${o.percent}%,合计 ${total}${unit}`
      : `${method === "fill" ? "每个单位" : "全市"} ${total}${unit}`;
  return {
    values,
    writes: plan.writes,
    method: methodWords({ method, baseLabel, percent: o.percent }),
    heldAt: heldAtValue(towns),
    notes,
    summary: `${rowLabel(t)}${how}:${amount},${t.towns.length} 个单位${heldText(plan.held)}`,
    json: (allNotes) => ({
      ...rowFields(t),
      method,
      base: baseLabel,
      total,
      decimals: plan.decimals,
      values: byTown(t.towns, values),
      previous: byTown(t.towns, t.previous),
      held: plan.held,
      notes: allNotes,
    }),
  };
}
