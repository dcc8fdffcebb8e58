// The values of one returned row: the locked 下达目标 against what was issued, and the town's 本单位填报 read the
// way the clerk meant it (text numbers, full-width digits, units), then judged against the issued target.
import { numberCellValue, readSheetValue, type SheetValue } from "../check/sheetValue";
import { cellText, type GridValue } from "../grid";
import type { BreakdownRow, Cell } from "../model";
import { quoted, removeWrapSpaces, toHalfWidth } from "../text";
import { KIND_LABEL } from "../units";
import { message, said, type Message } from "../messages/message";
import { valueNote, valueNotes } from "../messages/valueNotes";
import type { FindingCode, FindingSeverity } from "./finding";

export interface RowFinding {
  severity: FindingSeverity;
  code: FindingCode;
  /** The template column of the cell the finding is about; the caller knows where it stands on the sheet. */
  column: "下达目标" | "计量单位" | "类型" | "本单位填报";
  message: string;
  msg: Message;
}

/** A row's cells by template column; undefined when the sheet lost that column. */
export interface RowCells {
  target: GridValue | undefined;
  unit: GridValue | undefined;
  kind: GridValue | undefined;
  value: GridValue;
  note: string;
  /** A1 of the 本单位填报 cell, for messages that name it. */
  valueCell?: string;
}

/** A plain number straight away (most cells are; NaN and numbers past Excel's range are none); else readSheetValue. */
function valueOf(v: GridValue): SheetValue {
  return typeof v === "number" ? numberCellValue(v) : readSheetValue(v);
}

const same = (a: string, b: string) =>
  a === b ||
  removeWrapSpaces(toHalfWidth(a)).replace(/\s+/g, "") ===
    removeWrapSpaces(toHalfWidth(b)).replace(/\s+/g, "");
const EPS = 1e-9;

/** The locked cells of a row: 下达目标 must be what was issued; 计量单位 and 类型 should be. */
export function checkLockedCells(row: BreakdownRow, issued: Cell, cells: RowCells): RowFinding[] {
  const out: RowFinding[] = [];
  if (cells.target !== undefined) {
    const raw = cells.target;
    const near = (x: number) =>
      Math.abs(x - (issued.value ?? NaN)) <= EPS * Math.max(1, Math.abs(issued.value ?? 0));
    let ok = issued.status === "number" && typeof raw === "number" && near(raw);
    let found = "";
    if (!ok) {
      const v = readSheetValue(raw ?? null);
      found = v.text;
      ok =
        issued.status === "number"
          ? v.status === "number" && near(v.value ?? NaN)
          : v.status === issued.status || same(v.text, issued.text);
    }
    if (!ok)
      out.push({
        severity: "error",
        code: "target_changed",
        column: "下达目标",
        ...said(
          message("return.target_changed", {
            issued: issued.text,
            found: quoted(found) || message("value.empty"),
          }),
        ),
      });
  }
  const unitText = cells.unit === undefined ? null : cellText(cells.unit ?? null).trim();
  if (unitText !== null && !same(unitText, row.unit))
    out.push({
      severity: "warning",
      code: "locked_changed",
      column: "计量单位",
      ...said(message("return.unit_changed", { issued: row.unit, found: quoted(unitText) })),
    });
  const kindText = cells.kind === undefined ? null : cellText(cells.kind ?? null).trim();
  if (kindText !== null && kindText !== KIND_LABEL[row.kind])
    out.push({
      severity: "warning",
      code: "locked_changed",
      column: "类型",
      ...said(message("return.kind_changed", { issued: KIND_LABEL[row.kind], found: quoted(kindText) })),
    });
  return out;
}

const fmt = (x: number) => String(Number(x.toPrecision(12)));

