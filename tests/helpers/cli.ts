// Runs the CLI as users do: the bundled bin in a child process.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./seeds";

const BIN = join(ROOT, "bin", "target-breakdown.cjs");

/** Builds dist/cli.cjs once if `npm run build` has not (e.g. when running one test file by hand). */
export function ensureCliBuilt(): void {
  if (existsSync(join(ROOT, "dist", "cli.cjs"))) return;
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`build-cli failed: ${r.stderr}`);
}

export function runCli(args: string[], cwd = ROOT) {
  ensureCliBuilt();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
