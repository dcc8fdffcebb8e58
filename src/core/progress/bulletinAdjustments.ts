// 目标调整情况 in the 通报: the targets re-allocated during the year, as 调整记录 has them ("经开区制造业投资目标于
// 6月由41亿元调整为45亿元(原因:项目调整)"), so a town reading its completion knows which target it is measured
// against. Batches later undone, and the undo batches themselves, are left out: what is said is what stands.
import {
  CHANGE_LOG_SHEET,
  changeSentence,
  standingChanges,
  type ChangeLogEntry,
} from "../allocate/changeLog";
import type { Breakdown } from "../model";
import { normalizeName } from "../text";
import type { BulletinSection } from "./bulletin";
import { gw } from "./bulletinWords";

/** More than this many changes are summed up after the first ones: a 通报 is not the record itself. */
const MAX_SENTENCES = 12;

/** The section, or null when no target of the breakdown's indicators was changed. */
export function adjustmentSection(entries: ChangeLogEntry[], breakdown: Breakdown): BulletinSection | null {
  const indicators = new Set(breakdown.rows.map((r) => normalizeName(r.name)));
  const changes = standingChanges(entries).filter((e) => indicators.has(normalizeName(e.indicator)));
  if (changes.length === 0) return null;
  const shown = changes.slice(0, MAX_SENTENCES).map((e) => changeSentence(e, true));
  const rest = changes.length - shown.length;
  const list = shown.join("；");
  const paragraph =
    rest > 0
      ? gw`年内共调整目标${changes.length}处:${list}等,其余${rest}处见“${CHANGE_LOG_SHEET}”。`
      : gw`年内共调整目标${changes.length}处:${list}。本通报按调整后的目标计算完成率。`;
  return { heading: "目标调整情况", paragraphs: [paragraph] };
}
