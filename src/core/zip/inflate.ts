// Inflating a zip entry with the web platform's streams (DecompressionStream), which browsers and Node 18+ both
// have: the task pane and the workbench read .xlsx and .docx files with it, nothing leaves the page. The text is
// decoded as XML says (UTF-8 or UTF-16, BOM dropped: xmlText.ts). Every byte is counted against the file's
// ReadBudget, as in the CLI (xlsx/zip.ts), so a bomb stops at the limit in the pane too.
import { ReadBudget } from "../read/limits";
import { PartTextGuard } from "./partGuard";
import { compressedData, ZipError, type ZipEntry } from "./zipDirectory";
import { XmlTextDecoder } from "./xmlText";

/** An entry's text, handed on piece by piece as it is inflated. */
export async function streamEntryText(
  bytes: Uint8Array,
  entry: ZipEntry,
  onText: (text: string) => void,
  budget = new ReadBudget(),
): Promise<void> {
  const data = compressedData(bytes, entry);
  // A copy into a fresh ArrayBuffer: Blob wants plain bytes, and the file's buffer may be shared.
  let stream = new Blob([data.slice()]).stream() as ReadableStream<Uint8Array>;
  if (entry.method === 8)
    stream = stream.pipeThrough(
      new DecompressionStream("deflate-raw") as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
  const reader = stream.getReader();
  const decoder = new XmlTextDecoder();
  const guard = new PartTextGuard(entry.name);
  let soFar = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        // The platform's words for bad deflate data ("incorrect header check"…): damage, not a bug.
        throw new ZipError(`zip 条目 ${entry.name} 无法解压:${(e as Error).message ?? e}`);
      }
      if (chunk.done) break;
      soFar += chunk.value.length;
      budget.inflate(entry.name, chunk.value.length, soFar, entry.method === 0 ? soFar : data.length);
      const text = decoder.write(chunk.value);
      if (text) onText(guard.check(text));
    }
    const rest = decoder.end();
    if (rest) onText(guard.check(rest));
  } catch (e) {
    // Stop inflating what is left; the reason is the error already thrown.
    reader.cancel().catch(() => undefined);
    throw e;
  }
}

/** An entry's whole text; "" when the entry is absent. */
export async function entryText(
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
  budget = new ReadBudget(),
): Promise<string> {
  if (!entry) return "";
  const pieces: string[] = [];
  await streamEntryText(bytes, entry, (t) => pieces.push(t), budget);
  return pieces.join("");
}
