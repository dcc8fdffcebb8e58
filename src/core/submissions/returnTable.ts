// Finds the 填报 table on a returned sheet and maps it onto the issued template: columns by their headers, rows by
// their indicator names, so a sheet with an inserted column or reordered rows is still read right. Every way the
// sheet drifted from the template becomes a finding.
import { FUZZY_BUDGET, gramBound, gramSimilarity, nameGrams } from "../check/crossCheck";
import { cellText, parseRange, type Grid } from "../grid";
import { cellRef } from "../layout/a1";
import type { Breakdown } from "../model";
import { INDICATOR_LABEL, KIND_LABEL_WORD, MEASURE_UNIT_LABEL } from "../table/vocabulary";
import { memoText, normalizeName, quoted, toHalfWidth } from "../text";
import { message, said, type Message } from "../messages/message";
import { issuedIndex } from "./issuedIndex";
import { keptInOrder, type Finding, type FindingCode, type FindingSeverity } from "./finding";
import { isFooterRow, isFooterText } from "./signOff";
import { TEMPLATE_HEADER, TEMPLATE_HEADER_ROW, type TemplateColumn } from "./templateSheet";

/** A returned sheet: a grid plus, when the reader knows them, the rows the user hid (0-based). */
export type ReturnedGrid = Grid & { hiddenRows?: number[] };

export interface MatchedRow {
  /** 0-based row on the returned sheet. */
  row: number;
  /** Index into breakdown.rows. */
  issued: number;
}

export interface ReturnTable {
  /** 0-based header row. */
  headerRow: number;
  /** 0-based column of each template column found. */
  cols: Partial<Record<TemplateColumn, number>>;
  rows: MatchedRow[];
}

const HEADER_WORDS: Record<TemplateColumn, RegExp> = {
  序号: /^(序号|编号)$/,
  指标名称: INDICATOR_LABEL,
  计量单位: MEASURE_UNIT_LABEL,
  类型: KIND_LABEL_WORD,
  下达目标: /^(下达目标|下达数|目标值)$/,
  本单位填报: /^(本单位填报|填报数|填报值|本单位目标|承诺数|本单位承诺)$/,
  说明: /^(说明|备注|情况说明|差异说明)$/,
};

/** A header cell as compared: half-width, no spaces. (A long text repeated in every cell, once: memoText.) */
export const norm = (v: Grid["rows"][number][number]) => {
  longNorm ??= memoText((t) => toHalfWidth(t).replace(/\s+/g, ""));
  return longNorm(cellText(v ?? null));
};
let longNorm: ((text: string) => string) | undefined;

/** The header row: the first of the first 20 rows holding an indicator-name header. */
export function findTemplateHeader(grid: Grid): number {
  const limit = Math.min(grid.rows.length, 20);
  for (let r = 0; r < limit; r++)
    if ((grid.rows[r] ?? []).some((v) => HEADER_WORDS.指标名称.test(norm(v)))) return r;
  return -1;
}

/** `headerRow`: the sheet's header row, as findTemplateHeader found it. */
export function readReturnTable(
  grid: ReturnedGrid,
  headerRow: number,
  breakdown: Breakdown,
  out: Finding[],
  file: string,
): ReturnTable {
  const add = (severity: FindingSeverity, code: FindingCode, cell: string, m: Message) =>
    out.push({ file, sheet: grid.name, cell, severity, code, ...said(m) });
  if (headerRow !== TEMPLATE_HEADER_ROW - 1)
    add(
      "warning",
      "header_moved",
      cellRef(headerRow + 1, 1),
      message("return.header_moved", { row: headerRow + 1, expected: TEMPLATE_HEADER_ROW }),
    );

  // Columns: by header words; a column the template does not have is reported once, by its header cell.
  const header = grid.rows[headerRow] ?? [];
  const cols: ReturnTable["cols"] = {};
  const extra: number[] = [];
  let width = header.length; // a loop, not Math.max(...rows): a sheet can have a million rows
  for (let r = headerRow; r < grid.rows.length; r++) width = Math.max(width, grid.rows[r]?.length ?? 0);
  for (let c = 0; c < width; c++) {
    const h = norm(header[c] ?? null);
    const name = TEMPLATE_HEADER.find((t) => HEADER_WORDS[t].test(h) && cols[t] === undefined);
    if (name) cols[name] = c;
    else if (h !== "" || grid.rows.slice(headerRow + 1).some((r) => norm(r?.[c] ?? null) !== ""))
      extra.push(c);
  }
  for (const c of extra) {
    const h = cellText(header[c] ?? null).trim();
    add(
      "warning",
      "column_added",
      cellRef(headerRow + 1, c + 1),
      h ? message("return.column_added", { header: quoted(h) }) : message("return.column_added_untitled"),
    );
  }
  const found = TEMPLATE_HEADER.filter((t) => cols[t] !== undefined);
  for (const t of TEMPLATE_HEADER)
    if (cols[t] === undefined)
      add(
        t === "本单位填报" ? "error" : "warning",
        "column_missing",
        "",
        message(t === "本单位填报" ? "return.value_column_missing" : "return.column_missing", { column: t }),
      );
  const colOrder = found.map((t) => cols[t]!);
  const keptCols = keptInOrder(colOrder);
  found.forEach((t, i) => {
    if (!keptCols.has(i))
      add(
        "warning",
        "column_moved",
        cellRef(headerRow + 1, cols[t]! + 1),
        message("return.column_moved", { column: t }),
      );
  });

  const rows = matchRows(grid, breakdown, headerRow, cols.指标名称!, add);
  for (const ref of grid.merges ?? []) {
    const range = parseRange(ref);
    // The sign-off lines merge their entry cells; only merges in the table hide figures.
    if (range && range[0] > headerRow && !isFooterRow(grid.rows[range[0]]))
      add("warning", "merged_cells", ref, message("return.merged_cells", { range: ref }));
  }
  for (const r of grid.hiddenRows ?? [])
    if (r > headerRow)
      add("warning", "hidden_row", cellRef(r + 1, 1), message("return.hidden_row", { row: r + 1 }));
  return { headerRow, cols, rows };
}

