// File names made from data: safe on Windows, within Linux's 255 bytes, distinct without case.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fileNameChangeText,
  fileNameKey,
  MAX_STEM_BYTES,
  MAX_STEM_LENGTH,
  safeFileName,
  truncateName,
  uniqueFileNames,
} from "../../src/core/fileNames";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const stemOf = (name: string) => name.replace(/\.[A-Za-z0-9]{1,10}$/, "");
/** What any safe name must satisfy on Windows, macOS and Linux. */
function expectSafe(name: string) {
  // eslint-disable-next-line no-control-regex
  expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(name).not.toMatch(/[. ]$/);
  expect(name).not.toMatch(/^[. ]/);
  expect(name.split(".")[0].trimEnd()).not.toMatch(/^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i);
  expect(name.length).toBeGreaterThan(0);
  expect(bytes(name)).toBeLessThanOrEqual(255);
  expect(stemOf(name).length).toBeLessThanOrEqual(MAX_STEM_LENGTH);
  // No lone surrogate (it would not survive the trip to UTF-8 and back).
  expect(Buffer.from(name, "utf8").toString("utf8")).toBe(name);
}

describe("safeFileName", () => {
  it("keeps a safe name as it is", () => {
    expect(safeFileName("2023年当湖街道目标任务填报.xlsx")).toEqual({
      wanted: "2023年当湖街道目标任务填报.xlsx",
      name: "2023年当湖街道目标任务填报.xlsx",
      changes: [],
    });
  });

  it("replaces the characters Windows forbids, controls and bidi overrides", () => {
    expect(safeFileName('a\\b/c:d*e?f"g<h>i|j.xlsx').name).toBe("a_b_c_d_e_f_g_h_i_j.xlsx");
    expect(safeFileName("a\u0000b\u001bc\u007fd\u009be.xlsx").name).toBe("a_b_c_d_e.xlsx");
    // "evil\u202Excod.exe" would show as "evilexe.docx"
    expect(safeFileName("evil\u202excod.exe").name).toBe("evil_xcod.exe");
    expect(safeFileName("a\u2066b\u2069.xlsx").name).toBe("a_b_.xlsx");
    expect(safeFileName("a\ud800b.xlsx").name).toBe("a_b.xlsx");
    expect(safeFileName("a/b.xlsx").changes).toEqual(["unsafe"]);
  });

  it("trims spaces and trailing dots, and never starts with a dot", () => {
    expect(safeFileName("  名字 . .xlsx").name).toBe("名字.xlsx");
    expect(safeFileName("名字...").name).toBe("名字");
    expect(safeFileName(".hidden.xlsx").name).toBe("_hidden.xlsx");
    expect(safeFileName("...xlsx").name).toBe("_.xlsx");
    expect(safeFileName("..a.xlsx").name).toBe("__a.xlsx");
    expect(safeFileName("..").name).toBe("_");
    expect(safeFileName("").name).toBe("_");
    expect(safeFileName(" .xlsx").name).toBe("_.xlsx");
  });

  it("avoids reserved device names in any case, with or without extension", () => {
    for (const n of ["CON", "con", "Prn", "AUX", "nul", "COM1", "com9", "LPT1", "lpt9", "COM¹"]) {
      expect(safeFileName(n).name).toBe(`${n}_`);
      expect(safeFileName(`${n}.xlsx`).name).toBe(`${n}_.xlsx`);
      expect(safeFileName(`${n}.tar.xlsx`).name).toBe(`${n}_.tar.xlsx`);
      expect(safeFileName(`${n} .xlsx`).name).toBe(`${n}_.xlsx`);
      expect(safeFileName(`${n}.xlsx`).changes).toContain("reserved");
    }
    for (const n of ["CONSOLE.xlsx", "COM0.xlsx", "COM10.xlsx", "LPT.xlsx", "2023年CON目标任务填报.xlsx"])
      expect(safeFileName(n).name).toBe(n);
  });

  it("caps the stem in UTF-16 units and in UTF-8 bytes, keeping the extension", () => {
    const latin = safeFileName(`${"a".repeat(300)}.xlsx`);
    expect(latin.name).toBe(`${"a".repeat(MAX_STEM_LENGTH)}.xlsx`);
    expect(latin.changes).toEqual(["shortened"]);
    const chinese = safeFileName(`2023年${"镇".repeat(300)}目标任务填报.xlsx`);
    expect(chinese.name.endsWith(".xlsx")).toBe(true);
    expect(bytes(stemOf(chinese.name))).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(bytes(chinese.name)).toBeLessThanOrEqual(255);
    expectSafe(chinese.name);
  });

  it("never cuts a surrogate pair or leaves a trailing dot after cutting", () => {
    expect(truncateName("a😀b", 2, 100)).toBe("a");
    expect(truncateName("😀😀", 3, 100)).toBe("😀");
    expect(truncateName("镇镇", 10, 5)).toBe("镇");
    const cut = safeFileName(`${"a".repeat(MAX_STEM_LENGTH - 1)}. b.xlsx`);
    expect(cut.name).toBe(`${"a".repeat(MAX_STEM_LENGTH - 1)}.xlsx`);
  });

  it("gives a safe name for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), fc.constantFrom("", ".xlsx"), (s, ext) =>
        expectSafe(safeFileName(s + ext).name),
      ),
    );
  });
});

describe("uniqueFileNames", () => {
  it('gives "a/b", "a_b" and "a:b" three files, the safe name keeping its own', () => {
    const names = uniqueFileNames(["a/b.xlsx", "a_b.xlsx", "a:b.xlsx"]);
    expect(names.map((n) => n.name)).toEqual(["a_b (2).xlsx", "a_b.xlsx", "a_b (3).xlsx"]);
    expect(names.map((n) => n.changes)).toEqual([["unsafe", "duplicate"], [], ["unsafe", "duplicate"]]);
  });

  it("compares without case, and skips a number a name already has", () => {
    const names = uniqueFileNames(["A.xlsx", "a.xlsx", "a (2).xlsx", "a?.xlsx"]);
    expect(names.map((n) => n.name)).toEqual(["A.xlsx", "a (3).xlsx", "a (2).xlsx", "a_.xlsx"]);
    expect(new Set(names.map((n) => fileNameKey(n.name))).size).toBe(4);
    expect(uniqueFileNames(["x.xlsx"], {}, ["X.XLSX"])[0].name).toBe("x (2).xlsx");
  });

  it("keeps numbered names within the limits", () => {
    const long = `${"镇".repeat(300)}.xlsx`;
    const names = uniqueFileNames([long, long, long]);
    expect(new Set(names.map((n) => n.name)).size).toBe(3);
    for (const n of names) expectSafe(n.name);
    expect(names[1].name).toMatch(/ \(2\)\.xlsx$/);
  });

  it("always gives distinct safe names", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 130 }), { maxLength: 30 }), (stems) => {
        const names = uniqueFileNames(stems.map((s) => `${s}.xlsx`)).map((n) => n.name);
        names.forEach(expectSafe);
        expect(new Set(names.map(fileNameKey)).size).toBe(names.length);
      }),
    );
  });

  it("words each change", () => {
    expect(fileNameChangeText(["unsafe", "duplicate"])).toBe(
      '含文件名不允许的字符(\\ / : * ? " < > | 或控制字符),已替换为 _;与本次的另一个文件同名(不区分大小写),已加序号',
    );
  });
});
