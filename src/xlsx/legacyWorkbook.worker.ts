// The pane's Web Worker for legacy .xls/.et files (started by readLegacyInWorker.ts, a chunk of its own): it
// gets the file's bytes (transferred), runs readLegacyWorkbook, the same parse as in the thread, and posts back
// the grids or the error. It says when SheetJS's synchronous parse starts, so the page's time limit counts the
// parse, not the fetching of the library; when the time is up the page ends the worker, endless loop and all.
// Errors go back as data (a worker cannot post an Error's class): the ReadError family as its kind, reason and
// place, to be made again on the page; anything else as its message, a bug as it would be in the thread.
import { EncryptedWorkbookError } from "../core/oleFile";
import { LimitError, type LimitName } from "../core/read/limits";
import { ReadError, type ReadErrorPlace } from "../core/read/readError";
import { readLegacyWorkbook } from "./readLegacyWorkbook";
import type { BrowserXlsxGrid } from "./readXlsxBrowser";

export interface LegacyRequest {
  /** The file's bytes, a copy of their own, transferred. */
  bytes: ArrayBuffer;
  fileName: string;
}

export type PostedError =
  | { kind: "read" | "encrypted"; reason: string; place: ReadErrorPlace; message: string }
  | { kind: "limit"; limit: LimitName; reason: string; place: ReadErrorPlace; message: string }
  | { kind: "bug"; message: string };

export type LegacyReply =
  { type: "parsing" } | { type: "grids"; grids: BrowserXlsxGrid[] } | { type: "error"; error: PostedError };

function posted(e: unknown): PostedError {
  if (!(e instanceof ReadError)) return { kind: "bug", message: e instanceof Error ? e.message : String(e) };
  const { reason, place, message } = e;
  if (e instanceof LimitError) return { kind: "limit", limit: e.limit, reason, place, message };
  return { kind: e instanceof EncryptedWorkbookError ? "encrypted" : "read", reason, place, message };
}

/** The worker's global scope, as much of it as is used (the project's types are the DOM's, not a worker's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LegacyRequest>) => void) | null;
  postMessage(reply: LegacyReply): void;
};

scope.onmessage = async ({ data }) => {
  try {
    const grids = await readLegacyWorkbook(new Uint8Array(data.bytes), data.fileName, (run) => {
      scope.postMessage({ type: "parsing" });
      return run();
    });
    scope.postMessage({ type: "grids", grids });
  } catch (e) {
    scope.postMessage({ type: "error", error: posted(e) });
  }
};
