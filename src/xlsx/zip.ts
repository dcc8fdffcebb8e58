// Zip entries inflated with Node's native zlib, whole or in pieces: reading only the parts we need keeps `check`
// fast and small. The directory itself is read by zipDirectory.ts, which the browser reader shares; the text is
// decoded as XML says (UTF-8 or UTF-16, BOM dropped), as in the browser.
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { compressedData, ZipError, type ZipEntry } from "../core/zip/zipDirectory";
import { decodeXmlBytes, XmlTextDecoder } from "../core/zip/xmlText";

export { compressedData, readZipDirectory, ZipError, type ZipEntry } from "../core/zip/zipDirectory";

export function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const raw = compressedData(buf, entry);
  const data = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength); // a view, not a copy
  try {
    return entry.method === 0 ? data : inflateRawSync(data);
  } catch (e) {
    throw new ZipError(`zip 条目 ${entry.name} 无法解压:${(e as Error).message}`);
  }
}

/** An XML entry's whole text. */
export function readZipEntryText(buf: Buffer, entry: ZipEntry): string {
  return decodeXmlBytes(readZipEntry(buf, entry));
}

const PIECE = 1 << 18;

/** Inflates an entry piece by piece, handing each piece on as text (characters never split). */
export async function streamZipEntryText(
  buf: Buffer,
  entry: ZipEntry,
  onText: (text: string) => void,
): Promise<void> {
  const data = compressedData(buf, entry);
  const decoder = new XmlTextDecoder();
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += PIECE) onText(decoder.write(data.subarray(i, i + PIECE)));
    onText(decoder.end());
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: PIECE });
    inflate.on("data", (piece: Buffer) => onText(decoder.write(piece)));
    inflate.on("end", () => {
      onText(decoder.end());
      resolve();
    });
    inflate.on("error", (e) => reject(new ZipError(`zip 条目 ${entry.name} 无法解压:${e.message}`)));
    // Feed the compressed bytes in pieces too, so no second copy of them is made.
    for (let i = 0; i < data.length; i += PIECE) inflate.write(data.subarray(i, i + PIECE));
    inflate.end();
  });
}
