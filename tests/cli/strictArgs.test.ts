// The command line is read strictly (issue 15): an unknown option is refused with the nearest known one as a
// hint, every option of today still works in each of its forms, `--help` shows one command's usage, and a
// usage error is one line and a pointer to --help, never the whole help.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { SEED_001 } from "../helpers/seeds";
import { tempDir } from "../helpers/workbooks";

const COMMANDS = ["load", "check", "allocate", "issue", "collect", "fill", "progress", "inspect"];
const MONTHLY = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");
const SHEET = "2023年目标分解";

/** What a usage error of `command` prints on stderr: the reason, then where the usage is. */
const usageError = (command: string, reason: string) =>
  `target-breakdown ${command}: ${reason}\n用 target-breakdown ${command} --help 查看用法\n`;

let dir: string;
let plan: string;

beforeAll(() => {
  dir = tempDir("tb-args-");
  plan = join(dir, "p.xlsx");
  expect(runCli(["load", SEED_001, "-o", plan]).code).toBe(0);
});

describe("unknown options are refused", () => {
  /** Each command with real inputs, so only the unknown option can stop it. */
  const valid = (): Record<string, string[]> => ({
    load: [SEED_001, "--json"],
    check: [plan, "--json"],
    allocate: [plan, "--indicator", "制造业投资", "--method", "equal", "--json"],
    issue: [SEED_001, "-o", join(dir, "issued")],
    collect: [SEED_001, plan, "--json"],
    fill: ["default:职责分工", SEED_001, "--json"],
    progress: [SEED_001, MONTHLY, "--month", "8", "--json"],
    inspect: [SEED_001],
  });

  it("by every command, naming the option and the command, before anything is read or written", () => {
    for (const command of COMMANDS) {
      const r = runCli([command, ...valid()[command], "--frobnicate"]);
      expect([r.code, r.stdout, r.stderr]).toEqual([
        2,
        "",
        usageError(command, `未知选项 --frobnicate(用于 ${command})`),
      ]);
    }
    expect(existsSync(join(dir, "issued"))).toBe(false);
  });

  it("also an option of another command (check has no --force; it used to be ignored silently)", () => {
    const r = runCli(["check", plan, "--force"]);
    expect([r.code, r.stderr]).toEqual([2, usageError("check", "未知选项 --force(用于 check)")]);
  });

  it("with the nearest known option as a hint for a typo, and none for a word far from all", () => {
    const hint = (args: string[]) => runCli(args).stderr.split("\n")[0];
    expect(hint(["check", plan, "--sheeet", SHEET])).toBe(
      "target-breakdown check: 未知选项 --sheeet(用于 check),是否要用 --sheet?",
    );
    expect(hint(["load", SEED_001, "--ouput", "x.xlsx"])).toContain("是否要用 --output?");
    expect(hint(["load", SEED_001, "-json"])).toContain("未知选项 -json(用于 load),是否要用 --json?");
    expect(hint(["inspect", SEED_001, "--json"])).toContain("是否要用 --jsonl?");
    expect(hint(["collect", SEED_001, plan, "--mont=8"])).toContain(
      "未知选项 --mont(用于 collect),是否要用 --month?",
    );
    expect(hint(["allocate", plan, "--indicater", "制造业投资"])).toContain("是否要用 --indicator?");
    expect(hint(["check", plan, "--frobnicate"])).not.toContain("是否要用");
  });
});

describe("every option each command takes today is still taken", () => {
  it("all of them at once: each command gets past its options to the missing input", () => {
    const missing = join(dir, "不存在.txt");
    const out = join(dir, "o.xlsx");
    const all: Record<string, string[]> = {
      load: [
        missing,
        "-o",
        out,
        "--json",
        "--sheet",
        "s",
        "--range",
        "A1:B2",
        "--layout",
        "towns-as-rows",
        "--yearly",
        "--force",
      ],
      check: [missing, "--sheet", "s", "--weights", "w", "--json"],
      allocate: [
        missing,
        ...[
          "--indicator",
          "i",
          "--method",
          "adjust",
          "--total",
          "1",
          "--base",
          "b",
          "--hold",
          "a",
          "--min",
          "a=1",
        ],
        ...[
          "--max",
          "a=2",
          "--decimals",
          "1",
          "--percent",
          "5",
          "--sheet",
          "s",
          "--year",
          "2023",
          "--tier",
          "确保",
        ],
        ...["--rate", "-o", out, "--force", "--json"],
      ],
      issue: [missing, "-o", join(dir, "d"), "--sheet", "s", "--force"],
      collect: [missing, "r.xlsx", "-o", out, "--month", "8", "--sheet", "s", "--json", "--force"],
      fill: [
        "default:职责分工",
        missing,
        "--by",
        "department",
        "-o",
        out,
        "-d",
        join(dir, "d"),
        "--aliases",
        "a.xlsx",
        "--force",
        "--json",
      ],
      progress: [missing, "a.xlsx", "--month", "8", "-o", out, "--sheet", "s", "--json", "--force"],
      inspect: [missing, "--jsonl"],
    };
    for (const command of COMMANDS) {
      const r = runCli([command, ...all[command]]);
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).not.toContain("未知选项");
      expect(r.stdout + r.stderr, command).toContain("文件不存在");
    }
  });

  it("--name=value, a repeated option (the last counts) and -o/--output alike", () => {
    const spaced = runCli(["check", plan, "--sheet", SHEET, "--json"]);
    expect(spaced.code).toBe(0);
    expect(runCli(["check", plan, `--sheet=${SHEET}`, "--json"]).stdout).toBe(spaced.stdout);
    expect(runCli(["check", plan, "--sheet", "没有这张表", "--sheet", SHEET, "--json"]).stdout).toBe(
      spaced.stdout,
    );
    for (const [i, form] of [["-o"], ["--output"]].entries()) {
      const out = join(dir, `form${i}.xlsx`);
      const args = form[0] === "-o" ? ["-o", out] : [`--output=${out}`];
      expect(runCli(["load", SEED_001, ...args]).code).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
  });

  it("a negative number after a space is a value: --percent -5 as --percent=-5", () => {
    const run = (...percent: string[]) =>
      runCli(["allocate", plan, "--indicator", "制造业投资", "--method", "adjust", ...percent, "--json"]);
    const spaced = run("--percent", "-5");
    expect(spaced.code).toBe(0);
    expect(run("--percent=-5").stdout).toBe(spaced.stdout);
    const { values, previous } = JSON.parse(spaced.stdout);
    expect(values["经开区"]).toBeCloseTo(previous["经开区"] * 0.95, 1);
  });

  it("arguments after -- are files, even when they look like options", () => {
    const r = runCli(["inspect", "--jsonl", "--", SEED_001]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: SEED_001, encoding: "UTF-8" });
  });
});

