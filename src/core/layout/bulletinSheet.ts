// 亮晒: the monthly bulletin, towns × indicators with the cumulative value, completion, 序时进度, gap, rank and a
// traffic light, a summary line per town, A4 landscape. Completion, gap, rank, streak and colour are formulas over
// the values and the parameters in row 3, so the colours follow when a number or a parameter is changed.
import type { Breakdown } from "../model";
import type { ProgressResult, ProgressRow } from "../progress/evaluate";
import { periodLabel } from "../progress/month";
import type { ProgressSettings } from "../progress/settings";
import { KIND_LABEL } from "../units";
import { SheetBuilder, mergeRuns } from "./builder";
import { BODY_STYLE, CENTER, HEADER_STYLE, NOTE_STYLE, TITLE_STYLE, WRAP_LEFT } from "./look";
import type { SheetSpec } from "./sheetSpec";

const HEADER = [
  "指标",
  "类型",
  "镇(街道)",
  "累计值",
  "年度目标",
  "完成率",
  "序时进度",
  "差距",
  "排名",
  "上月连续落后",
  "连续落后月数",
  "灯",
  "状态",
];
const LAST = HEADER.length;
const HEADER_ROW = 4;
/** Where the parameters stand (row 3): the formulas refer to them absolutely. */
export const PARAM_CELLS = { streakMonths: "$B$3", bottomShare: "$D$3", tolerance: "$F$3" } as const;
export const LIGHT_FILL = {
  red: { fill: "#FFC7CE", font: "#9C0006" },
  yellow: { fill: "#FFEB9C", font: "#9C5700" },
  green: { fill: "#C6EFCE", font: "#006100" },
} as const;
const PERCENT = { numberFormat: "0.0%" };

export function bulletinSheetName(month: number): string {
  return `${periodLabel(month)}亮晒`;
}

/** The rule in words, for the note under the title. */
export function ruleText(s: ProgressSettings): string {
  const share = Math.abs(s.bottomShare - 1 / 3) < 1e-9 ? "三分之一" : `${Math.round(s.bottomShare * 100)}%`;
  return (
    `完成率 = 累计值 ÷ 年度目标;序时进度:总量型为 月数/12(或“进度设置”中该指标的月度进度),质态型为 100%(实际值直接与年度目标比较),` +
    `累计型指标按方案年度路径;差距 = 完成率 − 序时进度;排名按完成率在各镇(街道)中由高到低。` +
    `绿灯:达到序时进度(差距 ≥ −容差);黄灯:本月落后于序时进度;红灯:连续落后 ${s.streakMonths} 个月及以上(含本月)且排名在后${share}` +
    `(排名 > 参与排名单位数 × (1 − 末位比例))。第 3 行的参数可改,颜色随之更新。`
  );
}

export interface BulletinLine {
  /** "制造业投资(亿元)": the name with its 计量单位, as the sheet labels a block. */
  indicator: string;
  /** The breakdown's name and 计量单位, apart. */
  name: string;
  measure: string;
  kind: string;
  unit: string;
  row: ProgressRow | null;
  target: number | null;
}

/**
 * The lines of the table: each indicator with a figure, its towns in the breakdown's order (未报 included). The
 * 通报's table (bulletinDoc.ts) has the same lines.
 */
export function bulletinLines(breakdown: Breakdown, result: ProgressResult): BulletinLine[][] {
  // Rows and missing figures by indicator, then by unit (the first of each): looked up, not filtered out of the
  // whole result for each indicator and searched for each town (quadratic with thousands of towns).
  const rowsOf = new Map<string, Map<string, ProgressRow>>();
  for (const r of result.rows) {
    const byUnit = rowsOf.get(r.indicator) ?? new Map<string, ProgressRow>();
    rowsOf.set(r.indicator, byUnit);
    if (!byUnit.has(r.unit)) byUnit.set(r.unit, r);
  }
  const missingOf = new Map<string, Set<string>>();
  for (const m of result.missing)
    missingOf.set(m.indicator, (missingOf.get(m.indicator) ?? new Set()).add(m.unit));
  const blocks: BulletinLine[][] = [];
  for (const b of breakdown.rows) {
    const rows = rowsOf.get(b.name) ?? new Map<string, ProgressRow>();
    const missing = missingOf.get(b.name) ?? new Set<string>();
    if (rows.size === 0 && missing.size === 0) continue;
    const label = b.unit ? `${b.name}(${b.unit})` : b.name;
    blocks.push(
      breakdown.units
        .filter((u) => rows.has(u) || missing.has(u))
        .map((u) => ({
          indicator: label,
          name: b.name,
          measure: b.unit,
          kind: KIND_LABEL[b.kind],
          unit: u,
          row: rows.get(u) ?? null,
          target: b.values[u]?.value ?? null,
        })),
    );
  }
  return blocks;
}

