// What the CLI prints comes partly from files others made (sheet names, cell text, town names, file names): an
// ESC sequence or a bidi override there must not reach the terminal, where it could recolour, hide or reorder
// what is shown (or, on some terminals, do worse). Every text line printed by a command goes through here.
import { ioReason } from "./writeOutput";

/**
 * C0 controls except \n and \t (ESC, CR, BEL, backspace…), DEL, C1 controls (U+0080–U+009F, CSI among them) and
 * the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without the characters that could steer a terminal; the rest unchanged. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, "");
}

/**
 * Standard output after its reader went away (`… --json | head`: EPIPE) takes nothing more, quietly: the run
 * goes on to its end and its exit code, so `issue -o 目录 | head -1` still writes every town's file. Any other
 * failure to print (a full disk behind `> out.json`) is said once on stderr, and the run exits 2.
 */
let stdoutGone = false;
let stdoutFailed = false;

/** Whether stdout's reader has gone or it failed: what is left to print is dropped. */
export const stdoutClosed = () => stdoutGone || stdoutFailed;

/** Whether printing failed other than by the reader going away (the run then exits 2). */
export const stdoutFailedToWrite = () => stdoutFailed;

/** Installs the handling above; the errors of a pipe or file arrive as events, never thrown by write(). */
export function handleClosedOutput(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") stdoutGone = true;
    else if (!stdoutFailed) {
      stdoutFailed = true;
      process.exitCode = 2;
      writeErr(`target-breakdown: 标准输出无法写入:${ioReason(e)}\n`);
    }
  });
  // stderr's reader gone too: nothing can be said any more, and nothing needs to be.
  process.stderr.on("error", () => {});
}

/** Writes text to stdout as it is (JSON lines already escaped), unless stdout is closed. */
export function writeOutRaw(text: string): void {
  if (!stdoutClosed()) process.stdout.write(text);
}

/** Writes text to stdout, made terminal-safe. */
export function writeOut(text: string): void {
  writeOutRaw(terminalSafe(text));
}

/** Writes text to stderr, made terminal-safe. */
export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}

/** The characters JSON.stringify leaves raw that `terminalSafe` removes (it escapes C0 controls itself). */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `value` as indented JSON with DEL, C1 controls and bidi controls written as \u escapes: the same JSON to a
 * parser (nothing is lost), nothing a terminal acts on. They can only occur inside strings, where \uXXXX is valid.
 */
export function jsonText(value: unknown): string {
  return (
    JSON.stringify(value, null, 2).replace(
      RAW_IN_JSON,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
    ) + "\n"
  );
}

/** Prints `value` as JSON on stdout (see `jsonText`). */
export function writeJson(value: unknown): void {
  writeOutRaw(jsonText(value));
}
