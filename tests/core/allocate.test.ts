// Spreading: properties over 10,000 random cases each, and the acceptance cases on 附件3's 制造业投资.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, AllocationError } from "../../src/core/allocate/allocate";
import { toUnits } from "../../src/core/allocate/rounding";
import { message } from "../../src/core/messages/message";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { readSeed } from "../helpers/seeds";

const RUNS = { numRuns: 10_000 };
const units = (xs: number[], d: number) => xs.reduce((s, x) => s + Math.round(toUnits(x, d)), 0);

/** A random allocation problem: towns with bases, optional held towns and feasible bounds, a total on the grid. */
const problem = fc
  .record({
    n: fc.integer({ min: 1, max: 25 }),
    decimals: fc.integer({ min: 0, max: 4 }),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 25, maxLength: 25 }),
    holdMask: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
    boundMask: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 25, maxLength: 25 }),
    totalUnits: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .map(({ n, decimals, seed, holdMask, boundMask, totalUnits }) => {
    const towns = Array.from(
      { length: n },
      (_, i) => `镇${String.fromCharCode(0x4e00 + ((seed[i] * 7 + i) % 500))}${i}`,
    );
    const bases = towns.map((_, i) => (seed[i] % 5 === 0 ? 0 : seed[i] / 100));
    const scale = 10 ** decimals;
    const held: Record<string, number> = {};
    // Keep at least one town free; held values are on the grid.
    towns.forEach((t, i) => {
      if (holdMask[i] && i > 0) held[t] = Math.floor((seed[i] % 1000) * 3) / scale;
    });
    const heldUnits = Object.values(held).reduce((s, v) => s + Math.round(v * scale), 0);
    const total = (heldUnits + totalUnits) / scale;
    const rest = totalUnits / scale;
    // Bounds around each free town's unbounded share, loosened so that they stay feasible.
    const min: Record<string, number> = {};
    const max: Record<string, number> = {};
    const free = towns.filter((t) => !(t in held));
    const even = rest / free.length;
    free.forEach((t, k) => {
      const i = towns.indexOf(t);
      if (boundMask[i] === 1) min[t] = Math.floor(even * 0.5 * scale) / scale;
      if (boundMask[i] === 2) max[t] = Math.ceil(even * 1.5 * scale) / scale;
      void k;
    });
    const minSum = Object.values(min).reduce((s, v) => s + v, 0);
    const maxFree = free.filter((t) => !(t in max)).length;
    const maxSum = Object.values(max).reduce((s, v) => s + v, 0);
    // A problem where every free town is capped below the rest is infeasible: drop the caps then.
    if (maxFree === 0 && maxSum < rest) for (const t of Object.keys(max)) delete max[t];
    if (minSum > rest) for (const t of Object.keys(min)) delete min[t];
    return { towns, bases, held, min, max, total, decimals };
  });

type Problem = typeof problem extends fc.Arbitrary<infer T> ? T : never;

/** Whether proportional shares can reach the rest: a zero-base town takes its floor (or 0), a capped one its cap. */
function feasible(p: Problem): boolean {
  const free = p.towns.filter((t) => !(t in p.held));
  const rest = p.total - Object.values(p.held).reduce((s, v) => s + v, 0);
  const anyBase = free.some((t) => p.bases[p.towns.indexOf(t)] > 0);
  if (!anyBase) return true; // equal shares
  const reach = free.reduce(
    (s, t) =>
      s +
      (p.bases[p.towns.indexOf(t)] > 0
        ? (p.max[t] ?? Infinity)
        : Math.min(p.max[t] ?? Infinity, Math.max(p.min[t] ?? 0, 0))),
    0,
  );
  return reach >= rest - 1e-9;
}

/** Runs the allocation; an infeasible problem must be refused with an AllocationError, and is then skipped. */
function run(p: Problem, extra: Partial<Parameters<typeof allocate>[0]> = {}) {
  if (!feasible(p)) {
    expect(() => allocate({ ...p, method: "proportional", ...extra })).toThrow(AllocationError);
    return null;
  }
  return allocate({ ...p, method: "proportional", ...extra });
}

