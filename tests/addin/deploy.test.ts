// The production build's origin (webpack --mode production --env origin=…), the manifest it writes, the icons the
// store requires, the pages' Content-Security-Policy, and the dev servers: loopback only, no wildcard CORS.
// `npm test` builds dist/ with TEST_ORIGIN (npm run build:test) before vitest runs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkManifest,
  manifestUrls,
  parseXml,
  TEST_ORIGIN,
  type XmlElement,
} from "../../scripts/manifest.mjs";
import { ROOT } from "../helpers/seeds";

const dist = join(ROOT, "dist");
const distManifest = join(dist, "manifest.xml");
const built = existsSync(distManifest) && existsSync(join(dist, "taskpane.html"));
const WEBPACK = join(ROOT, "node_modules", "webpack", "bin", "webpack.js");

/** Runs webpack with the project's config into a scratch directory (never dist/), without TB_ORIGIN. */
function webpack(args: string[], env: Record<string, string> = {}) {
  const out = mkdtempSync(join(tmpdir(), "tb-webpack-"));
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!("TB_ORIGIN" in env)) delete environment.TB_ORIGIN;
  try {
    const r = spawnSync(process.execPath, [WEBPACK, ...args, "--output-path", out], {
      cwd: ROOT,
      encoding: "utf8",
      env: environment,
      timeout: 120_000,
    });
    return { code: r.status, output: `${r.stdout}\n${r.stderr}` };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const head = readFileSync(file).subarray(0, 24);
  expect(head.subarray(0, 8).toString("hex"), `${file} is a PNG`).toBe("89504e470d0a1a0a");
  expect(head.subarray(12, 16).toString("latin1"), `${file} starts with IHDR`).toBe("IHDR");
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

function find(el: XmlElement, local: string): XmlElement[] {
  return [...(el.local === local ? [el] : []), ...el.children.flatMap((c) => find(c, local))];
}

describe("a production build needs its origin", () => {
  it("fails without one, naming the option", () => {
    const r = webpack(["--mode", "production"]);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("The production build needs the add-in's origin");
    expect(r.output).toContain("--env origin=https://");
    expect(r.output).toContain("TB_ORIGIN");
  });

  it("fails on an http origin, before building anything", () => {
    const r = webpack(["--mode", "production", "--env", "origin=http://example.test/addin/"]);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/origin http:\/\/example\.test\/addin\/ must use https/);
    const env = webpack(["--mode", "production"], { TB_ORIGIN: "https://www.contoso.com/" });
    expect(env.output).toMatch(/placeholder/);
  });
});