function lineFormulas(r: number, first: number, last: number) {
  const block = (col: string) => `${col}$${first}:${col}$${last}`;
  const { streakMonths: n, bottomShare: share, tolerance: tol } = PARAM_CELLS;
  return {
    completion: { formula: `IF(AND(ISNUMBER(D${r}),ISNUMBER(E${r})),IF(E${r}<>0,D${r}/E${r},""),"")` },
    gap: { formula: `IF(ISNUMBER(F${r}),F${r}-G${r},"")` },
    rank: { formula: `IF(ISNUMBER(F${r}),SUMPRODUCT(ISNUMBER(${block("F")})*(${block("F")}>F${r}))+1,"")` },
    streak: { formula: `IF(ISNUMBER(H${r}),IF(H${r}<-${tol},J${r}+1,0),0)` },
    light: {
      formula: `IF(ISNUMBER(H${r}),IF(H${r}>=-${tol},3,IF(AND(K${r}>=${n},I${r}>COUNT(${block("F")})*(1-${share})),1,2)),"")`,
    },
    word: { formula: `IF(ISNUMBER(L${r}),IF(L${r}=3,"绿",IF(L${r}=2,"黄","红")),"未报")` },
  };
}

export function bulletinSheet(
  breakdown: Breakdown,
  result: ProgressResult,
  settings: ProgressSettings,
  name = bulletinSheetName(result.month),
): SheetSpec {
  const b = new SheetBuilder(name);
  const period = periodLabel(result.month);
  b.title(1, LAST, `${breakdown.year}年${period}目标任务完成情况亮晒`, TITLE_STYLE);
  b.set(2, 1, ruleText(settings))
    .merge(2, 1, 2, LAST)
    .style(2, 1, 2, LAST, { ...NOTE_STYLE, wrap: true });
  b.spec.rowHeights[2] = 48;
  // The parameters, editable (yellow): the formulas below refer to B3, D3 and F3.
  b.setRow(3, 1, ["参数:红灯连续落后月数", settings.streakMonths, "末位比例", settings.bottomShare, "容差"]);
  b.set(3, 6, settings.tolerance).style(3, 1, 3, 6, { ...NOTE_STYLE, horizontal: "right" });
  for (const c of [2, 4, 6]) b.style(3, c, 3, c, { fill: "#FFF2CC", horizontal: "center", border: true });
  b.style(3, 4, 3, 4, PERCENT).style(3, 6, 3, 6, PERCENT);
  b.setRow(HEADER_ROW, 1, [...HEADER.slice(0, 3), `${period}累计`, ...HEADER.slice(4)]);
  b.style(HEADER_ROW, 1, HEADER_ROW, LAST, HEADER_STYLE);
  b.spec.rowHeights[HEADER_ROW] = 30;
  let r = HEADER_ROW + 1;
  for (const block of bulletinLines(breakdown, result)) {
    const first = r;
    const last = r + block.length - 1;
    for (const line of block) {
      const f = lineFormulas(r, first, last);
      b.setRow(r, 1, [line.indicator, line.kind, line.unit, line.row?.value ?? null, line.target]);
      b.setRow(r, 6, [f.completion, line.row?.schedule ?? null, f.gap, f.rank]);
      b.setRow(r, 10, [line.row?.previousStreak ?? 0, f.streak, f.light, f.word]);
      r++;
    }
    mergeRuns(
      b,
      1,
      first,
      block.map((l) => l.indicator),
    );
    mergeRuns(
      b,
      2,
      first,
      block.map((l) => l.kind),
    );
  }
  const lastLine = Math.max(HEADER_ROW + 1, r - 1);
  b.style(HEADER_ROW + 1, 1, lastLine, LAST, BODY_STYLE);
  b.style(HEADER_ROW + 1, 1, lastLine, 1, WRAP_LEFT);
  b.style(HEADER_ROW + 1, 2, lastLine, 3, CENTER).style(HEADER_ROW + 1, 9, lastLine, LAST, CENTER);
  b.style(HEADER_ROW + 1, 6, lastLine, 8, PERCENT);
  const lines = [HEADER_ROW + 1, lastLine];
  const statusRef = `M${lines[0]}:M${lines[1]}`;
  for (const [code, light] of [
    [1, LIGHT_FILL.red],
    [2, LIGHT_FILL.yellow],
    [3, LIGHT_FILL.green],
  ] as const)
    b.spec.conditionalFormats.push({
      ref: statusRef,
      formula: `$L${lines[0]}=${code}`,
      fill: light.fill,
      fontColor: light.font,
    });
  b.spec.iconSets = [
    { ref: `L${lines[0]}:L${lines[1]}`, icons: "3TrafficLights", yellowFrom: 2, greenFrom: 3 },
  ];
  b.spec.dataBars = [{ ref: `F${lines[0]}:F${lines[1]}`, color: "#5B9BD5", min: 0, max: 1 }];
  const summary = summaryBlock(b, breakdown, result, lastLine + 2, lines);
  b.spec.charts = [
    {
      type: "columnClustered",
      title: `${period}各镇(街道)总量型指标平均完成率与序时进度`,
      source: `C${summary.header}:E${summary.last}`,
      position: `O${HEADER_ROW}:X${HEADER_ROW + 18}`,
    },
  ];
  return b.finishTable({
    headerRow: HEADER_ROW,
    lastRow: summary.last,
    lastColumn: LAST,
    widths: [30, 8, 11, 11, 10, 11, 9, 9, 6, 8, 8, 5, 6],
    frozenColumns: 3,
  });
}

