// Benchmark of `target-breakdown check` on a province-sized breakdown sheet (1,360 towns × 500 indicators).
//
//   npm run bench:check            (= node bench/check.mjs; add --regenerate to rebuild the workbook)
//
// It PRINTS figures and asserts nothing, except that the CLI and the openpyxl baseline agree on the verdicts
// (exit 1 on DISAGREE; the speed and memory goals only print PASS/MISS and never change the exit code).
//
// 1. Generates once, with ExcelJS's streaming writer, bench/data/province-1360x500-v1.xlsx (git-ignored): a merged
//    title, a note, the header 序号 | 指标名称 | 计量单位 | 类型 | 1,360 towns | 全市 | 责任部门, and 500 rows
//    (60% 总量型 whose 全市 is the exact sum of 1–3-decimal values, 40% 质态型 rates with 全市 inside the towns'
//    range, plus a few deliberate over/short/out_of_range/missing/invalid rows and "-" cells).
// 2. Measures, in one run:
//    a. check alone: findBreakdownTable + checkBreakdown on an already-read grid, in-process (median of 5);
//    b. read + check in-process: XlsxFile.open + readSheet + the same check (median of 3);
//    c. `node bin/target-breakdown.cjs check FILE --json` as a whole process, stdout to /dev/null (median of 3);
//    d. bench/check_openpyxl.py, the same check as a plain openpyxl script, run by /usr/bin/python3 (median of 3);
//    e. for reference: ExcelJS `readFile` of the whole workbook in a child node process (1 run), and inflating
//       the sheet XML alone with the project's zip reader (node:zlib inflateRawSync, median of 3).
//    Child processes are timed, and their peak RSS taken, by a tiny /usr/bin/python3 wrapper (perf_counter and
//    getrusage(RUSAGE_CHILDREN).ru_maxrss), so no dependency is needed. MB below are MiB (ru_maxrss KiB / 1024).
//    The TypeScript API for (a), (b) and (e) is bundled from src/ with esbuild into bench/data/ at start, and the
//    CLI is rebuilt with scripts/build-cli.mjs, so the figures are always those of the current src/.
// 3. Prints AGREE / DISAGREE with the rows per status of (c) and (d) (and what the generator intended).
// 4. Prints a table of times, peak RSS and ratios against openpyxl, and the goals with PASS/MISS.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DATA, importApi, median, prng, ROOT } from "./lib.mjs";
import ExcelJS from "exceljs";

const WORKBOOK = path.join(DATA, "province-1360x500-v1.xlsx");
const EXPECTED = WORKBOOK.replace(/\.xlsx$/, ".expected.json");
const API_BUNDLE = path.join(DATA, "check-api.mjs");
const CLI = path.join(ROOT, "bin", "target-breakdown.cjs");
const OPENPYXL_SCRIPT = path.join(ROOT, "bench", "check_openpyxl.py");
const PYTHON = "/usr/bin/python3"; // the apt Python that has python3-openpyxl (not the pyenv python3 on PATH)

const TOWNS = 1360;
const INDICATORS = 500;
const GOALS = { speedup: 4, cliRssMB: 150, checkAloneS: 0.2 };

// ───────────────────────────── 1. The workbook ─────────────────────────────

const PLACES = [
  "清溪",
  "临平",
  "塘栖",
  "新塍",
  "洲泉",
  "崇福",
  "许村",
  "长安",
  "袁花",
  "西塘",
  "干窑",
  "姚庄",
];
const TOTAL_INDICATORS = [
  ["地区生产总值", "亿元"],
  ["规上工业增加值", "亿元"],
  ["固定资产投资", "亿元"],
  ["社会消费品零售总额", "亿元"],
  ["一般公共预算收入", "万元"],
  ["新增规上工业企业", "家"],
  ["城镇新增就业", "人"],
  ["新建5G基站", "个"],
  ["粮食播种面积", "万亩"],
  ["新增光伏装机容量", "万千瓦"],
];
const RATE_INDICATORS = [
  ["森林覆盖率", "%"],
  ["空气质量优良天数比率", "%"],
  ["地表水达标率", "%"],
  ["生活垃圾分类覆盖率", "%"],
  ["农村自来水普及率", "%"],
];
const DEPARTMENTS = ["省发展改革委", "省经信厅", "省统计局", "省商务厅", "省生态环境厅", "省农业农村厅"];

