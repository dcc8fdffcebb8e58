// One error family for input the product cannot read: a damaged zip, a part missing, a limit passed, a format
// it does not read. Every reader throws a ReadError (or a subclass) naming the file and, where known, the part,
// sheet and cell; the CLI maps the family to exit code 2 and the pane to its message. Anything else thrown while
// reading is a bug, and only a bug is called "内部错误".

export interface ReadErrorPlace {
  /** The file as the user named it. */
  file?: string;
  /** The zip part ("xl/worksheets/sheet1.xml"), for messages about the package. */
  part?: string;
  sheet?: string;
  /** An A1 reference. */
  cell?: string;
}

export class ReadError extends Error {
  readonly place: ReadErrorPlace;
  /** The reason without the place, as the pane words it under the file's name. */
  readonly reason: string;

  constructor(reason: string, place: ReadErrorPlace = {}) {
    super(placeText(place) + reason);
    this.reason = reason;
    this.place = place;
  }

  /** The same error with the file (or more of the place) filled in; the reason is kept. */
  at(place: ReadErrorPlace): ReadError {
    const merged = { ...place, ...dropUndefined(this.place) };
    const copy = Object.create(Object.getPrototypeOf(this)) as ReadError;
    Object.assign(copy, this, { place: merged, message: placeText(merged) + this.reason });
    copy.stack = this.stack;
    return copy;
  }
}

function dropUndefined(place: ReadErrorPlace): ReadErrorPlace {
  const out: ReadErrorPlace = {};
  for (const [k, v] of Object.entries(place)) if (v) out[k as keyof ReadErrorPlace] = v;
  return out;
}

/** "a.xlsx: 工作表“1月” B3:" — what a message says before its reason. */
export function placeText(place: ReadErrorPlace): string {
  const parts: string[] = [];
  if (place.sheet) parts.push(`工作表“${place.sheet}”`);
  if (place.cell) parts.push(place.cell);
  if (!place.sheet && place.part) parts.push(place.part);
  const where = parts.join(" ");
  if (place.file) return where ? `${place.file}: ${where}:` : `${place.file}: `;
  return where ? `${where}:` : "";
}

export function isReadError(e: unknown): e is ReadError {
  return e instanceof ReadError;
}

/**
 * The error naming `file`: as it is when it already does (in its place, or as older readers do, at the start of
 * its message), else with the file added.
 */
export function namingFile(e: ReadError, file: string): ReadError {
  if (e.place.file || e.message.startsWith(`${file}: `)) return e;
  return e.at({ file });
}
