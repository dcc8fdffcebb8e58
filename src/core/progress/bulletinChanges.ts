// The 通报's month-over-month section, when last month's result is at hand: the lights counted against last
// month's, the towns newly red, the towns back to green (or from red to yellow), and the big moves in rank.
import type { BulletinInput, BulletinSection } from "./bulletin";
import { LIGHT_NAME, lightCounts } from "./bulletinData";
import { changeText, gw, listText, percentText, quantityText } from "./bulletinWords";
import type { ProgressResult, ProgressRow, ProgressStatus } from "./evaluate";

/** A move in rank of at least this many places is worth a sentence ("前进2位"); the largest few are named. */
export const RANK_MOVE = 2;
const MOVES_NAMED = 5;

const keyOf = (r: { unit: string; indicator: string }) => `${r.unit}\u0000${r.indicator}`;

interface Pair {
  now: ProgressRow;
  before: ProgressRow | undefined;
}

function pairs(result: ProgressResult, previous: ProgressResult): Pair[] {
  const before = new Map(previous.rows.map((r) => [keyOf(r), r]));
  return result.rows.map((now) => ({ now, before: before.get(keyOf(now)) }));
}

/** "完成率由53.3%提高到73.3%" (a rate: its figure, "由3%提高到3.2%"). */
export function progressChangeText(before: ProgressRow, now: ProgressRow): string {
  const [a, b] = now.kind === "rate" ? [before.value, now.value] : [before.completion, now.completion];
  const text = (x: number) => (now.kind === "rate" ? quantityText(x, now.measure) : percentText(x));
  const what = now.kind === "rate" ? "" : "完成率";
  return b >= a ? `${what}由${text(a)}提高到${text(b)}` : `${what}由${text(a)}降至${text(b)}`;
}

/** "广陈镇高耗低效整治企业数由上月红灯转为绿灯,完成率由53.3%提高到73.3%". */
function turnText({ now, before }: Pair): string {
  return gw`${now.unit}${now.indicator}由上月${LIGHT_NAME[before!.status]}转为${LIGHT_NAME[now.status]},${progressChangeText(before!, now)}`;
}

/** "新埭镇高耗低效整治企业数前进2位(由第7位升至第5位)". */
export function rankMoveText({ now, before }: Pair): string {
  const up = before!.rank > now.rank;
  const by = Math.abs(before!.rank - now.rank);
  return gw`${now.unit}${now.indicator}${up ? "前进" : "后退"}${by}位(由第${before!.rank}位${up ? "升至" : "降至"}第${now.rank}位)`;
}

/**
 * Moves of RANK_MOVE places or more, the largest first. An indicator whose towns all share one rank in either
 * month (every completion equal) has no ranking to move in: its "moves" are ties forming or breaking.
 */
export function rankMoves(ps: Pair[], previous: ProgressResult): Pair[] {
  const ranked = (rows: readonly ProgressRow[]) => {
    const has = new Set<string>();
    for (const r of rows) if (r.rank > 1) has.add(r.indicator);
    return has;
  };
  const now = ranked(ps.map((p) => p.now));
  const then = ranked(previous.rows);
  const move = (p: Pair) => Math.abs(p.before!.rank - p.now.rank);
  return ps
    .filter((p) => p.before && now.has(p.now.indicator) && then.has(p.now.indicator) && move(p) >= RANK_MOVE)
    .sort((a, b) => move(b) - move(a)); // stable: equal moves keep the breakdown's order
}

const turned = (ps: Pair[], from: ProgressStatus[], to: ProgressStatus) =>
  ps.filter((p) => p.before && from.includes(p.before.status) && p.now.status === to);

export function monthOverMonthSection(input: BulletinInput, previous: ProgressResult): BulletinSection {
  const { result } = input;
  const now = lightCounts(result);
  const then = lightCounts(previous);
  const ps = pairs(result, previous);
  const paragraphs = [
    gw`与${previous.month}月相比,红灯${now.red}项,${changeText(now.red, then.red)};` +
      gw`黄灯${now.yellow}项,${changeText(now.yellow, then.yellow)};绿灯${now.green}项,${changeText(now.green, then.green)}。`,
  ];
  const newlyRed = ps.filter((p) => p.now.status === "red" && p.before?.status !== "red");
  if (newlyRed.length > 0)
    paragraphs.push(
      gw`新亮红灯${newlyRed.length}项:${newlyRed
        .map(
          (p) =>
            gw`${p.now.unit}${p.now.indicator}(上月${p.before ? LIGHT_NAME[p.before.status] : "无数据"})`,
        )
        .join("、")}。`,
    );
  const green = turned(ps, ["red", "yellow"], "green");
  if (green.length > 0)
    paragraphs.push(gw`${green.length}项由红灯、黄灯转为绿灯:${green.map(turnText).join(gw`;`)}。`);
  const better = turned(ps, ["red"], "yellow");
  if (better.length > 0)
    paragraphs.push(gw`${better.length}项由红灯转为黄灯:${better.map(turnText).join(gw`;`)}。`);
  const moved = rankMoves(ps, previous);
  const up = moved.filter((p) => p.before!.rank > p.now.rank);
  const down = moved.filter((p) => p.before!.rank < p.now.rank);
  const named = (list: Pair[]) => listText(list.map(rankMoveText), MOVES_NAMED, "项");
  const moves = [
    up.length ? gw`排名前进${RANK_MOVE}位及以上的${up.length}项:${named(up)}` : "",
    down.length ? gw`排名后退${RANK_MOVE}位及以上的${down.length}项:${named(down)}` : "",
  ].filter((x) => x !== "");
  if (moves.length > 0) paragraphs.push(`${moves.join(gw`;`)}。`);
  return { heading: "与上月相比", paragraphs };
}
