// File names made from data (a town's name, a sheet's name): safe on Windows, macOS and Linux, and distinct
// within one run even where the file system ignores case. Pure: the CLI, the task pane and the tests share it.

/** Why a name was changed; `fileNameChangeText` words each one. */
export type FileNameChange =
  "unsafe" | "trimmed" | "hidden" | "reserved" | "empty" | "shortened" | "duplicate";

export interface SafeFileName {
  /** The name asked for. */
  wanted: string;
  /** The name to use. */
  name: string;
  /** Empty when `name === wanted`. */
  changes: FileNameChange[];
}

export interface FileNameOptions {
  /** The most UTF-16 units of the stem (the name without its extension); default 120. */
  maxStemLength?: number;
  /**
   * The most UTF-8 bytes of the stem; default 200, which leaves room in Linux's 255 bytes per name for the
   * extension and a " (12)" suffix. 120 Chinese characters are 360 bytes, so this is usually the limit.
   */
  maxStemBytes?: number;
}

export const MAX_STEM_LENGTH = 120;
export const MAX_STEM_BYTES = 200;

/** Characters Windows forbids in names, and controls (C0, DEL, C1) and bidi overrides, which can spoof a name. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** CON, PRN, AUX, NUL, COM1–9, LPT1–9 (and the superscript digits Windows also reserves), any case. */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;
/** An extension: a dot and 1–10 ASCII letters or digits at the end, after a non-empty stem. */
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

const utf8Length = (s: string) => {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
};

/** `s` cut to at most `units` UTF-16 units and `bytes` UTF-8 bytes, never inside a surrogate pair. */
export function truncateName(s: string, units: number, bytes: number): string {
  let out = "";
  let size = 0;
  for (const ch of s) {
    const b = utf8Length(ch);
    if (out.length + ch.length > units || size + b > bytes) break;
    out += ch;
    size += b;
  }
  return out;
}

/** Splits "name.xlsx" into ["name", ".xlsx"]; a name without an extension gives ["name", ""]. */
function splitExtension(name: string): [string, string] {
  const m = EXTENSION.exec(name);
  if (!m || m.index === 0) return [name, ""];
  return [name.slice(0, m.index), m[0]];
}

/** Trailing dots and spaces (Windows drops them), leading and trailing white space. */
/** Without leading spaces or trailing dots and spaces (Windows drops those); by hand: `[.\s]+$` is quadratic. */
function trimEnds(s: string): string {
  const t = s.trim();
  let end = t.length;
  while (end > 0 && (t[end - 1] === "." || /\s/.test(t[end - 1]))) end--;
  return t.slice(0, end);
}

/**
 * One name made safe: unsafe characters become "_", the ends trimmed (Windows drops trailing dots and spaces), a
 * leading dot replaced (the file would be hidden), a reserved device name (CON, NUL.txt, com1…) given a "_"
 * after it, the stem shortened to the limits, the extension kept. Never empty.
 */
export function safeFileName(wanted: string, options: FileNameOptions = {}): SafeFileName {
  const maxUnits = options.maxStemLength ?? MAX_STEM_LENGTH;
  const maxBytes = options.maxStemBytes ?? MAX_STEM_BYTES;
  const changes: FileNameChange[] = [];
  const [rawStem, ext] = splitExtension(wanted);
  let stem = rawStem.replace(UNSAFE, "_");
  if (stem !== rawStem) changes.push("unsafe");
  const trimmed = trimEnds(stem);
  if (trimmed !== stem) changes.push("trimmed");
  stem = trimmed;
  if (stem.startsWith(".")) {
    stem = stem.replace(/^\.+/, (dots) => "_".repeat(dots.length));
    changes.push("hidden");
  }
  if (stem === "") {
    stem = "_";
    changes.push("empty");
  }
  const short = trimEnds(truncateName(stem, maxUnits, maxBytes)) || "_";
  if (short !== stem) changes.push("shortened");
  stem = short;
  // Windows reserves the device name before the first dot, whatever follows ("NUL.tar.xlsx" too).
  const dot = stem.indexOf(".");
  const base = dot < 0 ? stem : stem.slice(0, dot);
  if (RESERVED.test(base.trimEnd())) {
    stem = `${base}_${dot < 0 ? "" : stem.slice(dot)}`;
    changes.push("reserved");
  }
  return { wanted, name: stem + ext, changes };
}

/** The key two names share when a case-insensitive file system (Windows, macOS) takes them as one. */
export const fileNameKey = (name: string) => name.normalize("NFC").toLowerCase();

/** `stem (n)ext`, shortened so the whole stays within the limits. */
function numbered(name: string, n: number, options: FileNameOptions): string {
  const [stem, ext] = splitExtension(name);
  const suffix = ` (${n})`;
  const units = (options.maxStemLength ?? MAX_STEM_LENGTH) - suffix.length;
  const bytes = (options.maxStemBytes ?? MAX_STEM_BYTES) - suffix.length;
  const cut =
    stem.length > units || utf8Length(stem) > bytes ? trimEnds(truncateName(stem, units, bytes)) : stem;
  return `${cut || "_"}${suffix}${ext}`;
}

/**
 * Safe names for one run, distinct when compared without case: a name that needed no change keeps it; the
 * others, in order, get the first free of `name`, `name (2)`, `name (3)`… So "a_b", "a/b", "a:b" give
 * "a_b", "a_b (2)", "a_b (3)" whatever their order. `taken` are names already used (compared without case).
 */
export function uniqueFileNames(
  wanted: string[],
  options: FileNameOptions = {},
  taken: Iterable<string> = [],
): SafeFileName[] {
  const used = new Set([...taken].map(fileNameKey));
  const safe = wanted.map((w) => safeFileName(w, options));
  const result: (SafeFileName | null)[] = safe.map(() => null);
  // First the names kept as asked, so that a town called "a_b" is not renamed because of one called "a/b".
  safe.forEach((s, i) => {
    const key = fileNameKey(s.name);
    if (s.changes.length === 0 && !used.has(key)) {
      used.add(key);
      result[i] = s;
    }
  });
  safe.forEach((s, i) => {
    if (result[i]) return;
    let name = s.name;
    for (let n = 2; used.has(fileNameKey(name)); n++) name = numbered(s.name, n, options);
    used.add(fileNameKey(name));
    result[i] = {
      wanted: s.wanted,
      name,
      changes: name === s.name ? s.changes : [...s.changes, "duplicate"],
    };
  });
  return result as SafeFileName[];
}

const CHANGE_TEXT: Record<FileNameChange, string> = {
  unsafe: '含文件名不允许的字符(\\ / : * ? " < > | 或控制字符),已替换为 _',
  trimmed: "去掉了首尾空格和末尾的点",
  hidden: "以点开头(会成为隐藏文件),已替换为 _",
  reserved: "是 Windows 保留的设备名(CON、PRN、AUX、NUL、COM1–9、LPT1–9),已加 _",
  empty: "为空,已改为 _",
  shortened: `过长,已截短(文件名主体最多 ${MAX_STEM_LENGTH} 个字符、${MAX_STEM_BYTES} 字节)`,
  duplicate: "与本次的另一个文件同名(不区分大小写),已加序号",
};

/** Why a name was changed, in words: "含文件名不允许的字符…;与本次的另一个文件同名…". */
export const fileNameChangeText = (changes: FileNameChange[]) => changes.map((c) => CHANGE_TEXT[c]).join(";");
