// A plan file opened from disk in the pane: a Word .docx (read in the page, nothing uploaded) or a UTF-8 .txt.
// An old .doc, a protected or damaged document gets the reader's message, naming the file.
import type { ParsedPlan } from "../core/parse/planDocument";
import { OLE, startsWith } from "../core/submissions/fileKind";

const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b]);
const isOle = (b: Uint8Array) => startsWith(b, OLE);

export async function readPlanBytes(bytes: Uint8Array, fileName: string): Promise<ParsedPlan> {
  if (/\.docx?$/i.test(fileName) || isZip(bytes) || isOle(bytes)) {
    // Loaded on first use, so the pane's first download stays small.
    const [{ readDocx }, { planFromDocx }] = await Promise.all([
      import("../core/docx/readDocx"),
      import("../core/docx/docxPlan"),
    ]);
    return planFromDocx(await readDocx(bytes, fileName));
  }
  let text: string;
  try {
    // fatal: a GBK file must be reported, not shown as mojibake.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${fileName}: 不是 UTF-8 文本,请另存为 UTF-8 编码的 .txt 后再打开`);
  }
  const { parsePlanDocument } = await import("../core/parse/planDocument");
  return parsePlanDocument(text.replace(/^\uFEFF/, ""));
}
