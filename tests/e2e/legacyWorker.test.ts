// A legacy .xls on which SheetJS loops for ever, in a real Chromium: on the task pane's 汇总报送 page it is read
// in a Web Worker (src/xlsx/readLegacyInWorker.ts) that is ended when the CLI's time limit is up; the file is
// named with the time-limit message, the good returns beside it (an .xlsx and, where LibreOffice can make one,
// an .xls read by the worker) are read, and the page answers throughout.
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Worker } from "playwright-core";
import { describe, expect, it } from "vitest";
import { legacyParseSeconds } from "../../src/core/read/limits";
import { TID } from "../../src/taskpane/testIds";
import { loopingXlsBytes } from "../helpers/legacyXls";
import { sofficeConvert, sofficePath } from "../helpers/libreoffice";
import { tempDir } from "../helpers/workbooks";
import { seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

const soffice = (() => {
  try {
    return sofficePath();
  } catch (e) {
    console.warn(`legacyWorker.test.ts: no good .xls among the returns: ${(e as Error).message}`);
    return null;
  }
})();

describe("a looping .xls in the task pane", () => {
  it(
    "is stopped at the time limit; the good returns are read; the page answers",
    { timeout: 180_000 },
    async () => {
      const dir = tempDir();
      const breakdown = seedBreakdown();
      const looping = join(dir, "损坏-公式.xls");
      const bytes = loopingXlsBytes();
      writeFileSync(looping, bytes);
      const seconds = legacyParseSeconds(bytes.length);
      const goodXlsx = await writeReturn(
        await writeTemplate(breakdown, "当湖街道", dir),
        join(dir, "当湖街道-报送.xlsx"),
      );
      const files = [looping];
      if (soffice) {
        const xlsx = await writeReturn(
          await writeTemplate(breakdown, "经开区", dir),
          join(dir, "经开区-报送.xlsx"),
        );
        const [converted] = sofficeConvert(xlsx, "xls");
        const goodXls = join(dir, "经开区-报送.xls");
        copyFileSync(converted, goodXls);
        files.push(goodXls);
      }
      files.push(goodXlsx);

      const page = await openWorkbench();
      const workers: Worker[] = [];
      const closed = new Set<Worker>();
      page.on("worker", (w) => {
        workers.push(w);
        w.on("close", () => closed.add(w));
      });
      await page.click(tid(TID.writeSheets));
      await page.waitForSelector(tid(TID.message));
      await page.click(tid(TID.nav("submissions")));
      await page.waitForSelector(tid(TID.pickReturns));

      const started = Date.now();
      await page.setInputFiles(tid(TID.returnsInput), files);
      await page.getByText(`正在读取 1/${files.length}:损坏-公式.xls`).waitFor({ timeout: 20_000 });
      // While SheetJS loops in the worker, the page's thread answers and draws frames.
      await expect.poll(() => workers.length, { timeout: 10_000 }).toBe(1);
      await page.waitForTimeout(1500);
      expect(Date.now() - started).toBeLessThan(seconds * 1000); // still within the limit: the loop is running
      expect(closed.size).toBe(0);
      for (let k = 0; k < 5; k++) {
        const asked = Date.now();
        await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
        expect(Date.now() - asked).toBeLessThan(500);
      }
      const frames = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            let n = 0;
            const until = performance.now() + 1000;
            const frame = () => {
              if (performance.now() >= until) return done(n);
              n++;
              requestAnimationFrame(frame);
            };
            requestAnimationFrame(frame);
          }),
      );
      expect(frames).toBeGreaterThan(20);
      await page.screenshot({ path: join(SHOTS, "legacy-worker-reading.png") });

      await page.waitForSelector(tid(TID.returnsList), { timeout: 60_000 });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(seconds * 1000);
      expect(elapsed).toBeLessThan(seconds * 1000 + 30_000);
      const items = await page.locator(tid(TID.returnItem)).allTextContents();
      expect(items).toHaveLength(files.length);
      const item = (file: string) => items.find((t) => t.includes(file)) ?? "";
      expect(item("损坏-公式.xls")).toContain(
        `旧版 Excel(.xls)文件读取超过 ${seconds} 秒仍未完成,文件可能已损坏,已放弃读取`,
      );
      expect(item("当湖街道-报送.xlsx")).toMatch(/通过/);
      if (soffice) expect(item("经开区-报送.xls")).toMatch(/通过/);
      const text = (await page.textContent(tid(TID.returnsList))) ?? "";
      expect(text).not.toMatch(/内部错误|RangeError|TypeError|ChunkLoadError/);
      // One worker per .xls, each ended (the looping one on the time limit, the good one once it answered).
      const xlsCount = files.filter((f) => f.endsWith(".xls")).length;
      expect(workers).toHaveLength(xlsCount);
      await expect.poll(() => closed.size, { timeout: 10_000 }).toBe(xlsCount);
      await page.screenshot({ path: join(SHOTS, "legacy-worker-done.png") });

      // The page is still in use: another page opens, and back.
      await page.click(tid(TID.nav("allocate")));
      await page.click(tid(TID.nav("submissions")));
      await page.waitForSelector(tid(TID.pickReturns), { timeout: 10_000 });
      expect(problemsOf(page)).toEqual([]);
    },
  );
});
