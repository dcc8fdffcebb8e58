// 责任单位 cells: "市商务局、 市发改局、 市科技局" → lead 市商务局, partners [市发改局, 市科技局].
import { splitUnits } from "../text";

/** Words that turn a piece of a 责任单位 cell into a note about the list rather than a unit's name. */
const NOTE_WORDS = /(以下|不再|涉及|均需|落实|为牵头|列出|负责)/;

export interface UnitList {
  lead: string;
  partners: string[];
  all: string[];
  /** Text after the units that is a note, e.g. "以下各项工作均需各镇(街道)落实,…". */
  note: string;
}

/**
 * Splits a 责任单位 cell. The first unit leads (涉及多个部门的,第一部门为牵头部门). A note that follows the
 * units (附件1 row 1: "市经信局,以下各项工作均需…") is kept apart, never taken for units.
 */
export function parseUnitList(text: string): UnitList {
  const pieces = splitUnits(text);
  const noteAt = pieces.findIndex((p) => NOTE_WORDS.test(p) || p.length > 24);
  const all = noteAt >= 0 ? pieces.slice(0, noteAt) : pieces;
  const note = noteAt >= 0 ? pieces.slice(noteAt).join(",") : "";
  return { lead: all[0] ?? "", partners: all.slice(1), all, note };
}
