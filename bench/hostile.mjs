// Time and peak memory of every hostile file (bench/hostileFiles.mjs) through the CLI (dist/cli.cjs: `check` for
// workbooks, `load --json` for documents and text) and through the browser reader (the task pane's code, run
// in Node's web streams), each in a process of its own. Target: every case under 10 s and 500 MB.
//   node bench/hostile.mjs [case-name…]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HOSTILE_CASES } from "./hostileFiles.mjs";
import { importApi, ROOT, measureNode } from "./lib.mjs";

const only = process.argv.slice(2);
const cases = HOSTILE_CASES.filter((c) => only.length === 0 || only.includes(c.name));
const dir = mkdtempSync(path.join(tmpdir(), "hostile-bench-"));
const readerBundle = path.join(dir, "reader.mjs");
await importApi(
  [
    'export { readXlsxInBrowser } from "./src/xlsx/readXlsxBrowser";',
    'export { readDocx } from "./src/core/docx/readDocx";',
    'export { planFromTextBytes } from "./src/core/parse/planDocument";',
  ],
  readerBundle,
);
const READER = `
const api = await import(${JSON.stringify(readerBundle)});
const fs = await import("node:fs");
const [file, kind] = process.argv.slice(1);
const bytes = new Uint8Array(fs.readFileSync(file));
let outcome = "read";
try {
  if (kind === "xlsx") await api.readXlsxInBrowser(bytes, file);
  else if (kind === "docx") await api.readDocx(bytes, file);
  else api.planFromTextBytes(bytes);
} catch (e) { outcome = e.message; }
process.stderr.write(outcome.replace(file + ": ", "") + "\\n");
`;

const measured = (args) => {
  const m = measureNode(args, dir);
  return { ...m, said: m.said.slice(0, 80) };
};

const cli = path.join(ROOT, "dist", "cli.cjs");
const rows = [];
let worst = { seconds: 0, mb: 0 };
for (const c of cases) {
  const file = path.join(dir, `${c.name}.${c.kind}`);
  writeFileSync(file, c.build());
  const viaCli = measured(c.kind === "xlsx" ? [cli, "check", file] : [cli, "load", file, "--json"]);
  const viaReader = measured(["--input-type=module", "-e", READER, file, c.kind]);
  for (const m of [viaCli, viaReader]) {
    worst = { seconds: Math.max(worst.seconds, m.seconds), mb: Math.max(worst.mb, m.mb) };
  }
  rows.push({ c, viaCli, viaReader });
  console.log(
    `${c.name.padEnd(22)} CLI ${viaCli.seconds.toFixed(2).padStart(5)} s ${String(viaCli.mb).padStart(4)} MB` +
      ` | reader ${viaReader.seconds.toFixed(2).padStart(5)} s ${String(viaReader.mb).padStart(4)} MB | ${viaCli.said}`,
  );
}
rmSync(dir, { recursive: true, force: true });
const over = rows.filter((r) =>
  [r.viaCli, r.viaReader].some((m) => !(m.seconds < 10) || !(m.mb < 500) || m.said.includes("内部错误")),
);
console.log(
  `\n${rows.length} cases; slowest ${worst.seconds.toFixed(2)} s, largest ${worst.mb} MB peak RSS; ` +
    `${over.length} over 10 s / 500 MB or 内部错误${over.length ? ": " + over.map((r) => r.c.name).join(", ") : ""}`,
);
process.exitCode = over.length ? 1 : 0;
