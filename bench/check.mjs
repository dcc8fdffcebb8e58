// Benchmark of `target-breakdown check` on a province-sized breakdown sheet (1,360 towns × 500 indicators), in both
// layouts the check reads: indicators as rows (towns as columns) and, transposed, towns as rows.
//
//   npm run bench:check            (= node bench/check.mjs; add --regenerate to rebuild the workbooks)
//   node bench/check.mjs --generic-headers   the towns-as-rows sheet with headers "指标12(亿元)" instead of the
//                                            indicators' names (its own workbook; see the note at ROWS_WORKBOOK)
//
// It PRINTS figures and asserts nothing, except that the CLI and the openpyxl baseline agree on the verdicts
// (exit 1 on DISAGREE, in either layout; the speed and memory goals only print PASS/MISS and never change the
// exit code).
//
// 1. Generates once, with ExcelJS's streaming writer, two workbooks in bench/data/ (git-ignored) holding the same
//    numbers:
//    - province-1360x500-v1.xlsx, indicators as rows: a merged title, a note, the header 序号 | 指标名称 |
//      计量单位 | 类型 | 1,360 towns | 全市 | 责任部门, and 500 rows (60% 总量型 whose 全市 is the exact sum of
//      1–3-decimal values, 40% 质态型 rates with 全市 inside the towns' range, plus a few deliberate
//      over/short/out_of_range/missing/invalid rows and "-" cells);
//    - province-1360x500-rows-v1.xlsx, the same table transposed, towns as rows: the title, a note, the header
//      镇(街道) | 500 indicators "地区生产总值-001(亿元)", 1,360 town rows ("清溪0001镇": the first sheet's
//      "清溪镇0001" with 镇 at the end) and a 合计 row of the totals. It has no 类型 column: the kind follows
//      from the unit and the name, and every 质态型 indicator is in %, so the verdicts are the first sheet's.
// 2. Measures, in one run and for each workbook:
//    a. check alone: findBreakdownTable + checkBreakdown on an already-read grid, in-process (median of 5);
//    b. read + check in-process: XlsxFile.open + readSheet + the same check (median of 3);
//    c. `node bin/target-breakdown.cjs check FILE --json` as a whole process, stdout to /dev/null (median of 3);
//    d. the same check as a plain openpyxl script, run by /usr/bin/python3 (median of 3): bench/check_openpyxl.py
//       for indicators as rows, bench/check_openpyxl_rows.py (which takes its rules from the former) for towns
//       as rows;
//    e. for reference: ExcelJS `readFile` of the whole workbook in a child node process (1 run), and inflating
//       the sheet XML alone with the project's zip reader (node:zlib inflateRawSync, median of 3).
//    Child processes are timed, and their peak RSS taken, by a tiny /usr/bin/python3 wrapper (perf_counter and
//    getrusage(RUSAGE_CHILDREN).ru_maxrss), so no dependency is needed. MB below are MiB (ru_maxrss KiB / 1024).
//    The TypeScript API for (a), (b) and (e) is bundled from src/ with esbuild into bench/data/ at start, and the
//    CLI is rebuilt with scripts/build-cli.mjs, so the figures are always those of the current src/.
// 3. Prints AGREE / DISAGREE with the rows per status of (c) and (d) (and what the generator intended).
// 4. Prints a table of times, peak RSS and ratios against openpyxl, and the goals with PASS/MISS; at the end, the
//    openpyxl/CLI ratio of both layouts side by side.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DATA, importApi, median, prng, ROOT } from "./lib.mjs";
import ExcelJS from "exceljs";

