// A sentence → clauses: split on ; , : and on 、 only where the piece before ends in a figure
// ("新认定高新技术企业500家、省科技型中小企业1200家"), never inside a list of names ("工业投资、制造业投资…分别").
import { findQuantities } from "./quantities";

export interface Clause {
  text: string;
  /** Offset of the clause in its sentence. */
  start: number;
}

const HARD = /[;；,，:：]/;
/** What may stand between a figure and the 、 after it: spaces, closing quotes and brackets. */
const CLOSING = /[\s”"’)）]/;

function splitOnPause(text: string, start: number, out: Clause[]): void {
  // A 分别 list pairs its names with its figures itself (lists.ts): keep it whole.
  if (/分别|各\d/.test(text)) {
    out.push({ text, start });
    return;
  }
  // A piece ends with a figure (and maybe 以上/以内) when its last figure reaches its end, closing marks aside;
  // then the 、 after it starts the next target. The figures are found once in the whole text: a piece's are
  // those starting in it (no figure spans a 、), so a 、 is judged without reading its piece again from the
  // start (that was quadratic in a long list of names).
  const qs = findQuantities(text);
  let next = 0;
  let from = 0;
  for (let i = text.indexOf("、"); i >= 0; i = text.indexOf("、", i + 1)) {
    while (next < qs.length && qs[next].start < i) next++;
    const last = qs[next - 1];
    let end = i;
    while (end > from && CLOSING.test(text[end - 1])) end--;
    if (last === undefined || last.start < from || last.tailStart < end) continue;
    out.push({ text: text.slice(from, i), start: start + from });
    from = i + 1;
  }
  out.push({ text: text.slice(from), start: start + from });
}

export function splitClauses(sentence: string): Clause[] {
  const out: Clause[] = [];
  // The pauses found by one search, not a test (and a one-character string) for every character.
  const hard = new RegExp(HARD.source, "g");
  let from = 0;
  for (;;) {
    const pause = hard.exec(sentence);
    const i = pause ? pause.index : sentence.length;
    // A comma inside a number ("1,250") is not a pause.
    if (
      pause &&
      sentence[i] === "," &&
      /\d/.test(sentence[i - 1] ?? "") &&
      /\d{3}/.test(sentence.slice(i + 1, i + 4))
    )
      continue;
    const piece = sentence.slice(from, i);
    if (piece.trim() !== "") splitOnPause(piece, from, out);
    from = i + 1;
    if (!pause) break;
  }
  return out.filter((c) => c.text.trim() !== "");
}