describe("allocate: properties (10,000 cases each)", () => {
  it("keeps the total exact after rounding, in decimal units", () => {
    fc.assert(
      fc.property(problem, (p) => {
        const r = run(p);
        if (r) expect(units(r.values, p.decimals)).toBe(Math.round(toUnits(p.total, p.decimals)));
      }),
      RUNS,
    );
  });

  it("leaves held towns' values unchanged", () => {
    fc.assert(
      fc.property(problem, (p) => {
        const r = run(p);
        if (r) for (const [t, v] of Object.entries(p.held)) expect(r.values[p.towns.indexOf(t)]).toBe(v);
      }),
      RUNS,
    );
  });

  it("respects floors and caps", () => {
    fc.assert(
      fc.property(problem, (p) => {
        const r = run(p);
        p.towns.forEach((t, i) => {
          if (!r) return;
          if (t in p.min) expect(r.values[i]).toBeGreaterThanOrEqual(p.min[t] - 1e-9);
          if (t in p.max) expect(r.values[i]).toBeLessThanOrEqual(p.max[t] + 1e-9);
        });
      }),
      RUNS,
    );
  });

  it("puts every share within one rounding unit of its exact value", () => {
    fc.assert(
      fc.property(problem, (p) => {
        const r = run(p);
        const unit = 10 ** -p.decimals;
        r?.values.forEach((v, i) => expect(Math.abs(v - r.exact[i])).toBeLessThan(unit + 1e-9));
      }),
      RUNS,
    );
  });

  it("gives every town the same value whatever order the towns are listed in", () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 0, max: 1_000_000 }), (p, shuffleSeed) => {
        const order = p.towns
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + shuffleSeed) % 101) - ((b * 7919 + shuffleSeed) % 101) || a - b);
        const a = run(p);
        const b = run(p, { towns: order.map((i) => p.towns[i]), bases: order.map((i) => p.bases[i]) });
        if (a && b) order.forEach((i, k) => expect(b.values[k]).toBe(a.values[i]));
      }),
      RUNS,
    );
  });
});

describe("allocate: order of the towns", () => {
  it("gives the same cents when the listing order changes the floating-point sums (a case fast-check found)", () => {
    const towns = [
      "镇侢0",
      "镇乀1",
      "镇伻2",
      "镇七3",
      "镇丄4",
      "镇丅5",
      "镇丆6",
      "镇万7",
      "镇丏8",
      "镇三9",
      "镇上10",
      "镇下11",
    ];
    const bases = [4517.74, 0.09, 4517.59, 0, 0, 0, 0, 0, 0.01, 0, 0, 0];
    const held = Object.fromEntries(
      ["镇七3", "镇丄4", "镇丅5", "镇丆6", "镇万7", "镇三9"].map((t) => [t, 0]),
    );
    const max = { 镇侢0: 11245.08, 镇伻2: 11245.08 };
    const req = { towns, bases, held, max, total: 44980.31, decimals: 2, method: "proportional" as const };
    const a = allocate(req);
    // The shuffle fast-check used (seed 255246).
    const order = towns
      .map((_, i) => i)
      .sort((x, y) => ((x * 7919 + 255246) % 101) - ((y * 7919 + 255246) % 101) || x - y);
    const b = allocate({ ...req, towns: order.map((i) => towns[i]), bases: order.map((i) => bases[i]) });
    order.forEach((i, k) => expect(b.values[k]).toBe(a.values[i]));
    expect(a.values.reduce((s, v) => s + Math.round(v * 100), 0)).toBe(4498031);
  });
});

