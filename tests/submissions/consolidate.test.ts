// consolidate: one submission per town (the newest), the summary breakdown, the statuses; fileKind sniffing.
import { describe, expect, it } from "vitest";
import { consolidate, type Submission, submissionStatus } from "../../src/core/submissions/consolidate";
import { sniffWorkbook } from "../../src/core/submissions/fileKind";
import { seedBreakdown, TOWNS } from "./fixtures";

const breakdown = seedBreakdown();
const sub = (file: string, unit: string | null, receivedAt: string, invest: number | null): Submission => ({
  file,
  unit,
  matchedBy: unit ? "marker" : null,
  receivedAt,
  findings: [],
  values: new Map([["制造业投资", { value: invest, note: "" }]]),
});

describe("consolidate", () => {
  const older = sub("a.xlsx", "经开区", "2024-01-02T00:00:00.000Z", 30);
  const newer = sub("b.xlsx", "经开区", "2024-01-03T00:00:00.000Z", 41);
  const c = consolidate(breakdown, TOWNS, [newer, older, sub("c.xlsx", null, "2024-01-01T00:00:00.000Z", 5)]);

  it("uses each town's newest file and marks the older one", () => {
    expect(c.used.get("经开区")).toBe(newer);
    expect(older.findings.map((f) => [f.code, f.severity])).toEqual([["duplicate", "warning"]]);
    expect(submissionStatus(newer)).toBe("ok");
    expect(submissionStatus(older)).toBe("warning");
    expect(c.missing).toEqual(TOWNS.filter((t) => t !== "经开区"));
  });

  it("puts the figures into a breakdown with the issued 全市 target; pending words stay", () => {
    const invest = c.summary.rows[1];
    expect(invest.values["经开区"]).toMatchObject({ value: 41, status: "number" });
    expect(invest.values["当湖街道"]).toBeUndefined();
    expect(invest.total.value).toBe(118);
    expect(c.summary.rows[14].values["经开区"].status).toBe("pending");
    expect(c.summary.rows[8].values["当湖街道"].text).toBe("-");
    expect(c.summary.title).toContain("(报送汇总)");
  });
});

describe("sniffWorkbook", () => {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const utf16 = (s: string) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]);
  it.each([
    ["a zip", [0x50, 0x4b, 3, 4, 0], null],
    ["zero bytes", [], "unreadable"],
    ["an encrypted workbook", [...ole, 0, 0, ...utf16("EncryptionInfo")], "encrypted"],
    ["an .xls (read by the legacy reader)", [...ole, 0, 0, ...utf16("Workbook")], null],
    ["a Word .doc", [...ole, 0, 0, ...utf16("WordDocument")], "not_xlsx"],
    ["a CSV", [...Buffer.from("指标,值\n制造业投资,41\n")], "not_xlsx"],
    ["random bytes", [1, 0, 2, 0, 255], "unreadable"],
  ] as [string, number[], string | null][])("%s → %s", (_, bytes, code) => {
    expect(sniffWorkbook(new Uint8Array(bytes))?.code ?? null).toBe(code);
  });
});
