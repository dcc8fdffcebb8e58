// Precision and recall of the prose reader against the hand-labelled targets in tests/prose/labels/.
// A found target matches a label when the values are equal, the units are equal and the names match
// (namesMatch: equal after normalizing, or one containing the other); each label is matched at most once.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { namesMatch } from "../../src/core/parse/prose/match";
import type { ProseTarget } from "../../src/core/parse/prose/types";

export type Label = [indicator: string, value: number, unit: string, year: string, tier: string];
export interface LabelFile {
  seed: string;
  targets: Label[];
}

/** The label files of a directory (tests/prose/labels), in name order. */
export function readLabels(dir: string): LabelFile[] {
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
