// What an OLE compound file (signature D0 CF 11 E0) holds, told by its stream names: a legacy workbook (.xls,
// WPS .et: a "Workbook" stream, "Book" in Excel 95), a Word or WPS document (.doc/.wps: "WordDocument"), or
// the container Office puts password-protected .xlsx/.docx in ("EncryptionInfo"/"EncryptedPackage").
// The names are found without following the file's allocation tables: a directory entry is a 128-byte record
// at a 128-byte-aligned offset, so every aligned slot is tried; a name that merely occurs in the file's text
// (a cell reading "Workbook") is not taken for a stream. Only when no entry is found at all are the names
// looked for anywhere. What stays unknown (a damaged or cut-off directory) is left to the parser to report.
import { ReadError } from "./read/readError";

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

const HEADER = 512;
const ENTRY = 128;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

/** The names (upper case: OLE compares names without case) of the streams and storages in the directory. */
export function oleStreamNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let o = HEADER; o + ENTRY <= bytes.length; o += ENTRY) {
    const size = bytes[o + 64] | (bytes[o + 65] << 8); // bytes of the name with its terminating NUL
    const type = bytes[o + 66];
    if (size < 4 || size > 64 || size % 2 !== 0 || bytes[o + 67] > 1) continue;
    if (type !== STREAM && type !== STORAGE && type !== ROOT) continue;
    if (bytes[o + size - 2] !== 0 || bytes[o + size - 1] !== 0) continue;
    let name = "";
    for (let k = 0; k < size - 2; k += 2) {
      const c = bytes[o + k] | (bytes[o + k + 1] << 8);
      if (c === 0) {
        name = "";
        break;
      }
      name += String.fromCharCode(c);
    }
    if (name) names.add(name.toUpperCase());
  }
  return names;
}

/** Whether the bytes hold `text` encoded as UTF-16LE, anywhere. */
export function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++)
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** The streams that tell a kind, as Office spells them. */
const TELLING = {
  ENCRYPTIONINFO: "EncryptionInfo",
  ENCRYPTEDPACKAGE: "EncryptedPackage",
  WORKBOOK: "Workbook",
  BOOK: "Book",
  WORDDOCUMENT: "WordDocument",
} as const;

/** The directory's names; when none is found, the telling names found anywhere. */
function namesOf(bytes: Uint8Array): { has(name: keyof typeof TELLING): boolean } {
  const names = oleStreamNames(bytes);
  return names.size > 0 ? names : { has: (name) => hasUtf16(bytes, TELLING[name]) };
}

/**
 * "biff5" is a workbook of Excel 95 or older, whose text is in a code page. "other": no telling stream found,
 * as in a PowerPoint file or in an .xls whose directory is damaged or cut off; only the parser tells them apart.
 */
export type OleKind = "encrypted" | "workbook" | "biff5" | "word" | "other";

export function oleKind(bytes: Uint8Array): OleKind {
  const names = namesOf(bytes);
  if (names.has("ENCRYPTIONINFO") || names.has("ENCRYPTEDPACKAGE")) return "encrypted";
  if (names.has("WORKBOOK")) return "workbook";
  if (names.has("BOOK")) return "biff5";
  if (names.has("WORDDOCUMENT")) return "word";
  return "other";
}

/** The messages for OLE files that hold no workbook to read, as the CLI and the pane word them. */
export const OLE_REASON = {
  encrypted: "工作簿设有打开密码(已加密),无法读取;请在 Excel 或 WPS 中取消打开密码并保存后再试",
  word: "这是 Word 或 WPS 文字文档(.doc/.wps),不是 Excel 工作簿;表格请在 WPS 或 Excel 中另存为 .xlsx,文档请在 WPS 或 Word 中另存为 .docx 后再试",
  other: "这是 Office 复合文档,但其中没有 Excel 工作簿(不是 .xls/.et 文件),无法读取",
} as const;

/** A workbook that needs its password: told apart so `collect` reports it as such, not as damage. */
export class EncryptedWorkbookError extends ReadError {}

/** Throws the ReadError for an OLE file known to hold no workbook; returns when it may hold one. */
export function assertOleWorkbook(kind: OleKind, file: string): void {
  if (kind === "encrypted") throw new EncryptedWorkbookError(OLE_REASON.encrypted, { file });
  if (kind === "word") throw new ReadError(OLE_REASON.word, { file });
}
