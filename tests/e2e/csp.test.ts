// Every built page under its Content-Security-Policy in Chromium: a `securitypolicyviolation` listener registered
// before any page script (addInitScript), and console messages about the policy, must stay empty while the pages
// load and do their main work. taskpane.html and commands.html load office.js from Microsoft's CDN in the
// production build: those requests are answered from node_modules/@microsoft/office-js/dist, so the real office.js
// runs under the real policy without the network (and the telemetry proxy it frames after 3 s gets an empty page).
import { existsSync, readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { ROOT } from "../helpers/seeds";
import { newPage, problemsOf, serverBase, tid, useWorkbench } from "./harness";

useWorkbench();

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** office.js's logging proxy, framed by office.js outside Office: answered with an empty page, never the network. */
const TELEMETRY_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com/";
const OFFICE_JS = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

/** office.js does some of its loading on timers (its logger frames a telemetry proxy after 3 s): wait them out. */
const OFFICE_TIMERS = 4_000;

type Watched = Page & { violations: () => Promise<string[]> };

/** A page that records CSP violations from its first script on, with office.js's CDN served locally. */
async function watchedPage(width = 1280, height = 800): Promise<Watched> {
  const page = (await newPage(width, height)) as Watched;
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) =>
        w.__csp.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      true,
    );
  });
  const messages: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) messages.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.route(`${CDN}**`, (route) => {
    const rel = new URL(route.request().url()).pathname.slice(new URL(CDN).pathname.length);
    const file = resolve(OFFICE_JS, rel);
    if (!file.startsWith(OFFICE_JS + sep) || !existsSync(file))
      return route.fulfill({ status: 404, body: "" });
    return route.fulfill({
      status: 200,
      contentType: "text/javascript; charset=utf-8",
      body: readFileSync(file),
    });
  });
  await page.route(`${TELEMETRY_FRAME}**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>proxy</title>" }),
  );
  page.violations = async () => [
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
    ...messages,
  ];
  return page;
}

/** The page's problems other than its (locally answered) office.js and telemetry-frame requests. */
const otherProblems = (page: Page) =>
  problemsOf(page).filter(
    (p) => !p.startsWith(`outside request: ${CDN}`) && !p.startsWith(`outside request: ${TELEMETRY_FRAME}`),
  );

const policyOf = (page: Page) =>
  page.evaluate(() =>
    document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"),
  );

describe("Content-Security-Policy in Chromium: no violation on any page", () => {
  it("workbench.html: load the 平湖 plan, write the sheets, check, mark cells, download the .xlsx", async () => {
    const page = await watchedPage();
    await page.goto(`${serverBase()}workbench.html`);
    expect(await policyOf(page)).toMatch(/^default-src 'self'; script-src 'self';/);
    await expect
      .poll(() => page.textContent(tid(TID.previewCounts)), { timeout: 20_000 })
      .toContain("17 指标");
    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.message));
    await page.click(tid(TID.nav("check")));
    await page.click(tid(TID.runCheck));
    await page.waitForSelector(tid(TID.checkSummary));
    await page.click(tid(TID.markCells));
    await page.waitForSelector(tid(TID.clearMarks));
    // ExcelJS, a lazy chunk, writes the workbook.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="download-xlsx"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await page.violations()).toEqual([]);
    expect(otherProblems(page)).toEqual([]);

    // The listener works, and the policy blocks inline script: an injected one is refused and reported.
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.head.append(s);
    });
    expect(
      await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
    ).toBeUndefined();
    await expect
      .poll(() => page.violations())
      .toContainEqual(expect.stringMatching(/^script-src-elem blocked inline/));
    await page.close();
  });

  it("taskpane.html (production: office.js from the CDN): the pane renders, pages switch, the language switches", async () => {
    const page = await watchedPage(350, 800);
    await page.goto(`${serverBase()}taskpane.html?page=load`);
    expect(await policyOf(page)).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe(
      "object",
    );
    await expect
      .poll(() => page.textContent(tid(TID.previewCounts)), { timeout: 20_000 })
      .toContain("17 指标");
    await page.click(tid(TID.nav("allocate")));
    await page.click(tid(TID.nav("check")));
    await page.waitForSelector(tid(TID.runCheck));
    await page.click(tid(TID.language));
    await page.click(tid(TID.nav("progress")));
    await page.waitForTimeout(OFFICE_TIMERS);
    expect(await page.violations()).toEqual([]);
    expect(otherProblems(page)).toEqual([]);
    await page.close();
  });

  it.each(["commands.html", "support.html"])("%s loads without a violation", async (name) => {
    const page = await watchedPage(800, 600);
    await page.goto(`${serverBase()}${name}`);
    await page.waitForLoadState("load");
    await page.waitForTimeout(name === "commands.html" ? OFFICE_TIMERS : 300);
    expect(await policyOf(page)).toMatch(/default-src/);
    expect(await page.violations()).toEqual([]);
    expect(otherProblems(page)).toEqual([]);
    await page.close();
  });
});
