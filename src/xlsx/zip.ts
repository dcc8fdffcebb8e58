// A minimal zip reader: the central directory, and one entry inflated on demand, whole or in pieces. An .xlsx is
// a zip of XML parts; reading only the parts we need, with Node's native inflate, keeps `check` fast and small.
import { StringDecoder } from "node:string_decoder";
import { createInflateRaw, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

export function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("不是有效的 .xlsx 文件(找不到 zip 目录)");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError("zip 目录已损坏");
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    entries.set(name.replace(/^\//, ""), {
      name,
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function compressedData(buf: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50)
    throw new ZipError(`zip 条目 ${entry.name} 已损坏`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipError(`zip 条目 ${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
  return buf.subarray(start, start + entry.compressedSize);
}

export function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const data = compressedData(buf, entry);
  try {
    return entry.method === 0 ? data : inflateRawSync(data);
  } catch (e) {
    throw new ZipError(`zip 条目 ${entry.name} 无法解压:${(e as Error).message}`);
  }
}

const PIECE = 1 << 18;

/** Inflates an entry piece by piece, handing each piece on as text (UTF-8 characters never split). */
export async function streamZipEntryText(
  buf: Buffer,
  entry: ZipEntry,
  onText: (text: string) => void,
): Promise<void> {
  const data = compressedData(buf, entry);
  const decoder = new StringDecoder("utf8");
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
