// Benchmark of `target-breakdown collect` on 100 returned files: collecting against merely reading them.
//
//   npm run bench:collect        (= node bench/collect.mjs)
//
// 1. Bundles the API from src/ with esbuild into bench/data/collect-api.mjs (git-ignored) and rebuilds the CLI, so
//    the figures are always those of the current src/.
// 2. Generates (not timed) a county of 100 towns × the 15 indicators of the 平湖 2023 breakdown (seed 001, town
//    targets scaled per town with a fixed seed): a plan workbook with the breakdown sheet, and one returned file
//    per town made from its issued template (our renderer, marker and protection included), 本单位填报 filled:
//    mostly the target or a bit above, ~8% of cells typed as text, ~3% full-width, ~3% below target with or
//    without a 说明, ~2% blank. Written into bench/data/collect-100/.
// 3. Measures, in one fresh node process (after 5 warm-up rounds, median wall and CPU time; a and b interleaved
//    over 20 rounds):
//    a. reading only: XlsxFile.open + readAll of every file (every sheet, the hidden marker included);
//    b. collect: collectReturns (read + identify + validate + consolidate), what `collect --json` does;
//    c. collect + writing the summary workbook (汇总, 报送情况, 报送问题 with ExcelJS), what `collect -o` does
//       (5 rounds, after a and b);
//    and as whole processes (median of 5, peak RSS by a /usr/bin/python3 getrusage wrapper):
//    d. `target-breakdown collect plan.xlsx <100 files> --json`, and with `-o summary.xlsx`;
//    e. a node process that only reads the 100 files with the same reader.
// 4. Prints the times, the ratios collect/read against the goal ≤ 1.3 (PASS/MISS; never changes the exit code):
//    in-process CPU time is the figure judged (wall time on a shared 2-core machine varies by ±10% run to run)
//    and peak memory. Exit 1 only when collect's verdicts are not the ones generated (100 files, every town
//    identified by its marker).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DATA, importApi, median, prng, ROOT } from "./lib.mjs";

const DIR = path.join(DATA, "collect-100");
const API_BUNDLE = path.join(DATA, "collect-api.mjs");
const CLI = path.join(ROOT, "bin", "target-breakdown.cjs");
const PYTHON = "/usr/bin/python3";
const TOWNS = 100;
const GOAL_RATIO = 1.3;
const ROUNDS = 20;
const WARM_UP = 5;

const toFullWidth = (s) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

async function bundleApi() {
  const cli = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "inherit" });
  if (cli.status !== 0) throw new Error("npm run build:cli failed");
  return importApi(
    [
      'export { XlsxFile } from "./src/xlsx/readXlsx";',
      'export { renderWorkbook } from "./src/xlsx/renderXlsx";',
      'export { parsePlanDocument } from "./src/core/parse/planDocument";',
      'export { breakdownSheet } from "./src/core/layout/breakdownSheet";',
      'export { templateWorkbook, templateFileName } from "./src/core/submissions/templateSheet";',
      'export { collectReturns, writeSummary } from "./src/cli/collect";',
    ],
    API_BUNDLE,
    { external: ["exceljs"] },
  );
}

/** The county breakdown: seed 001's rows, 100 towns, each town's targets scaled from a seed town's. */
function countyBreakdown(api, seedText) {
  const seed = api.parsePlanDocument(seedText).breakdowns[0];
  const rand = prng(20231105);
  const towns = Array.from({ length: TOWNS }, (_, i) => `第${String(i + 1).padStart(3, "0")}镇`);
  const rows = seed.rows.map((row) => {
    const values = {};
    towns.forEach((t, i) => {
      const from = row.values[seed.units[i % seed.units.length]];
      const scale = 0.5 + rand();
      const value = from.status === "number" ? Math.round(from.value * scale * 100) / 100 : null;
      values[t] = value === null ? from : { ...from, value, text: String(value) };
    });
    return { ...row, values };
  });
  return { ...seed, title: `2023年某县${TOWNS}个镇目标任务分解`, units: towns, rows };
}

