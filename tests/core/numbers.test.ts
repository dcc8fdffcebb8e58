// Reading numbers the way clerks type them, and the decimal-safe arithmetic the check relies on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalDifference, decimalSum } from "../../src/core/check/decimal";
import { readSheetValue } from "../../src/core/check/sheetValue";
import { decimalsOf, decimalsOfText, parseTargetCell, readNumberText } from "../../src/core/numbers";
import { removeWrapSpaces, splitUnits } from "../../src/core/text";
import { kindOf, splitNameUnit } from "../../src/core/units";

describe("target cells as plan documents write them", () => {
  it.each([
    ["50%以上", 50, ">="],
    ["不低于40%", 40, ">="],
    ["突破1500亿元", 1500, ">="],
    ["超500亿元", 500, ">="],
    ["2000亩以上", 2000, ">="],
    ["5%以内", 5, "<="],
    ["不超过3", 3, "<="],
    ["1250", 1250, "="],
    ["0.015", 0.015, "="],
  ] as const)("%s → %d %s", (text, value, op) => {
    expect(parseTargetCell(text)).toEqual({ value, op, text, status: "number" });
  });

  it.each([
    ["-", "none"],
    ["—", "none"],
    ["待嘉兴市发改委确定后另行下达", "pending"],
    ["完成嘉兴下达任务", "qualitative"],
  ] as const)("%s is %s", (text, status) => {
    expect(parseTargetCell(text)).toEqual({ value: null, op: "=", text, status });
  });
});

describe("numbers typed as text in returned sheets", () => {
  it.each([
    ["８．２", 8.2, "全角字符"],
    ["1,250", 1250, "千位分隔符"],
    ["1，250.5", 1250.5, "千位分隔符"],
    [" 12 ", 12, "首尾空格"],
    ["1.55亿元", 1.55, "带单位“亿元”"],
    ["8%", 8, "带单位“%”"],
  ] as const)("%s reads as %d with a note", (text, value, note) => {
    const v = readSheetValue(text);
    expect(v.status).toBe("number");
    expect(v.value).toBe(value);
    expect(v.notes).toContain("文本型数字");
    expect(v.notes).toContain(note);
  });

  it.each(["8.2.1", "12 15", "abc", "1,25", "约12亿元左右吧"])("%s is not a number", (text) => {
    expect(readSheetValue(text).status).toBe("invalid");
  });

  it("tells errors, blanks, dashes and words apart", () => {
    expect(readSheetValue({ error: "#DIV/0!" })).toMatchObject({
      status: "invalid",
      notes: ["错误值 #DIV/0!"],
    });
    expect(readSheetValue(null).status).toBe("missing");
    expect(readSheetValue("   ").status).toBe("missing");
    expect(readSheetValue("-").status).toBe("none");
    expect(readSheetValue("完成嘉兴下达任务").status).toBe("qualitative");
    expect(readSheetValue(true).status).toBe("invalid");
  });

  it("reads any decimal written plainly, with separators, full-width, padded or with a unit", () => {
    const toFull = (s: string) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const withCommas = (s: string) => {
      const [int, frac] = s.split(".");
      const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      return frac ? `${grouped}.${frac}` : grouped;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom("plain", "commas", "full", "padded", "unit"),
        (mantissa, scale, style) => {
          const text = (mantissa / 10 ** scale).toFixed(scale);
          const value = Number(text);
          const typed =
            style === "commas"
              ? withCommas(text)
              : style === "full"
                ? toFull(text)
                : style === "padded"
                  ? `  ${text} `
                  : style === "unit"
                    ? `${text}亿元`
                    : text;
          expect(readNumberText(typed)?.value).toBe(value);
        },
      ),
    );
  });
});

describe("decimal-safe sums", () => {
  it("0.1 + 0.2 equals 0.3", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(decimalSum([0.1, 0.2]).sum).toBe(0.3);
    expect(decimalDifference(decimalSum([0.1, 0.2]).sum, 0.3)).toBe(0);
  });

  it("adds the eight-decimal 腾出能耗空间 row of 附件3 to exactly 4.5", () => {
    expect(decimalSum([0.015, 0.75, 0.975, 0.225, 0.225, 2.25, 0.03, 0.03]).sum).toBe(4.5);
  });

  it("a sum of decimals equals the decimal written as their exact total, whatever the order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 4 }),
        (ints, scale) => {
          const values = ints.map((n) => n / 10 ** scale);
          const exact = ints.reduce((a, b) => a + b, 0) / 10 ** scale;
          expect(decimalDifference(decimalSum(values).sum, exact)).toBe(0);
          expect(decimalDifference(decimalSum([...values].reverse()).sum, exact)).toBe(0);
        },
      ),
    );
  });

  it("counts decimal places arithmetically exactly as the printed number shows them", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10 }),
        (m, d) => {
          const x = Number((m / 10 ** d).toFixed(d));
          expect(decimalsOf(x)).toBe(decimalsOfText(x));
        },
      ),
      { numRuns: 5000 },
    );
    // Float noise from a formula (0.1 + 0.2) counts as the one decimal it stands for.
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
  });

  it("counts decimal places as written", () => {
    expect(decimalsOf(0.015)).toBe(3);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(1.5e-7)).toBe(8);
    expect(decimalsOf(118)).toBe(0);
  });
});

describe("names, units and kinds", () => {
  it("removes line-wrap spaces only between Chinese characters", () => {
    expect(removeWrapSpaces("整治低效 工业用地")).toBe("整治低效工业用地");
    expect(removeWrapSpaces("市工业强市领导 小组办公室")).toBe("市工业强市领导小组办公室");
    expect(removeWrapSpaces("GDP 比重")).toBe("GDP 比重");
  });

  it("splits unit lists, first leads", () => {
    expect(splitUnits("市商务局、 市发改局、 市科技局、 市经信局")).toEqual([
      "市商务局",
      "市发改局",
      "市科技局",
      "市经信局",
    ]);
    expect(splitUnits("市金融发展服务中心、人行平湖市支行、 嘉兴银保监分局 平湖监管组")).toEqual([
      "市金融发展服务中心",
      "人行平湖市支行",
      "嘉兴银保监分局平湖监管组",
    ]);
  });

  it.each([
    ["制造业投资(亿元)", "制造业投资", "亿元", "total"],
    ["规上工业亩均税收(万元/亩)", "规上工业亩均税收", "万元/亩", "rate"],
    ["累计建成省级智能工厂(数字化车间)(家)", "累计建成省级智能工厂(数字化车间)", "家", "total"],
    ["每万人口高价值发明专利拥有量(件/万人)", "每万人口高价值发明专利拥有量", "件/万人", "rate"],
    ["高耗低效整治腾出能耗空间(万吨标准煤)", "高耗低效整治腾出能耗空间", "万吨标准煤", "total"],
    ["规上工业增加值增长(%)", "规上工业增加值增长", "%", "rate"],
    ["规上工业增加值增速", "规上工业增加值增速", "", "rate"],
    ["高价值发明专利拥有量（件）", "高价值发明专利拥有量", "件", "total"],
  ] as const)("%s → %s | %s | %s", (full, name, unit, kind) => {
    const split = splitNameUnit(full);
    expect(split).toEqual({ name, unit });
    expect(kindOf(split.name, split.unit)).toBe(kind);
  });
});