const WORKBOOK = path.join(DATA, "province-1360x500-v1.xlsx");
const API_BUNDLE = path.join(DATA, "check-api.mjs");
const CLI = path.join(ROOT, "bin", "target-breakdown.cjs");
const OPENPYXL_SCRIPT = path.join(ROOT, "bench", "check_openpyxl.py");
// The transposed sheet. With --generic-headers its indicator headers are "指标12(亿元)" rather than the first
// sheet's names ("地区生产总值-001(亿元)"), written to a workbook of its own so the two never mix in the cache.
// (When this was written the CLI did not find that table: findCandidates in src/core/table/header.ts takes a
// header row with a cell of ≤ 10 characters containing 指标 for an indicators-as-rows corner before it looks for
// the 镇(街道) corner in the same row, and then misses a 合计 column; the benchmark prints FAILED and DISAGREE.)
const GENERIC_HEADERS = process.argv.includes("--generic-headers");
const ROWS_WORKBOOK = path.join(
  DATA,
  GENERIC_HEADERS ? "province-1360x500-rows-generic-v1.xlsx" : "province-1360x500-rows-v1.xlsx",
);
const OPENPYXL_ROWS_SCRIPT = path.join(ROOT, "bench", "check_openpyxl_rows.py");
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
 * The province's numbers, drawn once for both layouts: the towns, and per indicator its name, unit, kind, town
 * values (numbers, "-", null or a faulty text), total and department, plus the row counts per status the generator
 * intended. Values are drawn as integers scaled by 10^decimals, so a 总量型 total (the integer sum / 10^decimals) is
 * the exact decimal sum of its towns.
 */
function provinceData() {
  const rand = prng(20230101);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const towns = Array.from(
    { length: TOWNS },
    (_, i) => `${PLACES[i % PLACES.length]}镇${String(i + 1).padStart(4, "0")}`,
  );

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

  const intended = {};
  const indicators = [];
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
    indicators.push({
      name: `${name}-${String(i + 1).padStart(3, "0")}`,
      unit,
      kind: kinds[i],
      values,
      total,
      department: DEPARTMENTS[i % DEPARTMENTS.length],
    });
  }
  return { towns, indicators, intended };
}

const TITLE = "2023年全省目标任务分解";

/** Writes the indicators-as-rows workbook (towns as columns, 全市 after them). */
async function writeWorkbook(file, { towns, indicators }) {
  const ncols = 4 + TOWNS + 2;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("2023年分解");
  const title = ws.addRow([TITLE]);
  ws.mergeCells(1, 1, 1, ncols);
  title.commit();
  ws.addRow([
    "填报单位:省发展改革委　　说明:总量型指标各镇合计应等于全市,质态型指标全市值应介于各镇之间",
  ]).commit();
  ws.addRow(["序号", "指标名称", "计量单位", "类型", ...towns, "全市", "责任部门"]).commit();
  indicators.forEach((x, i) =>
    ws.addRow([i + 1, x.name, x.unit, x.kind, ...x.values, x.total, x.department]).commit(),
  );
  ws.commit();
  await wb.commit();
}

/** A town's name in the towns-as-rows sheet: the first sheet's "清溪镇0001" as "清溪0001镇" (it ends in 镇). */
const rowTownName = (town) => town.replace(/^(.+)镇(\d+)$/, "$1$2镇");

/**
 * Writes the same table transposed: towns as rows under a 镇(街道) corner, one column per indicator headed
 * "名称(计量单位)" (or "指标N(计量单位)" with --generic-headers), and a bottom 合计 row holding the totals.
 */
async function writeRowsWorkbook(file, { towns, indicators }) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("2023年分解");
  const title = ws.addRow([TITLE]);
  ws.mergeCells(1, 1, 1, 1 + INDICATORS);
  title.commit();
  ws.addRow([
    "填报单位:省发展改革委　　说明:总量型指标各镇之和应等于合计,质态型指标合计值应介于各镇之间",
  ]).commit();
  const headers = indicators.map((x, i) => `${GENERIC_HEADERS ? `指标${i + 1}` : x.name}(${x.unit})`);
  ws.addRow(["镇(街道)", ...headers]).commit();
  towns.forEach((town, t) => ws.addRow([rowTownName(town), ...indicators.map((x) => x.values[t])]).commit());
  ws.addRow(["合计", ...indicators.map((x) => x.total)]).commit();
  ws.commit();
  await wb.commit();
}

