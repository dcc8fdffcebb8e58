// A return that is not the issued 填报 template but a breakdown-shaped table of the town's own making: its column
// of an indicators-as-rows table, or its row when towns are rows ("镇(街道) | 工业投资(亿元) | …" with one line
// for the town). Read through the table model, in either orientation, so the town's figures are not lost and
// every finding still names the cell they came from.
import { addressAt, valueAt } from "../check/breakdownTable";
import { expandMerges, type Grid } from "../grid";
import type { Breakdown } from "../model";
import { primarySlice, readTable } from "../table/readTable";
import type { BreakdownTable } from "../table/types";
import { normalizeName } from "../text";
import type { Finding } from "./finding";
import { townInTitle, townNamed } from "./identify";
import { message, said } from "../messages/message";
import { issuedIndex } from "./issuedIndex";
import { checkValue } from "./returnValues";
import { issuedTarget } from "./templateSheet";
import type { ReturnedValue } from "./validateReturn";

export interface BreakdownReturn {
  sheet: string;
  unit: string;
  /** How the town was told: the table holds only that town, or the title or file name named it. */
  matchedBy: "content" | "filename";
  values: Map<string, ReturnedValue>;
  findings: Finding[];
}

/** The town's line in the table: the only issued town in it, else the one the title or file name names. */
function townOf(table: BreakdownTable, grid: Grid, towns: string[], file: string) {
  const issued = table.towns.filter((t) => towns.includes(t.header));
  if (issued.length === 1) return { town: issued[0], by: "content" as const };
  const named = townInTitle(grid, table.headerRow, towns);
  const byName = named ?? townNamed(file.replace(/^.*[\\/]/, ""), towns);
  const hit = issued.find((t) => t.header === byName);
  return hit ? { town: hit, by: named ? ("content" as const) : ("filename" as const) } : null;
}

/** null when no sheet holds a breakdown-shaped table with an issued town in it. */
export function readBreakdownReturn(
  grids: Grid[],
  breakdown: Breakdown,
  towns: string[],
  file: string,
  actuals: boolean,
): BreakdownReturn | null {
  for (const input of grids) {
    const grid = expandMerges(input);
    const { table: model } = readTable(grid, { totalOptional: true });
    const table = model ? primarySlice(model) : null;
    if (!table) continue;
    const found = townOf(table, grid, towns, file);
    if (!found) continue;
    const unit = found.town.header;
    const findings: Finding[] = [];
    const add = (f: Omit<Finding, "file" | "sheet">) => findings.push({ file, sheet: grid.name, ...f });
    const way = message(table.orientation === "unit-rows" ? "layout.unit_rows" : "layout.indicator_rows");
    add({
      cell: "",
      severity: "warning",
      code: "other_layout",
      ...said(message("return.other_layout", { way, unit })),
    });
    const rows = new Map(table.rows.map((r) => [normalizeName(r.name), r]));
    const values = new Map<string, ReturnedValue>();
    const keys = issuedIndex(breakdown).keys;
    breakdown.rows.forEach((row, i) => {
      const ref = rows.get(normalizeName(row.name));
      if (!ref) {
        add({
          cell: "",
          severity: "error",
          code: "row_missing",
          ...said(message("return.row_missing", { name: row.name })),
        });
        return;
      }
      const cell = addressAt(table, ref, found.town.line);
      const raw = valueAt(grid, table, ref, found.town.line);
      const checked = checkValue(
        row,
        issuedTarget(breakdown, i, unit),
        { target: undefined, unit: undefined, kind: undefined, value: raw, note: "", valueCell: cell },
        actuals,
      );
      for (const f of checked.findings)
        add({
          cell,
          severity: f.severity,
          code: f.code,
          ...said(message("return.row", { indicator: row.name, detail: f.msg })),
        });
      values.set(keys[i], { value: checked.value, note: "" });
    });
    return { sheet: grid.name, unit, matchedBy: found.by, values, findings };
  }
  return null;
}
