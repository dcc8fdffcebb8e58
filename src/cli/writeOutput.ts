// Every file the CLI writes goes through `writeFileAtomically`: the bytes go to a hidden temp file in the same
// folder, are flushed to disk, and the temp file is renamed over the final path. A reader (or a kill -9, a full
// disk, a power cut) sees the previous file or the complete new one, never a partial file. I/O failures become a
// CliError (exit 2) naming the path and the reason in Chinese.
import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { truncateName } from "../core/fileNames";
import { CliError } from "./errors";

/** The fs calls writing needs; unit tests pass one that fails where they want (ENOSPC on the third write…). */
export type WriteFs = Pick<
  typeof nodeFs,
  | "openSync"
  | "writeSync"
  | "fsyncSync"
  | "closeSync"
  | "renameSync"
  | "unlinkSync"
  | "statSync"
  | "lstatSync"
  | "realpathSync"
  | "fchmodSync"
  | "mkdirSync"
>;

type Errno = NodeJS.ErrnoException;
const codeOf = (e: unknown) => (e as Errno | null)?.code ?? "";

const REASONS: Record<string, string> = {
  ENOENT: "文件或文件夹不存在",
  ENOTDIR: "路径中有一段不是文件夹",
  EACCES: "没有权限",
  EPERM: "操作不被允许(权限不足)",
  EROFS: "该位置只读(只读文件系统)",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "超出磁盘配额",
  EFBIG: "文件过大",
  EISDIR: "这是一个文件夹,不是文件",
  ENAMETOOLONG: "文件名或路径过长",
  EBUSY: "文件正被占用",
  ETXTBSY: "文件正被占用",
  EMFILE: "同时打开的文件过多",
  ENFILE: "同时打开的文件过多",
  EIO: "读写磁盘时出错",
  ELOOP: "符号链接层数过多",
  EEXIST: "文件已存在",
  EXDEV: "不能跨磁盘移动文件",
  EINVAL: "文件名或参数无效",
};

/** An I/O error in words: "磁盘空间不足(ENOSPC)"; an unknown one keeps Node's message. */
export function ioReason(e: unknown): string {
  const code = codeOf(e);
  const words = REASONS[code];
  if (words) return `${words}(${code})`;
  return code ? `${code}:${(e as Error).message}` : String((e as Error)?.message ?? e);
}

