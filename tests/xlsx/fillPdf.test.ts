// The filled 目标责任书 and 职责分工表 open in LibreOffice headless and convert to PDF (one A4 page per sheet at least).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dutyTemplate, letterTemplate } from "../../src/core/assign/defaultTemplates";
import { fillByUnit } from "../../src/core/assign/fillByUnit";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";
import { sofficeConvert } from "../helpers/libreoffice";
import { seedPlan, tempDir } from "../helpers/workbooks";

describe("filled templates through LibreOffice", () => {
  it.each([
    ["目标责任书", () => fillByUnit(letterTemplate(), seedPlan(), "town").filter((o) => o.unit === "经开区")],
    [
      "职责分工表",
      () => fillByUnit(dutyTemplate(), seedPlan(), "department").filter((o) => o.unit === "市经信局"),
    ],
  ])("%s converts to PDF", async (name, outputs) => {
    const wb = await renderWorkbook(outputs().map((o) => o.spec));
    const path = join(tempDir(), `${name}.xlsx`);
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const [pdf] = sofficeConvert(path, "pdf");
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // A4 (841.89 × 595.30 pt) on every page: the letter portrait, the duty table landscape.
    const boxes = [...bytes.toString("latin1").matchAll(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes)
      expect([Math.round(Number(b[1])), Math.round(Number(b[2]))]).toEqual(
        name === "目标责任书" ? [595, 842] : [842, 595],
      );
  });
});
