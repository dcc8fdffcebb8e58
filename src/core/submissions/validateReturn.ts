// Validating one returned file (校验报送), pure over its sheets' grids (hidden sheets included): who sent it, how
// its sheet drifted from the issued template, and what its figures say against the town's targets.
import { cellText, type Grid } from "../grid";
import { cellRef } from "../layout/a1";
import type { Breakdown } from "../model";
import { message, said, type Message } from "../messages/message";
import { EXPLAINABLE, type Finding, type FindingCode, type FindingSeverity } from "./finding";
import { baseName, findMarker, type MatchedBy, townInTitle, townNamed } from "./identify";
import { issuedIndex } from "./issuedIndex";
import { TEMPLATE_VERSION } from "./marker";
import { readBreakdownReturn } from "./breakdownReturn";
import { findTemplateHeader, norm, readReturnTable, type ReturnedGrid } from "./returnTable";
import { checkLockedCells, checkValue, explainedSeverity, type RowCells } from "./returnValues";
import { NO_SIGN_OFF, readSignOff, type SignOff } from "./signOff";
import { issuedTarget, TEMPLATE_SHEET } from "./templateSheet";

export interface Issued {
  breakdown: Breakdown;
  /**
   * The returns are cumulative actuals for part of the year (collect --month), not the year's figures: falling
   * short of the year's target is expected then, only a figure past twice the target is questioned.
   */
  actuals?: boolean;
  /** The towns templates were issued to (usually breakdown.units). */
  towns: string[];
}

export interface ReturnedValue {
  /** The figure to consolidate; null when there is none usable (blank, words, a unit to convert). */
  value: number | null;
  /** What the town wrote in 说明. */
  note: string;
}

export interface ReturnValidation {
  unit: string | null;
  matchedBy: MatchedBy | null;
  /** The sheet the figures were read from, null when none was found. */
  sheet: string | null;
  findings: Finding[];
  /** Normalized indicator name → the town's figure. */
  values: Map<string, ReturnedValue>;
  /** 填报人 and 联系电话 from the sign-off lines under the table. */
  signOff: SignOff;
}

const isEmpty = (g: Grid) => g.rows.every((r) => (r ?? []).every((v) => cellText(v ?? null).trim() === ""));

/** The sheet holding the figures: 填报 if it has the table, else the first sheet that does (a renamed 填报). */
function pickSheet(grids: ReturnedGrid[]): { sheet: ReturnedGrid | null; headerRow: number } {
  const withTable = grids
    .map((sheet) => ({ sheet, headerRow: findTemplateHeader(sheet) }))
    .filter((x) => x.headerRow >= 0);
  return (
    withTable.find((x) => x.sheet.name === TEMPLATE_SHEET) ?? withTable[0] ?? { sheet: null, headerRow: -1 }
  );
}

/** The issued template's own columns: a sheet without either is not a 填报, whatever its 指标名称 header. */
const hasTemplateColumns = (sheet: Grid, headerRow: number) =>
  (sheet.rows[headerRow] ?? []).some((v) =>
    /^(下达目标|下达数|目标值|本单位填报|填报数|填报值)$/.test(norm(v)),
  );

