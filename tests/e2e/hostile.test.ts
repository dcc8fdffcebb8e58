// Hostile returns in a real Chromium: the task pane's 汇总报送 page reads a zip bomb, an entity bomb and a sheet of
// far cells (bench/hostileFiles.mjs) among a good return; each bad file is named with its limit's message, the
// good one is read, and the page stays usable.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HOSTILE_CASES } from "../../bench/hostileFiles.mjs";
import { TID } from "../../src/taskpane/testIds";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";
import { tempDir } from "../helpers/workbooks";
import { openWorkbench, tid, useWorkbench } from "./harness";

useWorkbench();

describe("hostile returns in the task pane", () => {
  it("names each bad file with its reason and reads the good one", { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const bad = ["sheet-bomb", "entity-bomb", "far-cells", "overlapping-entries"].map((name) => {
      const c = HOSTILE_CASES.find((k) => k.name === name)!;
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, c.build());
      return path;
    });
    const good = await writeReturn(
      await writeTemplate(seedBreakdown(), "当湖街道", dir),
      join(dir, "当湖街道-报送.xlsx"),
    );
    const page = await openWorkbench();
    await page.click(tid(TID.writeSheets));
    await page.waitForSelector(tid(TID.message));
    await page.click(tid(TID.nav("submissions")));
    await page.waitForSelector(tid(TID.pickReturns));
    await page.setInputFiles(tid(TID.returnsInput), [...bad, good]);
    await page.waitForSelector(tid(TID.returnsList), { timeout: 60_000 });
    const items = await page.locator(tid(TID.returnItem)).allTextContents();
    expect(items).toHaveLength(5);
    expect(items.find((t) => t.includes("当湖街道-报送.xlsx"))).toMatch(/通过/);
    const text = (await page.textContent(tid(TID.returnsList))) ?? "";
    for (const said of [/疑似压缩炸弹/, /嵌套定义的 XML 实体/, /单元格范围超过/, /重叠/])
      expect(text).toMatch(said);
    expect(text).not.toMatch(/内部错误|RangeError|TypeError/);
  });
});
