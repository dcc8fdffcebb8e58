// The review state of 载入指标: only accepted targets are written, edited values replace the read ones.
import { describe, expect, it } from "vitest";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { acceptedRows, startReview } from "../../src/taskpane/proseReview";
import { readSeed } from "../helpers/seeds";

const plan = parsePlanDocument(readSeed("001_86af085e02e72586.txt"));

describe("reviewing prose targets", () => {
  it("writes nothing until targets are accepted, then only those, with edits noted", () => {
    const review = startReview(plan);
    expect(review).toHaveLength(plan.proseTargets.length);
    expect(acceptedRows(plan, review)).toEqual([]);
    const digital = plan.proseTargets.findIndex((t) => t.indicator === "数字经济核心产业增加值");
    const land = plan.proseTargets.findIndex((t) => t.indicator === "低效工业用地改造开发");
    review[digital] = { ...review[digital], status: "accepted" };
    review[land] = { status: "accepted", value: 2000, text: "2000" };
    const rows = acceptedRows(plan, review);
    expect(rows.map((r) => [r.target.indicator, r.target.value, r.note])).toEqual([
      ["数字经济核心产业增加值", 91, "附件1“数字经济核心产业增加值”2023年 91,一致"],
      ["低效工业用地改造开发", 2000, "已修改(原文为 5000亩)"],
    ]);
    review[digital] = { ...review[digital], status: "rejected" };
    expect(acceptedRows(plan, review)).toHaveLength(1);
  });
});
