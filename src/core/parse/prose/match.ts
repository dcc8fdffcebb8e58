// When two indicator names mean the same indicator: the prose's "亩均增加值" and 附件1's "规上工业亩均增加值".
import { normalizeName } from "../../text";

/** The comparison key: normalizeName plus the documents' synonyms (规模以上 = 规上) and no 的. */
export function nameKey(name: string): string {
  return (
    normalizeName(name)
      .replace(/规模以上/g, "规上")
      // 工业产值 is the statistics' shorthand for 工业总产值 ("规上工业产值" = "规上工业总产值").
      .replace(/工业总产值/g, "工业产值")
      // A company new to the statistics is new among 规上 companies: 新入规企业 = 新增入规企业 = 新增规上工业企业.
      .replace(/(?:新增|新)?入规(?:工业)?(?:企业)?/g, "新增规上工业企业")
      // "年均增长7%" is the growth of each year: 年均增速 = 增速 (the target's year says 每年 or the plan's span).
      .replace(/年均(?=增速|降幅|增长|下降)/g, "")
      // The span a time limit runs over says which limit, not another indicator: "工业项目从签约到开工审批时限" =
      // "工业项目审批时限".
      .replace(/从[\u4e00-\u9fff]{1,6}到[\u4e00-\u9fff]{1,6}?(?=审批|时限|时间|用时|周期)/g, "")
      .replace(/的/g, "")
      .replace(/[()()]/g, "")
  );
}

/** Equal keys, or one key containing the other (at least two characters): "关停" ⊂ "关停企业". */
export function namesMatch(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x === y) return x.length > 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 2 && long.includes(short);
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** 1 for matching names (namesMatch), else the Dice coefficient of the keys' character pairs (0…1). */
export function nameSimilarity(a: string, b: string): number {
  if (namesMatch(a, b)) return 1;
  const x = bigrams(nameKey(a));
  const y = bigrams(nameKey(b));
  if (x.length === 0 || y.length === 0) return 0;
  // The pairs in common, each counted as often as both keys have it: counted in a map, not found and spliced
  // out of a list (quadratic in a name's length).
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const k = pool.get(g) ?? 0;
    if (k > 0) {
      common++;
      pool.set(g, k - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}
