// The values of one returned row: the locked 下达目标 against what was issued, and the town's 本单位填报 read the
// way the clerk meant it (text numbers, full-width digits, units), then judged against the issued target.
import { numberCellValue, readSheetValue, type SheetValue } from "../check/sheetValue";
import { cellText, type GridValue } from "../grid";
import type { BreakdownRow, Cell } from "../model";
import { quoted, removeWrapSpaces, toHalfWidth } from "../text";
import { KIND_LABEL } from "../units";
import type { FindingCode, FindingSeverity } from "./finding";

export interface RowFinding {
  severity: FindingSeverity;
  code: FindingCode;
  /** The template column of the cell the finding is about; the caller knows where it stands on the sheet. */
  column: "下达目标" | "计量单位" | "类型" | "本单位填报";
  message: string;
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
        message: `下达目标被改动:下达“${issued.text}”,文件中为“${quoted(found) || "(空)"}”`,
      });
  }
  const unitText = cells.unit === undefined ? null : cellText(cells.unit ?? null).trim();
  if (unitText !== null && !same(unitText, row.unit))
    out.push({
      severity: "warning",
      code: "locked_changed",
      column: "计量单位",
      message: `计量单位由“${row.unit}”改为“${quoted(unitText)}”,仍按“${row.unit}”读取`,
    });
  const kindText = cells.kind === undefined ? null : cellText(cells.kind ?? null).trim();
  if (kindText !== null && kindText !== KIND_LABEL[row.kind])
    out.push({
      severity: "warning",
      code: "locked_changed",
      column: "类型",
      message: `类型由“${KIND_LABEL[row.kind]}”改为“${quoted(kindText)}”,仍按${KIND_LABEL[row.kind]}校验`,
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
  const add = (severity: FindingSeverity, code: FindingCode, message: string) =>
    out.push({ severity, code, column: "本单位填报", message });
  const v = valueOf(cells.value ?? null);
  const due = issued.status === "number" && issued.value !== null;
  const target = issued.value ?? 0;
  if (v.status !== "number" || v.value === null) {
    if (v.numberProblem)
      add(
        "error",
        "invalid_number",
        `${cells.valueCell ? `${cells.valueCell} 的值` : "填报值"}“${quoted(v.text.trim())}”不是有效数字(${v.numberProblem}),未计入汇总`,
      );
    else if (v.status === "invalid")
      add("error", "invalid_value", `“${quoted(v.text)}”不是有效数字(${v.notes.join("、")})`);
    else if (due && v.status === "missing") add("error", "blank", `未填写(下达目标 ${issued.text})`);
    else if (due)
      add(
        "error",
        v.status === "qualitative" ? "invalid_value" : "blank",
        `填了“${quoted(v.text.trim())}”,应填写数字(下达目标 ${issued.text})`,
      );
    else if (issued.status === "qualitative" && v.status === "missing")
      add("warning", "blank", `未填写(下达目标“${issued.text}”)`);
    return { value: null, findings: out };
  }
  const value = v.value;
  if (v.notes.length > 0) {
    const unit = /带单位“([^”]+)”/.exec(v.notes.join("、"))?.[1];
    if (unit && row.unit && !same(unit, row.unit)) {
      add(
        "error",
        "unit_mismatch",
        `“${quoted(v.text.trim())}”的单位“${unit}”与计量单位“${row.unit}”不同,请换算为${row.unit}后只填数字`,
      );
      return { value: null, findings: out };
    }
    add("warning", "text_number", `按数字读取:“${quoted(v.text)}”→ ${fmt(value)}(${v.notes.join("、")})`);
  }
  if (row.kind === "total" && value < 0) add("error", "negative", `总量型指标不能为负数:${fmt(value)}`);
  if (!due) return { value, findings: out };
  if (actuals) {
    // Part of the year's figure: short of the target is the schedule's business (进度监测), not an error.
    if (target > 0 && value > 2 * target)
      add(
        "warning",
        "far_from_target",
        `累计 ${fmt(value)} 超过全年目标 ${issued.text} 的 2 倍,请核对单位和数量级`,
      );
    return { value, findings: out };
  }
  const severity: FindingSeverity = row.kind === "total" ? "error" : "warning";
  if (issued.op !== "<=" && value < target - EPS * Math.max(1, Math.abs(target)))
    add(
      severity,
      "below_target",
      `低于下达目标:填报 ${fmt(value)},下达 ${issued.text}(差 ${fmt(target - value)}${row.unit})`,
    );
  else if (issued.op === "<=" && value > target + EPS * Math.max(1, Math.abs(target)))
    add(severity, "above_limit", `超过下达的上限:填报 ${fmt(value)},上限 ${issued.text}`);
  else if (target > 0 && (value > 2 * target || value < 0.5 * target)) {
    const how =
      value > target
        ? `是下达目标的 ${fmt(Math.round((value / target) * 10) / 10)} 倍`
        : `仅为下达目标的 ${Math.round((value / target) * 100)}%`;
    add("warning", "far_from_target", `填报 ${fmt(value)} ${how}(下达 ${issued.text}),请核对单位和数量级`);
  }
  return { value, findings: out };
}

/** FineReport's "submit with an explanation": a filled 说明 turns the row's value errors into warnings. */
export function explainedSeverity(f: RowFinding, note: string, explainable: Set<FindingCode>): RowFinding {
  if (note === "" || f.severity !== "error" || !explainable.has(f.code)) return f;
  return { ...f, severity: "warning", message: `${f.message}(已说明:“${quoted(note)}”)` };
}
