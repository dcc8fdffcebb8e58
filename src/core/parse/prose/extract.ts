// Targets out of a plan's prose, by rules: sentences → clauses → (name, figure) with year, tier and scope.
import { isCountUnit, kindOf } from "../../units";
import { splitClauses } from "./clauses";
import { explicitYear, scopeAt, soundsPast, statedYear, tierOf } from "./context";
import { pairList } from "./lists";
import { cleanName, growthName, isGrowth, subjectOf } from "./names";
import { findQuantities, type Quantity } from "./quantities";
import { documentYear, splitSentences, type Sentence } from "./sentences";
import type { ProseOptions, ProseTarget, Tier } from "./types";

/** Verbs after which a count opens the target's name: "确保50个以上重大项目投产", "建成10个标杆示范项目". */
const COUNT_FIRST_VERB =
  /(建成|组织|实施|引进|培育|新增|创建|推进|建设|完成|开工|落地|确保|力争|举办|开展|打造|推动|新建|认定|导入)$/;
/**
 * What may follow the figure that closes a clause: quotes, brackets, "的目标". (The second run of marks only after
 * the words: two runs side by side split a long run every way, quadratic.)
 */
const EMPTY_TAIL = /^[\s”"’)）]*(?:的?(?:目标|任务)[\s”"’)）]*)?$/;

/** The longest name a following "占…比重" clause takes for its subject; real names are a few words. */
const MAX_SUBJECT = 64;
/**
 * A plan's sentences are a few hundred characters and state a few dozen targets in all. Past these a document
 * is no plan's prose (5 MB without a full stop states 400,000 "targets", each carrying its sentence): a target
 * keeps its sentence's first 1,000 characters, and reading stops at 10,000 targets.
 */
const MAX_SENTENCE = 1000;
export const MAX_PROSE_TARGETS = 10_000;

interface Found {
  name: string;
  quantity: Quantity;
}

/** The name a count opens: "100KW电堆系统" of "2000个100KW电堆系统", "重大制造业项目" of "15项左右具有…的重大制造业项目". */
function nameAfter(tail: string): string {
  let t = tail.replace(/(?:的)?(?:生产|产能)?(?:任务|目标)$/, "");
  const of = t.lastIndexOf("的");
  if (of >= 0 && of < t.length - 1) t = t.slice(of + 1);
  const etc = t.indexOf("等");
  if (etc > 0) t = t.slice(0, etc);
  return cleanName(t);
}

/**
 * The one target of a clause without 分别: the figure closing it, or a count opening a name (after a verb, or
 * continuing a list: "确保完成2000个100KW电堆系统、1000个25立方米电解槽的生产任务").
 */
function targetsOf(clause: string, continuesList: boolean): Found[] {
  const qs = findQuantities(clause);
  if (qs.length === 0) return [];
  const last = qs[qs.length - 1];
  if (EMPTY_TAIL.test(clause.slice(last.tailStart))) {
    const before = clause.slice(0, last.start);
    const name = cleanName(before);
    return [{ name: isGrowth(before, last.unit) ? growthName(name, before) : name, quantity: last }];
  }
  // Each "、" + count continues the list in what follows it ("2000个…、1000个…"). Walked here, with the figures
  // of the whole clause found once: the list's rest as a clause of its own would find its figures again (those
  // after a "、" are the same either way) and recurse once a count, quadratic and past the stack on long lists.
  // `base` is where the rest begins; its figures keep end and tailStart relative to it, as they were.
  const out: Found[] = [];
  let base = 0;
  let k = 0;
  let continues = continuesList;
  for (;;) {
    while (k < qs.length && qs[k].start < base) k++;
    if (k === qs.length) return out;
    const first = qs[k];
    const opening = clause.slice(base, first.start);
    if (!isCountUnit(first.unit) || !(COUNT_FIRST_VERB.test(opening) || (continues && opening.trim() === "")))
      return out;
    const quantity =
      base === 0 ? first : { ...first, end: first.end - base, tailStart: first.tailStart - base };
    const tail = clause.slice(first.tailStart);
    const next = /、(?=\d)/.exec(tail);
    if (!next) {
      out.push({ name: nameAfter(tail), quantity });
      return out;
    }
    out.push({ name: nameAfter(tail.slice(0, next.index)), quantity });
    base = first.tailStart + next.index + 1;
    continues = true;
  }
}

/** `room`: how many more targets the document may have (MAX_PROSE_TARGETS); the sentence stops there. */
function sentenceTargets(s: Sentence, docYear: string, carriedYear: string, room: number): ProseTarget[] {
  const out: ProseTarget[] = [];
  const current = s.contextYear || docYear;
  let year = statedYear(s.text, current) || carriedYear || s.contextYear;
  let tier: Tier = "";
  let scope = "";
  let lastName = "";
  let past = false;
  const sentence = s.text.length <= MAX_SENTENCE ? s.text : `${s.text.slice(0, MAX_SENTENCE)}…`;
  for (const clause of splitClauses(s.text)) {
    if (out.length >= room) break;
    // Only a written year moves a sentence on; "每年" inside "到2027年,每年实施…" keeps 2027.
    const stated = explicitYear(clause.text);
    year = stated || year || statedYear(clause.text, current);
    // "目前公司获评…10人,“十四五”期间…不少于30人": a clause about now is no target, until a year follows.
    past = soundsPast(clause.text) || (past && !stated);
    // Figures of years before the document's are results ("2021年…实现规上工业增加值2594.5亿元").
    if (past || (docYear && year && year < docYear)) continue;
    tier = tierOf(clause.text) ?? tier;
    const at = scopeAt(clause.text);
    scope = at.scope || scope;
    const found =
      pairList(at.rest)?.map((p) => ({ name: cleanName(p.name), quantity: p.quantity })) ??
      targetsOf(at.rest, out.length > 0);
    for (const f of found) {
      let name = f.name || lastName;
      // (A subject of a few words only: "A100亿元,占1%,占2%,…" would grow it by each clause, quadratic.)
      if (name.startsWith("占") && lastName && lastName.length <= MAX_SUBJECT)
        name = subjectOf(lastName) + name;
      if (name.length < 2) continue;
      lastName = name;
      const { value, unit, op } = f.quantity;
      out.push({
        indicator: name,
        value,
        unit,
        op,
        kind: kindOf(name, unit),
        tier,
        year,
        scope,
        sentence,
        start: s.start,
        end: s.end,
      });
    }
  }
  return out;
}

/**
 * Reads the targets a document states in its sentences. Table rows (附件) are skipped; past results are left
 * out. The input is the document's plain text, whatever it was read from (.txt, a .docx's paragraphs).
 */
export function extractProseTargets(text: string, options: ProseOptions = {}): ProseTarget[] {
  const docYear = options.year ?? documentYear(text);
  const out: ProseTarget[] = [];
  let paragraph = -1;
  let carriedYear = "";
  for (const s of splitSentences(text)) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      carriedYear = "";
    }
    for (const t of sentenceTargets(s, docYear, carriedYear, MAX_PROSE_TARGETS - out.length)) out.push(t); // not push(...)
    if (out.length >= MAX_PROSE_TARGETS) return out.slice(0, MAX_PROSE_TARGETS);
    carriedYear = statedYear(s.text, s.contextYear || docYear) || carriedYear;
  }
  return out;
}
