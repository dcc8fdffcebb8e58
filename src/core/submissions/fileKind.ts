// What a returned "x.xlsx" really is, from its first bytes: towns send password-protected workbooks, Word files
// and CSV exports renamed to .xlsx. Each gets one clear message instead of a zip error; an old .xls is read.
import { isOle, oleKind } from "../oleFile";
import { message, said, type Message } from "../messages/message";
import type { FindingCode } from "./finding";

export interface FileProblem {
  code: Extract<FindingCode, "unreadable" | "encrypted" | "not_xlsx">;
  message: string;
  /** Absent when a reader outside core (the CLI's file opening) gives only its Chinese words. */
  msg?: Message;
}

type FileWord =
  | "file.encrypted"
  | "file.empty"
  | "file.word"
  | "file.broken_zip"
  | "file.web_page"
  | "file.text"
  | "file.unknown";

const problem = (code: FileProblem["code"], m: FileWord): FileProblem => ({ code, ...said(message(m)) });

/** A return that needs its password (an encrypted package, or an .xls encrypted inside). */
export const ENCRYPTED: FileProblem = problem("encrypted", "file.encrypted");

export function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return false;
  return n > 0;
}

/** null when the bytes are a workbook to read (a zip, or an OLE .xls/.et); otherwise why they are not one. */
export function sniffWorkbook(bytes: Uint8Array): FileProblem | null {
  if (bytes.length === 0) return problem("unreadable", "file.empty");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  if (isOle(bytes)) {
    // An .xls (or WPS .et), sent as such or renamed .xlsx, is read by the legacy reader (readLegacyWorkbook).
    const kind = oleKind(bytes);
    if (kind === "encrypted") return ENCRYPTED;
    if (kind === "word") return problem("not_xlsx", "file.word");
    return null; // a workbook, or what only the reader can tell (a damaged .xls, a PowerPoint file)
  }
  if (startsWith(bytes, [0x50, 0x4b])) return problem("unreadable", "file.broken_zip");
  if (looksLikeText(bytes)) {
    const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    return problem("not_xlsx", head.startsWith("<") ? "file.web_page" : "file.text");
  }
  return problem("unreadable", "file.unknown");
}
