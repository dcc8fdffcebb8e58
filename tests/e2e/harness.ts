// The shared harness of the end-to-end tests: the built workbench served like `npm start` serves it, one
// Chromium (Debian's /usr/bin/chromium via playwright-core), pages that record errors and any request leaving
// the server. Each test file calls useWorkbench() once.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { ROOT } from "../helpers/seeds";

export const CHROMIUM = "/usr/bin/chromium";
export const SHOTS = process.env.SCREENSHOT_DIR ?? join(ROOT, "out", "e2e");
export const tid = (id: string) => `[data-testid="${id}"]`;

let browser: Browser;
let server: { workbenchUrl: string; close: () => Promise<void> };

/** Starts the server and Chromium before the file's tests and stops them after. */
export function useWorkbench() {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, "dist", "workbench.html")))
      throw new Error("dist/workbench.html is missing: run `npm run build:test` first");
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
    mkdirSync(SHOTS, { recursive: true });
    const { startServer } = await import(join(ROOT, "scripts", "serve.mjs"));
    server = await startServer({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** The base URL of the served dist/ (ends with "/"). */
export const serverBase = () => server.workbenchUrl.replace(/workbench\.html$/, "");

export async function openWorkbench(width = 1280, height = 800, query = ""): Promise<Page> {
  const page = await newPage(width, height);
  await page.goto(server.workbenchUrl + query);
  await page.waitForSelector(tid(TID.writeSheets), { timeout: 20_000 });
  return page;
}

/** A page that records errors and requests leaving the server (problemsOf), before it opens anything. */
export async function newPage(width = 1280, height = 800): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(server.workbenchUrl.replace(/workbench\.html$/, "")))
      problems.push(`outside request: ${r.url()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

export const problemsOf = (page: Page) => (page as Page & { problems: string[] }).problems;