const exists = (fs: Pick<WriteFs, "statSync">, path: string) => {
  try {
    fs.statSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * Why `path` could not be written, naming it. ENOENT on a folder that exists means the place takes no new files
 * (/proc, some network shares); on one that does not, the folder is named.
 */
export function writeError(path: string, e: unknown, fs: Pick<WriteFs, "statSync"> = nodeFs): CliError {
  if (e instanceof CliError) return e;
  const dir = dirname(resolve(path));
  if (codeOf(e) === "ENOENT")
    return new CliError(
      exists(fs, dir)
        ? `${path}: 无法写入:该位置不能创建文件(ENOENT)`
        : `${path}: 无法写入:文件夹 ${dirname(path)} 不存在(ENOENT)`,
    );
  // Windows refuses to replace a file Excel has open: say so when the file is there.
  const open = ["EACCES", "EPERM", "EBUSY"].includes(codeOf(e)) && exists(fs, path);
  return new CliError(
    `${path}: 无法写入:${ioReason(e)}${open ? ";若该文件已在 Excel 等程序中打开,请先关闭" : ""}`,
  );
}

/** Why an input could not be read, naming it. */
export function readError(path: string, e: unknown): CliError {
  if (e instanceof CliError) return e;
  if (codeOf(e) === "ENOENT") return new CliError(`${path}: 文件不存在`);
  if (codeOf(e) === "EISDIR") return new CliError(`${path}: 无法读取:这是一个文件夹,不是文件(EISDIR)`);
  return new CliError(`${path}: 无法读取:${ioReason(e)}`);
}

/**
 * `.<name>.<pid>.<random>.tmp`, hidden, in the same folder (so the rename stays on one disk). The name part is
 * cut to 80 bytes so the temp name stays within 255 bytes however long the final name is; the random part makes
 * it unique across processes and machines sharing the folder.
 */
export function tempName(finalName: string): string {
  return `.${truncateName(finalName, 80, 80)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}

/** A temp file name `tempName` makes, for tests and clean-up tools. */
export const TEMP_NAME = /^\..*\.\d+\.[0-9a-f]{12}\.tmp$/;

/** A symbolic link is written through (its target replaced), as a plain write would; anything else as is. */
function writtenPath(path: string, fs: WriteFs): string {
  try {
    if (fs.lstatSync(path).isSymbolicLink()) return fs.realpathSync(path);
  } catch {
    // Absent or a dangling link: the path itself.
  }
  return path;
}

/** The permission bits of the file being replaced (so a shared file stays writable by its group), if any. */
function modeOf(path: string, fs: WriteFs): number | undefined {
  try {
    return fs.statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to `path` atomically: temp file in the same folder, every byte written, fsync, rename into place
 * (replacing any file there), then the folder is flushed where the system allows. On any failure the temp file
 * is removed, the file at `path` is as it was, and a CliError names `path` and the reason.
 */
export function writeFileAtomically(path: string, data: Uint8Array, fs: WriteFs = nodeFs): void {
  const target = writtenPath(path, fs);
  const dir = dirname(target);
  const temp = join(dir, tempName(basename(target)));
  const mode = modeOf(target, fs);
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.openSync(temp, "wx", mode ?? 0o666);
    created = true;
    if (mode !== undefined)
      try {
        fs.fchmodSync(fd, mode);
      } catch {
        // Not every file system keeps modes (FAT, some shares): the default is fine there.
      }
    for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at, data.length - at);
    fs.fsyncSync(fd);
    const done = fd;
    fd = undefined;
    fs.closeSync(done);
    fs.renameSync(temp, target);
    created = false;
  } catch (e) {
    if (fd !== undefined)
      try {
        fs.closeSync(fd);
      } catch {
        // Closing is best effort; the error reported is the first one.
      }
    if (created)
      try {
        fs.unlinkSync(temp);
      } catch {
        // Already gone, or the folder refuses: nothing more can be done.
      }
    throw writeError(path, e, fs);
  }
  syncFolder(dir, fs);
}

/** Flushes the folder entry of the rename to disk; Windows and some file systems cannot, which is fine. */
function syncFolder(dir: string, fs: WriteFs): void {
  if (process.platform === "win32") return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // The file is renamed into place already; only durability across a power cut is at stake.
  } finally {
    if (fd !== undefined)
      try {
        fs.closeSync(fd);
      } catch {
        // ignore
      }
  }
}

/**
 * Creates folder `dir` and the missing folders above it, one by one (Node's recursive mkdir can spin forever
 * where a folder cannot be created, as under /proc). A CliError names `dir` and the reason.
 */
export function makeFolder(dir: string, fs: Pick<WriteFs, "statSync" | "mkdirSync"> = nodeFs): void {
  const missing: string[] = [];
  for (let d = resolve(dir); ;) {
    try {
      if (fs.statSync(d).isDirectory()) break;
      throw new CliError(
        `${dir}: 无法创建文件夹:${d === resolve(dir) ? "已有同名文件" : `${d} 是文件,不是文件夹`}(ENOTDIR)`,
      );
    } catch (e) {
      if (e instanceof CliError) throw e;
      if (codeOf(e) !== "ENOENT" && codeOf(e) !== "ENOTDIR")
        throw new CliError(`${dir}: 无法创建文件夹:${ioReason(e)}`);
    }
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of missing.reverse())
    try {
      fs.mkdirSync(d);
    } catch (e) {
      if (codeOf(e) === "EEXIST" && exists(fs, d)) continue;
      const where = d === resolve(dir) ? "" : `${d} `;
      throw new CliError(
        codeOf(e) === "ENOENT"
          ? `${dir}: 无法创建文件夹:${where}该位置不能创建文件夹(ENOENT)`
          : `${dir}: 无法创建文件夹:${where}${ioReason(e)}`,
      );
    }
}

/** One file of a run that writes several (`issue`, `fill -d`): its path and how to make its bytes. */
export interface PlannedFile {
  path: string;
  bytes: () => Promise<Uint8Array>;
}

/** "a、b、c", or the first `max` and how many in all. */
const listOf = (names: string[], max = 20) =>
  names.length <= max ? names.join("、") : `${names.slice(0, max).join("、")} 等 ${names.length} 个`;

/**
 * Writes the files in order, each atomically; `onWritten` is told each path once it is in place. When one
 * fails, the CliError names it and the reason, then which files were written and which were not, so the user
 * knows exactly what is on disk.
 */
export async function writeFiles(
  files: PlannedFile[],
  onWritten: (path: string) => void = () => {},
  fs: WriteFs = nodeFs,
): Promise<void> {
  const written: string[] = [];
  for (const [i, file] of files.entries()) {
    try {
      writeFileAtomically(file.path, await file.bytes(), fs);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      const notWritten = files.slice(i).map((f) => basename(f.path));
      const folder = dirname(file.path);
      throw new CliError(
        `${e.message}\n` +
          (written.length > 0
            ? `已写出 ${written.length} 个文件(在 ${folder}):${listOf(written)}\n`
            : "未写出任何文件\n") +
          `未写出 ${notWritten.length} 个文件:${listOf(notWritten)}`,
      );
    }
    written.push(basename(file.path));
    onWritten(file.path);
  }
}
