// A plan file opened from disk in the pane: a Word .docx (read in the page, nothing uploaded) or a .txt in UTF-8,
// UTF-16 or GB18030/GBK.
// An old .doc, a protected or damaged document gets the reader's message, naming the file.
import { ReadError } from "../core/read/readError";
import type { ParsedPlan } from "../core/parse/planDocument";
import { isOle } from "../core/oleFile";
import { startsWith } from "../core/submissions/fileKind";

const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b]);

export async function readPlanBytes(bytes: Uint8Array, fileName: string): Promise<ParsedPlan> {
  if (/\.docx?$/i.test(fileName) || isZip(bytes) || isOle(bytes)) {
    // Loaded on first use, so the pane's first download stays small.
    const [{ readDocx }, { planFromDocx }] = await Promise.all([
      import("../core/docx/readDocx"),
      import("../core/docx/docxPlan"),
    ]);
    return planFromDocx(await readDocx(bytes, fileName));
  }
  const { planFromTextBytes } = await import("../core/parse/planDocument");
  // UTF-8, UTF-16 or GB18030/GBK, told by the bytes; anything else is reported, never shown as mojibake.
  const plan = planFromTextBytes(bytes, fileName);
  if (!plan)
    throw new ReadError(`${fileName}: 不是文本文件(可打开 UTF-8、UTF-16 或 GB18030/GBK 编码的 .txt)`);
  return plan;
}
