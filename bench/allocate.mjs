// Benchmark of the allocator on a province-sized breakdown: 1,360 towns × 500 indicators, every row allocated.
//
//   npm run bench:allocate        (= node bench/allocate.mjs)
//
// 1. Bundles src/core/allocate/allocate.ts with esbuild into bench/data/allocate-api.mjs (git-ignored), so the
//    figures are always those of the current src/.
// 2. Generates the problem in memory with a fixed seed (not timed): per row, random positive bases (log-normal-ish,
//    a few towns with no base), ~10% of towns held at a value on the grid, ~3% with a floor above their share and
//    ~3% with a cap below it (so water-filling has work to do), a total on the grid; 70% of the rows are amounts
//    (亿元, 2 decimals) and 30% counts (家, 0 decimals); two rows in ten use --method equal.
// 3. Times allocating all 500 rows with `allocate` (5 runs after one warm-up; the median counts) and prints the
//    total against the goal < 200 ms (PASS/MISS), and the time per row.
// 4. Checks every row of every run: the rounded values add up exactly to the total (integer units of 10^-d),
//    held towns keep their value, floors and caps hold. Prints OK/FAIL; exit 1 on FAIL (the speed goal only
//    prints PASS/MISS and never changes the exit code).
import path from "node:path";
import { performance } from "node:perf_hooks";
import { mkdirSync } from "node:fs";
import { DATA, importApi, median, prng } from "./lib.mjs";

const API_BUNDLE = path.join(DATA, "allocate-api.mjs");

const TOWNS = 1360;
const INDICATORS = 500;
const RUNS = 5;
const GOAL_MS = 200;

function generate() {
  const rand = prng(20230517);
  const towns = Array.from({ length: TOWNS }, (_, i) => `镇${String(i + 1).padStart(4, "0")}`);
  const rows = [];
  for (let r = 0; r < INDICATORS; r++) {
    const count = r % 10 >= 7;
    const decimals = count ? 0 : 2;
    const scale = 10 ** decimals;
    const method = r % 10 === 3 || r % 10 === 8 ? "equal" : "proportional";
    // Bases: mostly positive and spread over two orders of magnitude, 1% without a base (0).
    const bases = towns.map(() => (rand() < 0.01 ? 0 : Math.round(Math.exp(rand() * 4.6) * 100) / 100));
    const held = {};
    let heldUnits = 0;
    towns.forEach((t, i) => {
      if (rand() < 0.1) {
        const v = Math.round(bases[i] * (0.5 + rand()) * (count ? 0.2 : 1) * scale) / scale;
        held[t] = v;
        heldUnits += Math.round(v * scale);
      }
    });
    const free = towns.map((t, i) => i).filter((i) => !(towns[i] in held));
    const freeBase = free.reduce((s, i) => s + (method === "equal" ? 1 : bases[i]), 0);
    // The rest to spread, in grid units: about the free bases' sum (a fifth of it for counts).
    const restUnits = Math.round(freeBase * (count ? 0.2 : 1) * (0.8 + 0.4 * rand()) * scale);
    const rest = restUnits / scale;
    const min = {};
    const max = {};
    for (const i of free) {
      const share = (rest * (method === "equal" ? 1 : bases[i])) / freeBase;
      const u = rand();
      if (u < 0.03) min[towns[i]] = Math.ceil(share * 1.3 * scale) / scale;
      else if (u < 0.06) max[towns[i]] = Math.floor(share * 0.7 * scale) / scale;
    }
    rows.push({
      towns,
      method,
      total: (heldUnits + restUnits) / scale,
      bases,
      held,
      min,
      max,
      decimals,
      unit: count ? "家" : "亿元",
    });
  }
  return rows;
}

/** Whether a result is right: exact total in grid units, held towns kept, bounds met. */
function verify(req, res) {
  const scale = 10 ** req.decimals;
  let units = 0;
  for (const v of res.values) units += Math.round(v * scale);
  const problems = [];
  if (units !== Math.round(req.total * scale))
    problems.push(`total ${units / scale} ≠ ${req.total} (decimals ${req.decimals})`);
  const index = new Map(req.towns.map((t, i) => [t, i]));
  for (const [t, v] of Object.entries(req.held))
    if (res.values[index.get(t)] !== v) problems.push(`held ${t} ${res.values[index.get(t)]} ≠ ${v}`);
  for (const [t, v] of Object.entries(req.min))
    if (res.values[index.get(t)] < v - 1e-9) problems.push(`floor ${t} ${res.values[index.get(t)]} < ${v}`);
  for (const [t, v] of Object.entries(req.max))
    if (res.values[index.get(t)] > v + 1e-9) problems.push(`cap ${t} ${res.values[index.get(t)]} > ${v}`);
  return problems;
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  const { allocate } = await importApi(
    ['export { allocate } from "./src/core/allocate/allocate";'],
    API_BUNDLE,
  );

  let t = performance.now();
  const problem = generate();
  const genMs = performance.now() - t;
  const heldCount = problem.reduce((s, r) => s + Object.keys(r.held).length, 0);
  const boundCount = problem.reduce((s, r) => s + Object.keys(r.min).length + Object.keys(r.max).length, 0);
  console.log(
    `problem: ${TOWNS} towns × ${INDICATORS} indicators, ${heldCount} held (${((100 * heldCount) / (TOWNS * INDICATORS)).toFixed(1)}%), ` +
      `${boundCount} floors/caps; generated in ${genMs.toFixed(0)} ms (not timed)`,
  );

  // One warm-up run (JIT), then RUNS timed runs; every run's results are verified afterwards.
  const times = [];
  const rowTimes = new Float64Array(INDICATORS);
  let failures = [];
  for (let run = 0; run <= RUNS; run++) {
    const results = new Array(INDICATORS);
    t = performance.now();
    for (let r = 0; r < INDICATORS; r++) {
      const t0 = performance.now();
      results[r] = allocate(problem[r]);
      if (run > 0) rowTimes[r] += performance.now() - t0;
    }
    const ms = performance.now() - t;
    if (run > 0) times.push(ms);
    problem.forEach((req, r) => {
      for (const p of verify(req, results[r])) failures.push(`row ${r + 1}: ${p}`);
    });
  }
  const perRow = Array.from(rowTimes, (x) => x / RUNS);
  const total = median(times);
  const pass = total < GOAL_MS;
  console.log(`runs (ms): ${times.map((x) => x.toFixed(1)).join(" ")}  (after 1 warm-up)`);
  console.log(
    `allocate all ${INDICATORS} rows: ${total.toFixed(1)} ms (median of ${RUNS})   goal < ${GOAL_MS} ms   ${pass ? "PASS" : "MISS"}`,
  );
  console.log(
    `per row: median ${median(perRow).toFixed(3)} ms, max ${Math.max(...perRow).toFixed(3)} ms, mean ${(perRow.reduce((a, b) => a + b, 0) / INDICATORS).toFixed(3)} ms` +
      `  (${TOWNS} towns; proportional ${problem.filter((r) => r.method === "proportional").length} rows, equal ${problem.filter((r) => r.method === "equal").length})`,
  );
  if (failures.length === 0) {
    console.log(
      `totals: OK (all ${INDICATORS} rows × ${RUNS + 1} runs exact; held towns kept; floors and caps met)`,
    );
  } else {
    failures = [...new Set(failures)];
    console.log(`totals: FAIL (${failures.length} problems)`);
    for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
