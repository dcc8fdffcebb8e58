// What a returned "x.xlsx" really is, from its first bytes: towns send password-protected workbooks, Word files
// and CSV exports renamed to .xlsx. Each gets one clear message instead of a zip error; an old .xls is read.
import { isOle, oleKind } from "../oleFile";
import type { FindingCode } from "./finding";

export interface FileProblem {
  code: Extract<FindingCode, "unreadable" | "encrypted" | "not_xlsx">;
  message: string;
}

/** A return that needs its password (an encrypted package, or an .xls encrypted inside). */
export const ENCRYPTED: FileProblem = {
  code: "encrypted",
  message: "工作簿设有打开密码(已加密),无法读取;请报送单位取消密码后重新报送",
};

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
  if (bytes.length === 0) return { code: "unreadable", message: "文件是空的(0 字节)" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  if (isOle(bytes)) {
    // An .xls (or WPS .et), sent as such or renamed .xlsx, is read by the legacy reader (readLegacyWorkbook).
    const kind = oleKind(bytes);
    if (kind === "encrypted") return ENCRYPTED;
    if (kind === "word")
      return {
        code: "not_xlsx",
        message: "这是 Word 或 WPS 文字文档(.doc/.wps),不是工作簿;请用下发的模板填写后重新报送",
      };
    return null; // a workbook, or what only the reader can tell (a damaged .xls, a PowerPoint file)
  }
  if (startsWith(bytes, [0x50, 0x4b]))
    return { code: "unreadable", message: "文件已损坏(zip 结构不完整),无法读取;请重新报送" };
  if (looksLikeText(bytes)) {
    const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    const what = head.startsWith("<") ? "网页或 XML 文件" : "CSV 或文本文件";
    return { code: "not_xlsx", message: `这是${what},只是扩展名改成了 .xlsx;请用下发的模板填写后重新报送` };
  }
  return { code: "unreadable", message: "不是 Excel 工作簿(文件已损坏或格式未知),无法读取" };
}
