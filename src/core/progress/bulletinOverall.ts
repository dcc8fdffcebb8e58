// The 通报's opening and its first section, the city as a whole: each 总量型 indicator's towns summed against the
// breakdown's 全市 target and 序时进度, each 质态型 rate as the city's figure (when the actuals give one) or as
// how many towns reached their targets.
import type { BulletinInput, BulletinSection } from "./bulletin";
import { cityRate, cityTotal, indicatorRows, unitsOf, type IndicatorRows } from "./bulletinData";
import {
  gw,
  listText,
  percentText,
  quantityText,
  rateGapText,
  scheduleGapText,
  shownGap,
} from "./bulletinWords";
import { periodLabel } from "./month";

/** "根据各镇(街道)报送的1-8月实绩数据……总量型指标7项,序时进度为66.7%(8/12;其中制造业投资为46.0%)……". */
export function introParagraphs({ breakdown, result }: BulletinInput): string[] {
  const inds = indicatorRows(breakdown, result);
  const units = unitsOf(breakdown, result);
  const totals = inds.filter((i) => i.row.kind === "total");
  const rates = inds.length - totals.length;
  const base = result.month / 12;
  const own = totals
    .filter((i) => Math.abs(i.rows[0].schedule - base) > 1e-9)
    .map((i) => `${i.row.name}为${percentText(i.rows[0].schedule)}`);
  const ownText = own.length ? gw`;其中${own.join("、")}` : "";
  const rules = [
    totals.length > 0
      ? gw`总量型指标${totals.length}项,序时进度为${percentText(base)}(${result.month}/12${ownText})`
      : "",
    rates > 0 ? gw`质态型指标${rates}项,以实绩与年度目标直接比较` : "",
  ].filter((x) => x !== "");
  return [
    gw`根据各镇(街道)报送的${periodLabel(result.month)}实绩数据,对照${breakdown.year}年度目标任务,` +
      gw`对${units.length}个镇(街道)${inds.length}项指标的完成情况进行了评价。${rules.join(gw`;`)}。` +
      `现将${periodLabel(result.month)}目标任务完成情况通报如下。`,
  ];
}

/** "(新仓镇未报送,未计入)": a sum leaves them out; a count of towns only says who was not counted. */
const missingClause = (missing: string[], counted = true) =>
  missing.length ? gw`(${listText(missing)}未报送${counted ? gw`,未计入` : ""})` : "";

/** "制造业投资:全市累计完成55.43亿元,完成年度目标(118.00亿元)的47.0%,快于序时进度(46.0%)1.0个百分点。" */
export function totalSentence(ind: IndicatorRows, tolerance: number): string | null {
  const city = cityTotal(ind, tolerance);
  if (!city) return null;
  const m = ind.row.unit;
  const of = city.ofTowns ? gw`各镇(街道)目标合计` : "年度目标";
  const schedule = gw`序时进度(${percentText(city.schedule)})`;
  return (
    gw`${ind.row.name}:全市累计完成${quantityText(city.value, m)}${missingClause(ind.missing)},` +
    gw`完成${of}(${quantityText(city.target, m)})的${percentText(city.completion)},` +
    gw`${scheduleGapText(shownGap(city.completion, city.schedule), schedule)}。`
  );
}

/** A rate: the city's figure against its target, else how many towns reached theirs and who did not. */
export function rateSentence(ind: IndicatorRows, city: number | null): string {
  const { name, unit: m } = ind.row;
  const target = ind.row.total.status === "number" ? ind.row.total.value : null;
  if (city !== null && target !== null)
    return gw`${name}:全市为${quantityText(city, m)},年度目标${quantityText(target, m)},${rateGapText(city, target, m)}。`;
  const short = ind.rows.filter((r) => r.status !== "green");
  const n = ind.rows.length;
  const who = missingClause(ind.missing, false);
  if (short.length === 0) return gw`${name}:${n}个镇(街道)均达到年度目标${who}。`;
  const list = short.map((r) => gw`${r.unit}${quantityText(r.value, m)}(目标${quantityText(r.target, m)})`);
  return (
    gw`${name}:${n}个镇(街道)中,${n - short.length}个达到年度目标,` +
    gw`${short.length}个未达到,为${list.join("、")}${who}。`
  );
}

/** How many 总量型 indicators the city has on schedule, how many rates the towns reached. */
function summarySentence(inds: IndicatorRows[], tolerance: number, month: number): string | null {
  const cities = inds.map((i) => ({ ind: i, city: cityTotal(i, tolerance) })).filter((x) => x.city !== null);
  const rates = inds.filter((i) => i.row.kind === "rate");
  const parts: string[] = [];
  if (cities.length > 0) {
    const behind = cities.filter((x) => x.city!.behind).map((x) => x.ind.row.name);
    parts.push(
      behind.length === 0
        ? `全市${cities.length}项总量型指标均快于或达到序时进度`
        : gw`全市${cities.length}项总量型指标中,${cities.length - behind.length}项快于或达到序时进度,` +
            gw`${behind.length}项慢于序时进度(${listText(behind)})`,
    );
  }
  if (rates.length > 0) {
    const rows = rates.flatMap((i) => i.rows);
    const reached = rows.filter((r) => r.status === "green").length;
    parts.push(
      gw`${rates.length}项质态型指标各镇(街道)达到年度目标${reached}项次、未达到${rows.length - reached}项次`,
    );
  }
  return parts.length ? gw`截至${month}月底,${parts.join(gw`;`)}。` : null;
}

export function overallSection(input: BulletinInput): BulletinSection {
  const { breakdown, result, settings } = input;
  const inds = indicatorRows(breakdown, result);
  const lines = inds.map((i) =>
    i.row.kind === "total" ? totalSentence(i, settings.tolerance) : rateSentence(i, cityRate(i, result)),
  );
  const summary = summarySentence(inds, settings.tolerance, result.month);
  return {
    heading: "总体情况",
    paragraphs: [summary, ...lines].filter((p): p is string => p !== null),
  };
}
