// A sentence → clauses: split on ; , : and on 、 only where the piece before ends in a figure
// ("新认定高新技术企业500家、省科技型中小企业1200家"), never inside a list of names ("工业投资、制造业投资…分别").
import { findQuantities } from "./quantities";

export interface Clause {
  text: string;
  /** Offset of the clause in its sentence. */
  start: number;
}

const HARD = /[;；,，:：]/;

/** Does the piece end with a figure (and maybe 以上/以内), so that 、 after it starts the next target? */
function endsWithFigure(piece: string): boolean {
  const qs = findQuantities(piece);
  const last = qs[qs.length - 1];
  return last !== undefined && last.tailStart >= piece.replace(/[\s”"’)）]+$/, "").length;
}

function splitOnPause(text: string, start: number, out: Clause[]): void {
  // A 分别 list pairs its names with its figures itself (lists.ts): keep it whole.
  if (/分别|各\d/.test(text)) {
    out.push({ text, start });
    return;
  }
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "、") continue;
    if (!endsWithFigure(text.slice(from, i))) continue;
    out.push({ text: text.slice(from, i), start: start + from });
    from = i + 1;
  }
  out.push({ text: text.slice(from), start: start + from });
}

export function splitClauses(sentence: string): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (let i = 0; i <= sentence.length; i++) {
    if (i < sentence.length && !HARD.test(sentence[i])) continue;
    // A comma inside a number ("1,250") is not a pause.
    if (
      i < sentence.length &&
      sentence[i] === "," &&
      /\d/.test(sentence[i - 1] ?? "") &&
      /\d{3}/.test(sentence.slice(i + 1, i + 4))
    )
      continue;
    const piece = sentence.slice(from, i);
    if (piece.trim() !== "") splitOnPause(piece, from, out);
    from = i + 1;
  }
  return out.filter((c) => c.text.trim() !== "");
}
