// Bundles the CLI into one file so `target-breakdown check` starts fast (no module resolution at run time).
// ExcelJS stays external: only `load -o` needs it, and it is required lazily there.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs"],
  sourcemap: "linked",
  logLevel: "warning",
});
