// target-breakdown: the 目标分解助手 CLI. Parses arguments, calls core + xlsx, prints; exit 0 success (warnings
// allowed), 1 errors found in the data, 2 input unreadable, bad usage or an output that could not be written.
import { allocateCommand } from "./allocate";
import { UsageError, wantsHelp } from "./args";
import { checkCommand } from "./check";
import { collectCommand } from "./collect";
import { ReadError } from "../core/read/readError";
import { CliError } from "./errors";
import { handleClosedOutput, stdoutFailedToWrite, writeErr, writeOut } from "./terminal";
import { issueCommand } from "./issue";
import { fillCommand } from "./fill";
import { inspectCommand } from "./inspect";
import { loadCommand } from "./load";
import { nearest } from "./nearest";
import { progressCommand } from "./progress";
import { COMMAND_NAMES, type CommandName, commandHelp, HELP, isCommand } from "./usage";

const COMMANDS: Record<CommandName, (argv: string[]) => Promise<number>> = {
  load: loadCommand,
  check: checkCommand,
  allocate: allocateCommand,
  issue: issueCommand,
  collect: collectCommand,
  fill: fillCommand,
  progress: progressCommand,
  inspect: inspectCommand,
};

function unknownCommand(word: string): UsageError {
  const hint = nearest(word, COMMAND_NAMES);
  return new UsageError(`未知命令 ${word}${hint ? `,是否要用 ${hint}?` : ""}`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // No arguments at all: the whole help, as before, but exit 2 (a script that forgot its arguments fails).
  if (command === undefined) {
    writeOut(HELP);
    return 2;
  }
  if (command === "help" || command === "--help" || command === "-h") {
    const [topic] = rest;
    if (topic === undefined) writeOut(HELP);
    else if (isCommand(topic)) writeOut(commandHelp(topic));
    else throw unknownCommand(topic);
    return 0;
  }
  if (!isCommand(command)) throw unknownCommand(command);
  if (wantsHelp(rest)) {
    writeOut(commandHelp(command));
    return 0;
  }
  return COMMANDS[command](rest);
}

const argv = process.argv.slice(2);
// Who says a usage error: `target-breakdown check: …`, or the program itself for a bad command.
const speaker = isCommand(argv[0]) ? `target-breakdown ${argv[0]}` : "target-breakdown";
handleClosedOutput();
main(argv).then(
  (code) => (process.exitCode = stdoutFailedToWrite() ? 2 : code),
  (e: unknown) => {
    // Messages quote files' names, sheets and cells: made terminal-safe like everything else printed.
    if (e instanceof UsageError) writeErr(`${speaker}: ${e.message}\n用 ${speaker} --help 查看用法\n`);
    // Input the readers cannot take (the ReadError family) and refusals are the user's to fix: exit 2, no stack.
    else if (e instanceof CliError || e instanceof ReadError) writeErr(`target-breakdown: ${e.message}\n`);
    else writeErr(`target-breakdown: 内部错误:${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
