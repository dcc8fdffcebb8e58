// The pane's batch of returned files: picks add up, the same file is not counted twice, a town's newer file
// supersedes its older one with consolidate's note, and consolidating twice adds no second note.
import { describe, expect, it } from "vitest";
import {
  addToBatch,
  consolidateBatch,
  fileFingerprint,
  isCounted,
  removeFromBatch,
  supersededAmong,
  type BatchItem,
} from "../../src/core/submissions/batch";
import type { Submission } from "../../src/core/submissions/consolidate";
import { seedBreakdown } from "./fixtures";

const breakdown = seedBreakdown();
const bytes = (s: string) => new TextEncoder().encode(s);
function item(file: string, unit: string | null, receivedAt: string, content = file): BatchItem {
  const submission: Submission = {
    file,
    unit,
    matchedBy: unit ? "marker" : null,
    receivedAt,
    findings: [],
    values: new Map([["制造业投资", { value: 41, note: "" }]]),
  };
  return { fingerprint: fileFingerprint(file, bytes(content)), submission };
}

describe("the batch of picked returns", () => {
  const first = [
    item("当湖.xlsx", "当湖街道", "2026-12-01T01:00:00Z"),
    item("经开区.xlsx", "经开区", "2026-12-01T02:00:00Z"),
  ];
  const second = [
    item("新仓镇.xlsx", "新仓镇", "2026-12-02T01:00:00Z"),
    item("经开区-改.xlsx", "经开区", "2026-12-02T02:00:00Z"),
  ];

  it("adds a second pick to the first: both batches' towns reported", () => {
    const a = addToBatch([], first);
    const b = addToBatch(a.batch, second);
    expect(b.batch.map((x) => x.submission.file)).toEqual([
      "当湖.xlsx",
      "经开区.xlsx",
      "新仓镇.xlsx",
      "经开区-改.xlsx",
    ]);
    const r = consolidateBatch(breakdown, b.batch);
    expect([...r.consolidation.used.keys()].sort()).toEqual(["当湖街道", "新仓镇", "经开区"].sort());
    expect(r.consolidation.missing).toHaveLength(5);
  });

  it("a town's newer file supersedes the older one, which gets the duplicate note", () => {
    const { batch, added } = addToBatch(addToBatch([], first).batch, second);
    const r = consolidateBatch(breakdown, batch);
    const [, older, , newer] = r.submissions;
    expect(isCounted(r.consolidation, newer)).toBe(true);
    expect(isCounted(r.consolidation, older)).toBe(false);
    expect(older.findings.map((f) => f.code)).toEqual(["duplicate"]);
    expect(older.findings[0].message).toContain("经开区-改.xlsx");
    expect(supersededAmong(r, added)).toEqual([
      { unit: "经开区", counted: "经开区-改.xlsx", notCounted: ["经开区.xlsx"] },
    ]);
  });

  it("an older file picked later does not supersede (the newest counts, as in collect)", () => {
    const late = item("经开区-旧.xlsx", "经开区", "2026-11-20T00:00:00Z");
    const { batch, added } = addToBatch(addToBatch([], first).batch, [late]);
    const r = consolidateBatch(breakdown, batch);
    expect(r.consolidation.used.get("经开区")?.file).toBe("经开区.xlsx");
    expect(supersededAmong(r, added)).toEqual([
      { unit: "经开区", counted: "经开区.xlsx", notCounted: ["经开区-旧.xlsx"] },
    ]);
  });

  it("the same file (name, size, content) picked again is not counted twice; another content is", () => {
    const a = addToBatch([], first);
    const again = addToBatch(a.batch, [item("经开区.xlsx", "经开区", "2026-12-01T02:00:00Z")]);
    expect(again.batch).toHaveLength(2);
    expect(again.repeated).toEqual(["经开区.xlsx"]);
    const edited = addToBatch(a.batch, [item("经开区.xlsx", "经开区", "2026-12-03T00:00:00Z", "changed")]);
    expect(edited.batch).toHaveLength(3);
    expect(edited.repeated).toEqual([]);
    expect(fileFingerprint("a.xlsx", bytes("x"))).not.toBe(fileFingerprint("b.xlsx", bytes("x")));
  });

  it("leaves the batch as validated: consolidating again makes the notes afresh, removing drops them", () => {
    const { batch } = addToBatch(addToBatch([], first).batch, second);
    consolidateBatch(breakdown, batch);
    const r = consolidateBatch(breakdown, batch);
    expect(r.submissions[1].findings).toHaveLength(1);
    expect(batch[1].submission.findings).toEqual([]);
    const without = removeFromBatch(batch, batch[3].fingerprint);
    const after = consolidateBatch(breakdown, without);
    expect(after.submissions[1].findings).toEqual([]);
    expect(after.consolidation.used.get("经开区")?.file).toBe("经开区.xlsx");
  });
});
