// The pane's legacy .xls reader through its Web Worker (src/xlsx/readLegacyInWorker.ts and
// legacyWorkbook.worker.ts), with a stand-in Worker that runs the worker's module in this thread and passes
// every message through structuredClone, as a browser does: the grids are those of the parse in the thread,
// errors come back in their class with the same message, the time limit ends the worker. The real worker, in
// Chromium, on the file that loops for ever: tests/e2e/legacyWorker.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LimitError } from "../../src/core/read/limits";
import { ReadError } from "../../src/core/read/readError";
import type { LegacyReply, LegacyRequest } from "../../src/xlsx/legacyWorkbook.worker";
import { readLegacyInWorker } from "../../src/xlsx/readLegacyInWorker";
import { readLegacyWorkbook } from "../../src/xlsx/readLegacyWorkbook";
import { readXlsxInBrowser } from "../../src/xlsx/readXlsxBrowser";
import { biffFile, excel95Bytes, loopingXlsBytes, record } from "../helpers/legacyXls";
import { sofficeConvert, sofficePath } from "../helpers/libreoffice";

/** The worker's global scope: what the worker module sets and calls. */
const scope: {
  onmessage: ((event: { data: LegacyRequest }) => void) | null;
  postMessage(reply: LegacyReply): void;
} = { onmessage: null, postMessage: (reply) => FakeWorker.current?.deliver(reply) };

type Mode = "run" | "hang" | "fail-to-load";

class FakeWorker {
  static mode: Mode = "run";
  static made: FakeWorker[] = [];
  static current: FakeWorker | null = null;
  onmessage: ((event: { data: LegacyReply }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  received: LegacyRequest | null = null;

  constructor(readonly url: URL) {
    FakeWorker.made.push(this);
  }

  postMessage(data: LegacyRequest, transfer: ArrayBuffer[]) {
    const [request] = structuredClone([data], { transfer });
    this.received = request;
    queueMicrotask(() => {
      if (FakeWorker.mode === "fail-to-load")
        return this.onerror?.({ message: "NetworkError: script failed to load", preventDefault() {} });
      if (FakeWorker.mode === "hang") return this.deliver({ type: "parsing" }); // …and never a word more
      FakeWorker.current = this;
      scope.onmessage?.({ data: request });
    });
  }

  deliver(reply: LegacyReply) {
    if (this.terminated) return;
    const copy = structuredClone(reply);
    queueMicrotask(() => this.onmessage?.({ data: copy }));
  }

  terminate() {
    this.terminated = true;
  }
}

beforeAll(async () => {
  vi.stubGlobal("self", scope);
  await import("../../src/xlsx/legacyWorkbook.worker");
  expect(scope.onmessage).toBeTypeOf("function");
});

const withWorker = (mode: Mode = "run") => {
  FakeWorker.mode = mode;
  FakeWorker.made = [];
  vi.stubGlobal("Worker", FakeWorker);
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.stubGlobal("self", scope);
});

/** A BIFF8 sheet of a number, a label, a boolean, an error and a hole. */
function biff8Values(): Buffer {
  const u16 = (...v: number[]) => Buffer.from(new Uint16Array(v).buffer);
  const number = Buffer.alloc(14);
  number.writeUInt16LE(1, 0); // row 1, column 0
  number.writeDoubleLE(-0.125, 6);
  const label = (r: number, c: number, text: string) =>
    record(0x0204, u16(r, c, 0, text.length), Buffer.from([1]), Buffer.from(text, "utf16le"));
  const boolErr = (r: number, c: number, value: number, isError: number) =>
    record(0x0205, u16(r, c, 0), Buffer.from([value, isError]));
  const cells = [
    label(0, 0, "制造业投资"),
    record(0x0203, number),
    boolErr(1, 2, 1, 0),
    boolErr(3, 1, 0x07, 1),
  ];
  return biffFile(8, Buffer.from("指标", "utf16le"), cells);
}

/** A sheet of 100,001 merged ranges (READER_LIMITS.merges is 100,000), in MERGECELLS records of 1,000. */
function tooManyMerges(): Buffer {
  const dimensions = Buffer.alloc(14); // SheetJS keeps a sheet's merges only when it has a range
  dimensions.writeUInt32LE(60000, 4);
  dimensions.writeUInt16LE(2, 10);
  const records: Buffer[] = [];
  for (let left = 100_001; left > 0; left -= 1000) {
    const n = Math.min(1000, left);
    const body = Buffer.alloc(2 + 8 * n);
    body.writeUInt16LE(n, 0);
    for (let k = 0; k < n; k++) {
      const r = (records.length * 1000 + k) % 60000;
      body.writeUInt16LE(r, 2 + 8 * k);
      body.writeUInt16LE(r, 4 + 8 * k);
      body.writeUInt16LE(0, 6 + 8 * k);
      body.writeUInt16LE(1, 8 + 8 * k);
    }
    records.push(record(0x00e5, body));
  }
  return biffFile(8, Buffer.from("合并", "utf16le"), [record(0x0200, dimensions), ...records]);
}

const soffice = (() => {
  try {
    return sofficePath();
  } catch {
    return null;
  }
})();

/** The error a promise rejects with. */
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("resolved");
    },
    (e: unknown) => e as Error,
  );

