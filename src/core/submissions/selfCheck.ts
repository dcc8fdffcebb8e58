// 本单位自查: a town checks its filled 填报 before sending it, in Excel, without the city's plan. The issued targets
// are read from the template itself (its locked 下达目标 column), so the same validation as the city's applies:
// blanks, numbers typed as text, units, figures below the target, and every finding names its cell.
import { cellText, type Grid } from "../grid";
import type { Breakdown, BreakdownRow } from "../model";
import { kindFromLabel, kindOf, splitNameUnit } from "../units";
import type { Finding } from "./finding";
import { findMarker, townInTitle } from "./identify";
import { cellOf } from "./breakdownFromGrid";
import { findTemplateHeader, norm } from "./returnTable";
import { isFooterRow } from "./signOff";
import { TEMPLATE_SHEET } from "./templateSheet";
import { validateReturn } from "./validateReturn";

/** The breakdown a template was issued from, for its one town; null when the workbook holds no 填报 table. */
export function issuedFromTemplate(grids: Grid[]): { breakdown: Breakdown; town: string } | null {
  const candidates = grids.map((g) => ({ g, header: findTemplateHeader(g) })).filter((x) => x.header >= 0);
  const found = candidates.find((x) => x.g.name === TEMPLATE_SHEET) ?? candidates[0];
  if (!found) return null;
  const { g, header } = found;
  const heads = (g.rows[header] ?? []).map(norm);
  const col = (name: string) => heads.indexOf(name);
  const [nameCol, unitCol, kindCol, targetCol] = [
    col("指标名称"),
    col("计量单位"),
    col("类型"),
    col("下达目标"),
  ];
  if (nameCol < 0 || targetCol < 0) return null;
  const marker = findMarker(grids)?.marker;
  const town = marker?.unit || townInTitle(g, header, []) || "本单位";
  const rows: BreakdownRow[] = [];
  for (let r = header + 1; r < g.rows.length; r++) {
    const cells = g.rows[r] ?? [];
    const raw = cellText(cells[nameCol] ?? null).trim();
    if (!raw || isFooterRow(cells)) continue;
    const split = splitNameUnit(raw);
    const unit = unitCol >= 0 ? cellText(cells[unitCol] ?? null).trim() || split.unit : split.unit;
    const kind =
      (kindCol >= 0 ? kindFromLabel(cellText(cells[kindCol] ?? null)) : undefined) ??
      kindOf(split.name, unit);
    const target = cellOf(cells[targetCol]);
    rows.push({
      no: rows.length + 1,
      name: split.name,
      unit,
      kind,
      values: { [town]: target },
      total: target,
      dept: "",
    });
  }
  const title = cellText(g.rows[0]?.[0] ?? null).trim();
  const year = marker?.year || /((?:19|20)\d{2})年/.exec(title)?.[1] || "";
  return {
    town,
    breakdown: { title: marker?.plan || title, year, units: [town], totalColumn: "合计", rows },
  };
}

/** The findings of a self-check, or null when the workbook is no filled-in template. */
export function selfCheck(grids: Grid[], fileName: string): { town: string; findings: Finding[] } | null {
  const issued = issuedFromTemplate(grids);
  if (!issued) return null;
  const v = validateReturn(grids, { breakdown: issued.breakdown, towns: [issued.town] }, fileName);
  // Who sent it is the town itself here: being identified by title rather than marker is no problem.
  return {
    town: issued.town,
    findings: v.findings.filter((f) => f.code !== "no_marker" && f.code !== "unknown_unit"),
  };
}