describe.runIf(built)(
  `dist/manifest.xml, built with --env origin=${TEST_ORIGIN} (npm run build:test)`,
  () => {
    const xml = built ? readFileSync(distManifest, "utf8") : "";
    const root = built ? parseXml(xml) : undefined!;
    const sourceLocation = built ? find(root, "SourceLocation")[0]?.attrs.DefaultValue : "";

    it("was built for the test origin", () => {
      expect(
        sourceLocation,
        `dist/ was built for another origin; npm test builds with ${TEST_ORIGIN} (npm run build:test)`,
      ).toBe(`${TEST_ORIGIN}taskpane.html`);
    });

    it("gives every URL under that origin, https only, no localhost, no contoso", () => {
      const urls = manifestUrls(root);
      expect(urls.length).toBe(2 + 1 + 1 + 1 + 3 + 6 * 3 + 1 + 6 + 1); // icons, SupportUrl, AppDomain, SourceLocation, …
      for (const { url, where, domain } of urls) {
        if (domain) expect(url, where).toBe("https://example.test");
        else expect(url.startsWith(TEST_ORIGIN), `${where}: ${url}`).toBe(true);
        expect(new URL(url).protocol, where).toBe("https:");
      }
      // Also as plain text: no other URL is left anywhere outside the namespace declarations.
      const others = [...xml.matchAll(/https?:\/\/[^"'<\s]+/g)]
        .map((m) => m[0])
        .filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u))
        .filter((u) => !u.startsWith(TEST_ORIGIN) && u !== "https://example.test");
      expect(others).toEqual([]);
      expect(xml).not.toMatch(/localhost|contoso/i);
      expect(checkManifest(xml, { origin: TEST_ORIGIN })).toEqual([]);
    });

    it("has a SupportUrl, a page that is built", () => {
      const support = find(root, "SupportUrl")[0]?.attrs.DefaultValue;
      expect(support).toBe(`${TEST_ORIGIN}support.html`);
      expect(existsSync(join(dist, "support.html"))).toBe(true);
    });

    it("points at icons of the sizes the store requires: IconUrl 32, HighResolutionIconUrl 64, ribbon 16/32/80", () => {
      const file = (url: string) => join(dist, url.slice(TEST_ORIGIN.length));
      expect(pngSize(file(find(root, "IconUrl")[0].attrs.DefaultValue))).toEqual({ width: 32, height: 32 });
      expect(pngSize(file(find(root, "HighResolutionIconUrl")[0].attrs.DefaultValue))).toEqual({
        width: 64,
        height: 64,
      });
      const images = new Map(
        find(root, "Images")
          .flatMap((list) => list.children)
          .map((img) => [img.attrs.id, img.attrs.DefaultValue]),
      );
      const icons = find(root, "Icon");
      expect(icons.length).toBe(1 + 6); // the group and six buttons
      for (const icon of icons) {
        expect(icon.children.map((img) => img.attrs.size)).toEqual(["16", "32", "80"]);
        for (const img of icon.children) {
          const size = Number(img.attrs.size);
          expect(pngSize(file(images.get(img.attrs.resid)!)), img.attrs.resid).toEqual({
            width: size,
            height: size,
          });
        }
      }
      // The files in assets/ themselves: what the build copies.
      expect(pngSize(join(ROOT, "assets", "icon-32.png")).width).toBe(32);
      expect(pngSize(join(ROOT, "assets", "icon-64.png")).width).toBe(64);
    });
  },
);

describe.runIf(built)("the pages' Content-Security-Policy (dist/)", () => {
  const policy = (page: string) => {
    const html = readFileSync(join(dist, page), "utf8");
    const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html);
    expect(m, `${page} has a CSP <meta>`).toBeTruthy();
    // Before any script.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(
      Math.max(html.indexOf("<script"), 0) || Infinity,
    );
    return Object.fromEntries(
      m![1].split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(" ")];
      }),
    );
  };
  const noInlineScript = (page: string) =>
    expect(readFileSync(join(dist, page), "utf8")).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

  it.each(["taskpane.html", "commands.html"])("%s: scripts from itself and office.js's CDN only", (page) => {
    const csp = policy(page);
    expect(csp["default-src"]).toBe("'self'");
    expect(csp["script-src"]).toBe("'self' https://appsforoffice.microsoft.com");
    expect(csp["style-src"]).toBe("'self' 'unsafe-inline'");
    expect(csp["img-src"]).toBe("'self' data:");
    expect(csp["connect-src"]).toBe(
      "'self' https://appsforoffice.microsoft.com https://*.pipe.aria.microsoft.com",
    );
    expect(csp["frame-src"]).toBe("'self' https://telemetryservice.firstpartyapps.oaspapps.com");
    expect(csp["object-src"]).toBe("'none'");
    expect(csp).not.toHaveProperty("frame-ancestors"); // ignored in a <meta>; Office frames the pane on the web
    noInlineScript(page);
  });

  it("workbench.html: scripts from itself only (no office.js)", () => {
    const csp = policy("workbench.html");
    expect(csp["script-src"]).toBe("'self'");
    expect(csp["connect-src"]).toBe("'self'");
    expect(csp).not.toHaveProperty("frame-src"); // default-src 'self'
    noInlineScript("workbench.html");
  });

  it("support.html: no script at all", () => {
    const csp = policy("support.html");
    expect(csp["default-src"]).toBe("'none'");
    expect(readFileSync(join(dist, "support.html"), "utf8")).not.toMatch(/<script/);
  });
});

describe("development: the local build and the dev servers", () => {
  const require = createRequire(import.meta.url);

  it("webpack serve listens on 127.0.0.1 and sends no CORS header; the dev pages load office.js from themselves", async () => {
    const makeConfig = require(join(ROOT, "webpack.config.js"));
    // WEBPACK_BUILD: no dev certificates are made.
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "development" });
    expect(config.devServer.host).toBe("127.0.0.1");
    expect(JSON.stringify(config.devServer.headers ?? {})).not.toMatch(/Access-Control/i);
    const pages = Object.fromEntries(
      config.plugins
        .filter((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename?.endsWith(".html"))
        .map((p: { userOptions: { filename: string; templateParameters: Record<string, string> } }) => [
          p.userOptions.filename,
          p.userOptions.templateParameters,
        ]),
    );
    expect(Object.keys(pages).sort()).toEqual([
      "commands.html",
      "support.html",
      "taskpane.html",
      "workbench.html",
    ]);
    for (const page of ["taskpane.html", "commands.html"]) {
      expect(pages[page].officeJs).toBe("/office-js/office.js"); // same origin, so 'self' covers it
      expect(pages[page].csp).toMatch(/script-src 'self';/);
      expect(pages[page].csp).not.toContain("appsforoffice");
    }
  });

  it("the server of npm start and npm run serve: 127.0.0.1, no Access-Control-Allow-Origin", async () => {
    const { startServer } = await import(join(ROOT, "scripts", "serve.mjs"));
    const root = mkdtempSync(join(tmpdir(), "tb-serve-"));
    writeFileSync(join(root, "workbench.html"), "<!doctype html><title>x</title>");
    // As scripts/start.mjs starts it, but on a free port.
    const served = await startServer({ root, port: 0 });
    try {
      expect((served.server.address() as AddressInfo).address).toBe("127.0.0.1");
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      for (const path of ["workbench.html", "office-js/office.js", "missing.html"]) {
        const res = await fetch(served.url + path, { headers: { Origin: "https://evil.example" } });
        expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
      }
      const ok = await fetch(served.workbenchUrl);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await served.close();
      rmSync(root, { recursive: true, force: true });
    }
    // npm start passes 127.0.0.1 explicitly.
    expect(readFileSync(join(ROOT, "scripts", "start.mjs"), "utf8")).toMatch(
      /startServer\(\{[^}]*host: "127\.0\.0\.1"/,
    );
  });
});
