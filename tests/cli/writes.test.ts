// Outputs you can trust: atomic writes (a kill -9 never leaves a partial file), inputs recognised by device and
// inode (a hard link to an input is never written over), safe and distinct file names for `issue`, I/O errors
// as clear messages (exit 2, never 内部错误), and no control characters from the data on the terminal.
import ExcelJS from "exceljs";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors";
import { jsonText, terminalSafe } from "../../src/cli/terminal";
import {
  makeFolder,
  readError,
  TEMP_NAME,
  tempName,
  writeFileAtomically,
  writeFiles,
  type WriteFs,
} from "../../src/cli/writeOutput";
import { MARKER_SHEET, readMarker } from "../../src/core/submissions/marker";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";
import { ensureCliBuilt, runCli } from "../helpers/cli";
import { ROOT, SEED_001 } from "../helpers/seeds";
import { seedPlan, tempDir, writePlanXlsx } from "../helpers/workbooks";

const BIN = join(ROOT, "bin", "target-breakdown.cjs");
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const temps = (dir: string) => readdirSync(dir).filter((n) => TEMP_NAME.test(n));
/** Anything a terminal acts on: C0 controls but \n and \t, DEL, C1, bidi embeddings/overrides/isolates. */
// eslint-disable-next-line no-control-regex
const STEERING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A plan document with one breakdown table of `towns` × `rows` indicators (the form of seeds/). */
function planText(towns: string[], rows = 1): string {
  const lines = ["测试方案", "附件1", "2023年测试目标任务分解"];
  lines.push(`序号 | 指标名称 | ${towns.join(" | ")} | 全市 | 责任部门 |`);
  for (let r = 1; r <= rows; r++) {
    const values = towns.map((_, i) => ((r * 7 + i * 3) % 97) + 1);
    lines.push(
      `${r} | 指标${r}(亿元) | ${values.join(" | ")} | ${values.reduce((a, b) => a + b, 0)} | 市经信局 |`,
    );
  }
  return lines.join("\n") + "\n";
}

function writePlan(dir: string, towns: string[], rows = 1, name = "plan.txt"): string {
  const path = join(dir, name);
  writeFileSync(path, planText(towns, rows));
  return path;
}

/** Sheet names and the last indicator of a workbook, or null when ExcelJS cannot open it. */
async function openXlsx(path: string): Promise<{ sheets: string[]; last: unknown } | null> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0];
    return { sheets: wb.worksheets.map((w) => w.name), last: ws.getCell(ws.rowCount, 2).value };
  } catch {
    return null;
  }
}

function expectClearError(r: { code: number | null; stderr: string }, ...parts: (string | RegExp)[]) {
  expect(r.code).toBe(2);
  expect(r.stderr).not.toContain("内部错误");
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  for (const p of parts) expect(r.stderr).toMatch(p);
}

