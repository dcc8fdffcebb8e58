// The 通报's section on the ranking: per indicator the towns ranked first and last by completion (ties named
// together, as they share the rank), with the completion, and for a rate the town's own figure.
import type { BulletinInput, BulletinSection } from "./bulletin";
import { indicatorRows, type IndicatorRows } from "./bulletinData";
import { gw, percentText, quantityText } from "./bulletinWords";
import type { ProgressRow } from "./evaluate";

/** "经开区" or, for a rate, "经开区(11%)"; towns sharing the place joined with 、. */
function namesOf(rows: ProgressRow[]): string {
  return rows
    .map((r) => (r.kind === "rate" ? gw`${r.unit}(${quantityText(r.value, r.measure)})` : r.unit))
    .join("、");
}

/** "经开区完成率最高(73.8%)", "经开区(11%)、独山港区(8.8%)并列最高,均为目标的110.0%". */
function placeText(rows: ProgressRow[], place: "最高" | "最低"): string {
  const tied = rows.length > 1;
  const share = percentText(rows[0].completion);
  if (rows[0].kind === "rate")
    return gw`${namesOf(rows)}${tied ? "并列" : ""}${place},${tied ? "均" : ""}为目标的${share}`;
  return gw`${namesOf(rows)}完成率${tied ? "并列" : ""}${place}(${share})`;
}

/** One indicator's first and last; null when fewer than two towns were ranked. */
export function rankingSentence(ind: IndicatorRows): string | null {
  const { rows } = ind;
  if (rows.length < 2) return null;
  const last = Math.max(...rows.map((r) => r.rank));
  const first = rows.filter((r) => r.rank === 1);
  const name = ind.row.name;
  if (last === 1) {
    const share = percentText(rows[0].completion);
    return ind.row.kind === "rate"
      ? gw`${name}:${rows.length}个镇(街道)均为目标的${share}。`
      : gw`${name}:${rows.length}个镇(街道)完成率均为${share}。`;
  }
  const bottom = rows.filter((r) => r.rank === last);
  return gw`${name}:${placeText(first, "最高")};${placeText(bottom, "最低")}。`;
}

export function rankingSection({ breakdown, result }: BulletinInput): BulletinSection {
  return {
    heading: "各指标排名情况",
    paragraphs: indicatorRows(breakdown, result)
      .map(rankingSentence)
      .filter((p): p is string => p !== null),
  };
}