describe("the legacy reader's worker", () => {
  it("gives the grids of the parse in the thread, and leaves the caller's bytes whole", async () => {
    const files: [string, Uint8Array][] = [
      ["excel95.xls", excel95Bytes()],
      ["values.xls", biff8Values()],
    ];
    if (soffice) {
      const monthly = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");
      const [xls] = sofficeConvert(monthly, "xls");
      files.push(["月表.xls", readFileSync(xls)]);
    } else console.warn("legacyWorker.test.ts: LibreOffice missing, no .xls of LibreOffice's compared");
    for (const [name, bytes] of files) {
      const inThread = await readLegacyWorkbook(bytes, name);
      withWorker();
      const grids = await readXlsxInBrowser(bytes, name);
      const [worker] = FakeWorker.made;
      expect(worker.terminated).toBe(true);
      expect(worker.received?.bytes.byteLength).toBe(bytes.length);
      expect(bytes.byteLength).toBeGreaterThan(0); // a copy went, not the caller's buffer
      expect(grids).toEqual(inThread);
      expect(grids.flatMap((g) => g.rows).length).toBeGreaterThan(0);
      vi.unstubAllGlobals();
      vi.stubGlobal("self", scope);
    }
    const [values] = await readLegacyWorkbook(biff8Values(), "values.xls");
    expect(values.rows).toEqual([["制造业投资"], [-0.125, null, true], [], [null, { error: "#DIV/0!" }]]);
  });

  it("an error comes back in its class, with the message the thread would give", async () => {
    const bytes = excel95Bytes();
    const cases: [string, Uint8Array, new (...args: never[]) => ReadError][] = [
      ["截断.xls", bytes.subarray(0, 700), ReadError],
      ["合并.xls", tooManyMerges(), LimitError],
    ];
    for (const [name, file, kind] of cases) {
      const inThread = await rejection(readLegacyWorkbook(file, name));
      expect(inThread).toBeInstanceOf(kind);
      withWorker();
      const viaWorker = await rejection(readLegacyInWorker(file, name));
      expect(viaWorker).toBeInstanceOf(kind);
      expect(viaWorker.constructor).toBe(inThread.constructor);
      expect(viaWorker.message).toBe(inThread.message);
      expect((viaWorker as ReadError).reason).toBe((inThread as ReadError).reason);
      expect((viaWorker as ReadError).place).toEqual((inThread as ReadError).place);
      if (kind === LimitError) expect((viaWorker as LimitError).limit).toBe("merges");
      expect(FakeWorker.made[0].terminated).toBe(true);
    }
  });

  it("a parse past the CLI's time limit ends the worker with the CLI's message", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    withWorker("hang");
    let settled = false;
    const reading = rejection(readLegacyInWorker(loopingXlsBytes(), "环.xls")).finally(
      () => (settled = true),
    );
    await vi.advanceTimersByTimeAsync(6900); // 6 s + 1 s a MB (or part of one)
    expect(settled).toBe(false);
    expect(FakeWorker.made[0].terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    const e = await reading;
    expect(e).toBeInstanceOf(ReadError);
    expect(e.message).toBe("环.xls: 旧版 Excel(.xls)文件读取超过 7 秒仍未完成,文件可能已损坏,已放弃读取");
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  it("a worker whose script does not load: the file is read in the thread", async () => {
    withWorker("fail-to-load");
    const grids = await readLegacyInWorker(excel95Bytes(), "excel95.xls");
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0].terminated).toBe(true);
    expect(grids).toEqual(await readLegacyWorkbook(excel95Bytes(), "excel95.xls"));
  });

  it("where there is no Worker (Node, an old host) the file is read in the thread", async () => {
    expect(typeof Worker).toBe("undefined");
    expect(await readLegacyInWorker(excel95Bytes(), "excel95.xls")).toEqual(
      await readLegacyWorkbook(excel95Bytes(), "excel95.xls"),
    );
  });
});
