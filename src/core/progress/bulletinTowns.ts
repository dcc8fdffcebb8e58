// The 通报's section on the towns: the lights counted, the towns with every figure on schedule, the red and
// yellow lights town by town with the same completion, gap and rank as the progress rows, and who did not report.
import type { BulletinInput, BulletinSection } from "./bulletin";
import { groupBy, lightCounts, rankCounts, rankText, townFigure, unitsOf } from "./bulletinData";
import { gw, listText, shareText, unitsText } from "./bulletinWords";
import type { ProgressResult, ProgressRow, ProgressStatus } from "./evaluate";

/** How long a town has been behind: "连续2个月落后于序时进度" (a rate: "未达到目标"). */
function streakText(r: ProgressRow): string {
  return `连续${r.streak}个月${r.kind === "rate" ? "未达到目标" : "落后于序时进度"}`;
}

/** "曹桥街道(完成年度目标的56.0%,慢于序时进度10.7个百分点,排名第8位,连续2个月落后于序时进度)". */
export function townClause(r: ProgressRow, ranks: Map<number, number>): string {
  const streak = r.status === "red" || r.streak >= 2 ? gw`,${streakText(r)}` : "";
  return gw`${r.unit}(${townFigure(r)},${rankText(r, ranks)}${streak})`;
}

/** The lights of one colour, indicator by indicator: "高耗低效整治企业数:曹桥街道(…);制造业投资:独山港区(…)". */
export function lightList(result: ProgressResult, status: ProgressStatus): string {
  const parts: string[] = [];
  for (const [indicator, all] of groupBy(result.rows, (r) => r.indicator)) {
    const lit = all.filter((r) => r.status === status);
    if (lit.length === 0) continue;
    const ranks = rankCounts(all);
    parts.push(gw`${indicator}:${lit.map((r) => townClause(r, ranks)).join("、")}`);
  }
  return parts.join(gw`;`);
}

export function townsSection({ breakdown, result, settings }: BulletinInput): BulletinSection {
  const units = unitsOf(breakdown, result);
  const n = lightCounts(result);
  const missing = result.missing.length;
  // Each town's lights, gathered once: which towns are all green, which have a red or a yellow light.
  const lights = new Map<string, Set<ProgressStatus>>();
  for (const r of result.rows) lights.set(r.unit, (lights.get(r.unit) ?? new Set()).add(r.status));
  const townsWith = (status: ProgressStatus) => units.filter((u) => lights.get(u)?.has(status));
  const allGreen = units.filter((u) => lights.get(u)?.size === 1 && lights.get(u)!.has("green"));
  const paragraphs = [
    gw`按照“红黄绿”三色评价,${units.length}个镇(街道)${result.rows.length + missing}项次指标中,` +
      gw`绿灯${n.green}项、黄灯${n.yellow}项、红灯${n.red}项${missing ? gw`,未报送${missing}项` : ""}。`,
    allGreen.length > 0
      ? `${unitsText(allGreen)}已报送的各项指标均达到序时进度。`
      : gw`${units.length}个镇(街道)均有指标落后于序时进度。`,
  ];
  if (n.red > 0)
    paragraphs.push(
      gw`亮红灯${n.red}项,涉及${unitsText(townsWith("red"))}(连续${settings.streakMonths}个月及以上` +
        gw`落后于序时进度且排名在后${shareText(settings.bottomShare)}):${lightList(result, "red")}。`,
    );
  if (n.yellow > 0)
    paragraphs.push(
      gw`亮黄灯${n.yellow}项,涉及${unitsText(townsWith("yellow"))}(本月落后于序时进度):` +
        `${lightList(result, "yellow")}。`,
    );
  if (missing > 0)
    paragraphs.push(
      gw`未报送数据${missing}项:${listText(
        result.missing.map((m) => `${m.unit}${m.indicator}`),
        10,
        "项",
      )}。`,
    );
  return { heading: gw`各镇(街道)进展情况`, paragraphs };
}
