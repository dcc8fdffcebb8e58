// 年度目标: every year from the plan's first target year to its last for each indicator — the years the plan
// states as written, the years between derived (linear steps for 累计 counts, compound growth for amounts), and
// the 年均增长 the path implies. 倒排年度序时目标 from the final-year target.
import { averageAnnualGrowth, pathKindOf, yearlyPath } from "../allocate/paths";
import { decimalsFor } from "../allocate/allocate";
import { SheetBuilder } from "./builder";
import { BODY_STYLE, CENTER, HEADER_STYLE, NOTE_STYLE, numberFormat, TITLE_STYLE, WRAP_LEFT } from "./look";
import type { SheetSpec } from "./sheetSpec";

export const YEARLY_SHEET = "年度目标";

export interface YearlySource {
  name: string;
  unit: string;
  /** Year → number, or null where the plan has no number (words, pending). */
  targets: Record<string, number | null>;
}

const PATH_LABEL = { linear: "逐年等量", compound: "逐年等比" } as const;

export function yearlySheet(indicators: YearlySource[], title: string, name = YEARLY_SHEET): SheetSpec {
  const given = [...new Set(indicators.flatMap((i) => Object.keys(i.targets)))]
    .map(Number)
    .sort((a, b) => a - b);
  const years = given.length
    ? Array.from({ length: given[given.length - 1] - given[0] + 1 }, (_, k) => given[0] + k)
    : [];
  const header = ["序号", "指标", "计量单位", "推算方法", ...years.map((y) => `${y}年`), "年均增长(%)"];
  const last = header.length;
  const b = new SheetBuilder(name);
  b.title(1, last, `${title}年度目标`, TITLE_STYLE);
  b.set(
    2,
    1,
    "说明:方案列明的年份照录(加粗);其间年份按推算方法倒排:累计类逐年等量,总量类逐年等比;年均增长按首末年计算。",
  );
  b.merge(2, 1, 2, last).style(2, 1, 2, last, NOTE_STYLE);
  b.setRow(3, 1, header).style(3, 1, 3, last, HEADER_STYLE);
  let r = 4;
  indicators.forEach((ind, k) => {
    const known = Object.entries(ind.targets)
      .filter((e): e is [string, number] => e[1] !== null)
      .map(([y, value]) => ({ year: Number(y), value }));
    const kind = pathKindOf(ind.name, ind.unit);
    const decimals = Math.max(
      decimalsFor(ind.unit, undefined),
      ...known.map((p) => (String(p.value).split(".")[1] ?? "").length),
    );
    const path = yearlyPath(known, kind, ind.unit === "%" ? 1 : decimals);
    b.setRow(r, 1, [k + 1, ind.name, ind.unit, known.length > 1 ? PATH_LABEL[kind] : "—"]);
    for (const p of path) {
      const c = 5 + years.indexOf(p.year);
      b.set(r, c, p.value).style(
        r,
        c,
        r,
        c,
        p.given ? { font: { bold: true } } : { font: { color: "#595959" } },
      );
    }
    b.style(r, 5, r, 4 + years.length, { numberFormat: numberFormat(ind.unit === "%" ? 1 : decimals) });
    const first = known[0];
    const end = known[known.length - 1];
    if (known.length > 1 && kind === "compound" && ind.unit !== "%" && first.value > 0 && end.value > 0) {
      b.set(r, last, Number(averageAnnualGrowth(first.value, end.value, end.year - first.year).toFixed(2)));
      b.style(r, last, r, last, { numberFormat: "0.00" });
    }
    r++;
  });
  const lastRow = Math.max(4, r - 1);
  b.style(4, 1, lastRow, last, BODY_STYLE);
  b.style(4, 1, lastRow, 1, CENTER);
  b.style(4, 2, lastRow, 2, WRAP_LEFT);
  b.style(4, 3, lastRow, 4, CENTER);
  return b.finishTable({
    headerRow: 3,
    lastRow,
    lastColumn: last,
    widths: [6, 36, 10, 10, ...years.map(() => 10), 12],
    frozenColumns: 2,
  });
}
