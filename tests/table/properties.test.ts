// Properties of the table reader and the check on random breakdown tables: a verdict depends on the numbers and
// what they measure, never on the layout — transposed, reordered, with subtotal columns, split into tiers or years.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbookDetailed, type SheetReport } from "../../src/core/check/checkWorkbook";
import type { RowResult } from "../../src/core/check/checkBreakdown";
import type { Grid, GridValue } from "../../src/core/grid";
import { columnLetter } from "../../src/core/layout/a1";

const RUNS = { numRuns: 200 };

const STREETS = ["当湖街道", "钟埭街道", "曹桥街道", "乙街道"];
const TOWNS = ["新埭镇", "新仓镇", "广陈镇", "林埭镇", "甲镇", "丙镇"];
/** 总量型: amounts that add up to the total. */
const AMOUNTS = ["制造业投资(亿元)", "技改投资(亿元)", "专精特新企业(家)", "发明专利(件)", "新增用地(亩)"];
/** 质态型: rates, checked against the towns' range. */
const RATES = ["亩均税收(万元/亩)", "增加值增速(%)", "研发投入占比(%)", "全员劳动生产率(万元/人)"];
const isRate = (name: string) => RATES.includes(name);

/** One measure's numbers of an indicator, for up to six towns, and how its total is made from them. */
interface ValueSpec {
  values: number[];
  /** The total is off (by delta) rather than the exact sum / inside the range. */
  off: boolean;
  delta: number;
  /** Off below (or, for a rate, below the smallest town) rather than above. */
  below: boolean;
  /** Which value inside the range a rate's total takes. */
  pick: number;
}

const valueSpec: fc.Arbitrary<ValueSpec> = fc.record({
  values: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 6, maxLength: 6 }),
  off: fc.boolean(),
  delta: fc.integer({ min: 1, max: 20 }),
  below: fc.boolean(),
  pick: fc.nat(1000),
});

interface IndicatorSpec {
  name: string;
  /** Two independent sets of numbers: the second is used for 力争 or for the second year. */
  specs: [ValueSpec, ValueSpec];
}

const indicatorSpec: fc.Arbitrary<IndicatorSpec> = fc.record({
  name: fc.constantFrom(...AMOUNTS, ...RATES),
  specs: fc.tuple(valueSpec, valueSpec),
});

const indicatorSpecs = fc.uniqueArray(indicatorSpec, { minLength: 1, maxLength: 5, selector: (i) => i.name });

/** 2–6 units, streets and towns mixed in any order. */
const unitNames = fc.shuffledSubarray([...STREETS, ...TOWNS], { minLength: 2, maxLength: 6 });

/** A value inside [lo, hi]. */
const inside = (lo: number, hi: number, pick: number) => lo + (pick % (hi - lo + 1));

/** The total of an indicator's towns: the exact sum (or a value in their range for a rate), else off by delta. */
function totalOf(name: string, values: number[], s: ValueSpec): number {
  if (isRate(name)) {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    if (!s.off) return inside(lo, hi, s.pick);
    return s.below ? lo - s.delta : hi + s.delta;
  }
  const sum = values.reduce((a, b) => a + b, 0);
  return s.off ? sum + (s.below ? -s.delta : s.delta) : sum;
}

/** A position on the unit axis: a town, a subtotal or the total, with its number for each indicator. */
interface AxisItem {
  header: string;
  total?: boolean;
  cells: number[];
}

interface Table {
  names: string[];
  units: string[];
  /** Units in order, the total last. */
  axis: AxisItem[];
}

/** The plain table of layer 0 (or 1) of the specs: the towns' numbers and the total of each indicator. */
function tableOf(units: string[], inds: IndicatorSpec[], layer: 0 | 1 = 0): Table {
  const values = inds.map((i) => i.specs[layer].values.slice(0, units.length));
  const axis: AxisItem[] = units.map((header, k) => ({ header, cells: values.map((v) => v[k]) }));
  axis.push({
    header: "全市",
    total: true,
    cells: inds.map((i, n) => totalOf(i.name, values[n], i.specs[layer])),
  });
  return { names: inds.map((i) => i.name), units, axis };
}

/** Indicators as rows, units (and the total 全市) as columns. */
function asIndicatorRows(t: Table, name = "P"): Grid {
  return {
    name,
    rows: [
      ["指标名称", ...t.axis.map((a) => a.header)],
      ...t.names.map((n, i) => [n, ...t.axis.map((a) => a.cells[i])]),
    ],
  };
}

/** Units as rows (the total a 合计 row), indicators as columns. */
function asUnitRows(t: Table, name = "P"): Grid {
  return {
    name,
    rows: [["镇(街道)", ...t.names], ...t.axis.map((a) => [a.total ? "合计" : a.header, ...a.cells])],
  };
}

const letter = (c: number) => columnLetter(c + 1);

