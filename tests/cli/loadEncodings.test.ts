// Text plans as users' editors save them: GB18030/GBK, UTF-16 with and without BOM, UTF-8 with BOM, lone-CR line
// ends, full-width ｜ delimiters. Each loads like the UTF-8 seed, and the encoding found is named.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/core/decodeText";
import { runCli } from "../helpers/cli";
import { readSeed, SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

const text = readSeed("001_86af085e02e72586.txt");
const dir = tempDir("enc-");
const write = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const swap = (b: Buffer) => Buffer.from(b).swap16();
const load = (path: string) => {
  const r = runCli(["load", path, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const tables = (plan: {
  indicators: unknown;
  tasks: unknown;
  breakdowns: unknown;
  proseTargets: unknown[];
}) => [plan.indicators, plan.tasks, plan.breakdowns, plan.proseTargets.length];

describe("text plans in the encodings users have", () => {
  const utf8 = load(SEED_001);
  it.each([
    [
      "GB18030 (iconv)",
      () => execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text }),
      "GB18030",
    ],
    ["GBK (iconv)", () => execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: text }), "GB18030"],
    ["UTF-16LE with BOM", () => Buffer.from(`\uFEFF${text}`, "utf16le"), "UTF-16LE"],
    ["UTF-16BE without BOM", () => swap(Buffer.from(text, "utf16le")), "UTF-16BE"],
    ["UTF-8 with BOM", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "UTF-8"],
    ["lone CR line ends", () => Buffer.from(text.replace(/\n/g, "\r")), "UTF-8"],
    ["full-width ｜ delimiters", () => Buffer.from(text.replace(/\|/g, "｜")), "UTF-8"],
  ])("%s loads like the UTF-8 seed", (name, bytes, encoding) => {
    const plan = load(write(`${name}.txt`, bytes()));
    expect(plan.encoding).toBe(encoding);
    expect(tables(plan)).toEqual(tables(utf8));
    expect(plan.breakdowns[0].rows).toHaveLength(15);
  });

  it("names the encoding when writing, and refuses a binary file clearly", () => {
    const gbk = write("gbk.txt", execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: text }));
    const r = runCli(["load", gbk, "-o", join(dir, "out.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("gbk.txt(GB18030 编码) 读取");
    const bin = runCli(["load", write("x.bin", Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 7]))]);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toContain("x.bin: 不是文本文件");
  });

  it("decodeText tells UTF-8 from GB18030 and does not take binary for text", () => {
    expect(decodeText(Buffer.from("目标分解"))?.encoding).toBe("UTF-8");
    expect(decodeText(Buffer.from([0xc4, 0xbf, 0xb1, 0xea]))).toEqual({
      text: "目标",
      encoding: "GB18030",
      bom: false,
    });
    expect(decodeText(Buffer.from([0x00, 0x01, 0x80, 0x81]))).toBeNull();
  });
});
