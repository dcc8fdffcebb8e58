// Sheet names Excel accepts, and a free one when the wanted name is taken: "名称 (2)", "名称 (3)", …

const MAX = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

export function safeSheetName(name: string): string {
  const replaced = name.replace(FORBIDDEN, "_");
  // Leading and trailing apostrophes cut by hand: /'+$/ tries every run from each of its characters, quadratic
  // in a title of many.
  let from = 0;
  let to = replaced.length;
  while (from < to && replaced[from] === "'") from++;
  while (to > from && replaced[to - 1] === "'") to--;
  const clean = replaced.slice(from, to).trim() || "Sheet";
  return clean.slice(0, MAX);
}

export function uniqueSheetName(wanted: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const base = safeSheetName(wanted);
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, MAX - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
