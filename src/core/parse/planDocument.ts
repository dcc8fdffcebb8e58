// A plan document in the seeds' text form → Plan: 附件1 indicator system, 附件2 职责分工, 附件3 town breakdown.
// The "|" tables are given their structure back (textTable.ts), then read like any other plan table.
import { decodeTextFile } from "../decodeText";
import { message, said } from "../messages/message";
import { addPlanTables, emptyPlan, type ParsedPlan } from "./planTables";
import { MAX_PROSE_TARGETS, readProse } from "./prose/extract";
import { linkProseTargets } from "./prose/link";
import { findTextTables, structureTextTable } from "./textTable";

export type { ParseIssue, ParsedPlan } from "./planTables";

/** Lines of a saved web page that are navigation, not the document: "设为首页| 收藏本站", "首页 > 热点 > 正文". */
const NAV_LINE = /[|>]|首页|当前位置|发布(时间|日期)|来源[:：]|浏览次数|字号|返回|顶部|网站地图|news/i;
const TITLE_WORDS = /(方案|规划|意见|通知|思路|总结|计划|办法|纲要|决定|报告|要点)/;

/** The plan's own name: the 《…》 in the first lines, else the first heading-like line that names a document. */
export function planTitle(document: string): string {
  const lines = document.split(/\r?\n/).map((l) => l.trim());
  const quoted = /《([^》]+)》/.exec(lines.slice(0, 5).join("\n"));
  if (quoted) return quoted[1];
  const candidates = lines.slice(0, 20).filter((l) => l.length >= 6 && l.length <= 60 && !NAV_LINE.test(l));
  return candidates.find((l) => TITLE_WORDS.test(l)) ?? candidates[0] ?? "";
}

/** Every year from the plan's first to its last: 附件1 may show only 2023, 2025 and 2027 of 2023—2027. */
function everyYear(years: string[]): string[] {
  const numbers = years.map(Number).filter(Number.isInteger);
  if (numbers.length === 0) return years;
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return last - first > 20 ? years : Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/**
 * The targets stated in the document's sentences (not its tables), and how they compare with the tables. `text` is
 * the document as text: the text form itself, or a .docx's paragraphs with its tables as "|" lines.
 */
export function addProseTargets(plan: ParsedPlan, text: string): ParsedPlan {
  const prose = readProse(text, plan.years[0] ? { year: plan.years[0], years: everyYear(plan.years) } : {});
  plan.proseTargets = prose.targets;
  plan.proseFacts = prose.facts;
  if (prose.targets.length + prose.facts.length >= MAX_PROSE_TARGETS)
    plan.issues.push({ line: 0, ...said(message("plan.too_many_prose", { max: MAX_PROSE_TARGETS })) });
  plan.proseLinks = linkProseTargets(plan.proseTargets, plan);
  return plan;
}

export function parsePlanDocument(input: string): ParsedPlan {
  // Any line ends (CRLF, a lone CR from old editors), and full-width "｜" as the cell delimiter some exports use.
  const document = input
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/｜/g, "|");
  const plan = emptyPlan(planTitle(document));
  // A lone line with "|" is page navigation or a caption, not a table: a table has a header and rows.
  const tables = findTextTables(document).filter((t) => t.rows.length > 0);
  addPlanTables(
    plan,
    tables.map((t) => structureTextTable(t, plan.issues)),
  );
  return addProseTargets(plan, document);
}

/**
 * A plan from a text file's bytes (UTF-8, UTF-16 or GB18030/GBK, told by the bytes); null when they are no text.
 * A file past the reader limit is a LimitError naming `fileName`.
 */
export function planFromTextBytes(bytes: Uint8Array, fileName?: string): ParsedPlan | null {
  const decoded = decodeTextFile(bytes, fileName);
  return decoded ? { ...parsePlanDocument(decoded.text), encoding: decoded.encoding } : null;
}
