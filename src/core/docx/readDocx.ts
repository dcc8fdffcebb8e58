// Reads a Word .docx (a zip holding word/document.xml) in Node or the browser: the caller may pass its own
// inflater (node:zlib in the CLI); the default is the web platform's DecompressionStream. An old .doc, a
// password-protected document or a damaged file each gets one clear message naming the file.
import { hasUtf16, OLE, startsWith } from "../submissions/fileKind";
import { entryText } from "../zip/inflate";
import { readZipDirectory, ZipError, type ZipEntry } from "../zip/zipDirectory";
import { docxBody, type DocxBody } from "./docxBody";
import { parseDocumentXml } from "./documentXml";

export class DocxReadError extends Error {}

export const DAMAGED = "文件已损坏(zip 结构不完整),无法读取;请重新获取原文件";

export type InflateText = (bytes: Uint8Array, entry: ZipEntry) => Promise<string>;

export interface DocxDocument extends DocxBody {
  fileName: string;
}

/** Why the bytes cannot be a .docx, or null when they are a zip to open. */
export function docxProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "文件是空的(0 字节)";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  if (startsWith(bytes, OLE)) {
    if (hasUtf16(bytes, "EncryptionInfo") || hasUtf16(bytes, "EncryptedPackage"))
      return "文档设有打开密码(已加密),无法读取;请在 Word 中取消密码并另存为 .docx 后再载入";
    if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book"))
      return "这是旧版 Excel 97-2003(.xls)文件;请在 Excel 中“另存为”.xlsx 后再载入";
    return "这是旧版 Word 97-2003(.doc)文件,无法直接读取;请在 Word 或 WPS 中“另存为”.docx 后再载入";
  }
  if (startsWith(bytes, [0x50, 0x4b])) return DAMAGED;
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66]))
    return "这是 RTF 文件;请在 Word 中“另存为”.docx 后再载入";
  return "不是 Word .docx 文档(文件已损坏或格式未知)";
}

/** The main document part named by _rels/.rels, for packages that do not call it word/document.xml. */
async function mainPart(
  bytes: Uint8Array,
  entries: Map<string, ZipEntry>,
  inflate: InflateText,
): Promise<string> {
  const rels = entries.get("_rels/.rels");
  if (!rels) return "";
  const xml = await inflate(bytes, rels);
  const rel = /<Relationship\b[^>]*\/officeDocument"[^>]*>/.exec(xml)?.[0] ?? "";
  return (/Target="\/?([^"]+)"/.exec(rel)?.[1] ?? "").replace(/^\.\//, "");
}

export async function readDocx(
  bytes: Uint8Array,
  fileName: string,
  inflate: InflateText = entryText,
): Promise<DocxDocument> {
  const problem = docxProblem(bytes);
  if (problem) throw new DocxReadError(`${fileName}: ${problem}`);
  let xml: string;
  try {
    const entries = readZipDirectory(bytes, ".docx");
    const entry = entries.get("word/document.xml") ?? entries.get(await mainPart(bytes, entries, inflate));
    if (!entry) {
      const what = entries.has("xl/workbook.xml") ? "这是 Excel 工作簿" : "不是 Word 文档";
      throw new DocxReadError(`${what}(缺少 word/document.xml)`);
    }
    xml = await inflate(bytes, entry);
  } catch (e) {
    if (e instanceof ZipError) throw new DocxReadError(`${fileName}: ${DAMAGED}(${e.message})`);
    throw new DocxReadError(`${fileName}: ${(e as Error).message}`);
  }
  if (!/<w:body[\s>]/.test(xml))
    throw new DocxReadError(`${fileName}: 文件已损坏(word/document.xml 中没有正文)`);
  return { fileName, ...docxBody(parseDocumentXml(xml)) };
}
