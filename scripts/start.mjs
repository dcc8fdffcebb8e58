// `npm start`: runs the add-in.
// - Windows and macOS, where Excel desktop may be installed: sideloads the add-in into Excel like Microsoft's
//   template does, with `npx --yes office-addin-debugging start manifest.xml desktop` (it starts `npm run
//   dev-server`, webpack serve on https://localhost:3000, itself). office-addin-debugging is fetched by npx on
//   demand rather than installed: it depends on keytar, whose native build fails on machines without its
//   toolchain. `npm run stop` unregisters the add-in again.
// - Elsewhere (Linux, no Excel), or with `--workbench`: builds the add-in in development mode into dist/ and serves
//   it with scripts/serve.mjs, printing the workbench URL (the add-in's UI in a plain browser, no Excel needed),
//   until Ctrl+C. Port: PORT or 3000, or a free one when that is busy.
// `npm run start:web -- --document <url>` (= `node scripts/start.mjs web …`): sideloads into Excel on the web,
// in the workbook at <url>, with `npx --yes office-addin-debugging start manifest.xml web --document <url>`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { announce, DIST, portOption, startServer } from "./serve.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);

/** Runs `npx --yes …` in the project, printing the command; returns its exit code. */
function npx(args) {
  const full = ["--yes", ...args];
  console.log(`> npx ${full.join(" ")}`);
  const options = { cwd: ROOT, stdio: "inherit" };
  // Under npm, run npm's own npx next to npm_execpath: no shell, so arguments such as a --document URL with
  // `&` in it pass through unchanged on Windows too.
  const npxCli = process.env.npm_execpath && path.join(path.dirname(process.env.npm_execpath), "npx-cli.js");
  const result =
    npxCli && existsSync(npxCli)
      ? spawnSync(process.execPath, [npxCli, ...full], options)
      : process.platform === "win32"
        ? spawnSync("npx", full.map(quoteForCmd), { ...options, shell: true })
        : spawnSync("npx", full, options);
  if (result.error) console.error(`npx: ${result.error.message}`);
  return result.status ?? 1;
}

function quoteForCmd(arg) {
  return /[\s"&|<>^()%!]/.test(arg) ? `"${arg.replace(/"/g, '""')}"` : arg;
}

async function serveWorkbench() {
  console.log("正在构建加载项 (webpack --mode development) …");
  const started = Date.now();
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const build = spawnSync(
    process.execPath,
    [webpack, "--mode", "development", "--stats", "errors-warnings"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  if (build.status !== 0) {
    console.error("构建失败 (build failed)。");
    process.exit(build.status ?? 1);
  }
  console.log(`构建完成 (${((Date.now() - started) / 1000).toFixed(1)} s): ${DIST}`);
  announce(await startServer({ root: DIST, port: portOption(argv), host: "127.0.0.1" }));
}

if (argv[0] === "web") {
  process.exit(npx(["office-addin-debugging", "start", "manifest.xml", "web", ...argv.slice(1)]));
} else if ((process.platform === "win32" || process.platform === "darwin") && !argv.includes("--workbench")) {
  process.exit(npx(["office-addin-debugging", "start", "manifest.xml", "desktop"]));
} else {
  await serveWorkbench();
}
