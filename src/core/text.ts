// Text clean-up shared by the parsers and the checks.

/** Han ideographs plus CJK punctuation and full-width forms: the characters a line wrap can split. */
const CJK =
  "\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019";
const WRAP_SPACE = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+(?=[${CJK}])`, "g");

/**
 * Removes the spaces a line wrap left inside Chinese text ("整治低效 工业用地" → "整治低效工业用地") and trims.
 * A space between two Chinese characters is an artifact, never a separator, in these documents.
 */
export function removeWrapSpaces(text: string): string {
  // Most text has no space to remove: a plain scan is much faster than the lookbehind at every character.
  return (WRAP_CHAR.test(text) ? text.replace(WRAP_SPACE, "") : text).trim();
}
const WRAP_CHAR = /[ \t\u00a0]/;

/**
 * `f` of a text, computed once per long text however many cells repeat it. A returned sheet may hold one shared
 * string of 32,767 characters in every cell (a file of a few KB standing for 10^11 characters), and reading each
 * cell anew is linear in what the cells stand for, not in what the file holds. Short texts are computed as they
 * come (as cheap as a lookup). Up to 16,383 characters a text is kept in a Map (V8 keeps a string's hash with it:
 * the same string again costs a lookup); a longer one — hashed by its length only, so a Map of many would
 * compare them all — among the last few, compared with === (the same string is found at once). `most`: texts
 * kept before the cache starts over (fewer when each value is large).
 */
export function memoText<T>(f: (text: string) => T, most = MEMO_KEPT): (text: string) => T {
  let kept = new Map<string, T>();
  const recent: { text: string; value: T }[] = [];
  return (text) => {
    if (text.length < MEMO_MIN) return f(text);
    if (text.length <= MEMO_HASHED) {
      if (kept.has(text)) return kept.get(text) as T;
      const value = f(text);
      if (kept.size >= most) kept = new Map(); // texts of 512 to 16,383 characters: a few MB at most
      kept.set(text, value);
      return value;
    }
    for (const r of recent) if (r.text === text) return r.value;
    const value = f(text);
    recent.unshift({ text, value });
    if (recent.length > MEMO_RECENT) recent.pop();
    return value;
  };
}
/**
 * A cell's text as a message that lists many cells quotes it: whole up to 60 characters, else its start and its
 * length (a row of 50 cells of 30,000 characters each would make a message of 1.5 million).
 */
export function quoted(text: string): string {
  if (text.length <= QUOTE_MAX) return text;
  const end = /[\ud800-\udbff]/.test(text[QUOTE_MAX - 1]) ? QUOTE_MAX - 1 : QUOTE_MAX; // not half a pair
  return `${text.slice(0, end)}…(共 ${text.length} 字)`;
}
const QUOTE_MAX = 60;

const MEMO_MIN = 512;
const MEMO_HASHED = 16_383;
const MEMO_KEPT = 256;
const MEMO_RECENT = 4;

const FULL_WIDTH = /[\uff01-\uff5e\u3000\u3002]/;

/** Full-width ASCII (０-９, ．, ，, ％, －, ＋, letters) → half-width; ideographic space → space. */
export function toHalfWidth(text: string): string {
  // Most text has nothing to convert: skip the per-character copy (collect runs this over every returned title).
  if (!FULL_WIDTH.test(text)) return text;
  // Only the full-width characters are visited (a copy character by character took seconds on a plan of MBs).
  return text.replace(FULL_WIDTH_ALL, (ch: string, i: number) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
    if (c === 0x3000) return " ";
    return isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)) ? "." : ch; // 。 between digits
  });
}
const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, "g");
const isDigit = (c: number) => c >= 48 && c <= 57;

/** ,:;() as official documents (公文) write them: full width, U+FF0C and so on. */
export function officialPunctuation(text: string): string {
  return text.replace(/[,:;()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * The key two indicator names are compared by: half-width, no spaces, no quotes of any kind, no trailing unit.
 * "“浙江制造”标准(项)" and "\"浙江制造\"标准" compare equal.
 */
export function normalizeName(name: string): string {
  longName ??= memoText(nameKey); // a long name repeated in every row is normalized once (memoText)
  return longName(name);
}
let longName: ((name: string) => string) | undefined;
const nameKey = (name: string) =>
  toHalfWidth(name)
    .replace(/[\s"'“”‘’「」『』《》]/g, "")
    .replace(/\([^()]*\)$/, "")
    .toLowerCase();

/** Splits a 、-separated list of units (with wrap spaces or commas) into names; the first one leads. */
export function splitUnits(text: string): string[] {
  return removeWrapSpaces(text)
    .split(/[、,，;；]/)
    .map((s) => s.replace(/\s+/g, "").trim())
    .filter((s) => s.length > 0);
}

/**
 * Year spans written the one way plan titles write them, with an em dash: "2023-2027年", "2023–2027", "2023~2027年",
 * "2023至2027年" → "2023—2027年". Only two years in order (19xx/20xx, the second later) are joined so: a date
 * ("2023-01-29") or a longer number is left as it is. For titles core writes; the plan's own text is kept as read.
 */
export function yearSpans(text: string): string {
  return text.replace(
    /(?<!\d)((?:19|20)\d{2})(年?)\s*[-－–—~～至]\s*((?:19|20)\d{2})(?!\d)/g,
    (span, from: string, year: string, to: string) =>
      Number(to) > Number(from) ? `${from}${year}—${to}` : span,
  );
}
