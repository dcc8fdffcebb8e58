// Exact sums for the check: each value at its 15 significant digits (as Excel shows it), added without rounding,
// compared exactly, from 1e-300 to 1e307 — against a BigInt reference written here from the printed numbers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findBreakdownTable } from "../../src/core/check/breakdownTable";
import { checkBreakdown } from "../../src/core/check/checkBreakdown";
import {
  decimalDifference,
  decimalSum,
  decimalText,
  exactSum,
  signOf,
  subtractDecimal,
  toDecimal,
  type Decimal,
} from "../../src/core/check/decimal";
import type { Grid, GridValue } from "../../src/core/grid";
import { isExcelNumber } from "../../src/core/numbers";

// --- the reference: BigInt arithmetic on x.toPrecision(15), nothing shared with the implementation ---

/** [int, scale]: x = int × 10^-scale, read off x.toPrecision(15). */
function reference(x: number): [bigint, number] {
  const [mantissa, exponent = "0"] = x.toPrecision(15).split("e");
  const negative = mantissa.startsWith("-");
  const [whole, fraction = ""] = (negative ? mantissa.slice(1) : mantissa).split(".");
  const int = BigInt(whole + fraction);
  return [negative ? -int : int, fraction.length - Number(exponent)];
}

const pow10 = (k: number) => 10n ** BigInt(k);

function referenceSum(values: number[]): [bigint, number] {
  const parts = values.map(reference);
  const scale = Math.max(0, ...parts.map((p) => p[1]));
  return [parts.reduce((acc, [int, s]) => acc + int * pow10(scale - s), 0n), scale];
}

/** The same rational number? (Scales differ when trailing zeros do.) */
function equal([a, as]: [bigint, number], [b, bs]: [bigint, number]): boolean {
  const s = Math.max(as, bs);
  return a * pow10(s - as) === b * pow10(s - bs);
}

const same = (a: Decimal, b: [bigint, number]) => equal([a.int, a.scale], b);

function referenceSign([int, scale]: [bigint, number], target: number): number {
  const [t, ts] = reference(target);
  const s = Math.max(scale, ts);
  const d = int * pow10(s - scale) - t * pow10(s - ts);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

// --- values a cell can hold ---

/** A decimal of 1–15 significant digits at any exponent a cell allows: 1.23e-300 … 9.87e307. */
const anyMagnitude = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }), fc.integer({ min: -314, max: 293 }), fc.boolean())
  .map(([digits, exponent, negative]) => Number(`${negative ? "-" : ""}${digits}e${exponent}`))
  .filter(isExcelNumber);

/** What a breakdown holds: amounts of 0–15 decimals, as typed (at most 15 digits). */
const typed = fc
  .tuple(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 15 }))
  .map(([m, d]) => Number(`${m}e-${d}`));

/** Any double a cell can hold, including 16–17-digit ones (formula results). */
const anyDouble = fc
  .double({ min: -1e307, max: 1e307, noNaN: true, noDefaultInfinity: true })
  .filter(isExcelNumber);

const mixed = fc.oneof(anyMagnitude, typed, anyDouble, fc.integer({ min: -(10 ** 15), max: 10 ** 15 }));