describe("a value left out, a value given to a switch, a file too many", () => {
  it("are usage errors naming the option or the argument", () => {
    const expectUsage = (args: string[], reason: string) => {
      const r = runCli(args);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, "", usageError(args[0], reason)]);
    };
    expectUsage(["check", plan, "--sheet"], "选项 --sheet 需要一个值");
    expectUsage(["check", plan, "--sheet", "--json"], "选项 --sheet 需要一个值");
    expectUsage(["load", SEED_001, "-o"], "选项 -o 需要一个值");
    expectUsage(["check", plan, "--json=yes"], "选项 --json 不带值");
    expectUsage(["check", plan, plan], `多余的参数:${plan}`);
    expectUsage(["fill", "default:职责分工", SEED_001, "extra.txt"], "多余的参数:extra.txt");
  });
});

describe("--help", () => {
  it("<command> --help (or -h, or help <command>) prints that command's usage only, exit 0", () => {
    for (const command of COMMANDS) {
      const r = runCli([command, "--help"]);
      expect([r.code, r.stderr]).toEqual([0, ""]);
      expect(r.stdout).toMatch(new RegExp(`^用法:\\n  target-breakdown ${command} `));
      expect(r.stdout).toContain("退出码:");
      for (const other of COMMANDS.filter((c) => c !== command))
        expect(r.stdout).not.toContain(`target-breakdown ${other} `);
      expect(runCli([command, "-h"]).stdout).toBe(r.stdout);
      expect(runCli(["help", command]).stdout).toBe(r.stdout);
    }
  });

  it("wins over whatever else is on the line", () => {
    const r = runCli(["check", "--frobnicate", "--help"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("target-breakdown check ");
  });

  it("--help, -h and help print the whole help, exit 0; no arguments print it too, exit 2", () => {
    const whole = runCli(["--help"]);
    expect(whole.code).toBe(0);
    for (const command of COMMANDS) expect(whole.stdout).toContain(`target-breakdown ${command} `);
    expect(runCli(["-h"])).toEqual(whole);
    expect(runCli(["help"])).toEqual(whole);
    expect(runCli([])).toEqual({ ...whole, code: 2 });
  });
});

describe("a usage error is one line and a hint, exit 2", () => {
  it("each command without its arguments says what is missing, not the whole help", () => {
    for (const command of COMMANDS) {
      const r = runCli([command]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.split("\n");
      expect(lines).toHaveLength(3); // two lines and the final line end
      expect(lines[0]).toMatch(new RegExp(`^target-breakdown ${command}: 缺少`));
      expect(lines[1]).toBe(`用 target-breakdown ${command} --help 查看用法`);
    }
    expect(runCli(["check"]).stderr).toBe(usageError("check", "缺少输入文件(要校验的工作簿 .xlsx)"));
    expect(runCli(["issue", SEED_001]).stderr).toContain("缺少 -o <文件夹>");
    expect(runCli(["progress", SEED_001, MONTHLY]).stderr).toContain("缺少 --month M");
  });

  it("an unknown command, with the nearest command when one is close", () => {
    const typo = runCli(["chek", plan]);
    expect([typo.code, typo.stdout, typo.stderr]).toEqual([
      2,
      "",
      "target-breakdown: 未知命令 chek,是否要用 check?\n用 target-breakdown --help 查看用法\n",
    ]);
    const far = runCli(["frobnicate"]);
    expect([far.code, far.stderr]).toEqual([
      2,
      "target-breakdown: 未知命令 frobnicate\n用 target-breakdown --help 查看用法\n",
    ]);
  });
});
