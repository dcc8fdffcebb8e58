// Precision and recall of the prose reader against the hand-labelled targets in tests/prose/labels/.
// A found target matches a label when the values are equal, the units are equal and the names match
// (namesMatch: equal after normalizing, or one containing the other); each label is matched at most once.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { namesMatch } from "../../src/core/parse/prose/match";
import type { ProseNumber, ProseTarget, Statement } from "../../src/core/parse/prose/types";

export type Label = [
  indicator: string,
  value: number,
  unit: string,
  year: string,
  tier: string,
  scope?: string,
];
/** A number that is no target, with what it is ("policy" and "other" numbers are no target either). */
export type FactLabel = [indicator: string, value: number, unit: string, kind: string];
export interface LabelFile {
  /** A seed's file name (seeds/), or a text's path from the repository's root. */
  seed?: string;
  file?: string;
  /** The kind of text: 方案, 政府工作报告, 半年工作总结, 讲话, … */
  kind?: string;
  targets: Label[];
  facts?: FactLabel[];
}

/** The text a label file of the set folder `setDir` (tests/prose/<set>) is about. */
export function labelledText(file: LabelFile, setDir: string): string {
  const repo = join(setDir, "..", "..", "..");
  return readFileSync(file.seed ? join(repo, "seeds", file.seed) : join(repo, file.file!), "utf8");
}

/** The label file's short name: the seed's number, or the text's file name. */
export function labelName(file: LabelFile): string {
  return file.seed ?? file.file!.split("/").pop()!;
}

export interface FactScore {
  /** Labelled facts the reader read at all (as a target or a fact, by value and unit). */
  read: number;
  /** Of those, read with the labelled kind (result, forecast, progress; policy and other as any non-target). */
  rightKind: number;
  /** Labelled facts the reader offered as targets. */
  asTargets: number;
}

/** How the reader classed the numbers the labels say are no targets. */
export function scoreFacts(numbers: ProseNumber[], facts: FactLabel[]): FactScore {
  const free = numbers.map(() => true);
  const out: FactScore = { read: 0, rightKind: 0, asTargets: 0 };
  for (const [name, value, unit, kind] of facts) {
    const candidates = numbers
      .map((n, i) => ({ n, i }))
      .filter(({ n, i }) => free[i] && n.value === value && n.unit === unit);
    const hit = candidates.find(({ n }) => namesMatch(name, n.indicator)) ?? candidates[0];
    if (!hit) continue;
    free[hit.i] = false;
    out.read++;
    const got: Statement = hit.n.statement;
    if (got === "target") out.asTargets++;
    else if (got === kind || kind === "policy" || kind === "other") out.rightKind++;
  }
  return out;
}

/** The label files of a directory (tests/prose/labels), in name order. */
export function readLabels(dir: string): LabelFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as LabelFile);
}

export interface Score {
  found: number;
  labelled: number;
  matched: number;
  falsePositives: ProseTarget[];
  missed: Label[];
}

/**
 * The same score with names left out: a found target matches a label of the same value and unit. It separates the
 * question "is this number a target?" from "is it named as the labeller named it?".
 */
export function scoreNumbers(found: ProseTarget[], labels: Label[]): Score {
  return score(
    found.map((t) => ({ ...t, indicator: "*" })),
    labels.map((l) => ["*", l[1], l[2], l[3], l[4]] as Label),
  );
}

export function score(found: ProseTarget[], labels: Label[]): Score {
  const free = labels.map(() => true);
  const falsePositives: ProseTarget[] = [];
  let matched = 0;
  for (const t of found) {
    const k = labels.findIndex(
      (l, i) => free[i] && l[1] === t.value && l[2] === t.unit && namesMatch(l[0], t.indicator),
    );
    if (k < 0) falsePositives.push(t);
    else {
      free[k] = false;
      matched++;
    }
  }
  return {
    found: found.length,
    labelled: labels.length,
    matched,
    falsePositives,
    missed: labels.filter((_, i) => free[i]),
  };
}

export const precision = (s: Pick<Score, "found" | "matched">) => (s.found === 0 ? 1 : s.matched / s.found);
export const recall = (s: Pick<Score, "labelled" | "matched">) =>
  s.labelled === 0 ? 1 : s.matched / s.labelled;
