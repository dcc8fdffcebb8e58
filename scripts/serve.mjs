// A tiny static HTTP server for the built add-in (dist/), with no dependencies.
//
//   npm run serve                     serves an existing dist/ (npm run build:dev or npm run build first)
//   node scripts/serve.mjs [--root DIR] [--port N] [--host H]
//
// - 127.0.0.1 by default, port from --port, the PORT environment variable or 3000; when that port is busy it
//   falls back to a free one (the URLs printed are always the real ones);
// - `/`, `/index` and `/index.html` redirect to /workbench.html, the add-in's UI without Excel;
// - /office-js/* is node_modules/@microsoft/office-js/dist, where development builds of taskpane.html and
//   commands.html load office.js from (production builds use Microsoft's CDN);
// - GET and HEAD only, files only (no directory listing), nothing outside the root (also through symlinks),
//   `Cache-Control: no-cache` so a rebuilt dist/ is picked up on reload; no CORS header (same-origin pages).
//
// End-to-end tests start the same server in-process: `const { url, close } = await startServer({ port: 0 })`.
import { createServer } from "node:http";
import { createReadStream, existsSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = path.join(ROOT, "dist");
export const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The Content-Type for a file name (application/octet-stream when unknown). */
export function contentType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

const INDEX = new Set(["/", "/index", "/index.html"]);

function send(res, status, text, headers = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(`${status} ${text}\n`);
}

/** `file` is `base` or inside it (both absolute and normalised). */
function isInside(base, file) {
  const rel = path.relative(base, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

async function handle(req, res, bases) {
  if (req.method !== "GET" && req.method !== "HEAD")
    return send(res, 405, "Method Not Allowed", { Allow: "GET, HEAD" });

  let pathname;
  try {
    // The URL parser already drops `.` and `..` segments; decoding can bring back `/` and `..` (%2F, %2e).
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    return send(res, 400, "Bad Request");
  }
  if (pathname.includes("\0") || pathname.includes("\\")) return send(res, 400, "Bad Request");
  if (INDEX.has(pathname)) {
    res.writeHead(302, { Location: "/workbench.html", "Content-Length": 0 });
    return res.end();
  }

  const officeJs = pathname.startsWith("/office-js/");
  const base = officeJs ? bases.officeJs : bases.root;
  const file = path.join(base, officeJs ? pathname.slice("/office-js".length) : pathname);
  if (!isInside(base, file)) return send(res, 403, "Forbidden");

  let real, info;
  try {
    real = await realpath(file);
    info = await stat(real);
  } catch {
    return send(res, 404, "Not Found");
  }
  // No directory listing; and a symlink must not lead out of the root.
  if (!info.isFile()) return send(res, 404, "Not Found");
  if (!isInside(await realpath(base), real)) return send(res, 403, "Forbidden");

  const lastModified = info.mtime.toUTCString();
  const headers = {
    "Content-Type": contentType(real),
    "Cache-Control": "no-cache",
    "Last-Modified": lastModified,
    "X-Content-Type-Options": "nosniff",
    // No Access-Control-Allow-Origin: the pages, their chunks and /office-js/ are same-origin, and no other site
    // has any business reading the add-in's files through a visitor's browser.
  };
  const since = Date.parse(req.headers["if-modified-since"] ?? "");
  if (!Number.isNaN(since) && Math.floor(info.mtimeMs / 1000) * 1000 <= since) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, { ...headers, "Content-Length": info.size });
  if (req.method === "HEAD") return res.end();
  createReadStream(real)
    .on("error", () => res.destroy())
    .pipe(res);
}

/**
 * Starts the server. `port` 0 picks a free port; a busy `port` falls back to a free one unless `fallback` is
 * false. Resolves once listening, with `url` (ending in "/"), the URLs of the two pages, and `close()`.
 */
export async function startServer({
  root = DIST,
  port = 3000,
  host = "127.0.0.1",
  officeJs = OFFICE_JS,
  fallback = true,
} = {}) {
  const bases = { root: path.resolve(root), officeJs: path.resolve(officeJs) };
  const server = createServer((req, res) => {
    handle(req, res, bases).catch((err) => {
      console.error(`[serve] ${req.method} ${req.url}: ${err.message}`);
      if (res.headersSent) res.destroy();
      else send(res, 500, "Internal Server Error");
    });
  });

  const listen = (p) =>
    new Promise((resolve, reject) => {
      const onError = (err) => {
        server.off("listening", onListening);
        reject(err);
      };
      const onListening = () => {
        server.off("error", onError);
        resolve();
      };
      server.once("error", onError);
      server.once("listening", onListening);
      server.listen(p, host);
    });

  try {
    await listen(port);
  } catch (err) {
    if (err.code !== "EADDRINUSE" || !fallback || port === 0) throw err;
    await listen(0);
  }

  const actual = server.address().port;
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${shown}:${actual}/`;
  return {
    url,
    port: actual,
    workbenchUrl: `${url}workbench.html`,
    taskpaneUrl: `${url}taskpane.html`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Prints where the add-in is served, and stops the server on Ctrl+C (SIGINT) or SIGTERM. */
export function announce(served) {
  console.log("");
  console.log(`目标分解助手 工作台: ${served.workbenchUrl}`);
  console.log(`任务窗格 (task pane): ${served.taskpaneUrl}`);
  console.log("按 Ctrl+C 停止 (Ctrl+C to stop).");
  const stop = () => served.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** --name value or --name=value from argv. */
export function option(argv, name) {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].slice(argv[i].indexOf("=") + 1) : argv[i + 1];
}

/** The port from --port, PORT or 3000. */
export function portOption(argv) {
  const value = option(argv, "port") ?? process.env.PORT ?? "3000";
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${value}`);
  return port;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  const root = path.resolve(option(argv, "root") ?? DIST);
  if (!existsSync(path.join(root, "workbench.html"))) {
    console.error(
      `${root} 中没有 workbench.html:请先构建 (npm run build:dev 或 npm run build),或直接运行 npm start。`,
    );
    process.exit(1);
  }
  try {
    announce(await startServer({ root, port: portOption(argv), host: option(argv, "host") ?? "127.0.0.1" }));
  } catch (err) {
    console.error(`无法启动服务器: ${err.message}`);
    process.exit(1);
  }
}
