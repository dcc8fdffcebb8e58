// The goals of issue 7 on the hand-labelled set: precision ≥ 95%, recall ≥ 90% on indicator+value+unit.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractProseTargets } from "../../src/core/parse/prose/extract";
import { readSeed } from "../helpers/seeds";
import { precision, readLabels, recall, score } from "./score";

describe("the prose reader on the labelled seeds", () => {
  const files = readLabels(join(__dirname, "labels"));

  it("has labels for seeds 000, 001 and 002", () => {
    expect(files.map((f) => f.seed!.slice(0, 3))).toEqual(["000", "001", "002"]);
    expect(files.every((f) => f.targets.length >= 30)).toBe(true);
  });

  it("meets precision ≥ 95% and recall ≥ 90% over all labels", () => {
    const total = { found: 0, labelled: 0, matched: 0 };
    for (const f of files) {
      const s = score(extractProseTargets(readSeed(f.seed!)), f.targets);
      total.found += s.found;
      total.labelled += s.labelled;
      total.matched += s.matched;
    }
    expect(precision(total)).toBeGreaterThanOrEqual(0.95);
    expect(recall(total)).toBeGreaterThanOrEqual(0.9);
  });

  it("scores a wrong value, unit or name as a miss", () => {
    const [t] = extractProseTargets("全市制造业投资达到900亿元。", { year: "2022" });
    expect(score([t], [["制造业投资", 900, "亿元", "", ""]]).matched).toBe(1);
    expect(score([t], [["制造业投资", 901, "亿元", "", ""]]).matched).toBe(0);
    expect(score([t], [["制造业投资", 900, "万元", "", ""]]).matched).toBe(0);
    expect(score([t], [["工业投资增速", 900, "亿元", "", ""]]).matched).toBe(0);
  });
});
