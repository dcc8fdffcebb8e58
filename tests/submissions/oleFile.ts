// A compound file (OLE, CFB version 3) laid out the way Office stores a password-protected workbook: streams
// EncryptionInfo and EncryptedPackage in a structured storage. The payload is noise (nothing to decrypt); what
// matters for the tests is that the container is a well-formed one, as a town's encrypted file is.

const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;

function dirEntry(
  name: string,
  type: number,
  child: number,
  right: number,
  start: number,
  size: number,
): Buffer {
  const e = Buffer.alloc(128);
  e.write(name, 0, "utf16le");
  e.writeUInt16LE((name.length + 1) * 2, 64);
  e.writeUInt8(type, 66); // 5 root storage, 2 stream
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(FREE, 68); // left sibling
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(start, 116);
  e.writeUInt32LE(size, 120);
  return e;
}

/** Office's encrypted package: the same container for a protected .xlsx and a protected .docx. */
export function encryptedWorkbookBytes(): Buffer {
  const info = Buffer.concat([
    Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
    Buffer.from('<?xml version="1.0"?><encryption/>'),
  ]);
  return oleFileBytes([
    { name: "EncryptionInfo", data: Buffer.concat([info, Buffer.alloc(4096 - info.length)]) },
    // Bytes that look random, the same every time (the fixtures made from them stay byte-identical).
    {
      name: "EncryptedPackage",
      data: Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761) >>> 24)),
    },
  ]);
}

/** An old binary Word 97-2003 .doc: streams WordDocument and 1Table (the text is not laid out). */
export function legacyWordBytes(): Buffer {
  const fib = Buffer.alloc(4096);
  fib.writeUInt16LE(0xa5ec, 0); // the Word binary file's magic number
  return oleFileBytes([
    { name: "WordDocument", data: fib },
    { name: "1Table", data: Buffer.alloc(4096) },
  ]);
}

/** Two streams of at least 4096 bytes each (whole sectors), so they live in regular sectors (no mini stream). */
function oleFileBytes(streams: { name: string; data: Buffer }[]): Buffer {
  // Sector 0: the FAT; sector 1: the directory; then each stream's sectors in turn.
  const fat: number[] = [FATSECT, END];
  const starts: number[] = [];
  for (const s of streams) {
    const n = s.data.length / SECTOR;
    starts.push(fat.length);
    for (let k = 0; k < n; k++) fat.push(k === n - 1 ? END : fat.length + 1);
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // no mini FAT
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);
  const fatSector = Buffer.alloc(SECTOR, 0xff);
  fat.forEach((v, i) => fatSector.writeUInt32LE(v, i * 4));
  const dir = Buffer.concat([
    dirEntry("Root Entry", 5, 1, FREE, END, 0),
    dirEntry(streams[0].name, 2, FREE, 2, starts[0], streams[0].data.length),
    dirEntry(streams[1].name, 2, FREE, FREE, starts[1], streams[1].data.length),
    Buffer.alloc(128),
  ]);
  return Buffer.concat([header, fatSector, dir, ...streams.map((s) => s.data)]);
}
