// `target-breakdown … --json | head` (issue 15): when the reader of stdout goes away the CLI stops printing
// quietly (no EPIPE stack), with the exit code the run had, and still does its work; a stdout that cannot be
// written (a full disk) is said in one line, exit 2.
import ExcelJS from "exceljs";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureCliBuilt } from "../helpers/cli";
import { ROOT, SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

const BIN = join(ROOT, "bin", "target-breakdown.cjs");

/** Runs the CLI and closes its stdout after the first chunk, as `| head -c 10` does. */
function runClosingStdout(args: string[]): Promise<{ code: number | null; stderr: string; read: number }> {
  ensureCliBuilt();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let read = 0;
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.stdout.once("data", (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    child.on("close", (code) => resolve({ code, stderr, read }));
  });
}

let big: string;

beforeAll(async () => {
  // 3,000 rows, each short of its total: `check --json` prints about 1.5 MB (far more than a pipe holds) and
  // exits 1.
  const rows: (string | number)[][] = [["指标名称", "甲镇", "乙镇", "丙镇", "全市"]];
  for (let i = 1; i <= 3000; i++) rows.push([`指标${i}(亿元)`, 1, 2, 3, 7]);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("分解").addRows(rows);
  big = join(tempDir("tb-pipe-"), "big.xlsx");
  await wb.xlsx.writeFile(big);
});

describe("stdout closed by its reader", () => {
  it("check --json | head: no stack, no message, the exit code of the run (1: errors in the data)", async () => {
    const r = await runClosingStdout(["check", big, "--json"]);
    expect(r.read).toBeGreaterThan(0);
    expect(r.read).toBeLessThan(1_000_000); // the reader did go away early
    expect([r.code, r.stderr]).toEqual([1, ""]);
  });

  it("inspect --jsonl over several files stops quietly, exit 0", async () => {
    const r = await runClosingStdout(["inspect", "--jsonl", big, big, big, big, big]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
  });

  it("issue -o dir | head -1 still writes every town's file", async () => {
    const dir = join(tempDir(), "issued");
    const r = await runClosingStdout(["issue", SEED_001, "-o", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|内部错误|\n\s+at /);
    expect(r.stderr).toContain("已为 8 个单位写出");
    expect(readdirSync(dir)).toHaveLength(8);
  });
});

describe.runIf(existsSync("/dev/full"))("stdout that cannot be written", () => {
  it("says so in one line and exits 2 (a full disk behind > out.json)", () => {
    ensureCliBuilt();
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [BIN, "load", SEED_001, "--json"], {
        cwd: ROOT,
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
      });
      expect([r.status, r.stderr]).toEqual([2, "target-breakdown: 标准输出无法写入:磁盘空间不足(ENOSPC)\n"]);
    } finally {
      closeSync(full);
    }
  });
});
