// A document → its sentences with offsets, each knowing the year of the section it stands in.
import { toHalfWidth } from "../../text";
import { sectionMood, type SectionMood } from "./statements";

export interface Sentence {
  /** Half-width text (same length as the original, so offsets hold). */
  text: string;
  start: number;
  end: number;
  /** The year of the enclosing "一、2021年重点工作开展情况" heading, else the paragraph's first year, else "". */
  contextYear: string;
  /** Index of the paragraph (line) the sentence belongs to. */
  paragraph: number;
  /** Whether its section tells what was done (一、上半年工作情况) or what is to be done (二、下半年工作打算). */
  section: SectionMood;
  /** What its sub-section measures, when the heading names one thing ("(一)规上工业总产值。"), else "". */
  topic: string;
}

/** A top-level heading: "一、…", "二、2022年工作思路". */
const HEADING = /^\s*[一二三四五六七八九十]+、/;
/** A second-level heading: "(一)工业方面", "（二）2023年工作打算". */
const SUBHEADING = /^\s*[(（][一二三四五六七八九十]+[)）]/;
/** A heading is a short line; a long one is a paragraph that opens with a number. */
const HEADING_LENGTH = 40;
/**
 * "2021年," opening a paragraph sets the paragraph's year. Read after trimStart(): a leading \s* here and the \s*
 * after the optional numbering would split a run of spaces every way, quadratic in it.
 */
const OPENING_YEAR = /^(?:\(|（)?[一二三四五六七八九十]*(?:\)|）)?\s*(?:到|截至|截止)?(\d{4})年(?!\d)/;
const SENTENCE_END = /[。！？!?]/;

/** Table rows (附件 tables rendered with "|") and their text are not prose. */
function isTableLine(line: string): boolean {
  return (line.match(/\|/g) ?? []).length >= 2;
}

/**
 * Words of a heading that does something rather than name a thing measured: "(一)确保全县“双过半”",
 * "(二)压实乡镇、园区责任", "(三)工业投资持续发力".
 */
const ACTION =
  /确保|力争|推动|加快|强化|抓好|做好|持续|全力|着力|深入|坚持|提升|优化|压实|落实|稳住|稳定|培育|扩大|突出|聚焦|实施|加强|狠抓|推进|打造|构建|完善|促进|壮大|严格|提高|全面|大力|积极|坚决|围绕|注重|保障|服务|问题|不足|工作|要求|措施|责任|目标|任务|指标|思路|方向|重点|原则|意义|背景|基础|总体|主要|回升|回落|加快|放缓|增长|下降|向好|稳定|明显|承压|偏弱|较快|稳步|平稳|有所|和|及|与|、|[,，:：]/;

/** What a sub-heading names, when it names one thing measured: "(一)规上工业总产值" → 规上工业总产值. */
function topicOf(heading: string): string {
  const words = heading
    .replace(SUBHEADING, "")
    .trim()
    .replace(/(?:方面|情况|完成情况|运行情况)$/, "");
  return words.length >= 2 && words.length <= 12 && /^[\u4e00-\u9fff]+$/.test(words) && !ACTION.test(words)
    ? words
    : "";
}

/** A sub-heading's own words: up to its first full stop ("(一)工业方面。1-5月…" states its heading first). */
function headingText(line: string): string {
  const stop = line.search(SENTENCE_END);
  return (stop >= 0 ? line.slice(0, stop) : line).slice(0, HEADING_LENGTH);
}