/**
 * Writes the workbook and returns the row counts per status the generator intended. Values are drawn as integers
 * scaled by 10^decimals, so a 总量型 全市 (the integer sum / 10^decimals) is the exact decimal sum of its towns.
 */
async function generateWorkbook(file) {
  const rand = prng(20230101);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const towns = Array.from(
    { length: TOWNS },
    (_, i) => `${PLACES[i % PLACES.length]}镇${String(i + 1).padStart(4, "0")}`,
  );
  const ncols = 4 + TOWNS + 2;

  // Which rows are 总量型 (60%) and 质态型 (40%), and where the deliberate faults go.
  const kinds = Array.from({ length: INDICATORS }, (_, i) => (i % 5 < 3 ? "总量型" : "质态型"));
  const totalRows = kinds.flatMap((k, i) => (k === "总量型" ? [i] : []));
  const rateRows = kinds.flatMap((k, i) => (k === "质态型" ? [i] : []));
  const fault = new Map();
  for (const j of [7, 77, 151, 233]) fault.set(totalRows[j], "over");
  for (const j of [19, 64, 120, 199, 287]) fault.set(totalRows[j], "short");
  for (const j of [13, 97, 171]) fault.set(rateRows[j], "out_of_range");
  fault.set(totalRows[45], "missing").set(rateRows[88], "missing"); // one empty town cell each
  fault.set(totalRows[260], "invalid"); // a town cell "12.5.1"
  fault.set(totalRows[101], "none"); // 全市 "-": no target this year
  const dashCells = new Map(
    [totalRows[30], totalRows[210], rateRows[40], rateRows[120]].map((r, k) => [r, k + 1]),
  );

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("2023年分解");
  const title = ws.addRow(["2023年全省目标任务分解"]);
  ws.mergeCells(1, 1, 1, ncols);
  title.commit();
  ws.addRow([
    "填报单位:省发展改革委　　说明:总量型指标各镇合计应等于全市,质态型指标全市值应介于各镇之间",
  ]).commit();
  ws.addRow(["序号", "指标名称", "计量单位", "类型", ...towns, "全市", "责任部门"]).commit();

  const intended = {};
  for (let i = 0; i < INDICATORS; i++) {
    const status = fault.get(i) ?? "ok";
    intended[status] = (intended[status] ?? 0) + 1;
    const isTotal = kinds[i] === "总量型";
    const [name, unit] = isTotal ? TOTAL_INDICATORS[i % 10] : RATE_INDICATORS[i % 5];
    const decimals = isTotal ? 1 + (i % 3) : 1 + (i % 2);
    const scale = 10 ** decimals;
    // 总量型: per-town amounts around a row-specific magnitude; 质态型: rates between 60 and 99.9.
    const magnitude = Math.round(10 ** (rand() * 3) * scale);
    const scaled = towns.map(() =>
      isTotal ? int(1, 2 * magnitude) : int(60 * scale, Math.round(99.9 * scale)),
    );
    const values = scaled.map((n) => n / scale);
    const counted = scaled.map(() => true);
    for (let k = 0; k < (dashCells.get(i) ?? 0); k++) {
      const c = int(0, TOWNS - 1);
      values[c] = "-";
      counted[c] = false;
    }
    if (status === "missing") {
      const c = int(0, TOWNS - 1);
      values[c] = null;
      counted[c] = false;
    }
    if (status === "invalid") values[int(0, TOWNS - 1)] = "12.5.1";
    let total;
    if (isTotal) {
      let sum = scaled.reduce((s, n, c) => s + (counted[c] ? n : 0), 0);
      if (status === "over") sum -= int(1, 5 * scale); // towns add to more than the target
      if (status === "short") sum += int(1, 5 * scale);
      total = sum / scale;
    } else {
      const rates = scaled.filter((_, c) => counted[c]);
      const lo = Math.min(...rates);
      const hi = Math.max(...rates);
      const mean = Math.round(rates.reduce((s, n) => s + n, 0) / rates.length);
      total =
        (status === "out_of_range" ? hi + int(1, 20) * scale : Math.min(hi, Math.max(lo, mean))) / scale;
    }
    if (status === "none") total = "-";
    const row = [i + 1, `${name}-${String(i + 1).padStart(3, "0")}`, unit, kinds[i], ...values, total];
    row.push(DEPARTMENTS[i % DEPARTMENTS.length]);
    ws.addRow(row).commit();
  }
  ws.commit();
  await wb.commit();
  return intended;
}

