// What the benchmarks share: a deterministic PRNG (every machine measures the same data), the median, and
// bundling the current src/ API with esbuild so the figures are always those of the code as it is now.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DATA = path.join(ROOT, "bench", "data");

/** mulberry32: a small, fast, seeded PRNG giving numbers in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Bundles `exportLines` (e.g. 'export { allocate } from "./src/core/allocate/allocate";') and imports the result. */
export async function importApi(exportLines, outfile, options = {}) {
  await build({
    ...options,
    stdin: { contents: exportLines.join("\n"), resolveDir: ROOT, sourcefile: "bench-entry.ts", loader: "ts" },
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}

/**
 * Runs node with `args` under GNU time (/usr/bin/time): seconds, peak RSS in MB, exit code (or signal) and the
 * last line of stderr, without the "target-breakdown: " prefix and with `dir`'s path taken out of it.
 */
export function measureNode(args, dir) {
  const r = spawnSync("/usr/bin/time", ["-f", "@@%e %M", process.execPath, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"], // stdout is made and thrown away: its cost counts
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = /@@([\d.]+) (\d+)\s*$/.exec(r.stderr ?? "");
  const lines = (r.stderr ?? "")
    .replace(/@@.*$/s, "")
    .replace(/^Command exited with non-zero status \d+$/m, "")
    .trim()
    .split("\n");
  return {
    seconds: m ? Number(m[1]) : NaN,
    mb: m ? Math.round(Number(m[2]) / 1024) : NaN,
    code: r.signal ? r.signal : r.status,
    said: (lines[lines.length - 1] ?? "").replace(/^target-breakdown: /, "").replaceAll(dir + path.sep, ""),
  };
}
