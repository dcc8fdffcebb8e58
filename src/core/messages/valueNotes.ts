// A value note or number problem (the Chinese words numbers.ts and sheetValue.ts write, "全角字符", "带单位“万元”")
// back as its message. The readers keep writing plain strings: they run for every cell of a province, and other
// code reads those strings (the unit in 带单位“…”); only a note that ends up in a message is turned into one.
import { verbatim, type Message, type MessageCode } from "./message";
import { VALUE_WORDS } from "./values";

interface Pattern {
  code: MessageCode;
  match: RegExp;
  slots: string[];
}

let patterns: Pattern[] | undefined;

/** Each value wording as a regex of its Chinese, the slots captured: 带单位“{unit}” → /^带单位“(.+?)”$/. */
function valuePatterns(): Pattern[] {
  patterns ??= Object.entries(VALUE_WORDS)
    .filter(([code]) => code !== "text")
    .map(([code, w]) => {
      const slots: string[] = [];
      const source = w.zh
        .split(/(\{\w+\})/)
        .map((part) => {
          const slot = /^\{(\w+)\}$/.exec(part);
          if (!slot) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          slots.push(slot[1]);
          return "(.+?)";
        })
        .join("");
      return { code: code as MessageCode, match: new RegExp(`^${source}$`), slots };
    });
  return patterns;
}

/** The note as a message; words no value wording matches are kept verbatim. */
export function valueNote(note: string): Message {
  for (const p of valuePatterns()) {
    const m = p.match.exec(note);
    if (!m) continue;
    const params: Record<string, string> = {};
    p.slots.forEach((slot, i) => (params[slot] = m[i + 1]));
    return { code: p.code, params };
  }
  return verbatim(note);
}

/** A cell's notes as a list param: rendered "全角字符、千位分隔符" in Chinese, as before. */
export const valueNotes = (notes: readonly string[]): Message[] => notes.map(valueNote);