/** 确保 and 力争 under each town's merged name (and under 全市), two header rows. */
function asTiers(committed: Table, stretch: Table, stretchFirst: boolean, merged: boolean): Grid {
  const words = stretchFirst ? ["力争", "确保"] : ["确保", "力争"];
  const [first, second] = stretchFirst ? [stretch, committed] : [committed, stretch];
  const top: GridValue[] = ["指标名称"];
  const sub: GridValue[] = [null];
  const merges = ["A1:A2"];
  committed.axis.forEach((a, j) => {
    top.push(a.header, null);
    sub.push(...words);
    merges.push(`${letter(1 + 2 * j)}1:${letter(2 + 2 * j)}1`);
  });
  const rows = committed.names.map((n, i) => [
    n,
    ...committed.axis.flatMap((_, j) => [first.axis[j].cells[i], second.axis[j].cells[i]]),
  ]);
  return { name: "P", rows: [top, sub, ...rows], ...(merged ? { merges } : {}) };
}

/** Two years side by side: "2024年" over its towns and 全市, "2025年" over the next group. */
function asYears(y2024: Table, y2025: Table, merged: boolean): Grid {
  const n = y2024.axis.length;
  const top: GridValue[] = [
    "指标名称",
    "2024年",
    ...Array(n - 1).fill(null),
    "2025年",
    ...Array(n - 1).fill(null),
  ];
  const sub: GridValue[] = [null, ...y2024.axis.map((a) => a.header), ...y2025.axis.map((a) => a.header)];
  const merges = ["A1:A2", `B1:${letter(n)}1`, `${letter(n + 1)}1:${letter(2 * n)}1`];
  const rows = y2024.names.map((name, i) => [
    name,
    ...y2024.axis.map((a) => a.cells[i]),
    ...y2025.axis.map((a) => a.cells[i]),
  ]);
  return { name: "P", rows: [top, sub, ...rows], ...(merged ? { merges } : {}) };
}

/** The one report of a sheet that must be read as a breakdown table. */
function check(grid: Grid): SheetReport {
  const { reports, problems } = checkWorkbookDetailed([grid]);
  expect(problems).toEqual([]);
  expect(reports).toHaveLength(1);
  return reports[0];
}

