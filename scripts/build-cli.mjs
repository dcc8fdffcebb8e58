// Bundles the CLI into one file so `target-breakdown check` starts fast (no module resolution at run time).
// ExcelJS stays external: only `load -o` needs it, and it is required lazily there. So does SheetJS
// (@e965/xlsx, a dependency: ~1 MB with its code pages): only a legacy .xls/.et needs it, imported at run time;
// bundled, it made every start slower (`check` of an .xlsx: about 160 → 200 ms on the 2-core machine). The
// `docx` package (~1 MB, for `progress --report` only) is imported at run time too.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs", "@e965/xlsx", "docx"],
  sourcemap: "linked",
  logLevel: "warning",
});
