// The zip container of an .xlsx or .docx, read without Node: the central directory and each entry's compressed
// bytes. Inflating is left to the caller (node:zlib in the CLI, DecompressionStream in the browser: inflate.ts).
// The directory is untrusted: entry counts, offsets and sizes are checked against the file and each other, so a
// lying or overlapping directory (the "overlapping files" zip bomb) is refused before anything is inflated.
import { LimitError, limitReason, READER_LIMITS } from "../read/limits";
import { ReadError } from "../read/readError";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** A damaged or lying zip container. */
export class ZipError extends ReadError {}

const LOCAL_HEADER = 30;

/** `kind` names the file type in the message when the bytes are no zip (".xlsx", ".docx"). */
export function readZipDirectory(bytes: Uint8Array, kind = ".xlsx"): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError(`不是有效的 ${kind} 文件(找不到 zip 目录)`);
  const count = view.getUint16(eocd + 10, true);
  if (count > READER_LIMITS.zipEntries) throw new LimitError("zipEntries", limitReason.zipEntries(count));
  const directoryStart = view.getUint32(eocd + 16, true);
  let p = directoryStart;
  const names = new TextDecoder("utf-8");
  const entries = new Map<string, ZipEntry>();
  const all: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new ZipError("zip 目录已损坏");
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const key = name.replace(/^\//, "");
    const entry: ZipEntry = {
      name,
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    all.push(entry);
    // A name stored twice: the first entry counts.
    if (!entries.has(key)) entries.set(key, entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  refuseOverlaps(all, Math.min(directoryStart, bytes.length));
  return entries;
}

/**
 * Each entry's data must lie before the next entry's local header and before the central directory. Entries
 * that share bytes are how a few KB can claim terabytes; real writers never do it. ZIP64 sizes (0xFFFFFFFF)
 * are left to the inflater's own limits.
 */
function refuseOverlaps(entries: ZipEntry[], directoryStart: number): void {
  const byOffset = entries
    .filter((e) => e.compressedSize !== 0xffffffff && e.localHeaderOffset !== 0xffffffff)
    .sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    const end = e.localHeaderOffset + LOCAL_HEADER + e.compressedSize;
    const next = i + 1 < byOffset.length ? byOffset[i + 1].localHeaderOffset : directoryStart;
    if (end > next) throw new ZipError(`zip 条目 ${e.name} 与其他条目重叠(疑似压缩炸弹),已拒绝`);
  }
}

/** The entry's bytes as stored (method 0) or deflated (method 8). */
export function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeaderOffset;
  if (p + LOCAL_HEADER > bytes.length || view.getUint32(p, true) !== 0x04034b50)
    throw new ZipError(`zip 条目 ${entry.name} 已损坏`);
  const start = p + LOCAL_HEADER + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipError(`zip 条目 ${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
  return bytes.subarray(start, start + entry.compressedSize);
}
