// `npm run demo:cli [-- plan.txt]`: the main job with the CLI alone. Loads the bundled sample plan (seed 001, or
// the given plan) into a new workbook under out/, then checks its town breakdown, printing what a clerk would see.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const bin = join(root, "bin", "target-breakdown.cjs");
const plan = process.argv[2] ?? join(root, "seeds", "001_86af085e02e72586.txt");
mkdirSync(join(root, "out"), { recursive: true });

// Never overwrite an earlier result: 平湖市方案.xlsx, then 平湖市方案 (2).xlsx, …
let out = join(root, "out", "平湖市方案.xlsx");
for (let n = 2; existsSync(out); n++) out = join(root, "out", `平湖市方案 (${n}).xlsx`);

const run = (args) => spawnSync(process.execPath, [bin, ...args], { stdio: "inherit" }).status;
if (run(["load", plan, "-o", out]) !== 0) process.exit(2);
const code = run(["check", out]);
console.log(`\n工作簿已写入 ${out},可用 Excel 或 LibreOffice 打开。`);
process.exit(code ?? 2);
