// Zip entries inflated with Node's native zlib, whole or in pieces: reading only the parts we need keeps `check`
// fast and small. The directory itself is read by zipDirectory.ts, which the browser reader shares; the text is
// decoded as XML says (UTF-8 or UTF-16, BOM dropped), as in the browser. Every byte inflated is counted against
// the file's ReadBudget (core/read/limits.ts), so a bomb stops at the limit, not when memory runs out.
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { compressedData, ZipError, type ZipEntry } from "../core/zip/zipDirectory";
import { XmlTextDecoder } from "../core/zip/xmlText";
import { ReadBudget } from "../core/read/limits";
import { PartTextGuard } from "../core/zip/partGuard";

export { compressedData, readZipDirectory, ZipError, type ZipEntry } from "../core/zip/zipDirectory";

/** An entry's bytes, inflated whole (small parts: relationships, the workbook, shared strings). */
export function readZipEntry(buf: Buffer, entry: ZipEntry, budget = new ReadBudget()): Buffer {
  const raw = compressedData(buf, entry);
  const data = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength); // a view, not a copy
  let out: Buffer;
  if (entry.method === 0) out = data;
  else {
    // One byte over what is allowed tells "at the limit" from "past it". Deflate expands at most 1032:1, so a
    // part too small to reach the allowance is inflated without the cap: with maxOutputLength, Node's zlib
    // makes V8 run full garbage collections (collect over 100 returns took 60% more CPU).
    const allowance = budget.partAllowance() + 1;
    const capped = data.length * MAX_DEFLATE_RATIO >= allowance;
    try {
      out = capped ? inflateRawSync(data, { maxOutputLength: allowance }) : inflateRawSync(data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ERR_BUFFER_TOO_LARGE")
        throw new ZipError(`zip 条目 ${entry.name} 无法解压:${(e as Error).message}`);
      budget.inflate(entry.name, allowance, allowance, data.length); // throws: past the limit
      throw e;
    }
  }
  budget.inflate(entry.name, out.length, out.length, entry.method === 0 ? out.length : data.length);
  return out;
}

/** An XML entry's whole text. */
export function readZipEntryText(buf: Buffer, entry: ZipEntry, budget = new ReadBudget()): string {
  const guard = new PartTextGuard(entry.name);
  const decoder = new XmlTextDecoder();
  const bytes = readZipEntry(buf, entry, budget);
  return guard.check(decoder.write(bytes) + decoder.end());
}

const PIECE = 1 << 18;
/** The most deflate can expand: 258 bytes from a 2-bit code, about 1032 to 1 (zlib's own figure). */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Inflates an entry piece by piece, handing each piece on as text (characters never split). Whatever `onText`
 * or the budget throws rejects the promise and stops the inflater: nothing escapes from the stream's handlers.
 */
export async function streamZipEntryText(
  buf: Buffer,
  entry: ZipEntry,
  onText: (text: string) => void,
  budget = new ReadBudget(),
): Promise<void> {
  const data = compressedData(buf, entry);
  const decoder = new XmlTextDecoder();
  const guard = new PartTextGuard(entry.name);
  const compressed = data.length;
  let soFar = 0;
  const take = (piece: Uint8Array) => {
    soFar += piece.length;
    budget.inflate(entry.name, piece.length, soFar, entry.method === 0 ? soFar : compressed);
    const text = decoder.write(piece);
    if (text) onText(guard.check(text));
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += PIECE) take(data.subarray(i, i + PIECE));
    const rest = decoder.end();
    if (rest) onText(guard.check(rest));
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: PIECE });
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(e);
    };
    inflate.on("data", (piece: Buffer) => {
      if (failed) return;
      try {
        take(piece);
      } catch (e) {
        fail(e);
      }
    });
    inflate.on("end", () => {
      if (failed) return;
      try {
        const rest = decoder.end();
        if (rest) onText(guard.check(rest));
        resolve();
      } catch (e) {
        fail(e);
      }
    });
    inflate.on("error", (e) => fail(new ZipError(`zip 条目 ${entry.name} 无法解压:${e.message}`)));
    // Feed the compressed bytes in pieces too, so no second copy of them is made.
    for (let i = 0; i < data.length && !failed; i += PIECE) inflate.write(data.subarray(i, i + PIECE));
    if (!failed) inflate.end();
  });
}
