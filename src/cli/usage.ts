// The help text: the whole of it for `target-breakdown --help`, one command's part for `<command> --help`.

export const COMMAND_NAMES = [
  "load",
  "check",
  "allocate",
  "issue",
  "collect",
  "fill",
  "progress",
  "inspect",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const isCommand = (word: string | undefined): word is CommandName =>
  (COMMAND_NAMES as readonly (string | undefined)[]).includes(word);

/** Each command's lines of the help: synopsis at two spaces, explanation in the right-hand column. */
const USAGE: Record<CommandName, string> = {
  load: `  target-breakdown load <方案.docx|方案.txt|工作簿.xlsx> -o <输出.xlsx> [--yearly] [--layout towns-as-rows] [--force]
                                                            读取方案附件表格(Word 文档含合并单元格,或工作表中已有的表格),
                                                            写出 指标体系/职责分工/目标分解 工作表
  target-breakdown load <方案.docx|方案.txt|工作簿.xlsx> --json  以 JSON 输出方案内容(指标、任务、分解表)
        [--sheet 工作表 [--range A3:K20]]                      只读工作簿中的一张工作表(或其中一个区域)
`,
  check: `  target-breakdown check <文件.xlsx> [--sheet 工作表] [--weights 基数工作表] [--json]
                                                            校验分解表:总量型须加总等于全市,质态型按区间或加权平均
`,
  allocate: `  target-breakdown allocate <文件.xlsx> --indicator 指标 --method proportional|equal|fill|adjust [--total N]
        [--base 基数] [--hold 单位[=值],…] [--min 单位=值,…] [--max 单位=值,…] [--decimals N] [--percent P]
        [--sheet 工作表] [--year 年份] [--tier 确保|力争|奋斗|预期] [--rate]
        (-o <输出.xlsx> [--reason 原因] [--operator 姓名] [--force] | --json)
                                                            把全市目标分解到各单位(按基数比例、平均、统一填充、按比例调整),
                                                            写出新工作簿或输出 JSON;--rate 按基数加权分解质态型指标;
                                                            -o 时每次变动追加到“调整记录”工作表(--reason 记原因)
`,
  issue: `  target-breakdown issue <方案.xlsx|方案.docx|方案.txt> -o <文件夹> [--sheet 工作表] [--force]
                                                            为每个单位写出一份填报模板(下达目标锁定,黄色单元格填报)
`,
  collect: `  target-breakdown collect <方案.xlsx|方案.docx|方案.txt> <报送文件.xlsx…> [-o <汇总.xlsx>] [--month M] [--sheet 工作表] [--json] [--force]
                                                            校验各单位报送的文件,写出 汇总/报送情况/报送问题 工作表
`,
  fill: `  target-breakdown fill <default:职责分工|default:目标责任书|模板.xlsx> <方案.txt> --by department|town
        (-o <输出.xlsx> | -d <文件夹> | --json) [--aliases 别名表.xlsx] [--force]
                                                            按部门生成职责分工表,或按镇(街道)生成目标责任书
`,
  progress: `  target-breakdown progress <方案.xlsx|方案.txt> <实绩.xlsx…> --month M (-o <亮晒.xlsx> | --json) [--sheet 工作表] [--force]
        [--report <通报.docx>] [--report-text <通报.txt>]
                                                            按序时进度评价各单位月度完成情况(红黄绿),写出亮晒表;
                                                            --report 写出当月通报(Word,含亮晒表附件,有上月实绩时含对比),
                                                            --report-text 只写出通报文字(UTF-8 文本)
`,
  inspect: `  target-breakdown inspect <文件…> [--jsonl]                 显示读取程序从每个文件读到的内容(工作表、段落与表格、文本),
                                                            --jsonl 每个文件输出一行 JSON
`,
};

const EXIT_CODES =
  "退出码:0 成功(有警告、写出的文件有提示也是 0),1 数据中发现错误,2 输入无法读取、用法错误或无法写出。详见 docs/cli.md。\n";

export const HELP = `目标分解助手 target-breakdown

用法:
${COMMAND_NAMES.map((name) => USAGE[name]).join("")}
每个命令加 --help(或 -h)只显示该命令的用法,如 target-breakdown check --help。

${EXIT_CODES}`;

/** `target-breakdown <name> --help`: that command's lines and the exit codes. */
export const commandHelp = (name: CommandName) => `用法:\n${USAGE[name]}\n${EXIT_CODES}`;
