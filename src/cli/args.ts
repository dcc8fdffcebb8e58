// Command-line arguments: positionals, "--name value" options and switches, read by Node's util.parseArgs in
// strict mode, so an option a command does not know is refused (as the task pane refuses what it cannot use)
// rather than silently ignored. Node's English errors become one Chinese line naming the option.
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from "node:util";
import { nearest } from "./nearest";

/** The options one command accepts. */
export interface OptionSpec {
  /** Options taking a value: `--sheet 工作表`, `--sheet=工作表`; given twice, the last one counts. */
  valued: readonly string[];
  /** Switches: `--json`. */
  flags: readonly string[];
  /** One-letter forms: `{ o: "output" }` for `-o`. */
  short?: Readonly<Record<string, string>>;
  /** At most this many positionals (files…); more are refused. */
  maxPositionals?: number;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** A command line that cannot be run: exit 2, one line, and a pointer to the command's --help. */
export class UsageError extends Error {}

/** `--help` or `-h` anywhere before a `--`. */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

function nodeOptions(spec: OptionSpec): NonNullable<ParseArgsConfig["options"]> {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const name of spec.valued) options[name] = { type: "string" };
  for (const name of spec.flags) options[name] = { type: "boolean" };
  for (const [letter, name] of Object.entries(spec.short ?? {})) options[name].short = letter;
  return options;
}

/** An argument that reads as an option (`-o`, `--json`), not as a value (`-5`, `-`, `-草稿`). */
const looksLikeOption = (arg: string) => /^--?[A-Za-z]/.test(arg) || arg === "--";

/**
 * `--percent -5` as `--percent=-5`. Strict parseArgs takes no value starting with "-" after a space (it could be
 * a forgotten value followed by an option); a negative number is plainly a value, and was accepted before.
 */
function joinDashValues(argv: string[], spec: OptionSpec): string[] {
  /** The option `arg` names when it takes a value (`--percent`, `-o`), else undefined. */
  const takesValue = (arg: string) => {
    const name = /^-[A-Za-z]$/.test(arg) ? spec.short?.[arg[1]] : /^--./.test(arg) ? arg.slice(2) : undefined;
    return name !== undefined && spec.valued.includes(name) ? name : undefined;
  };
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") return [...out, ...argv.slice(i)];
    const name = takesValue(argv[i]);
    const next = argv[i + 1];
    if (name && next?.startsWith("-") && !looksLikeOption(next)) out.push(`--${name}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** What is wrong with `args`, in Chinese; found from the tokens of a lenient parse (strict mode failed). */
function explain(command: string, args: string[], spec: OptionSpec): string | undefined {
  const { tokens } = nodeParseArgs({ args, options: nodeOptions(spec), strict: false, tokens: true });
  const known = [...spec.valued, ...spec.flags, "help"];
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    if (!spec.valued.includes(t.name) && !spec.flags.includes(t.name)) {
      // "-json" is read as -j -s -o -n: name what was typed, and compare it with the long options.
      const raw = args[t.index].split("=")[0];
      const typed = !raw.startsWith("--") && raw.length > 2 ? raw : t.rawName;
      const hint = nearest(typed.replace(/^--?/, ""), known);
      return `未知选项 ${typed}(用于 ${command})${hint ? `,是否要用 --${hint}?` : ""}`;
    }
    if (spec.flags.includes(t.name) && t.inlineValue) return `选项 ${t.rawName} 不带值`;
    if (
      spec.valued.includes(t.name) &&
      (t.value === undefined || (!t.inlineValue && looksLikeOption(t.value)))
    )
      return `选项 ${t.rawName} 需要一个值`;
  }
  return undefined;
}

/** Parses `argv` (the words after the command) against `spec`; a UsageError names what is wrong. */
export function parseArgs(command: string, argv: string[], spec: OptionSpec): ParsedArgs {
  const args = joinDashValues(argv, spec);
  let parsed;
  try {
    parsed = nodeParseArgs({ args, options: nodeOptions(spec), strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(explain(command, args, spec) ?? (e as Error).message);
  }
  const { values, positionals } = parsed;
  if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals)
    throw new UsageError(`多余的参数:${positionals.slice(spec.maxPositionals).join(" ")}`);
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string") options.set(name, value);
    else if (value === true) flags.add(name);
  }
  return { positionals, options, flags };
}

/** --month M (1–12), or undefined when the option is absent. */
export function monthOption(args: ParsedArgs): number | undefined {
  const text = args.options.get("month");
  if (text === undefined) return undefined;
  const month = Number(text);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new UsageError(`--month 应为 1–12 的整数,而不是“${text}”`);
  return month;
}
