// One returned file → a Submission, whichever reader opened it (node:zlib in the CLI, the browser's
// DecompressionStream in the task pane); and the sheets a collection is written to. Never throws for a file.
import { LimitError } from "../read/limits";
import { ReadError } from "../read/readError";
import { breakdownSheet } from "../layout/breakdownSheet";
import type { SheetSpec } from "../layout/sheetSpec";
import type { Breakdown } from "../model";
import type { Consolidation, Submission } from "./consolidate";
import { countySubmission, isCountySummary } from "./countyRollup";
import { EncryptedWorkbookError } from "../oleFile";
import { ENCRYPTED, sniffWorkbook, type FileProblem } from "./fileKind";
import { baseName, townNamed } from "./identify";
import type { ReturnedGrid } from "./returnTable";
import { message, said, verbatim, type Message } from "../messages/message";
import { findingsSheet, localTime, statusSheet } from "./statusSheet";
import { validateReturn } from "./validateReturn";

import { periodLabel } from "../progress/month";

export const SUMMARY_SHEET = "汇总";

export type ReturnedFile =
  | { path: string; receivedAt: string; grids: ReturnedGrid[] }
  | { path: string; receivedAt: string; problem: FileProblem };

/**
 * A returned file's bytes as ReturnedFile: sniffed first (encrypted, .xls, CSV, empty…), then read with the
 * platform's reader (node:zlib in the CLI, DecompressionStream in the pane). Never throws for a bad file.
 */
export async function returnedFileOf(
  bytes: Uint8Array,
  path: string,
  receivedAt: string,
  read: (bytes: Uint8Array) => Promise<ReturnedGrid[]>,
): Promise<ReturnedFile> {
  const problem = sniffWorkbook(bytes);
  if (problem) return { path, receivedAt, problem };
  try {
    return { path, receivedAt, grids: await read(bytes) };
  } catch (e) {
    // A damaged zip, a missing part, bad XML, a limit passed: one clear finding, and the run goes on with the
    // other files. Anything else is a bug in a reader; it is said so, and the run still goes on.
    if (e instanceof EncryptedWorkbookError) return { path, receivedAt, problem: ENCRYPTED }; // an .xls's own
    // The reader's reason is its own Chinese: passed on as it is, in either language.
    const reason = (e as Error).message.replace(`${path}: `, "");
    const m =
      e instanceof LimitError
        ? message("file.limit", { reason })
        : e instanceof ReadError
          ? reason.includes("无法读取") || reason.includes("损坏") // says so already: not prefixed twice
            ? verbatim(reason)
            : message("file.damaged", { reason })
          : message("file.internal", { reason });
    return { path, receivedAt, problem: { code: "unreadable", ...said(m) } };
  }
}

/** `actuals`: the files hold cumulative figures for part of the year (see Issued.actuals). */
export function submissionOf(file: ReturnedFile, breakdown: Breakdown, actuals = false): Submission {
  const towns = breakdown.units;
  const base = { file: file.path, receivedAt: file.receivedAt, values: new Map() };
  const failed = (code: Submission["findings"][number]["code"], m: Message): Submission => {
    // Unreadable, yet most likely the town's: named by its file, so the town shows 有错误 rather than 未报送.
    const unit = townNamed(baseName(file.path), towns);
    const finding = { file: file.path, sheet: "", cell: "", severity: "error" as const, code, ...said(m) };
    return { ...base, unit, matchedBy: unit ? "filename" : null, findings: [finding] };
  };
  if ("problem" in file) return failed(file.problem.code, file.problem.msg ?? verbatim(file.problem.message));
  try {
    // A county's own 汇总 sent up to the city: its figures are its towns' sums.
    if (isCountySummary(file.grids))
      return countySubmission(file.grids, breakdown, file.path, file.receivedAt);
    const v = validateReturn(file.grids, { breakdown, towns, actuals }, file.path);
    const { unit, matchedBy, findings, values, signOff } = v;
    return { ...base, unit, matchedBy, findings, values, signOff };
  } catch (e) {
    return failed("unreadable", message("file.check_failed", { reason: (e as Error).message }));
  }
}

/** 汇总 (the breakdown layout, live checks), 报送情况 and 报送问题. `now` is passed in: the layout stays pure. */
/**
 * The sheets of a collection. With `month` (the returns are the towns' cumulative figures for 1–month), the
 * summary is also written as the month sheet "1-8月" that 进度监测 / `progress` read as actuals.
 */
export function collectionSheets(
  breakdown: Breakdown,
  c: Consolidation,
  submissions: Submission[],
  now: Date,
  month?: number,
): SheetSpec[] {
  const tz = -now.getTimezoneOffset();
  return [
    breakdownSheet(c.summary, SUMMARY_SHEET),
    ...(month ? [breakdownSheet(c.summary, periodLabel(month))] : []),
    statusSheet(c, breakdown.units, submissions, localTime(now.toISOString(), tz), tz),
    findingsSheet(submissions),
  ];
}