type Verdict = [string, string, number | null];
const verdict = (r: RowResult): Verdict => [
  r.subtotal ? `${r.indicator}/${r.subtotal}` : r.indicator,
  r.status,
  r.difference,
];
const verdicts = (results: RowResult[]): Verdict[] => results.map(verdict);
const sorted = (vs: Verdict[]) => [...vs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** What a clerk would say of each indicator of a plain table. */
function expected(t: Table): Verdict[] {
  return t.names.map((raw, i) => {
    const name = raw.replace(/\(.*\)$/, "");
    const towns = t.axis.filter((a) => !a.total && t.units.includes(a.header)).map((a) => a.cells[i]);
    const total = t.axis.find((a) => a.total)!.cells[i];
    if (isRate(raw)) {
      const ok = total >= Math.min(...towns) && total <= Math.max(...towns);
      return [name, ok ? "ok" : "out_of_range", null];
    }
    const diff = towns.reduce((a, b) => a + b, 0) - total;
    return [name, diff === 0 ? "ok" : diff > 0 ? "over" : "short", diff];
  });
}

/** A permutation of 0..n-1 from random keys. */
const permutation = (keys: number[], n: number) =>
  [...Array(n).keys()].sort((a, b) => (keys[a % keys.length] ?? 0) - (keys[b % keys.length] ?? 0) || a - b);

describe("property: the plain table", () => {
  it("each indicator's verdict is the sum (总量型) or range (质态型) verdict, in both orientations", () => {
    fc.assert(
      fc.property(unitNames, indicatorSpecs, (units, inds) => {
        const t = tableOf(units, inds);
        const rows = check(asIndicatorRows(t));
        expect(rows.orientation).toBe("indicator-rows");
        expect(rows.units).toEqual(units);
        expect(rows.subtotals).toEqual([]);
        expect(verdicts(rows.results)).toEqual(expected(t));
        const cols = check(asUnitRows(t));
        expect(cols.orientation).toBe("unit-rows");
        expect(cols.units).toEqual(units);
        expect(verdicts(cols.results)).toEqual(expected(t));
      }),
      RUNS,
    );
  });
});

describe("property: verdicts do not depend on the layout", () => {
  it("1. transposing (indicators as rows ↔ towns as rows with a 合计 row) changes no verdict", () => {
    fc.assert(
      fc.property(unitNames, indicatorSpecs, (units, inds) => {
        const t = tableOf(units, inds);
        const a = check(asIndicatorRows(t));
        const b = check(asUnitRows(t));
        expect(b.results).toHaveLength(inds.length);
        expect(verdicts(b.results)).toEqual(verdicts(a.results));
      }),
      RUNS,
    );
  });

  it("2. reordering the units, the total among them, or the indicators changes no verdict", () => {
    fc.assert(
      fc.property(
        unitNames,
        indicatorSpecs,
        fc.array(fc.nat(100), { minLength: 7, maxLength: 7 }),
        fc.array(fc.nat(100), { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        (units, inds, unitKeys, indKeys, transposed) => {
          const t = tableOf(units, inds);
          const axisOrder = permutation(unitKeys, t.axis.length);
          const indOrder = permutation(indKeys, t.names.length);
          const shuffled: Table = {
            names: indOrder.map((i) => t.names[i]),
            units: t.units,
            axis: axisOrder.map((j) => ({ ...t.axis[j], cells: indOrder.map((i) => t.axis[j].cells[i]) })),
          };
          const render = transposed ? asUnitRows : asIndicatorRows;
          const a = check(render(t));
          const b = check(render(shuffled));
          expect(b.units).toEqual(shuffled.axis.filter((x) => !x.total).map((x) => x.header));
          expect(sorted(verdicts(b.results))).toEqual(sorted(verdicts(a.results)));
          expect(verdicts(b.results)).toEqual(indOrder.map((i) => verdicts(a.results)[i]));
        },
      ),
      RUNS,
    );
  });

  it("3. a 街道小计 / 镇小计 equal to its members changes no verdict and adds no subtotal result", () => {
    const grouped = fc
      .tuple(
        fc.shuffledSubarray(STREETS, { minLength: 0, maxLength: 3 }),
        fc.shuffledSubarray(TOWNS, { minLength: 0, maxLength: 3 }),
      )
      .filter(([s, t]) => s.length + t.length >= 2);
    fc.assert(
      fc.property(
        grouped,
        indicatorSpecs,
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(1000), { minLength: 10, maxLength: 10 }),
        fc.boolean(),
        ([streets, towns], inds, streetSub, townSub, picks, transposed) => {
          const t = tableOf([...streets, ...towns], inds);
          const subtotal = (header: string, members: string[], p: number): AxisItem => ({
            header,
            cells: t.names.map((name, i) => {
              const vs = t.axis.filter((a) => members.includes(a.header)).map((a) => a.cells[i]);
              if (!isRate(name)) return vs.reduce((x, y) => x + y, 0);
              return inside(Math.min(...vs), Math.max(...vs), picks[(p + i) % picks.length]);
            }),
          });
          const byName = (h: string) => t.axis.find((a) => a.header === h)!;
          const axis: AxisItem[] = [...streets.map(byName)];
          const subs: { header: string; members: string[]; by: "name" }[] = [];
          if (streetSub && streets.length > 0) {
            axis.push(subtotal("街道小计", streets, 0));
            subs.push({ header: "街道小计", members: streets, by: "name" });
          }
          axis.push(...towns.map(byName));
          if (townSub && towns.length > 0) {
            axis.push(subtotal("镇小计", towns, 5));
            subs.push({ header: "镇小计", members: towns, by: "name" });
          }
          axis.push(t.axis[t.axis.length - 1]);
          const withSubs: Table = { ...t, axis };
          const render = transposed ? asUnitRows : asIndicatorRows;
          const a = check(render(t));
          const b = check(render(withSubs));
          expect(b.units).toEqual(t.units);
          expect(b.subtotals).toEqual(subs);
          expect(b.results.filter((r) => r.subtotal)).toEqual([]);
          expect(verdicts(b.results)).toEqual(verdicts(a.results));
        },
      ),
      RUNS,
    );
  });

  it("4a. 确保/力争 under merged town names: each tier's verdicts are those of a plain table of its numbers", () => {
    fc.assert(
      fc.property(
        unitNames,
        indicatorSpecs,
        fc.boolean(),
        fc.boolean(),
        (units, inds, stretchFirst, merged) => {
          const committed = tableOf(units, inds, 0);
          const stretch = tableOf(units, inds, 1);
          const r = check(asTiers(committed, stretch, stretchFirst, merged));
          expect(r.units).toEqual(units);
          expect(r.measures.map((m) => m.tier)).toEqual(["committed", "stretch"]);
          expect(r.results).toHaveLength(2 * inds.length);
          const tier = (t: string) => verdicts(r.results.filter((x) => x.measure.tier === t));
          expect(tier("committed")).toEqual(verdicts(check(asIndicatorRows(committed)).results));
          expect(tier("stretch")).toEqual(verdicts(check(asIndicatorRows(stretch)).results));
        },
      ),
      RUNS,
    );
  });

  it("4b. two years side by side: each year's verdicts are those of a plain table of its numbers", () => {
    fc.assert(
      fc.property(unitNames, indicatorSpecs, fc.boolean(), (units, inds, merged) => {
        const y2024 = tableOf(units, inds, 0);
        const y2025 = tableOf(units, inds, 1);
        const r = check(asYears(y2024, y2025, merged));
        expect(r.units).toEqual(units);
        expect(r.measures.map((m) => m.year)).toEqual(["2024", "2025"]);
        expect(r.results).toHaveLength(2 * inds.length);
        const year = (y: string) => verdicts(r.results.filter((x) => x.measure.year === y));
        expect(year("2024")).toEqual(verdicts(check(asIndicatorRows(y2024)).results));
        expect(year("2025")).toEqual(verdicts(check(asIndicatorRows(y2025)).results));
      }),
      RUNS,
    );
  });
});