describe("atomic writes: a kill -9 leaves the previous file or the complete new one", () => {
  it("never leaves a partial file at the final path, whenever the CLI is killed", async () => {
    ensureCliBuilt();
    const dir = tempDir();
    const towns = Array.from({ length: 30 }, (_, i) => `镇${i + 1}`);
    const plan = writePlan(dir, towns, 300);
    const out = join(dir, "out.xlsx");
    // The previous good output: a smaller plan, so it is told apart from a new one by its content.
    expect(runCli(["load", writePlan(dir, towns, 3, "old.txt"), "-o", out]).code).toBe(0);
    const old = await openXlsx(out);
    expect(old?.last).toBe("指标3");

    /** Runs `load -o out --force` and kills it: after `delay` ms, or (delay null) as soon as its temp file appears. */
    async function killedRun(delay: number | null) {
      const before = { sha: sha(out), ino: statSync(out).ino };
      const child = spawn(process.execPath, [BIN, "load", plan, "-o", out, "--force"], { stdio: "ignore" });
      const exited = new Promise((r) => child.on("exit", r));
      let caughtWriting = false;
      if (delay !== null) await new Promise((r) => setTimeout(r, delay));
      else {
        // Busy-poll (the event loop is blocked, so watch the file system): kill between open and rename.
        const until = Date.now() + 20_000;
        while (Date.now() < until) {
          if (temps(dir).length > 0) {
            caughtWriting = true;
            break;
          }
          if (statSync(out).ino !== before.ino) break; // renamed into place already
        }
      }
      child.kill("SIGKILL");
      await exited;
      const now = sha(out);
      if (now !== before.sha) {
        // Not the previous file: then the complete new one.
        const opened = await openXlsx(out);
        expect(opened?.sheets).toEqual(["2023年目标分解"]);
        expect(opened?.last).toBe("指标300");
      }
      const left = temps(dir);
      for (const t of left) unlinkSync(join(dir, t)); // a killed process cannot clean up; the next run may
      return { replaced: now !== before.sha, caughtWriting, leftTemp: left.length > 0 };
    }

    const start = Date.now();
    expect(runCli(["load", plan, "-o", join(dir, "timing.xlsx")]).code).toBe(0);
    const full = Date.now() - start;
    const results = [];
    for (const f of [0.1, 0.3, 0.5, 0.7, 0.85, 0.95, 1.1])
      results.push(await killedRun(Math.round(full * f)));
    // Killed as soon as the temp file appears, until two kills land while it is being written.
    for (let i = 0; i < 16 && results.filter((r) => r.leftTemp).length < 2; i++)
      results.push(await killedRun(null));
    // Some kills landed while the temp file was being written: the very case atomic writes are for. (On tmpfs
    // writing is too quick to catch reliably; the property above is checked all the same.)
    const TMPFS_MAGIC = 0x01021994;
    if (fs.statfsSync(dir).type !== TMPFS_MAGIC)
      expect(
        results.some((r) => r.leftTemp),
        JSON.stringify(results),
      ).toBe(true);
    // And a run left alone completes and leaves no temp file.
    expect(runCli(["load", plan, "-o", out, "--force"]).code).toBe(0);
    expect((await openXlsx(out))?.last).toBe("指标300");
    expect(temps(dir)).toEqual([]);
  }, 240_000);

  it("leaves no temp file after successful runs of every writing command", async () => {
    const dir = tempDir();
    const plan = join(dir, "plan.txt");
    copyFileSync(SEED_001, plan);
    expect(runCli(["load", plan, "-o", join(dir, "load.xlsx")]).code).toBe(0);
    expect(runCli(["issue", plan, "-o", join(dir, "issued")]).code).toBe(0);
    expect(runCli(["issue", plan, "-o", join(dir, "issued"), "--force"]).code).toBe(0);
    const template = join(dir, "issued", "2023年经开区目标任务填报.xlsx");
    const returned = await writeReturn(template, join(dir, "returned.xlsx"));
    expect(runCli(["collect", plan, returned, "-o", join(dir, "summary.xlsx")]).code).toBe(0);
    const fill = runCli([
      "fill",
      "default:职责分工",
      plan,
      "--by",
      "department",
      "-o",
      join(dir, "fill.xlsx"),
    ]);
    expect(fill.code).toBe(0);
    expect(runCli(["fill", "default:职责分工", plan, "-d", join(dir, "fill-d")]).code).toBe(0);
    const allocate = runCli([
      ...["allocate", join(dir, "load.xlsx"), "--indicator", "制造业投资", "--method", "equal"],
      ...["-o", join(dir, "allocated.xlsx")],
    ]);
    expect(allocate.code).toBe(0);
    for (const d of [dir, join(dir, "issued"), join(dir, "fill-d")]) {
      expect(readdirSync(d).length).toBeGreaterThan(0);
      expect(temps(d)).toEqual([]);
    }
    for (const f of ["load.xlsx", "summary.xlsx", "fill.xlsx", "allocated.xlsx"])
      expect(await openXlsx(join(dir, f))).not.toBeNull();
  });

  it("writes through a symbolic link at the output path, keeping the link", () => {
    const dir = tempDir();
    const plan = writePlan(dir, ["甲镇", "乙镇"]);
    const real = join(dir, "real.xlsx");
    writeFileSync(real, "old");
    symlinkSync(real, join(dir, "link.xlsx"));
    expect(runCli(["load", plan, "-o", join(dir, "link.xlsx"), "--force"]).code).toBe(0);
    expect(fs.lstatSync(join(dir, "link.xlsx")).isSymbolicLink()).toBe(true);
    expect(readFileSync(real).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("writeFileAtomically (with an injected file system)", () => {
  /** The real fs, with `writeSync` failing with `code` after `okWrites` calls (the first one partly). */
  function failingFs(code: string, okWrites = 1): WriteFs {
    let calls = 0;
    return {
      ...fs,
      writeSync: ((fd: number, data: Uint8Array, offset: number, length: number) => {
        if (calls++ >= okWrites) throw Object.assign(new Error(`${code}: simulated`), { code });
        return fs.writeSync(fd, data, offset, Math.min(length, 1000));
      }) as WriteFs["writeSync"],
    };
  }

  it("on a full disk (ENOSPC): the previous file intact, no temp file, a message naming the path", () => {
    const dir = tempDir();
    const out = join(dir, "汇总.xlsx");
    writeFileSync(out, "previous");
    let error: unknown;
    try {
      writeFileAtomically(out, Buffer.alloc(50_000, 1), failingFs("ENOSPC", 3));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe(`${out}: 无法写入:磁盘空间不足(ENOSPC)`);
    expect(readFileSync(out, "utf8")).toBe("previous");
    expect(readdirSync(dir)).toEqual(["汇总.xlsx"]);
  });

  it("words EDQUOT, EIO, EROFS, EACCES and a failing rename; keeps the file each time", () => {
    const dir = tempDir();
    const out = join(dir, "out.xlsx");
    writeFileSync(out, "previous");
    const cases: [WriteFs, RegExp][] = [
      [failingFs("EDQUOT"), /超出磁盘配额\(EDQUOT\)/],
      [failingFs("EIO"), /读写磁盘时出错\(EIO\)/],
      [failingFs("EROFS", 0), /该位置只读.*\(EROFS\)/],
      [failingFs("EACCES", 0), /没有权限\(EACCES\);若该文件已在 Excel 等程序中打开,请先关闭/],
      [
        {
          ...fs,
          renameSync: () => {
            throw Object.assign(new Error("EBUSY"), { code: "EBUSY" });
          },
        },
        /文件正被占用\(EBUSY\)/,
      ],
    ];
    for (const [seam, message] of cases) {
      expect(() => writeFileAtomically(out, Buffer.alloc(5000, 1), seam)).toThrow(message);
      expect(readFileSync(out, "utf8")).toBe("previous");
      expect(readdirSync(dir)).toEqual(["out.xlsx"]);
    }
  });

  it("replaces the file in one rename, keeping its permissions", () => {
    const dir = tempDir();
    const out = join(dir, "out.xlsx");
    writeFileSync(out, "previous");
    fs.chmodSync(out, 0o664);
    const renames: string[][] = [];
    writeFileAtomically(out, Buffer.from("new"), {
      ...fs,
      renameSync: ((a: string, b: string) => {
        renames.push([a, b]);
        fs.renameSync(a, b);
      }) as WriteFs["renameSync"],
    });
    expect(readFileSync(out, "utf8")).toBe("new");
    expect(statSync(out).mode & 0o777).toBe(0o664);
    expect(renames).toHaveLength(1);
    expect(renames[0][1]).toBe(out);
    expect(renames[0][0]).toMatch(/\/\.out\.xlsx\.\d+\.[0-9a-f]{12}\.tmp$/);
  });

  it("keeps temp names within 255 bytes, unique and hidden", () => {
    const name = `${"镇".repeat(80)}.xlsx`;
    const a = tempName(name);
    expect(Buffer.byteLength(a)).toBeLessThan(120);
    expect(a).not.toBe(tempName(name));
    expect(a).toMatch(TEMP_NAME);
  });

  it("writeFiles: a failure part-way says which files were written and which not", async () => {
    const dir = tempDir();
    const names = ["甲镇.xlsx", "乙镇.xlsx", "丙镇.xlsx", "丁镇.xlsx"];
    let opened = 0;
    const seam: WriteFs = {
      ...fs,
      openSync: ((...args: Parameters<typeof fs.openSync>) => {
        if (String(args[0]).includes("丙镇") && opened++ === 0)
          throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
        return fs.openSync(...args);
      }) as WriteFs["openSync"],
    };
    const done: string[] = [];
    const files = names.map((n) => ({ path: join(dir, n), bytes: async () => Buffer.from(n) }));
    await expect(writeFiles(files, (p) => done.push(p), seam)).rejects.toThrow(
      `${join(dir, "丙镇.xlsx")}: 无法写入:磁盘空间不足(ENOSPC)\n` +
        `已写出 2 个文件(在 ${dir}):甲镇.xlsx、乙镇.xlsx\n未写出 2 个文件:丙镇.xlsx、丁镇.xlsx`,
    );
    expect(done).toEqual([join(dir, "甲镇.xlsx"), join(dir, "乙镇.xlsx")]);
    expect(readdirSync(dir).sort()).toEqual(["乙镇.xlsx", "甲镇.xlsx"].sort());
  });

  it("makeFolder creates missing folders one by one and names what is in the way", () => {
    const dir = tempDir();
    makeFolder(join(dir, "a", "b", "c"));
    expect(statSync(join(dir, "a", "b", "c")).isDirectory()).toBe(true);
    writeFileSync(join(dir, "file"), "x");
    expect(() => makeFolder(join(dir, "file", "sub"))).toThrow(/file 是文件,不是文件夹\(ENOTDIR\)/);
    expect(() => makeFolder(join(dir, "file"))).toThrow(/已有同名文件\(ENOTDIR\)/);
  });

  it("readError words unreadable inputs", () => {
    const e = (code: string) => readError("p.xlsx", Object.assign(new Error(code), { code })).message;
    expect(e("ENOENT")).toBe("p.xlsx: 文件不存在");
    expect(e("EACCES")).toBe("p.xlsx: 无法读取:没有权限(EACCES)");
    expect(e("EISDIR")).toBe("p.xlsx: 无法读取:这是一个文件夹,不是文件(EISDIR)");
  });
});

describe("an input is never written over, even through a hard link and with --force", () => {
  const dir = tempDir();
  const plan = join(dir, "plan.txt");
  copyFileSync(SEED_001, plan);
  const planSha = sha(plan);
  const hard = join(dir, "hard.xlsx");
  linkSync(plan, hard);

  it("load, fill -o, progress, collect and allocate -o refuse it", async () => {
    const refusals = [
      runCli(["load", plan, "-o", hard, "--force"]),
      runCli(["fill", "default:职责分工", plan, "--by", "department", "-o", hard, "--force"]),
      runCli(["progress", plan, plan, "--month", "3", "-o", hard, "--force"]),
      runCli(["collect", plan, plan, "-o", hard, "--force"]),
    ];
    const book = await writePlanXlsx(seedPlan(), tempDir());
    const bookLink = join(dir, "book-link.xlsx");
    linkSync(book, bookLink);
    const bookSha = sha(book);
    refusals.push(
      runCli(["allocate", book, "--indicator", "制造业投资", "--method", "equal", "-o", bookLink, "--force"]),
    );
    for (const r of refusals) expectClearError(r, "不能覆盖输入文件");
    expect(sha(plan)).toBe(planSha);
    expect(sha(book)).toBe(bookSha);
    expect(statSync(plan).nlink).toBe(2); // the link is still a link: nothing renamed over it
  });

  it("issue refuses a plan (or a hard link to it) among the files it would write", async () => {
    const out = tempDir();
    // The plan workbook itself in the output folder, named as a town's template.
    const book = join(out, "2023年当湖街道目标任务填报.xlsx");
    renameSync(await writePlanXlsx(seedPlan(), tempDir()), book);
    const bookSha = sha(book);
    const r = runCli(["issue", book, "-o", out, "--sheet", "2023年目标分解", "--force"]);
    expectClearError(r, "是输入文件", "加 --force 也不覆盖");
    expect(sha(book)).toBe(bookSha);
    expect(readdirSync(out)).toEqual(["2023年当湖街道目标任务填报.xlsx"]); // nothing written
    // A hard link to the plan document where a template would go.
    linkSync(plan, join(out, "2023年经开区目标任务填报.xlsx"));
    expectClearError(
      runCli(["issue", plan, "-o", out, "--force"]),
      "2023年经开区目标任务填报.xlsx",
      "是输入文件",
    );
    expect(sha(plan)).toBe(planSha);
  });

  it("fill -d refuses a unit's file that is the plan", () => {
    const out = tempDir();
    expect(runCli(["fill", "default:职责分工", plan, "-d", out]).code).toBe(0);
    const first = readdirSync(out)[0];
    unlinkSync(join(out, first));
    linkSync(plan, join(out, first));
    expectClearError(runCli(["fill", "default:职责分工", plan, "-d", out, "--force"]), "是输入文件");
    expect(sha(plan)).toBe(planSha);
  });
});

describe("issue: safe, distinct file names", () => {
  const long = "长".repeat(150) + "x".repeat(150);
  const towns = ["a/b", "a_b", "a:b", "CON", "con", long];
  const dir = tempDir();
  const plan = writePlan(dir, towns);
  const out = join(dir, "out");
  const r = runCli(["issue", plan, "-o", out]);

  it("gives every town its own file, named safely, and lists them", async () => {
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(towns.length);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(towns.length);
    expect(files).toContain("2023年a_b目标任务填报.xlsx");
    expect(files).toContain("2023年a_b目标任务填报 (2).xlsx");
    expect(files).toContain("2023年a_b目标任务填报 (3).xlsx");
    for (const f of files) {
      expect(Buffer.byteLength(f)).toBeLessThanOrEqual(255);
      expect(f).not.toMatch(/[\\/:*?"<>|]/);
    }
    expect(r.stdout.trim().split("\n").sort()).toEqual(files.map((f) => join(out, f)).sort());
    // Each file is the right town's: its marker says so.
    const units = await Promise.all(
      files.map(async (f) => readMarker(await XlsxFile.open(join(out, f)).readSheet(MARKER_SHEET))?.unit),
    );
    expect(units.sort()).toEqual([...towns].sort());
    const byUnit = Object.fromEntries(files.map((f, i) => [units[i], f]));
    expect(byUnit["a_b"]).toBe("2023年a_b目标任务填报.xlsx");
  });

  it("reports each renamed file on stderr with the reason", () => {
    expect(r.stderr).toContain(
      '注意:单位“a/b”的文件名为 2023年a_b目标任务填报 (2).xlsx(含文件名不允许的字符(\\ / : * ? " < > | 或控制字符),已替换为 _;与本次的另一个文件同名(不区分大小写),已加序号)',
    );
    expect(r.stderr).toContain("注意:单位“a:b”的文件名为 2023年a_b目标任务填报 (3).xlsx");
    expect(r.stderr).toMatch(/注意:单位“con”的文件名为 2023年con目标任务填报 \(2\)\.xlsx\(.*不区分大小写/);
    expect(r.stderr).toMatch(new RegExp(`注意:单位“${long}”的文件名为 2023年长+\\.xlsx\\(过长,已截短`));
    expect(r.stderr).not.toContain("单位“a_b”");
    expect(r.stderr).toContain("已为 6 个单位写出");
  });

  it("refuses up front when a template's path is a folder", () => {
    const out2 = tempDir();
    mkdirSync(join(out2, "2023年CON目标任务填报.xlsx"));
    expectClearError(runCli(["issue", plan, "-o", out2, "--force"]), "是文件夹(EISDIR)");
    expect(readdirSync(out2)).toEqual(["2023年CON目标任务填报.xlsx"]);
  });

  it("fill -d names files from sheets safely too", () => {
    const d = join(tempDir(), "letters");
    const f = runCli(["fill", "default:目标责任书", plan, "--by", "town", "-d", d]);
    expect(f.code).toBe(0);
    const files = readdirSync(d);
    expect(files).toHaveLength(towns.length);
    for (const name of files) expect(name).not.toMatch(/[\\/:*?"<>|]/);
    expect(files.some((n) => /^con_/i.test(n))).toBe(true);
  });
});

describe("I/O errors: exit 2 and a message naming the path and the reason", () => {
  const dir = tempDir();
  const plan = writePlan(dir, ["甲镇", "乙镇"]);
  const file = join(dir, "regular");
  writeFileSync(file, "x");

  it("a missing output folder is created; one that cannot be is named, with the reason", () => {
    const out = join(dir, "nope", "deeper", "out.xlsx");
    expect(runCli(["load", plan, "-o", out]).code).toBe(0);
    expect(statSync(out).isFile()).toBe(true);
    expectClearError(
      runCli(["progress", plan, plan, "--month", "3", "-o", join(file, "sub", "b.xlsx")]),
      `${join(file, "sub")}: 无法创建文件夹`,
      "是文件,不是文件夹(ENOTDIR)",
    );
  });

  it("a path under a regular file (ENOTDIR)", () => {
    expectClearError(runCli(["load", plan, "-o", join(file, "out.xlsx")]), "不是文件夹(ENOTDIR)");
    expectClearError(runCli(["issue", plan, "-o", join(file, "sub")]), "无法创建文件夹", "ENOTDIR");
    expectClearError(runCli(["issue", plan, "-o", file]), `${file}: 不是文件夹`);
  });

  it("an output that is a folder (EISDIR)", () => {
    expectClearError(runCli(["load", plan, "-o", dir, "--force"]), "这是一个文件夹(EISDIR)");
  });

  it("a name too long (ENAMETOOLONG), with nothing left behind", () => {
    const out = join(dir, `${"a".repeat(300)}.xlsx`);
    expectClearError(runCli(["load", plan, "-o", out]), "文件名或路径过长(ENAMETOOLONG)");
    expect(temps(dir)).toEqual([]);
  });

  it.runIf(process.platform === "linux")("a location that takes no files (/proc, /sys)", () => {
    expectClearError(runCli(["load", plan, "-o", "/proc/tb-out.xlsx"]), "/proc/tb-out.xlsx: 无法写入");
    expectClearError(
      runCli(["issue", plan, "-o", "/proc/tb-issue/sub"]),
      "/proc/tb-issue/sub: 无法创建文件夹",
    );
    // Root cannot create files in sysfs either: EACCES here, EROFS where /sys is mounted read-only.
    expectClearError(runCli(["load", plan, "-o", "/sys/tb-out.xlsx"]), /无法写入:.*\((EACCES|EROFS|EPERM)\)/);
  });

  it("an input that is missing, a folder, or not readable", () => {
    const missing = join(dir, "missing.txt");
    for (const args of [
      ["check", missing],
      ["load", missing, "--json"],
      ["issue", missing, "-o", join(dir, "o")],
      ["collect", missing, plan],
      ["progress", plan, missing, "--month", "3"],
      ["fill", "default:职责分工", missing, "--json"],
    ])
      expectClearError(runCli(args), `${missing}: 文件不存在`);
    for (const args of [
      ["check", dir],
      ["load", dir, "--json"],
      ["issue", dir, "-o", join(dir, "o")],
      ["collect", dir, plan],
      ["progress", plan, dir, "--month", "3"],
      ["fill", "default:职责分工", dir, "--json"],
    ])
      expectClearError(runCli(args), `${dir}: 无法读取:这是一个文件夹,不是文件(EISDIR)`);
    // A device would never end (and a pipe would block): refused before reading.
    if (existsSync("/dev/zero"))
      expectClearError(runCli(["check", "/dev/zero"]), "/dev/zero: 无法读取:不是普通文件");
    // A write-only sysfs file: even root cannot open it for reading.
    const writeOnly = ["/sys/bus/pci/rescan", "/sys/bus/cpu/drivers_probe"].find((p) => {
      try {
        fs.closeSync(fs.openSync(p, "r"));
        return false;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === "EACCES";
      }
    });
    if (writeOnly) expectClearError(runCli(["check", writeOnly]), `${writeOnly}: 无法读取:没有权限(EACCES)`);
  });
});

describe("no control characters from the data reach the terminal", () => {
  it("terminalSafe removes C0 (but \\n, \\t), DEL, C1 and bidi controls, nothing else", () => {
    expect(terminalSafe("a\u001b[31mb\u0007c\rd\u0008e\u007ff\u009bg\u0085h\u202ei\u2066j\u2069k\n\tl")).toBe(
      "a[31mbcdefghijk\n\tl",
    );
    expect(terminalSafe("当湖街道 ✓ 😀 é")).toBe("当湖街道 ✓ 😀 é");
  });

  it("jsonText escapes what JSON.stringify leaves raw, losslessly", () => {
    const value = { s: "a\u001bb\u009bc\u202ed\u2066e\u007f" };
    const text = jsonText(value);
    expect(text).not.toMatch(STEERING);
    expect(JSON.parse(text)).toEqual(value);
  });

  it("collect prints none of the ESC sequences and bidi overrides of a returned file", async () => {
    const dir = tempDir();
    const breakdown = seedBreakdown();
    const template = await writeTemplate(breakdown, "经开区", dir);
    // The file name, a renamed sheet and cell text all carry controls (_x001B_ is how a workbook stores ESC).
    const returned = await writeReturn(template, join(dir, "\u001b[2J清屏\u202e.xlsx"), (ws) => {
      ws.name = "填报\u202e\u001b(0";
      ws.getCell(4, 6).value = "_x001B_[31m红字\u202e\u0085\u009b2J";
      ws.getCell(5, 6).value = "abc\u2066\u2067\u2068\u2069";
    });
    const out = join(dir, "汇总.xlsx");
    const text = runCli(["collect", SEED_001, returned, "-o", out]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("红字");
    expect(text.stdout).toContain("清屏");
    expect(text.stdout).toContain("填报(0"); // the sheet name is shown, without its controls
    expect(text.stdout).not.toMatch(STEERING);
    expect(text.stderr).not.toMatch(STEERING);
    const json = runCli(["collect", SEED_001, returned, "--json"]);
    expect(json.stdout).not.toMatch(STEERING);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.submissions[0].file).toBe(returned); // JSON keeps the data exactly (escaped)
    expect(JSON.stringify(parsed)).toContain("\u202e");
    expect(existsSync(out)).toBe(true);
  });
});