/** Per town: the 总量型 averages (the chart's data) and the counts of red, yellow and green lights. */
function summaryBlock(
  b: SheetBuilder,
  breakdown: Breakdown,
  result: ProgressResult,
  header: number,
  [first, lastLine]: number[],
): { header: number; last: number } {
  b.set(header, 1, "各镇(街道)汇总").merge(header, 1, header + breakdown.units.length, 2);
  b.setRow(header, 3, ["镇(街道)", "平均完成率", "平均序时进度", "绿灯", "黄灯", "红灯", "未报"]);
  b.style(header, 1, header, 9, HEADER_STYLE);
  const count = (town: number, test: string) => `SUMPRODUCT(($C$${first}:$C$${lastLine}=C${town})*(${test}))`;
  // Each unit's 总量型 rows, gathered once (not filtered out of every row for every unit).
  const totalsOf = new Map<string, ProgressRow[]>();
  for (const x of result.rows) {
    if (x.kind !== "total") continue;
    const list = totalsOf.get(x.unit);
    if (list) list.push(x);
    else totalsOf.set(x.unit, [x]);
  }
  breakdown.units.forEach((unit, i) => {
    const r = header + 1 + i;
    const totals = totalsOf.get(unit) ?? [];
    const mean = (f: (x: ProgressRow) => number) =>
      totals.length ? totals.reduce((a, x) => a + f(x), 0) / totals.length : null;
    b.setRow(r, 3, [unit, mean((x) => x.completion), mean((x) => x.schedule)]);
    b.setRow(r, 6, [
      { formula: count(r, `$L$${first}:$L$${lastLine}=3`) },
      { formula: count(r, `$L$${first}:$L$${lastLine}=2`) },
      { formula: count(r, `$L$${first}:$L$${lastLine}=1`) },
      { formula: count(r, `$M$${first}:$M$${lastLine}="未报"`) },
    ]);
  });
  const last = header + breakdown.units.length;
  b.style(header, 1, last, 9, BODY_STYLE).style(header + 1, 3, last, 9, CENTER);
  b.style(header + 1, 1, last, 2, { ...CENTER, vertical: "middle" });
  b.style(header + 1, 4, last, 5, PERCENT);
  return { header, last };
}
