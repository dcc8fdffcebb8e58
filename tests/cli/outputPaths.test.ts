// Where the writing commands may write (issue 15): a workbook output must be named .xlsx, a missing folder is
// created (and one that cannot be is named with the reason), and the exit codes of docs/cli.md hold.
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";

const MONTHLY = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");

let dir: string;
let plan: string;
/** A town's return with a full-width number: a warning, no error. */
let warned: string;

beforeAll(async () => {
  dir = tempDir("tb-outputs-");
  plan = join(dir, "p.xlsx");
  expect(runCli(["load", SEED_001, "-o", plan]).code).toBe(0);
  const template = await writeTemplate(seedBreakdown(), "经开区", tempDir());
  warned = await writeReturn(template, join(dir, "经开区回报.xlsx"), (ws) => {
    ws.getCell("F5").value = "４１";
  });
});

/** Each command writing a workbook with -o, given the output `out`. */
const writers = (out: string): string[][] => [
  ["load", SEED_001, "-o", out],
  ["allocate", plan, "--indicator", "制造业投资", "--method", "equal", "-o", out],
  ["collect", SEED_001, warned, "-o", out],
  ["fill", "default:目标责任书", SEED_001, "--by", "town", "-o", out],
  ["progress", SEED_001, MONTHLY, "--month", "8", "-o", out],
];

describe("-o of a workbook must be named .xlsx", () => {
  it("else a usage error naming the path, before anything is written", () => {
    for (const name of ["汇总.xls", "out.csv", "out", ".xlsx", "out.xlsx.bak"]) {
      const out = join(dir, "bad", name);
      for (const args of writers(out)) {
        const r = runCli(args);
        expect(r.code, args[0]).toBe(2);
        expect(r.stderr.split("\n")[0]).toBe(
          `target-breakdown ${args[0]}: -o 应为 .xlsx 文件名(写出的是 Excel 工作簿),收到“${out}”`,
        );
      }
    }
    expect(existsSync(join(dir, "bad"))).toBe(false);
  });

  it("in any case: OUT.XLSX is written", () => {
    const out = join(dir, "OUT.XLSX");
    expect(runCli(["load", SEED_001, "-o", out]).code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(0);
  });
});

describe("a missing output folder is created", () => {
  it("for every -o x/y.xlsx, the folders above it too", () => {
    for (let i = 0; i < writers("").length; i++) {
      const out = join(dir, `new${i}`, "a", "b", "out.xlsx");
      const args = writers(out)[i];
      const r = runCli(args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBeLessThan(2);
      expect(statSync(out).isFile(), args[0]).toBe(true);
    }
  });

  it("for issue -o <folder>", () => {
    const folder = join(dir, "issued", "2023", "towns");
    expect(runCli(["issue", SEED_001, "-o", folder]).code).toBe(0);
    expect(readdirSync(folder)).toHaveLength(8);
  });

  it("and one that cannot be is named with the reason: exit 2, no 内部错误, no stack", () => {
    const file = join(dir, "regular");
    writeFileSync(file, "x");
    const expectRefused = (args: string[], ...parts: string[]) => {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain("内部错误");
      expect(r.stderr).not.toMatch(/\n\s+at /);
      for (const part of parts) expect(r.stderr).toContain(part);
    };
    const under = join(file, "sub");
    expectRefused(["load", SEED_001, "-o", join(under, "out.xlsx")], `${under}: 无法创建文件夹`, "(ENOTDIR)");
    expectRefused(["collect", SEED_001, warned, "-o", join(under, "o.xlsx")], `${under}: 无法创建文件夹`);
    expectRefused(["issue", SEED_001, "-o", under], `${under}: 无法创建文件夹`, "(ENOTDIR)");
    if (process.platform === "linux") {
      expectRefused(
        ["load", SEED_001, "-o", "/proc/tb-new/out.xlsx"],
        "/proc/tb-new: 无法创建文件夹",
        "(ENOENT)",
      );
      // Root may not create folders in sysfs either: EPERM or EACCES, EROFS where /sys is mounted read-only.
      const sys = runCli(["load", SEED_001, "-o", "/sys/tb-new/out.xlsx"]);
      expect(sys.code).toBe(2);
      expect(sys.stderr).toMatch(/\/sys\/tb-new: 无法创建文件夹:.*\((EPERM|EACCES|EROFS)\)/);
    }
  });
});

describe("exit codes", () => {
  it("0 when a file was written with warnings only, 1 when the data has errors, 2 when nothing could be done", () => {
    const summary = join(dir, "codes", "汇总.xlsx");
    const warnings = runCli(["collect", SEED_001, warned, "-o", summary]);
    expect(warnings.code).toBe(0);
    expect(warnings.stdout).toContain("有警告");
    expect(existsSync(summary)).toBe(true);
    // The 亮晒 of August has red towns (no error) and an #N/A in 1-3月 (an error in the data).
    const bulletin = runCli([
      "progress",
      SEED_001,
      MONTHLY,
      "--month",
      "8",
      "-o",
      join(dir, "codes", "亮晒.xlsx"),
    ]);
    expect(bulletin.stdout).toContain("红 3");
    expect(bulletin.code).toBe(1);
    expect(runCli(["collect", SEED_001, warned, "-o", summary]).code).toBe(2); // exists, no --force
  });
});
