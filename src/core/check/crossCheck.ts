// Cross-check: a breakdown's 全市 value against the indicator system's target for the same indicator and year.
// Names differ between the two tables ("“浙江制造”标准" vs "制修订“浙江制造”标准"), so indicators match by
// normalized name, else by unit plus a close name (character-bigram overlap).
import { normalizeName } from "../text";
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
}

const LEADING_VERBS = /^(制修订|制订|修订|培育|累计|新增|新认定|建成|引进|实现|完成)+/;

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of character bigrams, 0..1. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(normalizeName(a).replace(LEADING_VERBS, ""));
  const y = bigrams(normalizeName(b).replace(LEADING_VERBS, ""));
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

export function matchIndicator(
  row: { name: string; unit: string },
  system: SystemIndicator[],
): SystemIndicator | undefined {
  const key = normalizeName(row.name);
  const exact = system.find((s) => normalizeName(s.name) === key);
  if (exact) return exact;
  let best: { s: SystemIndicator; score: number } | undefined;
  for (const s of system) {
    if (s.unit !== row.unit) continue;
    const score = nameSimilarity(s.name, row.name);
    if (score >= 0.6 && (!best || score > best.score)) best = { s, score };
  }
  return best?.s;
}

export function crossCheck(
  system: SystemIndicator[],
  rows: BreakdownTotal[],
  year: string,
): CrossCheckItem[] {
  const items: CrossCheckItem[] = [];
  for (const row of rows) {
    const match = matchIndicator(row, system);
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
      items.push({
        ...base,
        status: "not_comparable",
        message: `分解表与指标体系${year}年目标不全是数字,未比较`,
      });
      continue;
    }
    const diff = decimalDifference(row.total.value, target.value);
    items.push(
      diff === 0
        ? { ...base, status: "ok", message: `与指标体系“${match.name}”${year}年目标 ${target.value} 一致` }
        : {
            ...base,
            status: "mismatch",
            message: `分解表全市值 ${row.total.value} 与指标体系“${match.name}”${year}年目标 ${target.value} 不一致(相差 ${diff})`,
          },
    );
  }
  return items;
}
