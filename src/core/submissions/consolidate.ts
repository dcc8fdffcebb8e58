// 汇总: the validated returns put together. One submission per town (the newest when a town sent several), the
// towns' figures as a Breakdown (so the breakdown layout adds them up and checks them against 全市 live), and a
// status per town: 通过 / 有警告 / 有错误 / 未报送.
import type { Breakdown, Cell } from "../model";
import { normalizeName } from "../text";
import { message, said, zh } from "../messages/message";
import type { Finding } from "./finding";
import type { MatchedBy } from "./identify";
import type { SignOff } from "./signOff";
import type { ReturnedValue } from "./validateReturn";

export type SubmissionStatus = "ok" | "warning" | "error";
export type TownStatus = SubmissionStatus | "missing";

export const STATUS_WORDS: Record<TownStatus, string> = {
  ok: zh("town_status.ok"),
  warning: zh("town_status.warning"),
  error: zh("town_status.error"),
  missing: zh("town_status.missing"),
};

/** One returned file after validation (or after failing to be read: no unit, one finding). */
export interface Submission {
  file: string;
  /** ISO 8601 time the file was received (its modification time). */
  receivedAt: string;
  unit: string | null;
  matchedBy: MatchedBy | null;
  findings: Finding[];
  values: Map<string, ReturnedValue>;
  /** 填报人 and 联系电话 as the town wrote them under its table, when the file had the template's table. */
  signOff?: SignOff;
}

export function submissionStatus(s: Submission): SubmissionStatus {
  if (s.findings.some((f) => f.severity === "error")) return "error";
  return s.findings.length > 0 ? "warning" : "ok";
}

export interface Consolidation {
  /** Town → the submission used for it (the newest of its files). */
  used: Map<string, Submission>;
  /** Towns without a usable submission, in the breakdown's order. */
  missing: string[];
  /** The towns' figures as a breakdown: 全市 stays the issued target. */
  summary: Breakdown;
}

/** Whether a submission is the one counted for its town (a town's newer file replaces its older ones). */
export const isCounted = (c: Consolidation, s: Submission) => s.unit !== null && c.used.get(s.unit) === s;

/**
 * Picks each town's newest submission (an older one gets a "duplicate" warning, added to its findings) and
 * builds the summary breakdown. Submissions are changed only by that added finding.
 */
export function consolidate(breakdown: Breakdown, towns: string[], submissions: Submission[]): Consolidation {
  const used = new Map<string, Submission>();
  for (const s of submissions) {
    if (!s.unit) continue;
    const before = used.get(s.unit);
    const [older, newer] = !before
      ? [null, s]
      : before.receivedAt <= s.receivedAt
        ? [before, s]
        : [s, before];
    used.set(s.unit, newer);
    older?.findings.push({
      file: older.file,
      sheet: "",
      cell: "",
      severity: "warning",
      code: "duplicate",
      ...said(message("return.duplicate", { unit: s.unit, file: newer.file })),
    });
  }
  const missing = towns.filter((t) => !used.has(t));
  const summary: Breakdown = {
    ...breakdown,
    title: `${breakdown.title || `${breakdown.year}年目标任务分解`}(报送汇总)`,
    units: towns,
    rows: breakdown.rows.map((row) => {
      const key = normalizeName(row.name);
      const values: Record<string, Cell> = {};
      for (const town of towns) {
        const issued = row.values[town];
        const figure = used.get(town)?.values.get(key)?.value;
        if (typeof figure === "number")
          values[town] = { value: figure, op: "=", text: String(figure), status: "number" };
        // No figure: a pending or "-" target keeps its words; a due number stays blank, which 校验 shows as 缺数.
        else if (issued && issued.status !== "number") values[town] = issued;
      }
      return { ...row, values };
    }),
  };
  return { used, missing, summary };
}