/** The figure's problems and the number it stands for (null when there is none to consolidate). */
export function checkValue(
  row: BreakdownRow,
  issued: Cell,
  cells: RowCells,
  actuals = false,
): { value: number | null; findings: RowFinding[] } {
  const out: RowFinding[] = [];
  const add = (severity: FindingSeverity, code: FindingCode, m: Message) =>
    out.push({ severity, code, column: "本单位填报", ...said(m) });
  const v = valueOf(cells.value ?? null);
  const due = issued.status === "number" && issued.value !== null;
  const target = issued.value ?? 0;
  if (v.status !== "number" || v.value === null) {
    if (v.numberProblem) {
      const bad = { text: quoted(v.text.trim()), problem: valueNote(v.numberProblem) };
      add(
        "error",
        "invalid_number",
        cells.valueCell
          ? message("return.invalid_number_at", { cell: cells.valueCell, ...bad })
          : message("return.invalid_number", bad),
      );
    } else if (v.status === "invalid")
      add(
        "error",
        "invalid_value",
        message("return.invalid_value", { text: quoted(v.text), notes: valueNotes(v.notes) }),
      );
    else if (due && v.status === "missing")
      add("error", "blank", message("return.blank", { target: issued.text }));
    else if (due)
      add(
        "error",
        v.status === "qualitative" ? "invalid_value" : "blank",
        message("return.words_for_number", { text: quoted(v.text.trim()), target: issued.text }),
      );
    else if (issued.status === "qualitative" && v.status === "missing")
      add("warning", "blank", message("return.blank_words_target", { target: issued.text }));
    return { value: null, findings: out };
  }
  const value = v.value;
  if (v.notes.length > 0) {
    const unit = /带单位“([^”]+)”/.exec(v.notes.join("、"))?.[1];
    if (unit && row.unit && !same(unit, row.unit)) {
      add(
        "error",
        "unit_mismatch",
        message("return.unit_mismatch", { text: quoted(v.text.trim()), unit, expected: row.unit }),
      );
      return { value: null, findings: out };
    }
    add(
      "warning",
      "text_number",
      message("return.text_number", { text: quoted(v.text), value: fmt(value), notes: valueNotes(v.notes) }),
    );
  }
  if (row.kind === "total" && value < 0)
    add("error", "negative", message("return.negative", { value: fmt(value) }));
  if (!due) return { value, findings: out };
  if (actuals) {
    // Part of the year's figure: short of the target is the schedule's business (进度监测), not an error.
    if (target > 0 && value > 2 * target)
      add(
        "warning",
        "far_from_target",
        message("return.far_above_year", { value: fmt(value), target: issued.text }),
      );
    return { value, findings: out };
  }
  const severity: FindingSeverity = row.kind === "total" ? "error" : "warning";
  if (issued.op !== "<=" && value < target - EPS * Math.max(1, Math.abs(target)))
    add(
      severity,
      "below_target",
      message("return.below_target", {
        value: fmt(value),
        target: issued.text,
        gap: fmt(target - value),
        unit: row.unit,
      }),
    );
  else if (issued.op === "<=" && value > target + EPS * Math.max(1, Math.abs(target)))
    add(severity, "above_limit", message("return.above_limit", { value: fmt(value), target: issued.text }));
  else if (target > 0 && (value > 2 * target || value < 0.5 * target)) {
    const filled = { value: fmt(value), target: issued.text };
    add(
      "warning",
      "far_from_target",
      value > target
        ? message("return.far_above", { ...filled, times: fmt(Math.round((value / target) * 10) / 10) })
        : message("return.far_below", { ...filled, percent: Math.round((value / target) * 100) }),
    );
  }
  return { value, findings: out };
}

/** FineReport's "submit with an explanation": a filled 说明 turns the row's value errors into warnings. */
export function explainedSeverity(f: RowFinding, note: string, explainable: Set<FindingCode>): RowFinding {
  if (note === "" || f.severity !== "error" || !explainable.has(f.code)) return f;
  return {
    ...f,
    severity: "warning",
    ...said(message("return.explained", { detail: f.msg, note: quoted(note) })),
  };
}
