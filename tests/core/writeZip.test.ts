// The pane's zip writer: read back by our own zip reader, by Python's zipfile and by Info-ZIP's `unzip -t`, with
// Chinese names flagged UTF-8; refused clearly past 4 GB.
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, dosDateTime, writeZip, ZipWriteError, zipParts } from "../../src/core/zip/writeZip";
import { compressedData, readZipDirectory } from "../../src/core/zip/zipDirectory";
import { tempDir } from "../helpers/workbooks";

const text = (s: string) => new TextEncoder().encode(s);
const WHEN = new Date(2026, 11, 2, 9, 30, 14);
const FILES = [
  { name: "2023年当湖街道目标任务填报.xlsx", data: text("当湖街道".repeat(100)) },
  { name: "2023年经开区目标任务填报.xlsx", data: new Uint8Array([0, 1, 2, 255, 254]) },
  { name: "空文件.txt", data: new Uint8Array(0) },
  { name: "子目录/说明.txt", data: text("ok") },
];
const PYTHON = "/usr/bin/python3";

function written(): string {
  const path = join(tempDir(), "模板.zip");
  writeFileSync(path, writeZip(FILES, WHEN));
  return path;
}

describe("crc32", () => {
  it("is the zip CRC-32: the check value, zlib's results, and continuable in pieces", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const data = text("平湖市先进制造业集群培育工程".repeat(50));
    expect(crc32(data)).toBe(zlibCrc32(data));
    expect(crc32(data.subarray(100), crc32(data.subarray(0, 100)))).toBe(crc32(data));
  });
});

describe("writeZip", () => {
  it("round-trips through our zip reader: names, stored bytes, the UTF-8 flag and the time", () => {
    const zip = writeZip(FILES, WHEN);
    const entries = readZipDirectory(zip, ".zip");
    expect([...entries.keys()]).toEqual(FILES.map((f) => f.name));
    for (const f of FILES) {
      const e = entries.get(f.name)!;
      expect(e.method).toBe(0);
      expect(e.size).toBe(f.data.length);
      expect([...compressedData(zip, e)]).toEqual([...f.data]);
      const view = new DataView(zip.buffer, zip.byteOffset);
      expect(view.getUint16(e.localHeaderOffset + 6, true) & 0x0800).toBe(0x0800);
      expect(view.getUint32(e.localHeaderOffset + 14, true)).toBe(crc32(f.data));
      expect(view.getUint16(e.localHeaderOffset + 10, true)).toBe(dosDateTime(WHEN).time);
    }
    // The pieces are the archive: a Blob of them is the same file.
    const parts = zipParts(FILES, WHEN);
    expect(Buffer.concat(parts)).toEqual(Buffer.from(zip));
  });

  it("is read by Python's zipfile with its Chinese names, CRCs checked", () => {
    const out = execFileSync(
      PYTHON,
      [
        "-c",
        "import sys,zipfile,json;z=zipfile.ZipFile(sys.argv[1]);bad=z.testzip();" +
          "print(json.dumps({'bad':bad,'names':z.namelist(),'flags':[i.flag_bits for i in z.infolist()]," +
          "'time':list(z.infolist()[0].date_time),'first':z.read(z.namelist()[0]).decode('utf-8')[:4]}))",
        written(),
      ],
      { encoding: "utf8" },
    );
    const r = JSON.parse(out);
    expect(r.bad).toBeNull();
    expect(r.names).toEqual(FILES.map((f) => f.name));
    expect(r.flags.every((f: number) => (f & 0x800) !== 0)).toBe(true);
    expect(r.time).toEqual([2026, 12, 2, 9, 30, 14]);
    expect(r.first).toBe("当湖街道");
  });

  it("passes `unzip -t`", () => {
    const r = spawnSync("unzip", ["-t", written()], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("No errors detected");
  });

  it("writes an empty archive Python opens", () => {
    const path = join(tempDir(), "empty.zip");
    writeFileSync(path, writeZip([], WHEN));
    const out = execFileSync(
      PYTHON,
      ["-c", "import sys,zipfile;print(len(zipfile.ZipFile(sys.argv[1]).namelist()))", path],
      {
        encoding: "utf8",
      },
    );
    expect(out.trim()).toBe("0");
  });

  it("refuses past 4 GB before reading any byte (no ZIP64)", () => {
    // Sizes only: the writer must refuse on the lengths, never touching the (absent) bytes.
    const huge = { length: 0xffffffff } as Uint8Array;
    const half = { length: 0x80000000 } as Uint8Array;
    const refuse = (files: { name: string; data: Uint8Array }[]) => {
      try {
        zipParts(files, WHEN);
      } catch (e) {
        return e as ZipWriteError;
      }
      return null;
    };
    expect(refuse([{ name: "a.xlsx", data: huge }])?.code).toBe("too_large");
    const two = refuse([
      { name: "a.xlsx", data: half },
      { name: "b.xlsx", data: half },
    ]);
    expect(two).toBeInstanceOf(ZipWriteError);
    expect(two?.message).toContain("4 GB");
  });

  it("refuses names that would unpack elsewhere or overwrite each other", () => {
    const data = text("x");
    for (const name of ["", "/etc/x", "..\\x", "a/../b", "C:x", "a//b"])
      expect(() => writeZip([{ name, data }], WHEN), name).toThrow(ZipWriteError);
    expect(() =>
      writeZip(
        [
          { name: "经开区.xlsx", data },
          { name: "经开区.XLSX", data },
        ],
        WHEN,
      ),
    ).toThrow(/同名/);
  });

  it("stamps times from 1980 on, in 2-second steps", () => {
    expect(dosDateTime(new Date(1970, 0, 1))).toEqual({ date: (0 << 9) | (1 << 5) | 1, time: 0 });
    expect(dosDateTime(new Date(2026, 11, 2, 9, 30, 15)).time).toBe((9 << 11) | (30 << 5) | 7);
  });
});
