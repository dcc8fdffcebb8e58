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
  return text.replace(WRAP_SPACE, "").trim();
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000\u3002]/;

/** Full-width ASCII (０-９, ．, ，, ％, －, ＋, letters) → half-width; ideographic space → space. */
export function toHalfWidth(text: string): string {
  // Most text has nothing to convert: skip the per-character copy (collect runs this over every returned title).
  if (!FULL_WIDTH.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else if (c === 0x3002 && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) out += ".";
    else out += text[i];
  }
  return out;
}

/**
 * The key two indicator names are compared by: half-width, no spaces, no quotes of any kind, no trailing unit.
 * "“浙江制造”标准(项)" and "\"浙江制造\"标准" compare equal.
 */
export function normalizeName(name: string): string {
  return toHalfWidth(name)
    .replace(/[\s"'“”‘’「」『』《》]/g, "")
    .replace(/\([^()]*\)$/, "")
    .toLowerCase();
}

/** Splits a 、-separated list of units (with wrap spaces or commas) into names; the first one leads. */
export function splitUnits(text: string): string[] {
  return removeWrapSpaces(text)
    .split(/[、,，;；]/)
    .map((s) => s.replace(/\s+/g, "").trim())
    .filter((s) => s.length > 0);
}