export function validateReturn(grids: ReturnedGrid[], issued: Issued, fileName: string): ReturnValidation {
  const { breakdown, towns } = issued;
  const findings: Finding[] = [];
  const add = (severity: FindingSeverity, code: FindingCode, m: Message, sheet = "", cell = "") =>
    findings.push({ file: fileName, sheet, cell, severity, code, ...said(m) });
  const found = findMarker(grids);
  const data = grids.filter((g) => g.name !== found?.sheet);
  const { sheet, headerRow } = pickSheet(data);

  // Who sent it.
  const marker = found?.marker;
  // With a marker the title matters only to tell a conflict: row 1 is enough. Without, any line above the header.
  const markerTown = marker && towns.includes(marker.unit);
  const byContent = sheet ? townInTitle(sheet, markerTown ? 1 : headerRow, towns) : null;
  let unit: string | null = null;
  let matchedBy: MatchedBy | null = null;
  if (markerTown) [unit, matchedBy] = [marker.unit, "marker"];
  else if (byContent) [unit, matchedBy] = [byContent, "content"];
  else {
    const byName = townNamed(baseName(fileName), towns);
    if (byName) [unit, matchedBy] = [byName, "filename"];
  }
  if (marker && !towns.includes(marker.unit))
    add(
      "warning",
      "unknown_unit",
      message("return.marker_unit_unknown", { unit: marker.unit }),
      found!.sheet,
    );
  if (matchedBy === "marker" && byContent && byContent !== unit)
    add(
      "warning",
      "unit_conflict",
      message("return.unit_conflict_title", { unit: unit!, title: byContent }),
      sheet!.name,
      "A1",
    );
  // Only for a file with a table: an empty or foreign workbook gets its one clear finding below instead.
  if (unit && sheet && matchedBy !== "marker")
    add(
      "warning",
      "no_marker",
      message("return.no_marker", {
        by: message(matchedBy === "content" ? "matched_by.content" : "matched_by.filename"),
        unit,
      }),
    );
  if (!unit && sheet) add("error", "unknown_unit", message("return.unit_unknown"));
  if (marker) {
    const where = found!.sheet;
    if (marker.year !== breakdown.year)
      add(
        "error",
        "wrong_year",
        message("return.wrong_year", { year: marker.year, collected: breakdown.year }),
        where,
      );
    if (marker.indicatorSet !== issuedIndex(breakdown).indicatorSet)
      add("warning", "other_plan", message("return.other_indicator_set"), where);
    if (marker.version !== TEMPLATE_VERSION)
      add(
        "warning",
        "other_plan",
        message("return.other_version", { version: marker.version, current: TEMPLATE_VERSION }),
        where,
      );
  }
  const values = new Map<string, ReturnedValue>();
  let signOff = NO_SIGN_OFF;
  const result = () => ({ unit, matchedBy, sheet: sheet?.name ?? null, findings, values, signOff });
  // Not the template (no sheet with its header, or one without a 下达目标/本单位填报 column): the town's own
  // breakdown-shaped table, its column or its row when towns are rows.
  if (!sheet || !hasTemplateColumns(sheet, headerRow)) {
    const other = readBreakdownReturn(data, breakdown, towns, fileName, issued.actuals === true);
    if (other && (!marker || marker.unit === other.unit)) {
      // Who sent it is the table's to say now: the template's identity findings above no longer apply.
      const kept = findings.filter((f) => !["unknown_unit", "no_marker", "unit_conflict"].includes(f.code));
      findings.splice(0, findings.length, ...kept);
      // The table's own town wins over a file name that says another.
      if (unit && unit !== other.unit)
        add(
          "warning",
          "unit_conflict",
          message("return.unit_conflict_file_name", { named: unit, unit: other.unit }),
        );
      for (const f of other.findings) findings.push(f);
      return {
        unit: other.unit,
        matchedBy: matchedBy === "marker" ? "marker" : other.matchedBy,
        sheet: other.sheet,
        findings,
        values: other.values,
        signOff,
      };
    }
  }
  if (!sheet) {
    if (data.every(isEmpty)) add("error", "empty", message("return.empty"));
    else add("error", "no_table", message("return.no_table", { sheets: data.map((g) => g.name) }));
    return result();
  }
  if (sheet.name !== TEMPLATE_SHEET)
    add(
      "warning",
      "sheet_renamed",
      message("return.sheet_renamed", { from: TEMPLATE_SHEET, to: sheet.name }),
      sheet.name,
    );
  const table = readReturnTable(sheet, headerRow, breakdown, findings, fileName);
  signOff = readSignOff(sheet, headerRow);
  const { cols } = table;
  if (!unit) return result();

  for (const m of table.rows) {
    const row = breakdown.rows[m.issued];
    const target = issuedTarget(breakdown, m.issued, unit);
    const cells = sheet.rows[m.row] ?? [];
    const at = (c: number | undefined) => (c === undefined ? undefined : (cells[c] ?? null));
    const rowCells: RowCells = {
      target: at(cols.下达目标),
      unit: at(cols.计量单位),
      kind: at(cols.类型),
      value: at(cols.本单位填报) ?? null,
      note: cellText(at(cols.说明) ?? null).trim(),
      ...(cols.本单位填报 !== undefined ? { valueCell: cellRef(m.row + 1, cols.本单位填报 + 1) } : {}),
    };
    const rowFindings = checkLockedCells(row, target, rowCells);
    let value: number | null = null;
    if (cols.本单位填报 !== undefined) {
      const checked = checkValue(row, target, rowCells, issued.actuals === true);
      value = checked.value;
      for (const f of checked.findings) rowFindings.push(f);
    }
    for (const f of rowFindings) {
      const g = explainedSeverity(f, rowCells.note, EXPLAINABLE);
      const cell = cellRef(m.row + 1, cols[g.column]! + 1);
      const { severity, code, msg } = g;
      findings.push({
        file: fileName,
        sheet: sheet.name,
        cell,
        severity,
        code,
        ...said(message("return.row", { indicator: row.name, detail: msg })),
      });
    }
    values.set(issuedIndex(breakdown).keys[m.issued], { value, note: rowCells.note });
  }
  return result();
}
