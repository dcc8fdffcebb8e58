// 本单位自查 through the adapter: a town's filled 填报 open in (fake) Excel, checked without the city's plan.
import { describe, expect, it } from "vitest";
import { templateWorkbook } from "../../src/core/submissions/templateSheet";
import { writeSheets } from "../../src/excel/writeSheets";
import { createActions } from "../../src/taskpane/actions";
import { seedPlan } from "../helpers/workbooks";
import { fakeHost } from "./fixtures";

describe("self-check of a filled template", () => {
  it("finds the blank and the full-width figure by cell, and selects a finding's cell", async () => {
    const { host, workbook, stats } = fakeHost({ sheets: ["Sheet1"] });
    await writeSheets(host, templateWorkbook(seedPlan().breakdowns[0], "经开区"));
    // The town fills 本单位填报 with its targets, except 制造业投资 left blank and 亩均税收 typed full-width.
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("填报");
      const targets = ws.getRange("E4:E18");
      targets.load("values");
      await context.sync();
      ws.getRange("F4:F18").values = targets.values.map(([t], i) => [
        i === 1 ? "" : i === 2 ? "'４９" : typeof t === "number" ? t : "",
      ]);
      await context.sync();
    });
    const actions = createActions(host);
    stats.reset();
    const result = await actions.selfCheck();
    expect(stats.syncs).toBe(2);
    expect(result?.town).toBe("经开区");
    const byCell = new Map(result!.findings.map((f) => [f.cell, [f.severity, f.code]]));
    expect(byCell.get("F5")).toEqual(["error", "blank"]);
    expect(byCell.get("F6")).toEqual(["warning", "text_number"]);
    await actions.select("填报", "F5");
    expect(workbook.selection).toEqual({ sheet: "填报", range: { r1: 4, c1: 5, r2: 4, c2: 5 } });
  });

  it("says so when the workbook holds no 填报 table", async () => {
    const { host } = fakeHost();
    expect(await createActions(host).selfCheck()).toBeNull();
  });
});

describe("the alias table in the open workbook", () => {
  it("is read in 2 syncs, and only that sheet", async () => {
    const { host, stats } = fakeHost({ sheets: ["Sheet1", "单位别名"] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("单位别名").getRange("A1:B2").values = [
        ["别名", "规范名称"],
        ["市金融办", "市金融发展服务中心"],
      ];
      await context.sync();
    });
    stats.reset();
    const aliases = await createActions(host).readAliases();
    expect(stats.syncs).toBe(2);
    expect(aliases["市金融办"]).toBe("市金融发展服务中心");
    expect(aliases["市经济和信息化局"]).toBe("市经信局");
  });
});