let data;
/** Generates `file` with `write` unless cached; returns the row counts per status the generator intended. */
async function ensureWorkbook(file, write) {
  const expected = file.replace(/\.xlsx$/, ".expected.json");
  mkdirSync(DATA, { recursive: true });
  if (existsSync(file) && existsSync(expected) && !process.argv.includes("--regenerate")) {
    console.log(`workbook: ${path.relative(ROOT, file)} (cached; --regenerate to rebuild)`);
    return JSON.parse(readFileSync(expected, "utf8"));
  }
  const t = performance.now();
  data ??= provinceData();
  await write(file, data);
  writeFileSync(expected, JSON.stringify(data.intended) + "\n");
  console.log(
    `workbook: generated ${path.relative(ROOT, file)} in ${s(performance.now() - t)} s (not benchmarked)`,
  );
  return data.intended;
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

/**
 * Measures, checks agreement and prints the figures of one workbook (sections 2–4 of the header comment), with
 * `openpyxlScript` as its baseline. Returns the openpyxl/CLI ratio, and whether the two agreed.
 */
async function measureLayout(api, { workbook, openpyxlScript, intended }) {
  // Sizes: the .xlsx, and the uncompressed sheet XML (inflated by the project's own zip reader).
  const xlsxBytes = statSync(workbook).size;
  const zipBuf = readFileSync(workbook);
  const sheetEntry = api.readZipDirectory(zipBuf).get("xl/worksheets/sheet1.xml");
  const unzip = await timeInProcess(3, () => api.readZipEntry(zipBuf, sheetEntry));
  const sheetXmlBytes = unzip.result.length;
  console.log(
    `sizes: .xlsx ${xlsxBytes.toLocaleString("en")} bytes (${mb(xlsxBytes)} MB); ` +
      `xl/worksheets/sheet1.xml ${sheetXmlBytes.toLocaleString("en")} bytes uncompressed (${mb(sheetXmlBytes)} MB)`,
  );

  // (b) read + check in-process; the read part is timed on its own as well. A sheet whose table is not found
  // gives null (the time is then that of looking for it).
  const check = (grid) => {
    const table = api.findBreakdownTable(grid);
    return table ? api.checkBreakdown(grid, table) : null;
  };
  const readTimes = [];
  const readCheck = await timeInProcess(3, async () => {
    const t = performance.now();
    const file = api.XlsxFile.open(workbook);
    const grid = await file.readSheet(file.sheets[0].name);
    readTimes.push(performance.now() - t);
    return { grid, result: check(grid) };
  });
  const { grid } = readCheck.result;

  // (a) check alone, on the grid read above.
  const checkAlone = await timeInProcess(5, () => check(grid));
  const inProcessCounts = checkAlone.result
    ? countStatuses(checkAlone.result.results.map((r) => r.status))
    : null;

  // (c) the CLI as a whole process. One untimed run first, for its verdicts (and to warm the caches).
  const cliArgv = [process.execPath, CLI, "check", workbook, "--json"];
  const cliOut = runForOutput(cliArgv);
  let cliCounts = {};
  let cliFailure = null;
  try {
    const cliReports = [JSON.parse(cliOut.stdout)].flat();
    cliCounts = countStatuses(cliReports.flatMap((r) => r.results.map((x) => x.status)));
  } catch {
    cliFailure = `exit ${cliOut.code}, no JSON on stdout; stderr: ${cliOut.stderr.trim() || "(empty)"}`;
  }
  const cli = measureProcessMedian(3, cliArgv);

  // (d) the openpyxl script as a whole process, likewise.
  const pyArgv = [PYTHON, openpyxlScript, workbook];
  const pyOut = runForOutput(pyArgv);
  if (pyOut.code !== 0 && pyOut.code !== 1)
    throw new Error(`${path.basename(openpyxlScript)} failed:\n${pyOut.stderr}`);
  const pyCounts = JSON.parse(pyOut.stdout).summary;
  const py = measureProcessMedian(3, pyArgv);

  // (e) ExcelJS reading the whole workbook into its object model, in a child node process (1 run).
  const exceljsScript = "new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1])";
  const exceljs = measureProcess([process.execPath, "-e", exceljsScript, workbook]);

  // ───────────────────────────── 3. Agreement ─────────────────────────────

  console.log();
  const agree = !cliFailure && sameCounts(cliCounts, pyCounts) && cli.code === pyOut.code;
  const pyName = path.basename(openpyxlScript);
  const labelW = Math.max("target-breakdown check --json".length, pyName.length, "generator intended".length);
  console.log(`${agree ? "AGREE" : "DISAGREE"} on rows per status:`);
  console.log(
    `  ${"target-breakdown check --json".padEnd(labelW)}  ${cliFailure ? `FAILED (${cliFailure})` : `${fmtCounts(cliCounts)}  (exit ${cli.code})`}`,
  );
  console.log(`  ${pyName.padEnd(labelW)}  ${fmtCounts(pyCounts)}  (exit ${pyOut.code})`);
  console.log(
    `  ${"generator intended".padEnd(labelW)}  ${fmtCounts(intended)}${sameCounts(cliCounts, intended) ? "" : "  (differs!)"}`,
  );
  if (!inProcessCounts)
    console.log("  note: in-process findBreakdownTable found no breakdown table on the sheet");
  else if (!sameCounts(inProcessCounts, cliCounts))
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
    [`(d) ${pyName}, /usr/bin/python3 (process)`, py.ms, py.cpuMs, py.rssKiB, "median of 3"],
    [
      "(e) ExcelJS workbook.xlsx.readFile (process)",
      exceljs.ms,
      exceljs.cpuMs,
      exceljs.rssKiB,
      `1 run, exit ${exceljs.code}`,
    ],
    ["(e) inflate sheet1.xml only (inflateRawSync)", unzip.ms, null, null, "median of 3"],
  ];
  const W = Math.max(52, ...rows.map(([what]) => what.length));
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
  const cpuSpeedup = py.cpuMs / cli.cpuMs;
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
    console.log(
      `${goal.padEnd(W)} ${measured.padStart(9)}  ${cliFailure ? "n/a (the CLI failed)" : ok ? "PASS" : "MISS"}`,
    );
  return { speedup, cpuSpeedup, cliMB, agree, cliFailure };
}

