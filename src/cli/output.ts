// Where a command may write. Users share these workbooks: an output never replaces an input (the inputs are only
// read), and never an existing file unless --force says so.
import { existsSync, realpathSync } from "node:fs";
import { resolve } from "node:path";
import { CliError } from "./errors";

const sameFile = (a: string, b: string) =>
  resolve(a) === resolve(b) || (existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b));

/** Refuses an output that is one of the inputs (a path or a link to it), or (without --force) any existing file. */
export function checkOutput(out: string, inputs: string[], force: boolean): void {
  if (inputs.some((input) => sameFile(out, input)))
    throw new CliError(`${out}: 不能覆盖输入文件(输入文件只读不改);请用 -o 指定另一个文件名`);
  if (existsSync(out) && !force)
    throw new CliError(`${out}: 文件已存在;为避免覆盖他人的工作,请换一个文件名或加 --force`);
}
