// What no package part may hold, checked on its text as it is inflated: entities defined by other entities
// ("billion laughs": ten entities of ten each make 10^10 characters). OOXML parts never declare entities; the
// readers never expand any (an unknown "&name;" stays as written, as the reference readers leave it), but an
// expansion bomb is refused outright, as Excel and POI refuse it. Other DTDs (an external entity, a plain
// internal one) are passed over. Only the prolog (before the root element) is looked at.
import { READER_LIMITS } from "../read/limits";
import { ReadError } from "../read/readError";

/** `<!ENTITY b "&a;&a;…">`: an entity whose value refers to another. Linear: no quantifier overlaps the next. */
const NESTED_ENTITY = /<!ENTITY\s+(?:%\s+)?[^\s"'>]+\s+(?:"[^"&]*&|'[^'&]*&)/i;

export class PartTextGuard {
  /** The prolog so far, and where the search for the root element goes on (each character looked at once). */
  private prolog = "";
  private searched = 0;
  private done = false;

  constructor(private readonly part: string) {}

  /** Returns the piece unchanged, or throws when the prolog defines entities by entities. */
  check(piece: string): string {
    if (this.done) return piece;
    this.prolog += piece;
    const root = rootStart(this.prolog, Math.max(0, this.searched - 1));
    if (root < 0) {
      this.searched = this.prolog.length;
      if (this.prolog.length > READER_LIMITS.elementChars) throw this.refused();
      return piece;
    }
    // The whole prolog is tested once, when it is complete: a declaration may straddle any number of pieces.
    const bomb = NESTED_ENTITY.test(this.prolog.slice(0, root));
    this.done = true;
    this.prolog = "";
    if (bomb) throw this.refused();
    return piece;
  }

  private refused(): ReadError {
    return new ReadError("含有嵌套定义的 XML 实体(DTD),疑似 XML 炸弹,已拒绝", { part: this.part });
  }
}

/** Index of the root element's "<" (a "<" followed by a name character) at or after `from`, or -1. */
function rootStart(s: string, from: number): number {
  for (let i = s.indexOf("<", from); i >= 0; i = s.indexOf("<", i + 1)) {
    if (i + 1 >= s.length) return -1; // the next piece tells
    const c = s.charCodeAt(i + 1);
    if (c !== 33 /* ! */ && c !== 63 /* ? */) return i;
  }
  return -1;
}
