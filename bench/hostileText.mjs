// Time and peak memory of the pathological texts (bench/hostileTextInputs.mjs) through the built CLI
// (dist/cli.cjs), each run in a process of its own under GNU time: `check` of workbooks holding them in cells,
// headers and sheet names; `load --json` of text and .docx plans holding them; `collect` of returned files
// holding them. Target: every run under 10 s and 500 MB. tests/hostile/hostileText.test.ts feeds the same inputs
// to the entry points in-process.
//   node scripts/build-cli.mjs && node bench/hostileText.mjs [name-filter]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as I from "./hostileTextInputs.mjs";
import { ROOT, measureNode } from "./lib.mjs";

const CLI = path.join(ROOT, "dist", "cli.cjs");
if (!existsSync(CLI)) {
  console.error("dist/cli.cjs is missing: run node scripts/build-cli.mjs first");
  process.exit(2);
}
const only = process.argv[2] ?? "";
const dir = mkdtempSync(path.join(tmpdir(), "hostile-text-"));
const SECONDS = 10;
const MB_LIMIT = 500;

/** node dist/cli.cjs `args` under GNU time: seconds, peak RSS in MB, exit code, the last line of stderr. */
const measured = (args) => {
  const m = measureNode([CLI, ...args], dir);
  return { ...m, said: m.said.slice(0, 70) };
};

const file = (name, bytes) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const safe = (s) => s.replace(/[^\w@.-]/g, "_");

/** [label, CLI arguments] of every run. */
const runs = [];
for (const [name, make] of Object.entries(I.TEXTS)) {
  const text = make();
  runs.push([
    `check  cells ${name}`,
    ["check", file(`cells-${name}.xlsx`, I.xlsxOf([I.breakdownGrid(name, I.cell(text))]))],
  ]);
  runs.push([
    `load   txt ${name}`,
    ["load", file(`plan-${name}.txt`, Buffer.from(I.planWithTexts([text]), "utf8")), "--json"],
  ]);
  runs.push([`load   docx ${name}`, ["load", file(`plan-${name}.docx`, I.docxPlan([text])), "--json"]]);
}
const sheets = {
  "2000x50 镇×30000": () => [I.bigGrid("镇".repeat(30_000))],
  "2000x50 1×30000": () => [I.bigGrid("1".repeat(30_000))],
  "header of 30000": () => [I.longHeaderGrid()],
  "10000 subtotals": () => [I.subtotalGrid()],
  "growth 30000 towns": () => [I.growthGrid()],
  "cross-check 5000²": () => I.crossCheckGrids(),
  "odd sheet names": () => I.ODD_SHEET_NAMES.map((n) => I.breakdownGrid(n, "1")),
};
for (const [name, grids] of Object.entries(sheets))
  runs.push([`check  ${name}`, ["check", file(`sheet-${safe(name)}.xlsx`, I.xlsxOf(grids()))]]);
{
  // 16,000 towns as columns (a sheet holds 16,384): the plan's breakdown, then the towns' 1-8月 actuals.
  const [plan, actuals] = I.progressGrids(16_000);
  runs.push([
    "progress 16000 towns",
    [
      "progress",
      file("progress-plan.xlsx", I.xlsxOf([plan])),
      file("progress-1-8.xlsx", I.xlsxOf([actuals])),
      "--month",
      "8",
      "--json",
    ],
  ]);
}
for (const [name, make] of Object.entries(I.PLAN_TEXTS))
  runs.push([
    `load   plan ${name}`,
    ["load", file(`plan-${name}.txt`, Buffer.from(make(), "utf8")), "--json"],
  ]);
const returned = Object.entries(I.returnCases()).map(([name, grids]) => [
  name,
  file(`${safe(name)}.xlsx`, I.xlsxOf(grids)),
]);
for (const [name, p] of returned) runs.push([`collect ${name}`, ["collect", I.SEED_001, p, "--json"]]);
runs.push([
  `collect all ${returned.length} returns`,
  ["collect", I.SEED_001, ...returned.map(([, p]) => p), "--json"],
]);

let worst = { seconds: 0, mb: 0 };
const over = [];
for (const [label, args] of runs) {
  if (only && !label.includes(only)) continue;
  const m = measured(args);
  worst = { seconds: Math.max(worst.seconds, m.seconds || 0), mb: Math.max(worst.mb, m.mb || 0) };
  const bad = !(m.seconds < SECONDS) || !(m.mb < MB_LIMIT) || m.said.includes("内部错误");
  if (bad) over.push(label);
  console.log(
    `${label.padEnd(40)} ${m.seconds.toFixed(2).padStart(6)} s ${String(m.mb).padStart(5)} MB  exit ${m.code}${bad ? "  ← over" : ""}  ${m.said}`,
  );
}
rmSync(dir, { recursive: true, force: true });
console.log(
  `\nslowest ${worst.seconds.toFixed(2)} s, largest ${worst.mb} MB peak RSS; ` +
    `${over.length} over ${SECONDS} s / ${MB_LIMIT} MB or 内部错误${over.length ? `: ${over.join(", ")}` : ""}`,
);
process.exitCode = over.length ? 1 : 0;
