// What a returned "x.xlsx" really is, from its first bytes: towns send password-protected workbooks, old .xls
// files and CSV exports renamed to .xlsx. Each gets one clear message instead of a zip error.
import type { FindingCode } from "./finding";

export interface FileProblem {
  code: Extract<FindingCode, "unreadable" | "encrypted" | "not_xlsx">;
  message: string;
}

/** The OLE compound file signature: legacy .xls, and the container Office puts encrypted workbooks in. */
export const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Whether the bytes hold `text` encoded as UTF-16LE (OLE stream names are stored that way). */
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

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return false;
  return n > 0;
}

/** null when the bytes are a zip (an .xlsx to read); otherwise why they cannot be one. */
export function sniffWorkbook(bytes: Uint8Array): FileProblem | null {
  if (bytes.length === 0) return { code: "unreadable", message: "文件是空的(0 字节)" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  if (startsWith(bytes, OLE)) {
    if (hasUtf16(bytes, "EncryptionInfo") || hasUtf16(bytes, "EncryptedPackage"))
      return {
        code: "encrypted",
        message: "工作簿设有打开密码(已加密),无法读取;请报送单位取消密码后重新报送",
      };
    return {
      code: "not_xlsx",
      message:
        "这是旧版 Excel 97-2003(.xls)文件,只是扩展名改成了 .xlsx;请在 Excel 中“另存为”.xlsx 后重新报送",
    };
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
