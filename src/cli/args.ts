// Command-line arguments: positionals, "--flag value" options and boolean switches.

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export class UsageError extends Error {}

export function parseArgs(
  argv: string[],
  valued: string[],
  aliases: Record<string, string> = {},
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (aliases[a]) a = aliases[a];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (valued.includes(key)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`选项 --${key} 需要一个值`);
        options.set(key, v);
      } else flags.add(key);
    } else positionals.push(a);
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