describe("allocate: 附件3 制造业投资 (118 亿元)", () => {
  const b = parsePlanDocument(readSeed("001_86af085e02e72586.txt")).breakdowns[0];
  const row = b.rows.find((r) => r.name === "制造业投资")!;
  const current = b.units.map((t) => row.values[t].value);

  it("re-spread proportionally to the current values returns those values", () => {
    const r = allocate({ towns: b.units, method: "proportional", total: 118, current, decimals: 2 });
    expect(r.values).toEqual([0.8, 41, 8.2, 12.2, 12.2, 40.5, 1.55, 1.55]);
    expect(r.notes).toEqual([]);
  });

  it("with 经开区 held at 45 the other seven keep their proportions and the total stays 118", () => {
    const r = allocate({
      towns: b.units,
      method: "proportional",
      total: 118,
      current,
      held: { 经开区: 45 },
      decimals: 2,
    });
    expect(r.values[1]).toBe(45);
    expect(Math.round(r.values.reduce((s, v) => s + v, 0) * 100)).toBe(11800);
    // The others shrink by one factor: (118 − 45) / (118 − 41).
    const k = (118 - 45) / (118 - 41);
    b.units.forEach((t, i) => {
      if (t !== "经开区") expect(Math.abs(r.values[i] - (current[i] as number) * k)).toBeLessThan(0.01);
    });
    expect(r.held).toEqual(["经开区"]);
  });
});

describe("allocate: methods and errors", () => {
  const towns = ["甲", "乙", "丙"];

  it("equal spreads the rest evenly, integers for 家 with the remainder by name", () => {
    const r = allocate({ towns, method: "equal", total: 10, unit: "家" });
    expect(r.decimals).toBe(0);
    expect(r.values.reduce((s, v) => s + v, 0)).toBe(10);
    expect([...r.values].sort()).toEqual([3, 3, 4]);
  });

  it("fill gives every town the same value (a growth rate)", () => {
    expect(allocate({ towns, method: "fill", total: 6, decimals: 1 }).values).toEqual([6, 6, 6]);
  });

  it("adjust changes the current values by a percentage", () => {
    const r = allocate({ towns, method: "adjust", percent: 10, current: [10, 20, 30], decimals: 2 });
    expect(r.values).toEqual([11, 22, 33]);
    expect(r.total).toBe(66);
  });

  it("falls back to equal, with a note, when bases are missing or all zero", () => {
    const missing = allocate({ towns, method: "proportional", total: 9, bases: [1, null, 2], decimals: 0 });
    expect(missing.values).toEqual([3, 3, 3]);
    expect(missing.notes).toEqual(["乙 没有基数,改为平均分配"]);
    const zero = allocate({ towns, method: "proportional", total: 9, bases: [0, 0, 0], decimals: 0 });
    expect(zero.values).toEqual([3, 3, 3]);
    expect(zero.notes).toEqual(["基数合计为 0,改为平均分配"]);
  });

  it("water-fills: capped towns stay at their cap, the rest share what is left in proportion", () => {
    const r = allocate({
      towns,
      method: "proportional",
      total: 100,
      bases: [1, 1, 2],
      max: { 丙: 30 },
      decimals: 2,
    });
    expect(r.values).toEqual([35, 35, 30]);
    const f = allocate({
      towns,
      method: "proportional",
      total: 100,
      bases: [1, 1, 8],
      min: { 甲: 20 },
      decimals: 2,
    });
    expect(f.values).toEqual([20, 8.89, 71.11]);
  });

  it("names the bound and the shortfall when the bounds cannot hold the total", () => {
    const capped = () => allocate({ towns, method: "equal", total: 100, max: { 甲: 10, 乙: 10, 丙: 10 } });
    expect(capped).toThrow("各单位上限合计 30 少于可分配量 100,缺 70");
    expect(capped).toThrow(
      new AllocationError(message("alloc.caps_under", { cap: 30, amount: 100, gap: 70 })),
    );
    expect(() => allocate({ towns, method: "equal", total: 10, min: { 甲: 6, 乙: 6 } })).toThrow(
      /下限合计 12 超过可分配量 10,超出 2/,
    );
  });

  it("refuses to allocate when every town is held, or held towns exceed the total", () => {
    expect(() => allocate({ towns, method: "equal", total: 10, held: { 甲: 1, 乙: 1, 丙: 1 } })).toThrow(
      /所有单位都已锁定/,
    );
    expect(() => allocate({ towns, method: "equal", total: 10, held: { 甲: 8, 乙: 7 } })).toThrow(
      /锁定单位合计 15 超过全市目标 10,超出 5/,
    );
    expect(() => allocate({ towns, method: "equal", total: 10, held: { 丁: 1 } })).toThrow(
      /没有名为“丁”的单位/,
    );
  });
});