async function ensureWorkbook() {
  mkdirSync(DATA, { recursive: true });
  if (existsSync(WORKBOOK) && existsSync(EXPECTED) && !process.argv.includes("--regenerate")) {
    console.log(`workbook: ${path.relative(ROOT, WORKBOOK)} (cached; --regenerate to rebuild)`);
    return JSON.parse(readFileSync(EXPECTED, "utf8"));
  }
  const t = performance.now();
  const intended = await generateWorkbook(WORKBOOK);
  writeFileSync(EXPECTED, JSON.stringify(intended) + "\n");
  console.log(
    `workbook: generated ${path.relative(ROOT, WORKBOOK)} in ${s(performance.now() - t)} s (not benchmarked)`,
  );
  return intended;
}

// ───────────────────────────── helpers ─────────────────────────────

const s = (ms) => (ms / 1000).toFixed(3);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** Median wall time (ms) of `runs` calls of fn, and the last result. */
async function timeInProcess(runs, fn) {
  const times = [];
  let result;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    result = await fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), times, result };
}

// Runs argv with stdout to /dev/null; prints wall seconds, the child's CPU seconds (user + sys), its peak RSS
// (KiB) and its exit code. CPU time is the steadier figure on a busy machine: V8 runs GC and compilation on
// helper threads, so a node process's wall time depends on whether a second core is free.
const MEASURE_PY = [
  "import resource, subprocess, sys, time",
  "t = time.perf_counter()",
  "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)",
  "wall = time.perf_counter() - t",
  "u = resource.getrusage(resource.RUSAGE_CHILDREN)",
  "print(wall, u.ru_utime + u.ru_stime, u.ru_maxrss, r.returncode)",
].join("\n");

/** One run of a whole process: wall and CPU time (ms), peak RSS (KiB), exit code. */
function measureProcess(argv) {
  const r = spawnSync(PYTHON, ["-c", MEASURE_PY, ...argv], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const m = /^([\d.e-]+) ([\d.e-]+) (\d+) (-?\d+)\s*$/m.exec(r.stdout ?? "");
  if (r.status !== 0 || !m) throw new Error(`measuring ${argv.join(" ")} failed:\n${r.stdout}${r.stderr}`);
  return { ms: Number(m[1]) * 1000, cpuMs: Number(m[2]) * 1000, rssKiB: Number(m[3]), code: Number(m[4]) };
}

/** Median of `runs` whole-process runs (time and peak RSS each by its own median). */
function measureProcessMedian(runs, argv) {
  const all = Array.from({ length: runs }, () => measureProcess(argv));
  return {
    ms: median(all.map((x) => x.ms)),
    cpuMs: median(all.map((x) => x.cpuMs)),
    rssKiB: median(all.map((x) => x.rssKiB)),
    times: all.map((x) => x.ms),
    code: all[0].code,
  };
}

/** Runs argv once with stdout captured (the untimed verdict run, which also warms the file cache). */
function runForOutput(argv) {
  const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

function countStatuses(statuses) {
  const counts = {};
  for (const st of statuses) counts[st] = (counts[st] ?? 0) + 1;
  return counts;
}

const ORDER = ["ok", "over", "short", "out_of_range", "missing", "invalid", "none", "pending", "qualitative"];
const fmtCounts = (c) =>
  Object.keys(c)
    .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))
    .map((k) => `${k}=${c[k]}`)
    .join(" ");

