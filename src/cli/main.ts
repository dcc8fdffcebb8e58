// target-breakdown: the 目标分解助手 CLI. Parses arguments, calls core + xlsx, prints; exit 0 ok, 1 errors
// found, 2 input unreadable or bad usage.
import { allocateCommand } from "./allocate";
import { UsageError } from "./args";
import { checkCommand } from "./check";
import { collectCommand } from "./collect";
import { ReadError } from "../core/read/readError";
import { CliError } from "./errors";
import { writeErr } from "./terminal";
import { issueCommand } from "./issue";
import { fillCommand } from "./fill";
import { inspectCommand } from "./inspect";
import { loadCommand } from "./load";
import { progressCommand } from "./progress";

const HELP = `目标分解助手 target-breakdown

用法:
  target-breakdown load <方案.docx|方案.txt|工作簿.xlsx> -o <输出.xlsx> [--yearly] [--force]
                                                            读取方案附件表格(Word 文档含合并单元格,或工作表中已有的表格),
                                                            写出 指标体系/职责分工/目标分解 工作表
  target-breakdown load <方案.docx|方案.txt|工作簿.xlsx> --json  以 JSON 输出方案内容(指标、任务、分解表)
        [--sheet 工作表 [--range A3:K20]]                      只读工作簿中的一张工作表(或其中一个区域)
  target-breakdown check <文件.xlsx> [--sheet 工作表] [--weights 基数工作表] [--json]
                                                            校验分解表:总量型须加总等于全市,质态型按区间或加权平均
  target-breakdown allocate <文件.xlsx> --indicator 指标 --method proportional|equal|fill|adjust [--total N]
        [--base 基数] [--hold 单位[=值],…] [--min 单位=值,…] [--max 单位=值,…] [--decimals N] [--percent P]
        [--sheet 工作表] [--year 年份] [--tier 确保|力争] [--rate] (-o <输出.xlsx> [--force] | --json)
                                                            把全市目标分解到各单位(按基数比例、平均、统一填充、按比例调整),
                                                            写出新工作簿或输出 JSON;--rate 按基数加权分解质态型指标
  target-breakdown issue <方案.xlsx|方案.docx|方案.txt> -o <文件夹> [--sheet 工作表] [--force]
                                                            为每个单位写出一份填报模板(下达目标锁定,黄色单元格填报)
  target-breakdown collect <方案.xlsx|方案.docx|方案.txt> <报送文件.xlsx…> [-o <汇总.xlsx>] [--month M] [--sheet 工作表] [--json] [--force]
                                                            校验各单位报送的文件,写出 汇总/报送情况/报送问题 工作表
  target-breakdown fill <default:职责分工|default:目标责任书|模板.xlsx> <方案.txt> --by department|town (-o <输出.xlsx> | --json)
                                                            按部门生成职责分工表,或按镇(街道)生成目标责任书
  target-breakdown progress <方案.xlsx|方案.txt> <实绩.xlsx…> --month M (-o <亮晒.xlsx> | --json) [--force]
                                                            按序时进度评价各单位月度完成情况(红黄绿),写出亮晒表
  target-breakdown inspect <文件…> [--jsonl]                 显示读取程序从每个文件读到的内容(工作表、段落与表格、文本),
                                                            --jsonl 每个文件输出一行 JSON

退出码:0 无错误,1 发现错误,2 输入无法读取或用法错误。详见 docs/cli.md。
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "load":
      return loadCommand(rest);
    case "fill":
      return fillCommand(rest);
    case "check":
      return checkCommand(rest);
    case "allocate":
      return allocateCommand(rest);
    case "issue":
      return issueCommand(rest);
    case "collect":
      return collectCommand(rest);
    case "progress":
      return progressCommand(rest);
    case "inspect":
      return inspectCommand(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`未知命令“${command}”`);
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    // Messages quote files' names, sheets and cells: made terminal-safe like everything else printed.
    if (e instanceof UsageError) writeErr(`target-breakdown: ${e.message}\n\n${HELP}`);
    // Input the readers cannot take (the ReadError family) and refusals are the user's to fix: exit 2, no stack.
    else if (e instanceof CliError || e instanceof ReadError) writeErr(`target-breakdown: ${e.message}\n`);
    else writeErr(`target-breakdown: 内部错误:${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
