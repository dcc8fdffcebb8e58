// How the pane reads a legacy .xls/.et: SheetJS parses it in a Web Worker of its own
// (legacyWorkbook.worker.ts), which is ended when the parse takes longer than the CLI allows it
// (legacyParseSeconds): SheetJS loops for ever on some damaged files, and in the page's thread that froze the
// pane. Where no worker can be started (Node and vitest, an old host, a worker script that fails to load) the
// file is parsed in the thread as before, without a limit. Browser only: the CLI bounds the parse with
// node:vm (openWorkbook.ts) and never loads this module.
import { EncryptedWorkbookError } from "../core/oleFile";
import { legacyParseSeconds, LimitError, limitReason } from "../core/read/limits";
import { ReadError } from "../core/read/readError";
import type { LegacyReply, LegacyRequest, PostedError } from "./legacyWorkbook.worker";
import type { BrowserXlsxGrid } from "./readXlsxBrowser";

/** The CLI's wording (openWorkbook.ts, parseTimeLimit), naming the file. */
const timedOut = (seconds: number, file: string) => new ReadError(limitReason.legacyParse(seconds), { file });

/** The error the worker posted, as the reader in the thread would have thrown it: class, place and message. */
function errorOf(posted: PostedError): Error {
  if (posted.kind === "bug") return new Error(posted.message);
  const e =
    posted.kind === "limit"
      ? new LimitError(posted.limit, posted.reason, posted.place)
      : posted.kind === "encrypted"
        ? new EncryptedWorkbookError(posted.reason, posted.place)
        : new ReadError(posted.reason, posted.place);
  if (e.message !== posted.message) e.message = posted.message;
  return e;
}

async function inThread(bytes: Uint8Array, fileName: string): Promise<BrowserXlsxGrid[]> {
  const { readLegacyWorkbook } = await import("./readLegacyWorkbook");
  return readLegacyWorkbook(bytes, fileName);
}

function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    // webpack 5 makes the worker a chunk of its own from this very expression.
    return new Worker(
      /* webpackChunkName: "legacy-workbook-worker" */ new URL("./legacyWorkbook.worker.ts", import.meta.url),
    );
  } catch {
    return null; // a host that forbids workers
  }
}

/** Every sheet of the workbook (hidden ones flagged), in workbook order: readLegacyWorkbook's grids. */
export function readLegacyInWorker(bytes: Uint8Array, fileName: string): Promise<BrowserXlsxGrid[]> {
  const worker = startWorker();
  if (!worker) return inThread(bytes, fileName);
  return new Promise<BrowserXlsxGrid[]>((resolve, reject) => {
    let heard = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      worker.terminate();
      settle();
    };
    worker.onmessage = ({ data: reply }: MessageEvent<LegacyReply>) => {
      heard = true;
      if (reply.type === "parsing") {
        // Counted from the start of the parse: fetching SheetJS on a slow network is not the file's fault.
        const seconds = legacyParseSeconds(bytes.length);
        timer = setTimeout(() => finish(() => reject(timedOut(seconds, fileName))), seconds * 1000);
      } else if (reply.type === "grids") finish(() => resolve(reply.grids));
      else finish(() => reject(errorOf(reply.error)));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // Not a word from the worker yet: its script did not load or run, so the file is read in the thread.
      if (!heard) finish(() => resolve(inThread(bytes, fileName)));
      else finish(() => reject(new Error(`读取旧版 Excel 的后台线程出错:${event.message}`)));
    };
    worker.onmessageerror = () =>
      finish(() => reject(new Error("读取旧版 Excel 的后台线程送回的数据无法读取")));
    // A copy is transferred: the caller's bytes stay whole (and at hand, should the worker fail to start).
    const copy = new Uint8Array(bytes); // not bytes.slice(): a Node Buffer's shares its memory
    const request: LegacyRequest = { bytes: copy.buffer, fileName };
    worker.postMessage(request, [copy.buffer]);
  });
}
