// A zip of whole files for the pane's downloads (one 填报 workbook per town in one .zip): entries are STOREd,
// since .xlsx parts are deflated already and deflating again gains nothing. Names are UTF-8 with the
// language-encoding flag (bit 11), which Windows Explorer (10 and later), WPS, 7-Zip and macOS read as UTF-8;
// without it Explorer decodes Chinese names as GBK-or-worse. No ZIP64: an archive past 4 GB is refused.

export interface ZipInput {
  /** The path inside the archive, "/" between folders. */
  name: string;
  data: Uint8Array;
}

/** Why an archive cannot be written; `code` for programs, the message for the clerk. */
export class ZipWriteError extends Error {
  constructor(
    readonly code: "too_large" | "too_many" | "bad_name" | "duplicate_name",
    message: string,
  ) {
    super(message);
  }
}

const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
const UTF8_FLAG = 0x0800;
const VERSION = 20; // 2.0: what STORE and folders need; made by MS-DOS (upper byte 0), as Windows' own writer

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, the zip one) of `bytes`, continuing from `crc` for data given in pieces. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** MS-DOS date and time of `d` in its local time, as zip stores them (2-second steps, from 1980). */
export function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/** A name a reader unpacks where it says: relative, forward slashes, no "..", no empty segment. */
function checkName(name: string): void {
  const bad =
    name === "" ||
    name.startsWith("/") ||
    name.includes("\\") ||
    /^[A-Za-z]:/.test(name) ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f]/.test(name) ||
    name
      .split("/")
      .some((part, i, all) => part === ".." || part === "." || (part === "" && i < all.length - 1));
  if (bad) throw new ZipWriteError("bad_name", `压缩包内的文件名“${name}”无效(不能是绝对路径、含 \\ 或 ..)`);
}

/**
 * The archive as pieces in order (local headers, data, central directory, end record): a Blob can take them as
 * they are, without one more copy of every file. `modified` is the time stamped on every entry.
 */
export function zipParts(files: ZipInput[], modified: Date): Uint8Array[] {
  if (files.length > MAX_ENTRIES)
    throw new ZipWriteError(
      "too_many",
      `压缩包最多 ${MAX_ENTRIES} 个文件,这次有 ${files.length} 个;请分批下载`,
    );
  const seen = new Set<string>();
  for (const f of files) {
    checkName(f.name);
    // Two entries one name: the second would overwrite the first when unpacked (Windows ignores case).
    const key = f.name.normalize("NFC").toLowerCase();
    if (seen.has(key)) throw new ZipWriteError("duplicate_name", `压缩包内有两个文件同名:“${f.name}”`);
    seen.add(key);
  }
  const encoder = new TextEncoder();
  const names = files.map((f) => encoder.encode(f.name));
  // Sized before anything is computed: offsets and sizes are 32-bit without ZIP64.
  const total = files.reduce((n, f, i) => n + 30 + 46 + 2 * names[i].length + f.data.length, 22);
  if (total > MAX_32)
    throw new ZipWriteError("too_large", "压缩包将超过 4 GB(不支持 ZIP64),请分批下载或逐个下载");
  const { date, time } = dosDateTime(modified);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [i, f] of files.entries()) {
    const name = names[i];
    const size = f.data.length;
    const crc = crc32(f.data);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, VERSION, true);
    l.setUint16(6, UTF8_FLAG, true);
    l.setUint16(8, 0, true); // STORE
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, size, true);
    l.setUint32(22, size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const c = new DataView(record.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, VERSION, true);
    c.setUint16(6, VERSION, true);
    c.setUint16(8, UTF8_FLAG, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, size, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    record.set(name, 46);
    parts.push(local, f.data);
    central.push(record);
    offset += local.length + size;
  }
  const directorySize = central.reduce((n, r) => n + r.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, files.length, true);
  e.setUint16(10, files.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  return [...parts, ...central, end];
}

/** The archive as one array of bytes. */
export function writeZip(files: ZipInput[], modified: Date): Uint8Array {
  const parts = zipParts(files, modified);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
