// What `allocate` prints: JSON (--json), a summary on stderr after -o, else a table of old → new values.
import { basename } from "node:path";
import { CHANGE_LOG_SHEET } from "../core/allocate/changeLog";
import type { PlannedWrite } from "../core/allocate/plan";
import type { AllocateOptions } from "./allocateArgs";
import type { Target } from "./allocateTarget";
import { writeErr, writeJson, writeOut } from "./terminal";

/** An allocation of either mode, ready to be written and printed. */
export interface Allocation {
  /** One per town, in the table's order. */
  values: number[];
  /** The town cells to set with -o (held towns keeping their current value are left alone). */
  writes: PlannedWrite[];
  /** 方法 as 调整记录 words it (methodWords). */
  method: string;
  /** Towns held at a value given (--hold 新埭镇=12): 调整记录 says 锁定值 for them. */
  heldAt: string[];
  notes: string[];
  /** One line: the row, the method, the total and the held towns. */
  summary: string;
  /** The JSON body up to `output`; `notes` are the allocation's plus those of writing the workbook. */
  json: (notes: string[]) => Record<string, unknown>;
}

/**
 * Prints an allocation once it has been written (if -o): `notes` include the writer's, `recorded` is the batch
 * of 调整记录 the change was appended as (null: no cell changed).
 */
export function printAllocation(
  o: AllocateOptions,
  t: Target,
  a: Allocation,
  notes: string[],
  recorded?: { batch: number; rows: number } | null,
): void {
  const changeLog = recorded ? { sheet: CHANGE_LOG_SHEET, ...recorded } : null;
  if (o.json) printJson({ ...a.json(notes), ...(o.out !== undefined ? { output: o.out, changeLog } : {}) });
  if (o.out !== undefined)
    printLines(
      process.stderr,
      `已写入 ${o.out}(基于 ${basename(t.file)},打开时重新计算公式):${a.summary}`,
      changeLog ? [`已记入“${CHANGE_LOG_SHEET}”第 ${changeLog.batch} 批(${changeLog.rows} 行)`] : [],
      noteLines(notes),
    );
  else if (!o.json)
    printLines(
      process.stdout,
      a.summary,
      t.towns.map((town, i) => `  ${padTown(t.towns, town)}  ${orDash(t.previous[i])} → ${a.values[i]}`),
      noteLines(notes),
    );
}

export function printJson(body: Record<string, unknown>): void {
  writeJson(body);
}

/** Prints lines on `stream`, made terminal-safe: town names and sheet names come from the workbook. */
export function printLines(stream: NodeJS.WriteStream, ...lines: (string | string[])[]): void {
  const text = lines.flat().join("\n") + "\n";
  if (stream === process.stdout) writeOut(text);
  else writeErr(text);
}

/** The fields every JSON body starts with: which row was allocated. */
export const rowFields = (t: Target) => ({
  indicator: t.row.name,
  sheet: t.grid.name,
  row: t.row.row + 1,
  unit: t.row.unit,
});

/**
 * `“制造业投资”(工作表“2023年目标分解”第5行…)`, the measure after the row when the table has several
 * (`第4行,2023年 力争`) and `inside` added before the closing bracket.
 */
export const rowLabel = (t: Target, inside = "") =>
  `“${t.row.name}”(工作表“${t.grid.name}”第${t.row.row + 1}行${t.measure ? `,${t.measure}` : ""}${inside})`;

/** The summary's tail listing held towns, if any. */
export const heldText = (held: string[]) => (held.length > 0 ? `,锁定 ${held.join("、")}` : "");

export const noteLines = (notes: string[]) => notes.map((n) => `注意:${n}`);

/** Town → value, in the table's order. */
export const byTown = <T>(towns: string[], xs: T[]): Record<string, T> =>
  Object.fromEntries(towns.map((t, i) => [t, xs[i]]));

/** A missing number shows as a dash. */
export const orDash = (x: number | null) => (x === null ? "—" : String(x));

/** Columns a terminal gives the text: two for CJK and full-width characters. */
const displayWidth = (s: string) =>
  [...s].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );

/** A town's name padded to the widest of `towns`, so the values line up. */
export const padTown = (towns: string[], town: string) =>
  town + " ".repeat(Math.max(...towns.map(displayWidth)) - displayWidth(town));