async function main() {
  const intended = await ensureWorkbook(WORKBOOK, writeWorkbook);
  const rowsIntended = await ensureWorkbook(ROWS_WORKBOOK, writeRowsWorkbook);

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

  const layouts = [
    {
      title: `indicators as rows, ${TOWNS.toLocaleString("en")} towns as columns`,
      workbook: WORKBOOK,
      openpyxlScript: OPENPYXL_SCRIPT,
      intended,
    },
    {
      title: `towns as rows (transposed), ${INDICATORS} indicators as columns${GENERIC_HEADERS ? `, headers "指标N(单位)"` : ""}`,
      workbook: ROWS_WORKBOOK,
      openpyxlScript: OPENPYXL_ROWS_SCRIPT,
      intended: rowsIntended,
    },
  ];
  const results = [];
  for (const layout of layouts) {
    console.log();
    console.log(`══ ${layout.title}: ${path.relative(ROOT, layout.workbook)} ══`);
    results.push(await measureLayout(api, layout));
  }

  console.log();
  console.log(
    "openpyxl / target-breakdown check (c), per layout: wall time, CPU time; CLI peak RSS; verdicts",
  );
  const titleW = Math.max(...layouts.map((l) => l.title.length));
  layouts.forEach((layout, k) => {
    const r = results[k];
    const verdict = r.cliFailure ? "CLI FAILED" : r.agree ? "AGREE" : "DISAGREE";
    console.log(
      `  ${layout.title.padEnd(titleW)} ${`${r.speedup.toFixed(1)}×`.padStart(6)} ${`${r.cpuSpeedup.toFixed(1)}×`.padStart(6)}  ${r.cliMB.toFixed(0)} MB  ${verdict}`,
    );
  });
}

await main();