type Add = (severity: FindingSeverity, code: FindingCode, cell: string, m: Message) => void;

function matchRows(
  grid: Grid,
  breakdown: Breakdown,
  headerRow: number,
  nameCol: number,
  add: Add,
): MatchedRow[] {
  const { byName, byKey } = issuedIndex(breakdown);
  const taken = new Map<number, number>(); // issued index → sheet row
  const unmatched: { row: number; name: string }[] = [];
  const matched: MatchedRow[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const name = cellText(cells[nameCol] ?? null).trim();
    if (name === "") {
      if (cells.some((v) => norm(v) !== "") && !isFooterRow(cells))
        add(
          "warning",
          "row_added",
          cellRef(r + 1, nameCol + 1),
          message("return.row_unnamed", { row: r + 1 }),
        );
      continue;
    }
    if (isFooterText(name)) continue;
    const issued = byName.get(name) ?? byKey.get(normalizeName(name)) ?? -1;
    if (issued < 0) unmatched.push({ row: r, name });
    else if (taken.has(issued))
      add(
        "warning",
        "row_duplicate",
        cellRef(r + 1, nameCol + 1),
        message("return.row_duplicate", { name: quoted(name), first: taken.get(issued)! + 1, row: r + 1 }),
      );
    else {
      taken.set(issued, r);
      matched.push({ row: r, issued });
    }
  }
  // A renamed indicator: the closest name among the issued rows not found, if close enough. Each name's bigrams
  // are made once, names too short or too long to come within 0.6 are passed over, and the work is bounded
  // (FUZZY_BUDGET; past it a row counts as added): 100,000 rows of other names against the issued ones add up.
  const issuedGrams = unmatched.length > 0 ? breakdown.rows.map((row) => nameGrams(row.name)) : [];
  let budget = FUZZY_BUDGET;
  for (const u of unmatched) {
    let best = { issued: -1, score: 0 };
    const x = budget > 0 ? nameGrams(u.name) : null;
    for (let i = 0; x && i < issuedGrams.length; i++) {
      if (taken.has(i)) continue;
      budget -= 1;
      if (gramBound(issuedGrams[i], x) < 0.6) continue;
      budget -= Math.min(issuedGrams[i].counts.size, x.counts.size);
      if (budget < 0) {
        best = { issued: -1, score: 0 };
        break;
      }
      const score = gramSimilarity(issuedGrams[i], x);
      if (score > best.score) best = { issued: i, score };
    }
    const cell = cellRef(u.row + 1, nameCol + 1);
    if (best.score >= 0.6) {
      taken.set(best.issued, u.row);
      matched.push({ row: u.row, issued: best.issued });
      add(
        "warning",
        "indicator_renamed",
        cell,
        message("return.indicator_renamed", { from: breakdown.rows[best.issued].name, to: quoted(u.name) }),
      );
    } else add("warning", "row_added", cell, message("return.row_added", { name: quoted(u.name) }));
  }
  matched.sort((a, b) => a.row - b.row);
  breakdown.rows.forEach((row, i) => {
    if (!taken.has(i)) add("error", "row_missing", "", message("return.row_deleted", { name: row.name }));
  });
  const kept = keptInOrder(matched.map((m) => m.issued));
  matched.forEach((m, i) => {
    if (!kept.has(i))
      add(
        "warning",
        "row_moved",
        cellRef(m.row + 1, nameCol + 1),
        message("return.row_moved", {
          name: breakdown.rows[m.issued].name,
          expected: TEMPLATE_HEADER_ROW + 1 + m.issued,
          row: m.row + 1,
        }),
      );
  });
  return matched;
}
