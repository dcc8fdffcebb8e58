// Prose targets against the plan's tables: a body target that is also a 附件1 indicator is linked to it, and a
// body figure that a table states differently (body 5000亩, 附件2 task 1 2000亩) is reported.
import type { Indicator, Task } from "../../model";
import { nameSimilarity } from "./match";
import { extractProseTargets } from "./extract";
import type { ProseTarget } from "./types";

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

function best<T>(items: T[], score: (item: T) => number): { item: T; score: number } | null {
  let found: { item: T; score: number } | null = null;
  for (const item of items) {
    const s = score(item);
    if (s > (found?.score ?? 0)) found = { item, score: s };
  }
  return found;
}

function linkIndicator(t: ProseTarget, i: number, indicators: Indicator[], out: ProseLinks): void {
  const cell = (ind: Indicator) => ind.targets[t.year];
  const candidates = indicators.filter((ind) => ind.unit === t.unit && cell(ind)?.value != null);
  const agreeing = best(
    candidates.filter((ind) => cell(ind)!.value === t.value),
    (ind) => nameSimilarity(t.indicator, ind.name),
  );
  if (agreeing && agreeing.score >= SAME_WHEN_AGREEING) {
    out.links.push({ target: i, indicator: agreeing.item.name, year: t.year, value: t.value, agrees: true });
    return;
  }
  const differing = best(candidates, (ind) => nameSimilarity(t.indicator, ind.name));
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
  targets.forEach((t, i) => {
    if (t.year) linkIndicator(t, i, plan.indicators, out);
  });
  const stated = taskTargets(plan.tasks, plan.years[0] ?? "");
  targets.forEach((t, i) => {
    const same = best(
      stated.filter((s) => s.target.unit === t.unit),
      (s) => nameSimilarity(t.indicator, s.target.indicator),
    );
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
