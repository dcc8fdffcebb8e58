// 责任分工 with a clerk's own template: a sheet of the open workbook (title merged and coloured, a {{#指标}} block
// and a formula below it) filled per town in the workbench, keeping its look and its formula pointing right.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TID } from "../../src/taskpane/testIds";
import { tempDir } from "../helpers/workbooks";
import { openWorkbench, problemsOf, SHOTS, tid, useWorkbench } from "./harness";

useWorkbench();

async function writeUserTemplate(path: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("我的责任书");
  ws.getCell("A1").value = "{{年份}}年{{单位}}目标任务书";
  ws.mergeCells("A1:D1");
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } };
  ws.getRow(2).values = ["序号", "指标", "目标", "单位"];
  ws.getRow(3).values = ["{{#指标}}{{序号}}", "{{指标名称}}", "{{目标值}}", "{{计量单位}}{{/指标}}"];
  ws.getCell("A4").value = "指标数";
  ws.getCell("B4").value = { formula: "COUNTA(B3:B3)" };
  ws.getColumn(2).width = 40;
  await wb.xlsx.writeFile(path);
}

describe("责任分工 with a template sheet of the workbook", () => {
  it("fills it per town: one sheet each, its merged title and colour kept, the formula counting all rows", async () => {
    const path = join(tempDir(), "模板.xlsx");
    await writeUserTemplate(path);
    const page = await openWorkbench();
    await page.setInputFiles('[data-testid="xlsx-input"]', path);
    await expect
      .poll(() => page.locator('[data-testid="sheet-tab"]').allTextContents())
      .toEqual(["我的责任书"]);
    // The 平湖 sample plan is read on 载入指标; then the template sheet is chosen on 责任分工.
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("17 指标");
    await page.click(tid(TID.nav("assign")));
    await page.selectOption(tid(TID.assignTemplate), "sheet:我的责任书");
    // No {{#任务}} block: one sheet per town is guessed.
    await expect.poll(() => page.inputValue(tid(TID.assignGroupBy))).toBe("town");
    await expect.poll(() => page.textContent(tid(TID.assignCount))).toContain("将生成 8 张工作表");
    await page.click(tid(TID.assignWrite));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("经开区");
    await page.click('[data-testid="sheet-tab"]:text-is("经开区")');
    const shown = (a: string) => page.textContent(`[data-address="${a}"]`);
    expect(await shown("A1")).toBe("2023年经开区目标任务书");
    expect(await page.getAttribute('[data-address="A1"]', "data-fill")).toBe("#FCE4D6");
    expect(await shown("B4")).toBe("制造业投资");
    expect(await shown("C4")).toBe("41");
    // 15 targets from row 3 down; the formula below moved to row 18 and counts all of them.
    expect(await shown("A18")).toBe("指标数");
    expect(await shown("B18")).toBe("15");
    expect(await page.textContent('[data-testid="grid"]')).not.toContain("{{");
    await page.screenshot({ path: join(SHOTS, "assign-user-template.png") });
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("takes the template from an .xlsx file on disk, leaving the workbook's sheets alone", async () => {
    const path = join(tempDir(), "模板.xlsx");
    await writeUserTemplate(path);
    const page = await openWorkbench();
    await expect.poll(() => page.textContent(tid(TID.previewCounts))).toContain("17 指标");
    await page.click(tid(TID.nav("assign")));
    await page.setInputFiles(tid(TID.assignTemplateFile), path);
    await expect.poll(() => page.inputValue(tid(TID.assignTemplate))).toBe("file:模板.xlsx");
    await expect.poll(() => page.textContent(tid(TID.assignCount))).toContain("将生成 8 张工作表");
    await page.click(tid(TID.assignWrite));
    await expect.poll(() => page.textContent(tid(TID.message))).toContain("林埭镇");
    await page.click('[data-testid="sheet-tab"]:text-is("林埭镇")');
    expect(await page.textContent('[data-address="A1"]')).toBe("2023年林埭镇目标任务书");
    expect(await page.textContent('[data-address="B18"]')).toBe("15");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});
