// The monthly 通报 ("截至8月底,全市制造业投资累计完成…亿元,完成年度目标的…%,快于序时进度…个百分点;…亮红灯"),
// written from the month's progress result, last month's when there is one, the settings and the breakdown. It
// is structured content: every sentence is made from figures and carries them (only the closing requirements are
// the bureau's own words, from 进度设置), so the CLI, the pane and the .docx say exactly what the 亮晒 sheet says.
import type { ChangeLogEntry } from "../allocate/changeLog";
import type { Breakdown } from "../model";
import { adjustmentSection } from "./bulletinAdjustments";
import type { ProgressResult } from "./evaluate";
import { periodLabel } from "./month";
import type { ProgressSettings } from "./settings";
import { monthOverMonthSection } from "./bulletinChanges";
import { gw } from "./bulletinWords";
import { introParagraphs, overallSection } from "./bulletinOverall";
import { rankingSection } from "./bulletinRanking";
import { townsSection } from "./bulletinTowns";

export interface BulletinSection {
  /** "一、总体情况" */
  heading: string;
  paragraphs: string[];
}

export interface Bulletin {
  title: string;
  /** The 文号 line with the issue number left for the clerk: "〔2023〕第X期". */
  number: string;
  /** 发文单位 (may be "") and the date: "2023年9月5日". */
  issuer: string;
  date: string;
  /** The opening paragraphs, before the first heading. */
  intro: string[];
  sections: BulletinSection[];
  /** The attachment: the 亮晒 table, named at the end of the text ("附件:…") and heading its page. */
  attachment: { label: string; title: string };
}

export interface BulletinInput {
  breakdown: Breakdown;
  /** Month M. */
  result: ProgressResult;
  /** Month M−1, when the actuals have it: newly red, recovered, rank moves. */
  previous?: ProgressResult | null;
  settings: ProgressSettings;
  /** The day the 通报 is issued. */
  date: { year: number; month: number; day: number };
  /** 调整记录's entries, when the workbook has one: the targets re-allocated during the year. */
  changes?: ChangeLogEntry[];
}

const SECTION_NUMBERS = ["一", "二", "三", "四", "五", "六"];

/** The plan's name in its breakdown's title: "2023年平湖市…培育工程镇(街道)目标任务分解" → "平湖市…培育工程". */
export function planNameOf(title: string): string {
  const name = title
    .replace(/^\s*(19|20)\d{2}\s*年度?/, "")
    .replace(
      /(各?镇[((]街道[))]|各?镇街|分镇|各地)?(主要)?(目标任务|目标|任务)(分解|下达)?(表|情况|方案)?\s*$/,
      "",
    )
    .trim();
  return /目标|任务/.test(name) ? "" : name;
}

export function bulletinTitle(breakdown: Breakdown, month: number): string {
  return `关于${breakdown.year}年${periodLabel(month)}${planNameOf(breakdown.title)}目标任务完成情况的通报`;
}

/** What a saved 通报 is called: "2023年1-8月目标任务完成情况通报.docx". */
export function bulletinFileName(breakdown: Breakdown, month: number, extension = ".docx"): string {
  return `${breakdown.year}年${periodLabel(month)}目标任务完成情况通报${extension}`;
}

/** The day on this clock, as the 通报's date line takes it (the pane's and the CLI's alike). */
export function bulletinDate(d: Date = new Date()): BulletinInput["date"] {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export function buildBulletin(input: BulletinInput): Bulletin {
  const { breakdown, result, date } = input;
  const parts = [
    overallSection(input),
    townsSection(input),
    rankingSection(input),
    input.previous ? monthOverMonthSection(input, input.previous) : null,
    adjustmentSection(input.changes ?? [], breakdown),
    { heading: "下一步工作要求", paragraphs: input.settings.requirements },
  ].filter((s): s is BulletinSection => s !== null && s.paragraphs.length > 0);
  return {
    title: bulletinTitle(breakdown, result.month),
    number: `〔${breakdown.year || date.year}〕第X期`,
    issuer: input.settings.issuer,
    date: `${date.year}年${date.month}月${date.day}日`,
    intro: introParagraphs(input),
    sections: parts.map((s, i) => ({ ...s, heading: `${SECTION_NUMBERS[i]}、${s.heading}` })),
    attachment: {
      label: "附件",
      title: `${breakdown.year}年${periodLabel(result.month)}目标任务完成情况亮晒表`,
    },
  };
}

/** The 通报 as plain text (what 复制通报文字 and `--report-text` give): paragraphs indented two characters. */
export function bulletinText(b: Bulletin): string {
  const indent = (p: string) => `\u3000\u3000${p}`;
  const lines = [b.title, b.number, [b.issuer, b.date].filter((x) => x !== "").join("\u3000\u3000"), ""];
  lines.push(...b.intro.map(indent));
  for (const s of b.sections) lines.push(s.heading, ...s.paragraphs.map(indent));
  lines.push("", attachmentLine(b));
  return lines.join("\n") + "\n";
}

/** "附件:2023年1-8月目标任务完成情况亮晒表", the line closing the text. */
export const attachmentLine = (b: Bulletin) => gw`${b.attachment.label}:${b.attachment.title}`;
