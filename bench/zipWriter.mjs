// One small zip writer for the tests and benchmarks that need packages no real writer makes: raw XML parts,
// pre-deflated bombs, lying directories. Entries are deflated unless `stored` or given already deflated.
import { crc32, deflateRawSync } from "node:zlib";

const enc = (s) => Buffer.from(s, "utf8");

/**
 * A zip of entries { name, data } (deflated here) or { name, deflated, size, crc } (already deflated; `size` is
 * what the directory claims). `extra` entries are central-directory records only: { name, offsetOf } points at
 * another entry's local header (the overlapping-files bomb).
 */
export function makeZip(entries, extra = []) {
  const locals = [];
  const central = [];
  const offsets = new Map();
  let offset = 0;
  const record = (e, at) => {
    const name = enc(e.name);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.compressed.length, 20);
    c.writeUInt32LE(e.size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(at, 42);
    central.push(c, name);
  };
  const prepared = entries.map((e) => {
    if (e.deflated) return { ...e, method: 8, compressed: e.deflated, crc: e.crc ?? 0, size: e.size ?? 0 };
    const data = typeof e.data === "string" ? enc(e.data) : e.data;
    const stored = e.stored === true;
    return {
      ...e,
      method: stored ? 0 : 8,
      compressed: stored ? data : deflateRawSync(data),
      crc: crc32(data),
      size: data.length,
    };
  });
  for (const e of prepared) {
    const name = enc(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.crc >>> 0, 14);
    h.writeUInt32LE(e.compressed.length, 18);
    h.writeUInt32LE(e.size >>> 0, 22);
    h.writeUInt16LE(name.length, 26);
    offsets.set(e.name, { at: offset, entry: e });
    locals.push(h, name, e.compressed);
    offset += 30 + name.length + e.compressed.length;
  }
  for (const e of prepared) record(e, offsets.get(e.name).at);
  for (const x of extra) {
    const target = offsets.get(x.offsetOf);
    record({ ...target.entry, name: x.name }, target.at);
  }
  const directory = Buffer.concat(central);
  const count = prepared.length + extra.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A zip of `files` (name → text as UTF-8, or bytes), deflated, in the order given. */
export function zipFiles(files) {
  const list = files instanceof Map ? [...files] : Object.entries(files);
  return makeZip(list.map(([name, data]) => ({ name, data })));
}