export function splitSentences(document: string): Sentence[] {
  const text = toHalfWidth(document);
  const out: Sentence[] = [];
  let sectionYear = "";
  let section: SectionMood = "";
  let subsection: SectionMood = "";
  let topic = "";
  let offset = 0;
  let paragraph = -1;
  for (const line of text.split("\n")) {
    paragraph++;
    const lineStart = offset;
    offset += line.length + 1;
    if (isTableLine(line) || line.trim() === "") continue;
    if (HEADING.test(line)) {
      sectionYear = /(\d{4})年/.exec(line)?.[1] ?? "";
      section = sectionMood(line.slice(0, HEADING_LENGTH));
      subsection = "";
      topic = "";
    } else if (SUBHEADING.test(line)) {
      subsection = sectionMood(headingText(line), false);
      topic = topicOf(headingText(line));
    }
    const paragraphYear = OPENING_YEAR.exec(line.trimStart())?.[1] ?? "";
    // The ends found by one search, not a test (and a one-character string) for every character.
    const ends = new RegExp(SENTENCE_END.source, "g");
    let from = 0;
    for (;;) {
      const end = ends.exec(line);
      const i = end ? end.index : line.length;
      const raw = line.slice(from, i);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body !== "") {
        const start = lineStart + from + lead;
        out.push({
          text: body,
          start,
          end: start + body.length,
          contextYear: paragraphYear || sectionYear,
          paragraph,
          section: subsection || section,
          topic,
        });
      }
      from = i + 1;
      if (!end) break;
    }
  }
  return out;
}

/**
 * The months of the year a report covers, from its title's period: "1-9月" → 9, "前三季度" → 9, "上半年" → 6,
 * "一季度" → 3; 0 for a document that states none (a plan, a speech).
 */
export function documentMonths(document: string): number {
  const head = toHalfWidth(document).split("\n").slice(0, 6);
  const titled = titleMonths(head);
  if (titled === 0) return 0;
  // A meeting on the quarter held inside it ("一季度经济形势分析会", dated 3月6日) speaks of months not yet over:
  // only those before the date line's month are done.
  const dated = head
    .map((line) => /^\s*[(（]?\s*\d{4}\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*[)）]?\s*$/.exec(line))
    .find(Boolean);
  return dated ? Math.min(titled, Math.max(0, Number(dated[1]) - 1)) : titled;
}

function titleMonths(head: string[]): number {
  for (const line of head) {
    if (!/通报|分析|情况|报告|总结|监测/.test(line)) continue;
    const range = /(?<!\d)1\s*[-—–~至]\s*(\d{1,2})\s*月/.exec(line);
    if (range && Number(range[1]) <= 12) return Number(range[1]);
    const season = /前三季度|上半年|一季度|第一季度/.exec(line)?.[0];
    if (season) return season === "前三季度" ? 9 : season === "上半年" ? 6 : 3;
  }
  return 0;
}

/** Words of a document's title that say what kind of document it is. */
const TITLE_KIND = /总结|报告|讲话|通报|要点|计划|思路|打算|方案|意见|安排/;

/** The year the document speaks for: a plan's first year (2023—2027年), else its date of publication. */
export function documentYear(document: string): string {
  const head = toHalfWidth(document.split("\n").slice(0, 12).join("\n"));
  const range = /(\d{4})\s*[—–\-~至]\s*\d{4}\s*年/.exec(head);
  if (range) return range[1];
  const published = /发布(?:时间|日期)[:\s]*(\d{4})/.exec(head);
  if (published) return published[1];
  const titled = /(\d{4})年(?:工作)?(?:思路|计划|要点|目标)/.exec(head);
  if (titled) return titled[1];
  // A title naming its year: "区工信局2023年上半年工作总结和下半年工作打算", "2024年1-8月全区经济运行情况通报".
  for (const line of head.split("\n").slice(0, 5)) {
    if (!TITLE_KIND.test(line)) continue;
    const years = [...line.matchAll(/(\d{4})年/g)].map((m) => m[1]);
    if (years.length > 0) return years.sort()[years.length - 1];
  }
  const whole = toHalfWidth(document);
  const dated = /(\d{4})年\d{1,2}月\d{1,2}日/.exec(whole);
  if (dated) return dated[1];
  // The first dated sentence: "2024年,是…的关键之年".
  return /(?<!\d)(\d{4})年(?![\d—–\-~至])/.exec(whole)?.[1] ?? "";
}
