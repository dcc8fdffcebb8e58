// Legacy .xls files laid out by hand, record by record (BIFF in an OLE compound file, written with SheetJS's
// CFB): for what LibreOffice no longer writes (Excel 95's BIFF5, its text in a code page) and for the damaged
// files SheetJS cannot get out of. Used by tests/xlsx/legacyWorkbook.test.ts and the end-to-end tests.
import { CFB } from "@e965/xlsx";

/**
 * A workbook stream of BIFF records in a compound file: one sheet named `name` holding `cells` (records).
 * BIFF5 ("Book", Excel 95) keeps text in the code page given (936: GBK); BIFF8 ("Workbook") in UTF-16.
 */
export function biffFile(biff: 5 | 8, name: Buffer, cells: Buffer[]): Buffer {
  const u16 = (...v: number[]) => Buffer.from(new Uint16Array(v).buffer);
  const rec = (type: number, body: Buffer) => Buffer.concat([u16(type, body.length), body]);
  const bof = (kind: number) =>
    rec(
      0x0809,
      biff === 5 ? u16(0x0500, kind, 0, 0) : Buffer.concat([u16(0x0600, kind, 0, 0), Buffer.alloc(8)]),
    );
  const eof = rec(0x000a, Buffer.alloc(0));
  const sheetName = biff === 5 ? Buffer.from([name.length]) : Buffer.from([name.length / 2, 1]);
  const boundSheet = (at: number) =>
    rec(0x0085, Buffer.concat([Buffer.from(new Uint32Array([at]).buffer), u16(0), sheetName, name]));
  const codePage = rec(0x0042, u16(biff === 5 ? 936 : 1200));
  const globals = (at: number) => Buffer.concat([bof(0x05), codePage, boundSheet(at), eof]);
  const book = Buffer.concat([globals(globals(0).length), bof(0x10), ...cells, eof]);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, biff === 5 ? "Book" : "Workbook", book);
  return Buffer.from(CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}

export const record = (type: number, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(new Uint16Array([type, body.length]).buffer), body]);
};

/** Excel 95: sheet 指标 holding 制造业投资 | 亿元 | 118, the text in GBK. */
export function excel95Bytes(): Buffer {
  const label = (c: number, gbk: string) => {
    const text = Buffer.from(gbk, "hex");
    return record(0x0204, Buffer.from(new Uint16Array([0, c, 0, text.length]).buffer), text);
  };
  const number = Buffer.alloc(14);
  number.writeUInt16LE(2, 2); // row 0, column 2
  number.writeDoubleLE(118, 6);
  const cells = [label(0, "d6c6d4ecd2b5cdb6d7ca"), label(1, "d2dad4aa"), record(0x0203, number)];
  return biffFile(5, Buffer.from("d6b8b1ea", "hex"), cells); // 制造业投资, 亿元; 指标
}

/**
 * An .xls on which SheetJS loops for ever: a FORMULA record cut short, 14 bytes where the fixed fields alone take
 * 20, in a sheet named `sheet`.
 */
export function loopingXlsBytes(sheet = "公式"): Buffer {
  return biffFile(8, Buffer.from(sheet, "utf16le"), [record(0x0006, Buffer.alloc(14))]);
}
