// Reads one returned file for `collect`: every sheet (hidden ones too, for the identity marker), or the one
// reason it cannot be read. Never throws for a bad file, and only ever reads: returned files are evidence.
import { readFileSync, statSync } from "node:fs";
import { returnedFileOf, type ReturnedFile } from "../core/submissions/submission";
import { openWorkbook } from "./openWorkbook";

export type { ReturnedFile };

export async function readReturnedFile(path: string): Promise<ReturnedFile> {
  let receivedAt = "";
  let bytes: Buffer;
  try {
    receivedAt = statSync(path).mtime.toISOString();
    bytes = readFileSync(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : (e as Error).message;
    return { path, receivedAt, problem: { code: "unreadable", message: `无法打开文件:${reason}` } };
  }
  return returnedFileOf(bytes, path, receivedAt, async (b) => (await openWorkbook(b, path)).readAll());
}