async function generate(api, breakdown) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const rand = prng(7);
  const planSpec = api.breakdownSheet(breakdown);
  const plan = await api.renderWorkbook([planSpec]);
  const planPath = path.join(DIR, "plan.xlsx");
  writeFileSync(planPath, Buffer.from(await plan.xlsx.writeBuffer()));
  const files = [];
  for (const town of breakdown.units) {
    const specs = api.templateWorkbook(breakdown, town);
    const rows = specs[0].rows;
    for (let r = 3; r < rows.length; r++) {
      const target = rows[r][4];
      if (typeof target !== "number") continue;
      const x = rand();
      let v = Math.round(target * (1 + rand() * 0.2) * 100) / 100;
      if (x < 0.03) v = Math.round(target * 0.9 * 100) / 100;
      if (x < 0.015) rows[r][6] = "受项目进度影响";
      rows[r][5] = x > 0.97 ? null : x > 0.89 ? String(v) : x > 0.86 ? toFullWidth(String(v)) : v;
    }
    const wb = await api.renderWorkbook(specs);
    const file = path.join(DIR, api.templateFileName(breakdown.year, town));
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    files.push(file);
  }
  return { planPath, files };
}

/**
 * Runs the jobs in turn, round after round (so a busy spell of the machine hits them alike), after WARM_UP
 * rounds; returns per job the median wall time and the median CPU time (user + system: steadier when other work
 * shares the cores), in ms.
 */
async function timeInterleaved(rounds, jobs) {
  const wall = jobs.map(() => []);
  const cpu = jobs.map(() => []);
  for (let round = -WARM_UP; round < rounds; round++)
    for (const [k, job] of jobs.entries()) {
      const c = process.cpuUsage();
      const t = performance.now();
      await job();
      if (round < 0) continue;
      wall[k].push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu[k].push((used.user + used.system) / 1000);
    }
  return jobs.map((_, k) => ({ ms: median(wall[k]), cpuMs: median(cpu[k]) }));
}

const MEASURE_PY = [
  "import resource, subprocess, sys, time",
  "t = time.perf_counter()",
  "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)",
  "wall = time.perf_counter() - t",
  "u = resource.getrusage(resource.RUSAGE_CHILDREN)",
  "print(wall, u.ru_maxrss, r.returncode)",
].join("\n");

function measureProcess(argv, runs = 5) {
  const all = Array.from({ length: runs }, () => {
    const r = spawnSync(PYTHON, ["-c", MEASURE_PY, ...argv], { cwd: ROOT, encoding: "utf8" });
    const m = /^([\d.e-]+) (\d+) (-?\d+)\s*$/m.exec(r.stdout ?? "");
    if (r.status !== 0 || !m) throw new Error(`measuring ${argv[0]} failed:\n${r.stdout}${r.stderr}`);
    return { ms: Number(m[1]) * 1000, rssMB: Number(m[2]) / 1024, code: Number(m[3]) };
  });
  return { ms: median(all.map((x) => x.ms)), rssMB: median(all.map((x) => x.rssMB)), code: all[0].code };
}

