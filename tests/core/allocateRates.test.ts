// 质态型 targets and multi-year paths.
import { describe, expect, it } from "vitest";
import { averageAnnualGrowth, pathKindOf, yearlyPath } from "../../src/core/allocate/paths";
import { allocateRate, impliedCityRate } from "../../src/core/allocate/rates";

describe("rate targets", () => {
  const towns = ["甲", "乙", "丙"];
  const bases = [100, 300, 600]; // last year's values

  it("allocating a city growth rate by the bases gives every town that rate; the weighted mean is the city rate", () => {
    const r = allocateRate({ towns, bases, cityRate: 8, percent: true });
    expect(r.rates).toEqual([8, 8, 8]);
    expect(r.impliedRate).toBeCloseTo(8, 10);
  });

  it("allocating the increment by another driver gives rates whose base-weighted mean is the city rate", () => {
    const r = allocateRate({ towns, bases, cityRate: 8, percent: true, drivers: [1, 1, 1], decimals: 2 });
    // Increment 80 split 26.67 each → 26.67%, 8.89%, 4.44%.
    expect(r.rates).toEqual([26.67, 8.89, 4.44]);
    expect(r.impliedRate).toBeCloseTo(8, 2);
  });

  it("a held town's rate is kept and the others make up the city rate", () => {
    const r = allocateRate({ towns, bases, cityRate: 8, percent: true, heldRates: { 丙: 5 }, decimals: 2 });
    expect(r.rates[2]).toBe(5);
    expect(impliedCityRate(r.rates, bases)).toBeCloseTo(8, 2);
  });

  it("reports the implied city rate of given town rates: Σ B·g / Σ B", () => {
    expect(impliedCityRate([5, 10, 8], bases)).toBeCloseTo(8.3, 10);
    // An intensity (亩均税收) weighs by the denominator, land area.
    expect(impliedCityRate([15, 49], [1000, 3000])).toBe(40.5);
  });

  it("asks for a base for every town", () => {
    expect(() => allocateRate({ towns, bases: [100, null, 0], cityRate: 8, percent: true })).toThrow(
      /乙、丙 缺少基数/,
    );
  });
});

describe("multi-year paths", () => {
  it("linear for 累计 counts: 6 → 10 → 15 (2023, 2025, 2027)", () => {
    expect(pathKindOf("累计建成省级智能工厂", "家")).toBe("linear");
    expect(
      yearlyPath(
        [
          { year: 2023, value: 6 },
          { year: 2025, value: 10 },
          { year: 2027, value: 15 },
        ],
        "linear",
        1,
      ).map((p) => p.value),
    ).toEqual([6, 8, 10, 12.5, 15]);
  });

  it("compound growth for amounts: 1250 → 2050 → 2800 亿元", () => {
    expect(pathKindOf("“四群八链”先进制造业集群规上企业总产值", "亿元")).toBe("compound");
    const path = yearlyPath(
      [
        { year: 2023, value: 1250 },
        { year: 2025, value: 2050 },
        { year: 2027, value: 2800 },
      ],
      "compound",
      1,
    );
    expect(path.map((p) => [p.year, p.value, p.given])).toEqual([
      [2023, 1250, true],
      [2024, 1600.8, false],
      [2025, 2050, true],
      [2026, 2395.8, false],
      [2027, 2800, true],
    ]);
  });

  it("年均增长 from start and end", () => {
    expect(averageAnnualGrowth(1250, 2800, 4)).toBeCloseTo(22.34, 2);
  });
});
