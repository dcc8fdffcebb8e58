// What the benchmarks share: a deterministic PRNG (every machine measures the same data), the median, and
// bundling the current src/ API with esbuild so the figures are always those of the code as it is now.
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
