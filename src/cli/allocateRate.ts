// --rate, 质态型: towns' rates whose base-weighted mean is the city rate, or (without --total) the city rate
// the current town rates come to.
import { METHOD_LABEL } from "../core/allocate/allocate";
import type { ResolvedBases } from "../core/allocate/bases";
import { methodWords } from "../core/allocate/changeLog";
import { planAllocation } from "../core/allocate/plan";
import { impliedCityRate } from "../core/allocate/rates";
import type { AllocateOptions } from "./allocateArgs";
import { UsageError } from "./args";
import {
  type Allocation,
  byTown,
  heldText,
  noteLines,
  orDash,
  padTown,
  printJson,
  printLines,
  rowFields,
  rowLabel,
} from "./allocatePrint";
import { cityCell, heldAtValue, planContext, type Target, type TownOptions } from "./allocateTarget";
import { CliError } from "./errors";

/** Drops float noise (8.000000000000002) from the JSON. */
const roundFloat = (x: number) => Number(x.toFixed(10));
/** For the text output: four decimals are plenty to compare with the city rate. */
const fourDecimals = (x: number) => String(Number(x.toFixed(4)));

/** What --rate works with, once checked. */
export interface RateSetup {
  /** The weights: --rate cannot do without them. */
  bases: ResolvedBases;
  method: "proportional" | "equal";
}

/** Refuses options --rate cannot use. */
export function checkRateOptions(
  o: AllocateOptions,
  towns: TownOptions,
  bases: ResolvedBases | undefined,
): RateSetup {
  if (!bases)
    throw new UsageError("--rate 需要 --base 指定各单位的基数(权重),如上年值所在的行、工作表或区域");
  if (o.method !== "proportional" && o.method !== "equal")
    throw new UsageError(`--rate 只支持 --method proportional|equal,收到“${o.method}”`);
  if (towns.min || towns.max) throw new UsageError("--rate 不支持 --min/--max");
  return { bases, method: o.method };
}

function rateNotes(t: Target, bases: ResolvedBases): string[] {
  const notes = [...t.notes, ...bases.notes];
  if (t.row.kind !== "rate") notes.push(`“${t.row.name}”看起来是总量型指标,仍按质态型(加权平均)处理`);
  return notes;
}

/** Report only, without --total: prints the city rate the current town rates add up to. */
export function printImpliedRate(
  o: AllocateOptions,
  t: Target,
  towns: TownOptions,
  bases: ResolvedBases,
): void {
  const notes = rateNotes(t, bases);
  if (o.out !== undefined)
    throw new UsageError("--rate 未给 --total 时只报告加权值,不写文件;去掉 -o 或给出 --total");
  if (Object.keys(towns.held).length > 0) throw new UsageError("--hold 只在给出 --total 时使用");
  const implied = impliedCityRate(t.previous, bases.bases);
  const skipped = t.towns.filter(
    (_, i) => t.previous[i] === null || !(bases.bases[i] !== null && bases.bases[i]! > 0),
  );
  if (skipped.length > 0) notes.push(`${skipped.join("、")} 缺少当前值或基数,未计入加权`);
  const unit = t.row.unit;
  if (o.json) {
    printJson({
      ...rowFields(t),
      base: bases.label,
      impliedRate: roundFloat(implied),
      cityValue: t.cityValue,
      rates: byTown(t.towns, t.previous),
      bases: byTown(t.towns, bases.bases),
      notes,
    });
    return;
  }
  const target = t.cityValue !== null ? `(${t.table.totalHeader}目标 ${t.cityValue}${unit})` : "";
  printLines(
    process.stdout,
    `${rowLabel(t, unit ? `,${unit}` : "")}各单位当前值按基数 ${bases.label} 加权:`,
    `  全市加权值 ${fourDecimals(implied)}${unit}${target}`,
    t.towns.map(
      (town, i) =>
        `  ${padTown(t.towns, town)}  ${orDash(t.previous[i])}${unit} × 基数 ${orDash(bases.bases[i])}`,
    ),
    noteLines(notes),
  );
}

/** With --total: the towns' rates for the city rate; held towns keep the rate given or their current one. */
export function allocateRates(
  o: AllocateOptions,
  t: Target,
  towns: TownOptions,
  { bases, method }: RateSetup,
  cityRate: number,
): Allocation {
  const notes = rateNotes(t, bases);
  const unit = t.row.unit;
  const plan = planAllocation(planContext(t), {
    method,
    rate: true,
    total: cityRate,
    base: bases,
    held: towns.held,
    decimals: o.decimals,
    totalName: "--total",
  });
  if (plan.error !== undefined || !plan.values || plan.implied === undefined)
    throw new CliError(`${t.place}: ${plan.error}`);
  const rates = plan.values;
  const impliedRate = plan.implied;
  notes.push(...plan.allocationNotes);
  if (t.cityValue !== null && Math.abs(t.cityValue - cityRate) > 1e-9)
    notes.push(
      `${t.table.totalHeader}单元格 ${cityCell(t)} 为 ${t.cityValue},与 --total ${cityRate} 不同;-o 写出时改为 ${cityRate}(该单元格为公式时保留公式)`,
    );
  const held = plan.held;
  return {
    values: rates,
    writes: plan.writes,
    method: methodWords({ method, rate: true, baseLabel: bases.label }),
    heldAt: heldAtValue(towns),
    notes,
    summary:
      `${rowLabel(t)}质态型,增量${METHOD_LABEL[method]}` +
      `(基数:${bases.label}):全市 ${cityRate}${unit},各单位加权合计 ${fourDecimals(impliedRate)}${unit}` +
      heldText(held),
    json: (allNotes) => ({
      ...rowFields(t),
      method,
      base: bases.label,
      rate: true,
      total: cityRate,
      impliedRate: roundFloat(impliedRate),
      values: byTown(t.towns, rates),
      previous: byTown(t.towns, t.previous),
      bases: byTown(t.towns, bases.bases),
      held,
      notes: allNotes,
    }),
  };
}
