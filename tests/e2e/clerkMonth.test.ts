// The clerk's working day in Chromium: work is never lost on a page switch, a second write asks before it adds
// or replaces sheets, and every page passes axe-core (no serious or critical violation) in both languages, in a
// 350 px pane and a wide one.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PAGES } from "../../src/taskpane/App";
import { TID } from "../../src/taskpane/testIds";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

const tabs = (page: Page) => page.locator('[data-testid="sheet-tab"]').allTextContents();

describe("work is never lost", () => {
  it("keeps the 正文目标 review across page switches, and says when 正文目标 is left out", async () => {
    const page = await openWorkbench();
    // 平湖 (001): tables and 45 prose targets, none accepted yet.
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("45 正文目标");
    await page.click(tid(TID.writeSheets));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("未写入 正文目标");
    expect(await tabs(page)).not.toContain("正文目标");

    await page.click(tid(TID.proseTab));
    await page.click(tid(TID.proseAccept(0)));
    await page.click(tid(TID.proseReject(1)));
    await page.fill(tid(TID.proseValue(2)), "123");
    const statuses = async () =>
      Promise.all([0, 1, 2, 3].map((i) => page.getAttribute(tid(TID.proseRow(i)), "data-status")));
    expect(await statuses()).toEqual(["accepted", "rejected", "accepted", "pending"]);

    // Away to 分解目标 and 校验, and back: the review, the tab and the typed value are as they were.
    await page.click(tid(TID.nav("allocate")));
    await page.waitForSelector(tid(TID.allocRows));
    await page.click(tid(TID.nav("check")));
    await page.click(tid(TID.nav("load")));
    expect(await statuses()).toEqual(["accepted", "rejected", "accepted", "pending"]);
    expect(await page.inputValue(tid(TID.proseValue(2)))).toBe("123");

    // Writing again asks about the sheets written before; keeping both adds 正文目标 and the "(2)" copies.
    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.conflicts));
    await page.click(tid(TID.confirmWrite));
    await expect.poll(() => tabs(page)).toContain("正文目标");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("a second 生成工作表 asks first: cancel adds nothing, replace adds nothing new, keep both adds copies", async () => {
    const page = await openWorkbench();
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("17 指标");
    await page.click(tid(TID.nav("assign")));
    await page.click(tid(TID.assignWrite));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已写入");
    const first = await tabs(page);
    const written = first.filter((t) => t !== "Sheet1");
    expect(written.length).toBeGreaterThan(5);

    await page.click(tid(TID.assignWrite));
    await page.waitForSelector(tid(TID.conflicts));
    await page.screenshot({ path: join(SHOTS, "ask-before-write.png") });
    expect(await page.locator(`${tid(TID.conflicts)} select`).count()).toBe(written.length);
    await page.click(tid(TID.cancelWrite));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已取消");
    expect(await tabs(page)).toEqual(first);

    // Replace one, keep the others: only copies of the others appear.
    await page.click(tid(TID.assignWrite));
    await page.waitForSelector(tid(TID.conflicts));
    await page.selectOption(tid(TID.conflictChoice(written[0])), "replace");
    await page.click(tid(TID.confirmWrite));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("已替换");
    const after = await tabs(page);
    expect(after).toHaveLength(first.length + written.length - 1);
    expect(after).not.toContain(`${written[0]} (2)`);
    expect(after).toContain(`${written[1]} (2)`);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core over the task pane only (the workbench's grid is not the add-in). */
async function audit(page: Page): Promise<string[]> {
  // Evaluated by the test driver, not added as an inline <script>, which the page's CSP refuses (as it should).
  await page.evaluate(readFileSync(AXE, "utf8"));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: object, o: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    // Tabster's focus sentinels (Fluent's arrow-key groups) are aria-hidden and focusable by design: they pass
    // focus on at once and must stay hidden from screen readers (microsoft/tabster#288, fluentui#27517).
    const context = { include: [['[data-testid="workbench-pane"]']], exclude: [["[data-tabster-dummy]"]] };
    return (await axe.run(context, { resultTypes: ["violations"] })).violations;
  });
  return violations
    .filter((v: AxeViolation) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v: AxeViolation) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}

describe("accessibility (axe-core)", () => {
  for (const [width, paneWidth] of [
    [1280, 800],
    [350, 350],
  ])
    for (const lang of ["zh", "en"])
      it(`every page at ${paneWidth} px, ${lang}: no serious or critical violation`, async () => {
        const page = await openWorkbench(width, 800, `?paneWidth=${paneWidth}`);
        if (lang === "en") await page.click(tid(TID.language));
        // A plan read, and its sheets written, so the pages have content to audit.
        await expect.poll(() => page.textContent(tid(TID.previewCounts))).toMatch(/17 (指标|indicators)/);
        await page.click(tid(TID.writeSheets));
        await page.waitForSelector(tid(TID.message));
        const found: string[] = [];
        for (const p of PAGES) {
          await page.click(tid(TID.nav(p)));
          await page.waitForSelector(`${tid(TID.page(p))} > :nth-child(2)`);
          // Pages with results are audited with them showing.
          if (p === "check") {
            await page.click(tid(TID.runCheck));
            await page.waitForSelector(tid(TID.checkSummary));
          }
          if (p === "allocate") {
            await page
              .locator(`${tid(TID.allocRows)} input[type="checkbox"]`)
              .first()
              .check();
            await page.waitForSelector(tid(TID.allocPreview));
          }
          await page.waitForTimeout(300);
          if (paneWidth === 350 && lang === "zh" && (p === "allocate" || p === "load"))
            await page
              .locator('[data-testid="workbench-pane"]')
              .screenshot({ path: join(SHOTS, `${p}-350px.png`) });
          found.push(...(await audit(page)).map((v) => `${p}: ${v}`));
        }
        expect(found).toEqual([]);
        await page.close();
      });
});
