// Reads a Word .docx (a zip holding word/document.xml) in Node or the browser: the caller may pass its own
// inflater (node:zlib in the CLI); the default is the web platform's DecompressionStream. An old .doc, a
// password-protected document or a damaged file each gets one clear message naming the file.
import { LimitError, ReadBudget } from "../read/limits";
import { ReadError } from "../read/readError";
import { isOle, oleKind } from "../oleFile";
import { startsWith } from "../submissions/fileKind";
import { entryText } from "../zip/inflate";
import { nextTag } from "../zip/xmlTags";
import { readZipDirectory, ZipError, type ZipEntry } from "../zip/zipDirectory";
import { docxBody, type DocxBody } from "./docxBody";
import { parseDocumentXml } from "./documentXml";

export class DocxReadError extends ReadError {}

export const DAMAGED = "文件已损坏(zip 结构不完整),无法读取;请重新获取原文件";

/** Inflates an entry to its text, counting against the file's budget (core/read/limits.ts). */
export type InflateText = (bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget) => Promise<string>;

export interface DocxDocument extends DocxBody {
  fileName: string;
}

/** Why the bytes cannot be a .docx, or null when they are a zip to open. */
export function docxProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "文件是空的(0 字节)";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  if (isOle(bytes)) {
    // Told by the compound file's stream names, as every reader tells them (core/oleFile.ts).
    const kind = oleKind(bytes);
    if (kind === "encrypted")
      return "文档设有打开密码(已加密),无法读取;请在 Word 中取消密码并另存为 .docx 后再载入";
    if (kind === "workbook" || kind === "biff5")
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
  budget: ReadBudget,
): Promise<string> {
  const rels = entries.get("_rels/.rels");
  if (!rels) return "";
  const xml = await inflate(bytes, rels, budget);
  // "[^<>]": no "<" inside a tag, so a <Relationship never closed is not read to the end once per such tag.
  const rel = /<Relationship\b[^<>]*\/officeDocument"[^<>]*>/.exec(xml)?.[0] ?? "";
  return (/Target="\/?([^"]+)"/.exec(rel)?.[1] ?? "").replace(/^\.\//, "");
}

/**
 * What makes the document part no XML at all, as Word and every XML parser see it: the first tag is not the
 * start of a document element, or something other than comments follows its end. The scanner itself is
 * tolerant (it reads tags, not a tree), so these are checked here, at the two ends only.
 */
function notWellFormed(xml: string): string | null {
  const root = nextTag(xml, 0);
  if (!root || root.close || root.name !== "document") return "的第一个元素不是文档的开始";
  const end = xml.lastIndexOf(`</${root.qname}`);
  if (end < 0) return null; // cut off: read as far as it goes, as before
  const gt = xml.indexOf(">", end);
  for (let rest = xml.slice(gt + 1).trim(); rest !== ""; rest = rest.trim()) {
    if (!rest.startsWith("<!--") && !rest.startsWith("<?")) return "在文档结束之后还有内容";
    const close = rest.indexOf(rest.startsWith("<!--") ? "-->" : "?>");
    if (close < 0) return "在文档结束之后还有内容";
    rest = rest.slice(close + (rest.startsWith("<!--") ? 3 : 2));
  }
  return null;
}

export async function readDocx(
  bytes: Uint8Array,
  fileName: string,
  inflate: InflateText = entryText,
): Promise<DocxDocument> {
  const problem = docxProblem(bytes);
  if (problem) throw new DocxReadError(`${fileName}: ${problem}`);
  let xml: string;
  const budget = new ReadBudget(fileName);
  try {
    budget.fileSize(bytes.length);
    const entries = readZipDirectory(bytes, ".docx");
    const entry =
      entries.get("word/document.xml") ?? entries.get(await mainPart(bytes, entries, inflate, budget));
    if (!entry) {
      const what = entries.has("xl/workbook.xml") ? "这是 Excel 工作簿" : "不是 Word 文档";
      throw new DocxReadError(`${what}(缺少 word/document.xml)`);
    }
    xml = await inflate(bytes, entry, budget);
  } catch (e) {
    if (e instanceof LimitError) throw e.at({ file: fileName });
    if (e instanceof ZipError) throw new DocxReadError(`${fileName}: ${DAMAGED}(${e.message})`);
    throw new DocxReadError(`${fileName}: ${(e as Error).message}`);
  }
  if (!/<w:body[\s>]/.test(xml))
    throw new DocxReadError(`${fileName}: 文件已损坏(word/document.xml 中没有正文)`);
  const broken = notWellFormed(xml);
  if (broken) throw new DocxReadError(`${fileName}: 文件已损坏(word/document.xml ${broken}),Word 也无法打开`);
  try {
    return { fileName, ...docxBody(parseDocumentXml(xml)) };
  } catch (e) {
    throw e instanceof ReadError ? e.at({ file: fileName }) : e;
  }
}
