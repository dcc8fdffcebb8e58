// The goals of issues 7 and 16: on every labelled set, precision ≥ 95% and recall ≥ 90% on indicator+value+unit;
// on the tuning set no regression from what it scored before (precision 100%, 129 of 131 labels). The sets and
// how each was made: bench/prose.mjs (npm run eval:prose prints the figures per text and per kind of text).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractProseTargets } from "../../src/core/parse/prose/extract";
import { labelledText, precision, readLabels, recall, score, type Score } from "./score";

/** The sets the rules were developed on (or, heldout/, whose misses were worked on): they meet the goals. */
const SETS = [
  "labels",
  "heldout",
  "newkinds",
  "round2",
  "round3",
  "round4",
  "round5",
  "round6",
  "round7",
  "round8",
  "round9",
  "round10",
  "round11",
  "round12",
  "round13",
  "round14",
  "round15",
  "round16",
  "round17",
] as const;
/**
 * A developed set below the goals on names, with what it scores (none since round8 and round11 were named as the
 * other labellers name: 年均增速 = 增速, bench/prose.mjs).
 */
const BELOW_GOALS: Record<string, { precision: number; recall: number }> = {};
/**
 * The sealed set, never read by the rules' author, and its first (and only) score: names 96.4% / 95.7%, by value
 * and unit 99.3% / 98.6% (bench/prose.mjs says how each set was made and scored). The test keeps the reader from
 * falling below that score; the goals stay what `npm run eval:prose` measures.
 */
const SEALED = { set: "sealed17", precision: 0.96, recall: 0.95 } as const;
const dirOf = (set: string) => join(__dirname, set);

function scoreSet(set: string): Pick<Score, "found" | "labelled" | "matched"> {
  const total = { found: 0, labelled: 0, matched: 0 };
  for (const f of readLabels(dirOf(set))) {
    const s = score(extractProseTargets(labelledText(f, dirOf(set))), f.targets);
    total.found += s.found;
    total.labelled += s.labelled;
    total.matched += s.matched;
  }
  return total;
}

describe("the prose reader on the labelled texts", () => {
  it("has labels for seeds 000–004 and at least three texts of other kinds in each blind round", () => {
    expect(readLabels(dirOf("labels")).map((f) => f.seed!.slice(0, 3))).toEqual(["000", "001", "002"]);
    expect(readLabels(dirOf("heldout")).map((f) => f.seed!.slice(0, 3))).toEqual(["003", "004"]);
    for (const set of [...SETS.filter((set) => set !== "labels" && set !== "heldout"), SEALED.set]) {
      const files = readLabels(dirOf(set));
      expect(files.length, set).toBeGreaterThanOrEqual(3);
      expect(new Set(files.map((f) => f.kind)).size, set).toBeGreaterThanOrEqual(3);
      expect(files.every((f) => f.targets.length >= 10 && (f.facts?.length ?? 0) >= 10)).toBe(true);
    }
  });

  it.each(SETS.filter((set) => !(set in BELOW_GOALS)))(
    "meets the goals on %s (precision ≥ 95 in 100, recall ≥ 90 in 100)",
    (set) => {
      const total = scoreSet(set);
      expect(total.labelled).toBeGreaterThan(0);
      expect(precision(total)).toBeGreaterThanOrEqual(0.95);
      expect(recall(total)).toBeGreaterThanOrEqual(0.9);
    },
  );

  it.each(Object.entries(BELOW_GOALS))("does not fall below what %s scores", (set, floor) => {
    const total = scoreSet(set);
    expect(precision(total)).toBeGreaterThanOrEqual(floor.precision);
    expect(recall(total)).toBeGreaterThanOrEqual(floor.recall);
  });

  it(`does not fall below the sealed set's first unseen score (${SEALED.set})`, () => {
    const total = scoreSet(SEALED.set);
    expect(total.labelled).toBeGreaterThanOrEqual(100);
    expect(precision(total)).toBeGreaterThanOrEqual(SEALED.precision);
    expect(recall(total)).toBeGreaterThanOrEqual(SEALED.recall);
  });

  it("does not regress on the tuning set", () => {
    const total = scoreSet("labels");
    expect(precision(total)).toBe(1);
    expect(total.matched).toBeGreaterThanOrEqual(129);
  });

  it("scores a wrong value, unit or name as a miss", () => {
    const [t] = extractProseTargets("全市制造业投资达到900亿元。", { year: "2022" });
    expect(score([t], [["制造业投资", 900, "亿元", "", ""]]).matched).toBe(1);
    expect(score([t], [["制造业投资", 901, "亿元", "", ""]]).matched).toBe(0);
    expect(score([t], [["制造业投资", 900, "万元", "", ""]]).matched).toBe(0);
    expect(score([t], [["工业投资增速", 900, "亿元", "", ""]]).matched).toBe(0);
  });
});