async function main() {
  const api = await bundleApi();
  const breakdown = countyBreakdown(
    api,
    readFileSync(path.join(ROOT, "seeds", "001_86af085e02e72586.txt"), "utf8"),
  );
  const { planPath, files } = await generate(api, breakdown);
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  console.log(
    `${files.length} returned files (${(bytes / 1024).toFixed(0)} KB), ${breakdown.rows.length} indicators each`,
  );

  // Verdicts first (untimed): every file read and identified by its marker.
  const check = await api.collectReturns(breakdown, files);
  const byMarker = check.submissions.filter((s) => s.matchedBy === "marker").length;
  const counts = { ok: 0, warning: 0, error: 0 };
  for (const s of check.submissions)
    counts[s.findings.some((f) => f.severity === "error") ? "error" : s.findings.length ? "warning" : "ok"]++;
  const verdictOk =
    check.readable === TOWNS && byMarker === TOWNS && check.consolidation.missing.length === 0;
  console.log(
    `verdicts: ${JSON.stringify(counts)}, identified by marker ${byMarker}/${TOWNS}: ${verdictOk ? "OK" : "FAIL"}`,
  );

  const out = path.join(DIR, "summary.xlsx");
  // In a fresh process: generating the files leaves ExcelJS's heap behind, whose collection would land on the
  // timings of whichever job runs next.
  writeFileSync(path.join(DIR, "breakdown.json"), JSON.stringify(breakdown));
  const m = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--measure", DIR], {
    encoding: "utf8",
  });
  if (m.status !== 0) throw new Error(`measuring in-process failed: ${m.stderr}`);
  const { read, collect, collectWrite } = JSON.parse(m.stdout);

  const readerScript = `import(${JSON.stringify(pathToFileURL(API_BUNDLE).href)}).then(async (api) => {
    for (const f of process.argv.slice(1)) await api.XlsxFile.open(f).readAll();
  })`;
  const pRead = measureProcess([process.execPath, "-e", readerScript, ...files]);
  const pJson = measureProcess([process.execPath, CLI, "collect", planPath, ...files, "--json"]);
  const pOut = measureProcess([process.execPath, CLI, "collect", planPath, ...files, "-o", out, "--force"]);

  const s3 = (ms) => (ms / 1000).toFixed(3).padStart(7);
  const row = (what, ms, extra = "") => console.log(`${what.padEnd(56)} ${s3(ms)} s  ${extra}`);
  const both = (what, x, extra) => console.log(`${what.padEnd(56)} ${s3(x.ms)} s ${s3(x.cpuMs)} s  ${extra}`);
  const ratio = collect.cpuMs / read.cpuMs;
  console.log(
    `\nin-process (a, b: median of ${ROUNDS} interleaved rounds; c: of 5)${" ".repeat(21)}wall       CPU`,
  );
  both(
    "a. read only (XlsxFile.open + readAll)",
    read,
    `${(read.cpuMs / files.length).toFixed(2)} ms CPU/file`,
  );
  both("b. collect (read + identify + validate + consolidate)", collect, `b/a ${ratio.toFixed(2)} CPU`);
  both(
    "c. collect + write 汇总/报送情况/报送问题",
    collectWrite,
    `c/a ${(collectWrite.cpuMs / read.cpuMs).toFixed(2)} CPU`,
  );
  console.log("\nwhole processes (median of 5; peak RSS)");
  const pr = pJson.ms / pRead.ms;
  row("e. node: read the 100 files only", pRead.ms, `${pRead.rssMB.toFixed(0)} MB`);
  row("d. target-breakdown collect … --json", pJson.ms, `${pJson.rssMB.toFixed(0)} MB, d/e ${pr.toFixed(2)}`);
  row(
    "d. target-breakdown collect … -o summary.xlsx",
    pOut.ms,
    `${pOut.rssMB.toFixed(0)} MB, /e ${(pOut.ms / pRead.ms).toFixed(2)}`,
  );
  const verdict = (x) => `${x.toFixed(2)} ${x <= GOAL_RATIO ? "PASS" : "MISS"}`;
  console.log(
    `\ngoal: collect / read ≤ ${GOAL_RATIO}: in-process CPU (b/a) ${verdict(ratio)}; whole processes (d/e) ${verdict(pr)}`,
  );
  console.log(
    `peak memory: collect --json ${pJson.rssMB.toFixed(0)} MB, collect -o ${pOut.rssMB.toFixed(0)} MB, read only ${pRead.rssMB.toFixed(0)} MB`,
  );
  console.log(`(files in ${path.relative(ROOT, DIR)}; ${readdirSync(DIR).length} entries)`);
  if (!verdictOk) process.exitCode = 1;
}

/** The in-process timings (step 3 a–c), run by main in a child process; prints them as JSON. */
async function measure(dir) {
  const api = await import(pathToFileURL(API_BUNDLE).href);
  const breakdown = JSON.parse(readFileSync(path.join(dir, "breakdown.json"), "utf8"));
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${breakdown.year}年`))
    .map((f) => path.join(dir, f));
  const out = path.join(dir, "summary.xlsx");
  // a and b interleaved; c on its own afterwards, so the garbage ExcelJS leaves does not land on a's or b's time.
  const [read, collect] = await timeInterleaved(ROUNDS, [
    async () => {
      for (const f of files) await api.XlsxFile.open(f).readAll();
    },
    () => api.collectReturns(breakdown, files),
  ]);
  const [collectWrite] = await timeInterleaved(5, [
    async () => api.writeSummary(out, breakdown, await api.collectReturns(breakdown, files)),
  ]);
  process.stdout.write(JSON.stringify({ read, collect, collectWrite }));
}

(process.argv[2] === "--measure" ? measure(process.argv[3]) : main()).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
