// 载入指标 with targets in the text (seed 002, no 附件 tables): review the prose targets in Chromium — accept all,
// reject one, edit one — write, and find exactly the accepted ones, with the edited value, on 正文目标.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { TID } from "../../src/taskpane/testIds";
import { readSeed } from "../helpers/seeds";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

const plan002 = parsePlanDocument(readSeed("002_0aa44b95e84d5610.txt"));
const targets = plan002.proseTargets;
const indexOf = (indicator: string) => targets.findIndex((t) => t.indicator === indicator);

describe("reviewing prose targets in the workbench", () => {
  it("writes only the accepted targets of 002, with an edited value, to 正文目标", async () => {
    const page = await openWorkbench();
    await page.selectOption(tid(TID.sampleSelect), "002");
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain(`${targets.length} 正文目标`);
    await page.waitForSelector(tid(TID.proseReview));
    // Nothing is accepted yet, so there is nothing to write.
    expect(await page.isDisabled(tid(TID.writeSheets))).toBe(true);

    const invest = indexOf("工业投资");
    const manufacturing = indexOf("制造业投资");
    expect(targets[invest].value).toBe(970);
    expect(targets[manufacturing].value).toBe(900);
    // Each target says what it is and for which year; the 2021 results of the text are listed apart, and
    // cannot be accepted.
    expect(await page.textContent(tid(TID.proseDetails(invest)))).toMatch(/^目标 · 2022年 · 确保/);
    expect(plan002.proseFacts.length).toBeGreaterThan(20);
    await page.click(`${tid(TID.proseFacts)} summary`);
    const fact = page.locator(tid(TID.proseFact(0)));
    expect(await fact.getAttribute("data-statement")).toBe("result");
    expect(await fact.textContent()).toContain("实绩 · 2021年");
    expect(await page.locator(`${tid(TID.proseFacts)} button`).count()).toBe(0);
    await page.locator(tid(TID.proseFacts)).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "prose-facts.png") });
    await page.click(`${tid(TID.proseFacts)} summary`);
    await page.click(tid(TID.proseAcceptAll));
    await page.click(tid(TID.proseReject(manufacturing)));
    await page.fill(tid(TID.proseValue(invest)), "950");
    await expect
      .poll(() => page.textContent(tid(TID.proseCount)))
      .toContain(`已接受 ${targets.length - 1} 项,已拒绝 1 项`);
    expect(await page.getAttribute(tid(TID.proseRow(manufacturing)), "data-status")).toBe("rejected");
    await page.screenshot({ path: join(SHOTS, "prose-review.png") });

    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.message));
    await expect
      .poll(() => page.locator('[data-testid="sheet-tab"]').allTextContents())
      .toEqual(["Sheet1", "正文目标"]);
    await page.click('[data-testid="sheet-tab"]:has-text("正文目标")');
    expect(await page.textContent('[data-address="B3"]')).toBe("指标");

    const names = await page
      .locator('[data-address^="B"]')
      .evaluateAll((cells) => cells.map((c) => [c.getAttribute("data-address"), c.textContent ?? ""]));
    const rows = names.filter(([a, text]) => Number(a!.slice(1)) >= 4 && text !== "").map(([, text]) => text);
    expect(rows).toHaveLength(targets.length - 1);
    expect(rows).not.toContain("制造业投资");
    const [investCell] = names.find(([, text]) => text === "工业投资")!;
    const row = investCell!.slice(1);
    expect(await page.textContent(`[data-address="C${row}"]`)).toMatch(/^950/);
    expect(await page.textContent(`[data-address="I${row}"]`)).toBe("正文");
    expect(await page.textContent(`[data-address="J${row}"]`)).toContain("已修改(原文为 970亿元)");
    expect(await page.textContent(`[data-address="K${row}"]`)).toContain(
      "分别达到970亿元、900亿元和540亿元以上",
    );
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});
