// Checks the production add-in build that `npm test` runs (`npm run build:test`) before vitest.
import { describe, it, expect } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const dist = join(resolve(__dirname, "..", ".."), "dist");
const built = existsSync(join(dist, "taskpane.html"));

function read(name: string): string {
  return readFileSync(join(dist, name), "utf8");
}

describe("production add-in build (dist/)", () => {
  it("exists", () => {
    expect(built, "dist/taskpane.html is missing: run `npm run build:test` first").toBe(true);
  });

  it.runIf(built)("loads office.js from the Microsoft CDN", () => {
    // The production HTML is minified, so attribute quotes are optional.
    const cdn =
      /<script[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js["' >]/;
    const html = read("taskpane.html");
    expect(html).toMatch(cdn);
    expect(html).not.toContain("/office-js/office.js");
    expect(html).toMatch(/<script[^>]*\bsrc=["']?taskpane\.[0-9a-f]{8}\.js/);
    expect(read("commands.html")).toMatch(cdn);
  });

  it.runIf(built)("builds the workbench page without office.js", () => {
    const html = read("workbench.html");
    expect(html).toMatch(/<script[^>]*\bsrc=["']?workbench\.[0-9a-f]{8}\.js/);
    expect(html).not.toMatch(/office\.js/);
  });

  it.runIf(built)("names the JavaScript files by content hash, so they can be cached", () => {
    const js = readdirSync(dist).filter((f) => f.endsWith(".js"));
    expect(js.length).toBeGreaterThan(0);
    for (const f of js) expect(f, f).toMatch(/^[\w-]+\.[0-9a-f]{8}\.js$/);
  });

  it.runIf(built)("rewrites the dev URL in the manifest", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("https://localhost:3000/");
    expect(manifest).toContain("/taskpane.html?page=load");
  });

  it.runIf(built)("copies the icons", () => {
    for (const size of [16, 32, 64, 80, 128])
      expect(existsSync(join(dist, "assets", `icon-${size}.png`))).toBe(true);
    const pages = ["load", "allocate", "check", "submissions", "assign"];
    for (const icon of pages.flatMap((page) => [16, 32, 80].map((size) => `btn-${page}-${size}.png`)))
      expect(existsSync(join(dist, "assets", icon)), icon).toBe(true);
  });

  it.runIf(built)(
    "keeps the CLI bundle that scripts/build-cli.mjs wrote before webpack cleaned dist/",
    () => {
      expect(existsSync(join(dist, "cli.cjs"))).toBe(true);
      expect(existsSync(join(dist, "cli.cjs.map"))).toBe(true);
    },
  );
});
