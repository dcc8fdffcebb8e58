// Cross-check: a breakdown's 全市 value against the indicator system's target for the same indicator and year.
// Names differ between the two tables ("“浙江制造”标准" vs "制修订“浙江制造”标准"), so indicators match by
// normalized name, else by unit plus a close name (character-bigram overlap).
import { memoText, normalizeName } from "../text";
import { message, said, type Message } from "../messages/message";
import { decimalDifference } from "./decimal";

export interface TargetRef {
  status: string;
  value: number | null;
}

export interface SystemIndicator {
  name: string;
  unit: string;
  targets: Record<string, TargetRef>;
}

export interface BreakdownTotal {
  /** 1-based worksheet row (or 序号 for a parsed document). */
  row: number;
  name: string;
  unit: string;
  total: TargetRef;
}

export interface CrossCheckItem {
  row: number;
  indicator: string;
  /** The indicator system's name it was matched to. */
  systemIndicator: string;
  year: string;
  status: "ok" | "mismatch" | "not_comparable";
  breakdownTotal: number | null;
  systemTarget: number | null;
  message: string;
  msg: Message;
}

const LEADING_VERBS = /^(制修订|制订|修订|培育|累计|新增|新认定|建成|引进|实现|完成)+/;

/** A name's character bigrams (normalized, leading verbs off) with their counts, made once per name. */
export interface NameGrams {
  counts: Map<string, number>;
  size: number;
}

export function nameGrams(name: string): NameGrams {
  longGrams ??= memoText(gramsOf, 16); // a long name repeated in every row is taken apart once (memoText)
  return longGrams(name);
}
let longGrams: ((name: string) => NameGrams) | undefined;

function gramsOf(name: string): NameGrams {
  const s = normalizeName(name).replace(LEADING_VERBS, "");
  const counts = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return { counts, size: Math.max(0, s.length - 1) };
}

/** Dice coefficient of two names' bigrams, 0..1: the pairs in common, each as often as both have it. */
export function gramSimilarity(x: NameGrams, y: NameGrams): number {
  if (x.size === 0 || y.size === 0) return 0;
  const [small, large] = x.counts.size <= y.counts.size ? [x, y] : [y, x];
  let common = 0;
  for (const [g, n] of small.counts) common += Math.min(n, large.counts.get(g) ?? 0);
  return (2 * common) / (x.size + y.size);
}

/** The most gramSimilarity can be for names of these sizes (all of the shorter one in common). */
export const gramBound = (x: NameGrams, y: NameGrams) => (2 * Math.min(x.size, y.size)) / (x.size + y.size);

/**
 * Work the fuzzy matching of one system (or one returned sheet) may do, in names looked at plus bigrams compared:
 * a real workbook needs thousands; this is a fraction of a second.
 */
export const FUZZY_BUDGET = 4_000_000;

/** Dice coefficient of character bigrams, 0..1. */
export function nameSimilarity(a: string, b: string): number {
  return gramSimilarity(nameGrams(a), nameGrams(b));
}

const CLOSE_ENOUGH = 0.6;

/**
 * matchIndicator for every row of a breakdown against one system: the exact names looked up, each system name's
 * bigrams made once, names too short or too long to be close enough skipped, and the fuzzy work bounded (rows
 * past FUZZY_BUDGET get no fuzzy match) — a system and a breakdown of 50,000 names each were 2.5 × 10^9 pairs.
 */
export function indicatorMatcher(
  system: SystemIndicator[],
): (row: { name: string; unit: string }) => SystemIndicator | undefined {
  const exact = new Map<string, SystemIndicator>();
  const byUnit = new Map<string, { s: SystemIndicator; grams: NameGrams | null }[]>();
  for (const s of system) {
    const key = normalizeName(s.name);
    if (!exact.has(key)) exact.set(key, s);
    const list = byUnit.get(s.unit) ?? [];
    list.push({ s, grams: null });
    byUnit.set(s.unit, list);
  }
  let budget = FUZZY_BUDGET;
  return (row) => {
    const hit = exact.get(normalizeName(row.name));
    if (hit) return hit;
    const candidates = byUnit.get(row.unit);
    if (!candidates || budget <= 0) return undefined;
    const x = nameGrams(row.name);
    let best: { s: SystemIndicator; score: number } | undefined;
    for (const c of candidates) {
      c.grams ??= nameGrams(c.s.name);
      budget -= 1;
      if (gramBound(c.grams, x) < CLOSE_ENOUGH) continue;
      budget -= Math.min(c.grams.counts.size, x.counts.size);
      if (budget < 0) return undefined;
      const score = gramSimilarity(c.grams, x);
      if (score >= CLOSE_ENOUGH && (!best || score > best.score)) best = { s: c.s, score };
    }
    return best?.s;
  };
}

export function matchIndicator(
  row: { name: string; unit: string },
  system: SystemIndicator[],
): SystemIndicator | undefined {
  return indicatorMatcher(system)(row);
}

/** `matchOf`: a matcher of `system` to share (the sheets of one workbook, within one budget). */
export function crossCheck(
  system: SystemIndicator[],
  rows: BreakdownTotal[],
  year: string,
  matchOf = indicatorMatcher(system),
): CrossCheckItem[] {
  const items: CrossCheckItem[] = [];
  for (const row of rows) {
    const match = matchOf(row);
    const target = match?.targets[year];
    if (!match || !target) continue;
    const base = {
      row: row.row,
      indicator: row.name,
      systemIndicator: match.name,
      year,
      breakdownTotal: row.total.value,
      systemTarget: target.value,
    };
    if (
      row.total.status !== "number" ||
      target.status !== "number" ||
      row.total.value === null ||
      target.value === null
    ) {
      items.push({ ...base, status: "not_comparable", ...said(message("cross.not_comparable", { year })) });
      continue;
    }
    const diff = decimalDifference(row.total.value, target.value);
    const named = { name: match.name, year, target: target.value };
    items.push(
      diff === 0
        ? { ...base, status: "ok", ...said(message("cross.ok", named)) }
        : {
            ...base,
            status: "mismatch",
            ...said(message("cross.mismatch", { ...named, total: row.total.value, difference: diff })),
          },
    );
  }
  return items;
}