describe("exact sums against a BigInt reference", () => {
  it("takes every value at its 15 significant digits", () => {
    fc.assert(
      fc.property(mixed, (x) => {
        expect(same(toDecimal(x), reference(x))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it("prints a value of at most 15 digits exactly as JavaScript prints it", () => {
    fc.assert(
      fc.property(fc.oneof(anyMagnitude, typed), (x) => {
        expect(decimalText(toDecimal(x))).toBe(String(x));
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ["typed amounts", typed],
    ["any magnitude", anyMagnitude],
    ["any double", anyDouble],
    ["a mix of all", mixed],
  ])("adds %s exactly, in any order", (_, values) => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 60 }), (xs) => {
        const ref = referenceSum(xs);
        expect(same(exactSum(xs), ref)).toBe(true);
        expect(same(exactSum([...xs].reverse()), ref)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("compares a sum with a target exactly", () => {
    fc.assert(
      fc.property(fc.array(mixed, { minLength: 1, maxLength: 30 }), mixed, (xs, target) => {
        const gap = subtractDecimal(exactSum(xs), toDecimal(target));
        expect(signOf(gap)).toBe(referenceSign(referenceSum(xs), target));
      }),
      { numRuns: 5000 },
    );
  });

  it("finds a sum equal to its own exact total equal, whatever its size", () => {
    fc.assert(
      fc.property(fc.array(typed, { minLength: 1, maxLength: 40 }), (xs) => {
        const [int, scale] = referenceSum(xs);
        const total = Number(`${int}e-${scale}`);
        // Only totals that a cell can hold exactly (≤ 15 digits) are exact targets.
        fc.pre(equal(reference(total), [int, scale]));
        expect(signOf(subtractDecimal(exactSum(xs), toDecimal(total)))).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("stays fast on a province's rows (500 × 1,360 typed amounts)", () => {
    const xs = Array.from({ length: 1360 }, (_, i) => ((i * 7919) % 100000) / 1000);
    const t0 = performance.now();
    for (let k = 0; k < 500; k++) exactSum(xs);
    expect(performance.now() - t0).toBeLessThan(1000); // ~15 ms here; generous for a loaded machine
  });
});

describe("concrete cases", () => {
  const text = (xs: number[]) => decimalText(exactSum(xs));

  it("0.1 + 0.2 is 0.3, and a formula's 0.30000000000000004 counts as the 0.3 Excel shows", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(text([0.1, 0.2])).toBe("0.3");
    expect(decimalDifference(0.1 + 0.2, 0.3)).toBe(0);
    expect(text([0.1 + 0.2, -0.3])).toBe("0");
  });

  it("13 and more decimals are not rounded away (the old sum stopped at 12)", () => {
    expect(text([0.0000000000001, 0.0000000000001])).toBe("2e-13");
    expect(text([0.0000000000004, 0.0000000000004])).toBe("8e-13");
    expect(text([0.1234567890123, 0.0000000000001])).toBe("0.1234567890124");
    expect(text([0.123456789012345, 0.000000000000005])).toBe("0.12345678901235");
    expect(decimalDifference(0.0000000000003, 0.0000000000001 + 0.0000000000001)).toBe(1e-13);
  });

  it("999999999999999 + 1 is 1e15, and 1e15 + 0.001 is more than 1e15", () => {
    expect(text([999999999999999, 1])).toBe("1000000000000000");
    expect(signOf(subtractDecimal(exactSum([999999999999999, 1]), toDecimal(1e15)))).toBe(0);
    expect(signOf(subtractDecimal(exactSum([999999999999999, 1]), toDecimal(999999999999999)))).toBe(1);
    expect(text([1e15, 0.001])).toBe("1000000000000000.001");
    expect(signOf(subtractDecimal(exactSum([1e15, 0.001]), toDecimal(1e15)))).toBe(1);
  });

  it("1e20-scale amounts keep their last unit", () => {
    expect(1e20 + 1).toBe(1e20);
    expect(text([1e20, 1])).toBe("100000000000000000001");
    expect(text([123456789012345e6, 876543210987655e6])).toBe("1e+21");
    expect(text([1.23456789012345e20, 0.5])).toBe("123456789012345000000.5");
    expect(decimalSum([1e20, 1]).sum).toBe(1e20); // the nearest double, for storing
  });

  it("negative values", () => {
    expect(text([-0.1, -0.2])).toBe("-0.3");
    expect(text([5, -0.1])).toBe("4.9");
    expect(text([-1e20, 1e20, -0.000001])).toBe("-0.000001");
    expect(decimalDifference(-0.3, -0.1 - 0.2)).toBe(0);
  });

  it("mixed magnitudes, 1e-300 to 1e307", () => {
    expect(text([1e307, 1e-300, -1e307])).toBe("1e-300");
    expect(text([1e-300, 1e-300])).toBe("2e-300");
    expect(text([9.99999999999999e307, -9.99999999999999e307, 2.2250738585072e-308])).toBe(
      "2.2250738585072e-308",
    );
    expect(exactSum([1e307, 1]).int).toBe(10n ** 307n + 1n);
  });

  it("the eight-decimal 腾出能耗空间 row still adds to exactly 4.5", () => {
    expect(text([0.015, 0.75, 0.975, 0.225, 0.225, 2.25, 0.03, 0.03])).toBe("4.5");
  });
});

describe("the check's verdicts are exact", () => {
  const header = ["指标名称", "A镇", "B镇", "C镇", "全市"];
  const check = (...rows: GridValue[][]) => {
    const grid: Grid = { name: "S", rows: [header, ...rows] };
    return checkBreakdown(grid, findBreakdownTable(grid)!).results;
  };

  it.each<[string, number[], number, string, string]>([
    ["0.1 + 0.2 against 0.3", [0.1, 0.2, 0], 0.3, "ok", "各单位合计 0.3,与全市 0.3 一致"],
    ["a formula's 0.30000000000000004", [0.1 + 0.2, 0, 0], 0.3, "ok", "各单位合计 0.3,与全市 0.3 一致"],
    [
      "13 decimals short",
      [0.0000000000001, 0.0000000000001, 0],
      0.0000000000003,
      "short",
      "各单位合计 2e-13,低于全市目标 3e-13,缺口 1e-13",
    ],
    [
      "999999999999999 + 1 against 1e15",
      [999999999999999, 1, 0],
      1e15,
      "ok",
      "各单位合计 1000000000000000,与全市 1000000000000000 一致",
    ],
    [
      "1e20 + 1 against 1e20",
      [1e20, 1, 0],
      1e20,
      "over",
      "各单位合计 100000000000000000001,超过全市目标 100000000000000000000,超额 1",
    ],
    [
      "1e15 + 0.001 against 1e15",
      [1e15, 0.001, 0],
      1e15,
      "over",
      "各单位合计 1000000000000000.001,超过全市目标 1000000000000000,超额 0.001",
    ],
    ["negative amounts", [-0.1, -0.2, 5], 4.7, "ok", "各单位合计 4.7,与全市 4.7 一致"],
  ])("%s", (_, towns, total, status, message) => {
    const [r] = check(["投资(亿元)", ...towns, total]);
    expect(r.status).toBe(status);
    expect(r.message).toBe(message);
  });

  it("a sum past Excel's range is reported, not compared", () => {
    const [r] = check(["投资(亿元)", 9e307, 9e307, 0, 9e307]);
    expect(r).toMatchObject({ status: "invalid", allocated: null, difference: null });
    expect(r.message).toContain("超出 Excel 的数值范围");
  });

  it("property: 总量型 verdicts agree with the BigInt reference at any magnitude", () => {
    fc.assert(
      fc.property(fc.array(mixed, { minLength: 3, maxLength: 3 }), mixed, (towns, total) => {
        const [int, scale] = referenceSum(towns);
        fc.pre(Math.abs(Number(`${int}e-${scale}`)) <= 9e307);
        const [r] = check(["投资(亿元)", ...towns, total]);
        const want = ["short", "ok", "over"][referenceSign([int, scale], total) + 1];
        expect(r.status).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});
