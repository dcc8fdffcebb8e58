// Inflating a zip entry with the web platform's streams (DecompressionStream), which browsers and Node 18+ both
// have: the task pane and the workbench read .xlsx and .docx files with it, nothing leaves the page. The text is
// decoded as XML says (UTF-8 or UTF-16, BOM dropped: xmlText.ts).
import { compressedData, type ZipEntry } from "./zipDirectory";
import { XmlTextDecoder } from "./xmlText";

/** An entry's text, handed on piece by piece as it is inflated. */
export async function streamEntryText(
  bytes: Uint8Array,
  entry: ZipEntry,
  onText: (text: string) => void,
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
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const text = decoder.write(value);
    if (text) onText(text);
  }
  const rest = decoder.end();
  if (rest) onText(rest);
}

/** An entry's whole text; "" when the entry is absent. */
export async function entryText(bytes: Uint8Array, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return "";
  const pieces: string[] = [];
  await streamEntryText(bytes, entry, (t) => pieces.push(t));
  return pieces.join("");
}
