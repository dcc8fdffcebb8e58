// Where a command may write. Users share these workbooks: an output never replaces an input (the inputs are only
// read), and never an existing file unless --force says so. An input is recognised by its path, by the file a
// link points to, and by device + inode, so a hard link to it is refused too (even with --force).
import { closeSync, existsSync, openSync, realpathSync, statSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "./args";
import { CliError } from "./errors";
import { makeFolder, readError } from "./writeOutput";

const statOf = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

const realOf = (path: string): string | null => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};

/** Whether `a` and `b` are one file: the same path, the same target of links, or the same device and inode. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const [ra, rb] = [realOf(a), realOf(b)];
  if (ra !== null && ra === rb) return true;
  const [sa, sb] = [statOf(a), statOf(b)];
  // Some file systems (FAT, a few shares) report inode 0 for every file: no identity there.
  return sa !== null && sb !== null && sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** The outputs among `outs` that are one of `inputs`. */
export const inputsAmong = (outs: string[], inputs: string[]) =>
  outs.filter((out) => inputs.some((input) => sameFile(out, input)));

/**
 * Refuses an input that cannot be read: missing (ENOENT), a folder (EISDIR), a pipe or a device, not readable
 * (EACCES/EPERM). Run before reading, so the message names the file and the reason, not a reader's failure.
 */
export function checkInputs(paths: string[]): void {
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (e) {
      throw readError(path, e);
    }
    if (stats.isDirectory()) throw readError(path, Object.assign(new Error("EISDIR"), { code: "EISDIR" }));
    // A pipe would block the open below, a device (/dev/zero) never end: only regular files are read.
    if (!stats.isFile()) throw new CliError(`${path}: 无法读取:不是普通文件(是设备、管道或套接字)`);
    try {
      closeSync(openSync(path, "r"));
    } catch (e) {
      throw readError(path, e);
    }
  }
}

/** What an output option writes: the option's name, the file name's extension and what the file is. */
export interface OutputKind {
  option: string;
  extension: string;
  what: string;
}

export const XLSX_OUTPUT: OutputKind = { option: "-o", extension: ".xlsx", what: "Excel 工作簿" };

/**
 * Refuses an output that is one of the inputs (its path, a link to it or a hard link), an output that is a
 * folder or not named for its kind (.xlsx for -o), and (without --force) any existing file. A missing folder is
 * created here, before the (possibly long) work, so one that cannot be made is said at once; it stays if the run
 * fails later.
 */
export function checkOutput(out: string, inputs: string[], force: boolean, kind = XLSX_OUTPUT): void {
  const { option, extension, what } = kind;
  if (inputsAmong([out], inputs).length > 0)
    throw new CliError(`${out}: 不能覆盖输入文件(输入文件只读不改);请用 ${option} 指定另一个文件名`);
  const stats = statOf(out);
  if (stats?.isDirectory())
    throw new CliError(
      `${out}: 这是一个文件夹(EISDIR);请用 ${option} 指定要写出的文件名,如 ${out}/输出${extension}`,
    );
  // The name says what is written: another one (out.xls, out.csv, a folder meant) would mislead Excel or Word.
  // A name is needed before the extension (".xlsx" alone would be a hidden file), and no "/" after it.
  if (!hasExtension(out, extension))
    throw new UsageError(`${option} 应为 ${extension} 文件名(写出的是 ${what}),收到“${out}”`);
  checkFolder(out);
  if (existsSync(out) && !force)
    throw new CliError(`${out}: 文件已存在;为避免覆盖他人的工作,请换一个文件名或加 --force`);
}

/** `out` ends in `extension` (any case) after a name, with no folder separator after it. */
function hasExtension(out: string, extension: string): boolean {
  const ext = extension.toLowerCase();
  const name = out.toLowerCase();
  return name.endsWith(ext) && name.length > ext.length && !/[/\\]$/.test(out.slice(0, -ext.length));
}

/** The folder `out` is to be written in is a folder, created (with the folders above it) when missing. */
export function checkFolder(out: string): void {
  const dir = dirname(out);
  let stats: Stats;
  try {
    stats = statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // makeFolder names the folder and what stops it (a file in the way, no permission…).
    if (code === "ENOENT" || code === "ENOTDIR") return makeFolder(dir);
    throw new CliError(`${out}: 无法写入:无法访问文件夹 ${dir}(${code ?? (e as Error).message})`);
  }
  if (!stats.isDirectory()) throw new CliError(`${out}: 无法写入:${dir} 是文件,不是文件夹(ENOTDIR)`);
}
