// Prose targets against the plan's tables: a body target that is also a 附件1 indicator is linked to it, and a
// body figure that a table states differently (body 5000亩, 附件2 task 1 2000亩) is reported.
import type { Indicator, Task } from "../../model";
import { nameSimilarity } from "./match";
import { extractProseTargets } from "./extract";
import { isWholeScope, type ProseTarget } from "./types";

export interface ProseLink {
  /** Index into proseTargets. */
  target: number;
  /** The 附件1 indicator's name and the year compared. */
  indicator: string;
  year: string;
  /** The indicator's value in that year. */
  value: number;
  agrees: boolean;
}

export interface ProseDisagreement {
  target: number;
  /** 附件1 (indicator system) or 附件2 (职责分工). */
  source: "附件1" | "附件2";
  /** What the table names: the indicator, or "第1项 整治低效工业用地". */
  where: string;
  proseValue: number;
  tableValue: number;
  unit: string;
  message: string;
}

export interface ProseLinks {
  links: ProseLink[];
  disagreements: ProseDisagreement[];
}

/** Similar enough to be the same indicator when the figures agree; to report a difference they must be closer. */
const SAME_WHEN_AGREEING = 0.5;
const SAME_WHEN_DIFFERING = 0.75;

/**
 * What linking may compare, in candidates looked at plus characters of names compared: far above a real plan (a
 * few hundred targets against a few dozen indicators), far below what every target against every indicator of
 * a document holding thousands of each would take. Once it is spent, the remaining targets stay unlinked.
 */
const COMPARISONS = 4_000_000;

class Comparisons {
  private left = COMPARISONS;

  /** Spends `n`; false once the whole budget is spent. */
  spend(n: number): boolean {
    this.left -= n;
    return this.left >= 0;
  }

  similarity(a: string, b: string): number {
    return this.spend(a.length + b.length) ? nameSimilarity(a, b) : 0;
  }
}

/** Items by a key, each list in the items' order. */
function indexBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items)
    for (const k of keys(item)) {
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
  return out;
}

function best<T>(items: T[], score: (item: T) => number): { item: T; score: number } | null {
  let found: { item: T; score: number } | null = null;
  for (const item of items) {
    const s = score(item);
    if (s > (found?.score ?? 0)) found = { item, score: s };
  }
  return found;
}

/** Unit and year: the indicators a target may be compared with have its unit and a figure for its year. */
const unitYear = (unit: string, year: string) => `${unit}\u0000${year}`;

function linkIndicator(
  t: ProseTarget,
  i: number,
  byUnitYear: Map<string, Indicator[]>,
  out: ProseLinks,
  budget: Comparisons,
): void {
  const cell = (ind: Indicator) => ind.targets[t.year];
  const candidates = byUnitYear.get(unitYear(t.unit, t.year)) ?? [];
  if (!budget.spend(candidates.length)) return;
  const agreeing = best(
    candidates.filter((ind) => cell(ind)!.value === t.value),
    (ind) => budget.similarity(t.indicator, ind.name),
  );
  if (agreeing && agreeing.score >= SAME_WHEN_AGREEING) {
    out.links.push({ target: i, indicator: agreeing.item.name, year: t.year, value: t.value, agrees: true });
    return;
  }
  const differing = best(candidates, (ind) => budget.similarity(t.indicator, ind.name));
  if (!differing || differing.score < SAME_WHEN_DIFFERING) return;
  const value = cell(differing.item)!.value!;
  out.links.push({ target: i, indicator: differing.item.name, year: t.year, value, agrees: false });
  out.disagreements.push({
    target: i,
    source: "附件1",
    where: differing.item.name,
    proseValue: t.value,
    tableValue: value,
    unit: t.unit,
    message: `正文“${t.indicator}”${t.year}年为 ${t.value}${t.unit},附件1“${differing.item.name}”为 ${value}${t.unit}`,
  });
}

/** The figures each 附件2 task states in its 具体内容, read the same way as the body. */
function taskTargets(tasks: Task[], year: string) {
  return tasks.flatMap((task) =>
    extractProseTargets(task.content, { year }).map((target) => ({ task, target })),
  );
}

export function linkProseTargets(
  targets: ProseTarget[],
  plan: { indicators: Indicator[]; tasks: Task[]; years: string[] },
): ProseLinks {
  const out: ProseLinks = { links: [], disagreements: [] };
  // Candidates are looked up by unit (and year), not filtered out of every indicator for every target.
  const budget = new Comparisons();
  const byUnitYear = indexBy(plan.indicators, (ind) =>
    Object.entries(ind.targets).flatMap(([year, c]) => (c?.value != null ? [unitYear(ind.unit, year)] : [])),
  );
  // A town's or a company's target is its own: never compared with the city's indicators.
  const city = (t: ProseTarget) => isWholeScope(t.scope);
  targets.forEach((t, i) => {
    if (t.year && city(t)) linkIndicator(t, i, byUnitYear, out, budget);
  });
  const stated = indexBy(taskTargets(plan.tasks, plan.years[0] ?? ""), (s) => [s.target.unit]);
  targets.forEach((t, i) => {
    if (!city(t)) return;
    const candidates = stated.get(t.unit) ?? [];
    if (!budget.spend(candidates.length)) return;
    const same = best(candidates, (s) => budget.similarity(t.indicator, s.target.indicator));
    if (!same || same.score < SAME_WHEN_DIFFERING || same.item.target.value === t.value) return;
    const { task, target } = same.item;
    out.disagreements.push({
      target: i,
      source: "附件2",
      where: `第${task.no}项 ${task.task}`,
      proseValue: t.value,
      tableValue: target.value,
      unit: t.unit,
      message: `正文“${t.indicator}”为 ${t.value}${t.unit},附件2第${task.no}项“${task.task}”为 ${target.value}${t.unit}`,
    });
  });
  return out;
}