function sameCounts(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

// ───────────────────────────── 2. Measurements ─────────────────────────────

async function main() {
  const intended = await ensureWorkbook();

  // The current src/: the CLI bundle, and the check API for the in-process figures.
  const cliBuild = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "inherit" });
  if (cliBuild.status !== 0) throw new Error("npm run build:cli failed");
  const api = await importApi(
    [
      'export { XlsxFile } from "./src/xlsx/readXlsx";',
      'export { readZipDirectory, readZipEntry } from "./src/xlsx/zip";',
      'export { findBreakdownTable } from "./src/core/check/breakdownTable";',
      'export { checkBreakdown } from "./src/core/check/checkBreakdown";',
    ],
    API_BUNDLE,
  );

  // Sizes: the .xlsx, and the uncompressed sheet XML (inflated by the project's own zip reader).
  const xlsxBytes = statSync(WORKBOOK).size;
  const zipBuf = readFileSync(WORKBOOK);
  const sheetEntry = api.readZipDirectory(zipBuf).get("xl/worksheets/sheet1.xml");
  const unzip = await timeInProcess(3, () => api.readZipEntry(zipBuf, sheetEntry));
  const sheetXmlBytes = unzip.result.length;
  console.log(
    `sizes: .xlsx ${xlsxBytes.toLocaleString("en")} bytes (${mb(xlsxBytes)} MB); ` +
      `xl/worksheets/sheet1.xml ${sheetXmlBytes.toLocaleString("en")} bytes uncompressed (${mb(sheetXmlBytes)} MB)`,
  );

  // (b) read + check in-process; the read part is timed on its own as well.
  const check = (grid) => {
    const table = api.findBreakdownTable(grid);
    return api.checkBreakdown(grid, table);
  };
  const readTimes = [];
  const readCheck = await timeInProcess(3, async () => {
    const t = performance.now();
    const file = api.XlsxFile.open(WORKBOOK);
    const grid = await file.readSheet(file.sheets[0].name);
    readTimes.push(performance.now() - t);
    return { grid, result: check(grid) };
  });
  const { grid } = readCheck.result;

  // (a) check alone, on the grid read above.
  const checkAlone = await timeInProcess(5, () => check(grid));
  const inProcessCounts = countStatuses(checkAlone.result.results.map((r) => r.status));

  // (c) the CLI as a whole process. One untimed run first, for its verdicts (and to warm the caches).
  const cliArgv = [process.execPath, CLI, "check", WORKBOOK, "--json"];
  const cliOut = runForOutput(cliArgv);
  const cliReports = [JSON.parse(cliOut.stdout)].flat();
  const cliCounts = countStatuses(cliReports.flatMap((r) => r.results.map((x) => x.status)));
  const cli = measureProcessMedian(3, cliArgv);

  // (d) the openpyxl script as a whole process, likewise.
  const pyArgv = [PYTHON, OPENPYXL_SCRIPT, WORKBOOK];
  const pyOut = runForOutput(pyArgv);
  if (pyOut.code !== 0 && pyOut.code !== 1) throw new Error(`check_openpyxl.py failed:\n${pyOut.stderr}`);
  const pyCounts = JSON.parse(pyOut.stdout).summary;
  const py = measureProcessMedian(3, pyArgv);

  // (e) ExcelJS reading the whole workbook into its object model, in a child node process (1 run).
  const exceljsScript = "new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1])";
  const exceljs = measureProcess([process.execPath, "-e", exceljsScript, WORKBOOK]);

  // ───────────────────────────── 3. Agreement ─────────────────────────────

  console.log();
  const agree = sameCounts(cliCounts, pyCounts) && cli.code === pyOut.code;
  console.log(`${agree ? "AGREE" : "DISAGREE"} on rows per status:`);
  console.log(`  target-breakdown check --json  ${fmtCounts(cliCounts)}  (exit ${cli.code})`);
  console.log(`  check_openpyxl.py              ${fmtCounts(pyCounts)}  (exit ${pyOut.code})`);
  console.log(
    `  generator intended             ${fmtCounts(intended)}${sameCounts(cliCounts, intended) ? "" : "  (differs!)"}`,
  );
  if (!sameCounts(inProcessCounts, cliCounts))
    console.log(`  note: in-process check gave ${fmtCounts(inProcessCounts)}`);
  if (!agree) process.exitCode = 1;

  // ───────────────────────────── 4. Table ─────────────────────────────

  const vs = (ms) =>
    ms <= py.ms ? `${(py.ms / ms).toFixed(1)}× faster` : `${(ms / py.ms).toFixed(1)}× slower`;
  const rows = [
    ["(a) check alone: findBreakdownTable + checkBreakdown", checkAlone.ms, null, null, "median of 5"],
    ["    read alone: XlsxFile.open + readSheet", median(readTimes), null, null, "median of 3"],
    ["(b) read + check in-process", readCheck.ms, null, null, "median of 3"],
    ["(c) target-breakdown check FILE --json (process)", cli.ms, cli.cpuMs, cli.rssKiB, "median of 3"],
    ["(d) check_openpyxl.py, /usr/bin/python3 (process)", py.ms, py.cpuMs, py.rssKiB, "median of 3"],
    [
      "(e) ExcelJS workbook.xlsx.readFile (process)",
      exceljs.ms,
      exceljs.cpuMs,
      exceljs.rssKiB,
      `1 run, exit ${exceljs.code}`,
    ],
    ["(e) inflate sheet1.xml only (inflateRawSync)", unzip.ms, null, null, "median of 3"],
  ];
  const W = 52;
  const head = `${"what".padEnd(W)} ${"time (s)".padStart(8)} ${"cpu (s)".padStart(8)} ${"peak RSS (MB)".padStart(13)}`;
  console.log();
  console.log(`${head}  ${"time vs openpyxl".padEnd(16)} runs`);
  console.log("─".repeat(W + 63));
  for (const [what, ms, cpuMs, rss, runs] of rows) {
    const cpu = cpuMs === null ? "–" : s(cpuMs);
    const rssText = rss === null ? "–" : (rss / 1024).toFixed(0);
    const ratio = what.startsWith("(d)") ? "1.0× (base)" : vs(ms);
    console.log(
      `${what.padEnd(W)} ${s(ms).padStart(8)} ${cpu.padStart(8)} ${rssText.padStart(13)}  ${ratio.padEnd(16)} ${runs}`,
    );
  }
  console.log(
    `runs, wall (s): (c) ${cli.times.map(s).join(" ")} · (d) ${py.times.map(s).join(" ")} · (a) ${checkAlone.times.map(s).join(" ")}`,
  );
  console.log(
    `peak RSS: target-breakdown uses ${(cli.rssKiB / py.rssKiB).toFixed(1)}× the openpyxl script's`,
  );

  const speedup = py.ms / cli.ms;
  const cliMB = cli.rssKiB / 1024;
  const goals = [
    [
      `target-breakdown check ≥ ${GOALS.speedup}× faster than openpyxl`,
      `${speedup.toFixed(1)}×`,
      speedup >= GOALS.speedup,
    ],
    [
      `target-breakdown check peak RSS < ${GOALS.cliRssMB} MB`,
      `${cliMB.toFixed(0)} MB`,
      cliMB < GOALS.cliRssMB,
    ],
    [
      `check alone < ${GOALS.checkAloneS} s`,
      `${s(checkAlone.ms)} s`,
      checkAlone.ms / 1000 < GOALS.checkAloneS,
    ],
  ];
  console.log();
  console.log(`${"goal".padEnd(W)} ${"measured".padStart(9)}  result`);
  console.log("─".repeat(W + 18));
  for (const [goal, measured, ok] of goals)
    console.log(`${goal.padEnd(W)} ${measured.padStart(9)}  ${ok ? "PASS" : "MISS"}`);
}

await main();
