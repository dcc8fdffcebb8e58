// Two levels: a county (县、市、区) collects its towns' returns with the same tool, and sends its 汇总 workbook up
// to the city as its return. The county's figure for a 总量型 indicator is the exact sum of its towns' figures
// (what its 分解合计 column shows); a 质态型 figure cannot be added up without weights, so it is not guessed.
import { addressAt, findBreakdownTable, valueAt } from "../check/breakdownTable";
import { decimalSum } from "../check/decimal";
import { readSheetValue } from "../check/sheetValue";
import { cellText, expandMerges, type Grid } from "../grid";
import type { Breakdown } from "../model";
import { isExcelNumber } from "../numbers";
import { normalizeName } from "../text";
import { message, said, type Message } from "../messages/message";
import { valueNote } from "../messages/valueNotes";
import type { Submission } from "./consolidate";
import type { Finding, FindingCode, FindingSeverity } from "./finding";
import { baseName, townNamed } from "./identify";
import { STATUS_SHEET } from "./statusSheet";
import type { ReturnedValue } from "./validateReturn";

export const COUNTY_SUMMARY_SHEET = "汇总";

/** A workbook written by `collect` (or 写入汇总): it has 汇总 and 报送情况. */
export function isCountySummary(grids: Grid[]): boolean {
  const names = new Set(grids.map((g) => g.name));
  return names.has(COUNTY_SUMMARY_SHEET) && names.has(STATUS_SHEET);
}

export function countySubmission(
  grids: Grid[],
  city: Breakdown,
  file: string,
  receivedAt: string,
): Submission {
  const findings: Finding[] = [];
  const add = (severity: FindingSeverity, code: FindingCode, m: Message, sheet = "", cell = "") =>
    findings.push({ file, sheet, cell, severity, code, ...said(m) });
  const grid = expandMerges(grids.find((g) => g.name === COUNTY_SUMMARY_SHEET)!);
  const table = findBreakdownTable(grid);
  const titleText = (table ? grid.rows.slice(0, table.headerRow) : grid.rows.slice(0, 2))
    .flat()
    .map((v) => cellText(v ?? null))
    .join(" ");
  const byTitle = townNamed(titleText, city.units);
  const unit = byTitle ?? townNamed(baseName(file), city.units);
  const values = new Map<string, ReturnedValue>();
  const base = {
    file,
    receivedAt,
    values,
    matchedBy: byTitle ? ("content" as const) : unit ? ("filename" as const) : null,
  };
  if (!unit)
    add("error", "unknown_unit", message("county.unit_unknown", { units: city.units }), COUNTY_SUMMARY_SHEET);
  if (!table) {
    add("error", "no_table", message("county.no_table"), COUNTY_SUMMARY_SHEET);
    return { ...base, unit, findings };
  }
  const rows = new Map(table.rows.map((r) => [normalizeName(r.name), r]));
  for (const row of city.rows) {
    const key = normalizeName(row.name);
    const ref = rows.get(key);
    if (!ref) {
      add("error", "row_missing", message("county.row_missing", { name: row.name }), COUNTY_SUMMARY_SHEET);
      continue;
    }
    const a1 = (line: number) => addressAt(table, ref, line);
    const where = `${a1(table.towns[0].line)}:${a1(table.towns[table.towns.length - 1].line)}`;
    if (row.kind === "rate") {
      add("warning", "rollup_rate", message("county.rate", { name: row.name }), COUNTY_SUMMARY_SHEET, where);
      values.set(key, { value: null, note: "" });
      continue;
    }
    const numbers: number[] = [];
    let empty = 0;
    let bad = 0;
    for (const t of table.towns) {
      const v = readSheetValue(valueAt(grid, table, ref, t.line));
      if (v.status === "number" && v.value !== null) numbers.push(v.value);
      else if (v.status === "missing") empty++;
      else if (v.numberProblem) {
        bad++;
        const cell = a1(t.line);
        add(
          "error",
          "invalid_number",
          message("county.invalid_number", {
            name: row.name,
            cell,
            text: v.text.trim(),
            problem: valueNote(v.numberProblem),
          }),
          COUNTY_SUMMARY_SHEET,
          cell,
        );
      }
    }
    // A figure that is no number makes any sum of the others wrong: the indicator is left out, not guessed.
    if (bad > 0) {
      values.set(key, { value: null, note: "" });
      continue;
    }
    if (empty > 0)
      add(
        "warning",
        "rollup_missing",
        message("county.partial", { name: row.name, empty, filled: numbers.length }),
        COUNTY_SUMMARY_SHEET,
        where,
      );
    const sum = numbers.length > 0 ? decimalSum(numbers).sum : null;
    if (sum !== null && !isExcelNumber(sum)) {
      add(
        "error",
        "invalid_number",
        message("county.sum_too_large", { name: row.name }),
        COUNTY_SUMMARY_SHEET,
        where,
      );
      values.set(key, { value: null, note: "" });
      continue;
    }
    values.set(key, { value: sum, note: "" });
  }
  // The county's own 报送情况: towns that have not reported yet.
  const status = grids.find((g) => g.name === STATUS_SHEET);
  const missing = status
    ? status.rows.filter((r) => (r ?? []).some((v) => cellText(v ?? null) === "未报送")).length
    : 0;
  if (missing > 0)
    add("warning", "rollup_missing", message("county.towns_missing", { n: missing }), STATUS_SHEET);
  return { ...base, unit, findings };
}
