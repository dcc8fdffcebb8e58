// Two levels: 平湖市 collects three of its towns with `collect`, and sends its 汇总 up to 嘉兴市 as its return.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectReturns, writeSummary } from "../../src/cli/collect";
import type { Breakdown } from "../../src/core/model";
import { normalizeName } from "../../src/core/text";
import { tempDir } from "../helpers/workbooks";
import { seedBreakdown, writeReturn, writeTemplate } from "./fixtures";

describe("a county's 汇总 as its return to the city", async () => {
  const county = seedBreakdown();
  const dir = tempDir();
  const towns = ["当湖街道", "经开区", "曹桥街道"];
  const returns = [];
  for (const t of towns)
    returns.push(await writeReturn(await writeTemplate(county, t, dir), join(dir, `${t}-报送.xlsx`)));
  const countyFile = join(dir, "县级汇总.xlsx");
  await writeSummary(countyFile, county, await collectReturns(county, returns));

  // The city issued the same indicators to its counties.
  const city: Breakdown = {
    ...county,
    title: "2023年嘉兴市目标任务分解",
    units: ["平湖市", "海宁市"],
    rows: county.rows.map((r) => ({ ...r, values: { 平湖市: r.total, 海宁市: r.total } })),
  };
  const { submissions, consolidation } = await collectReturns(city, [countyFile]);
  const [s] = submissions;

  it("recognises the county by its summary's title", () => {
    expect([s.unit, s.matchedBy]).toEqual(["平湖市", "content"]);
    expect(consolidation.missing).toEqual(["海宁市"]);
  });

  it("takes a 总量型 figure as the exact sum of the county's towns", () => {
    // 制造业投资: 当湖街道 0.8 + 经开区 41 + 曹桥街道 8.2 (each returned its issued target).
    expect(s.values.get(normalizeName("制造业投资"))?.value).toBe(50);
    expect(s.values.get(normalizeName("高耗低效整治腾出能耗空间"))?.value).toBe(1.74); // 0.015 + 0.75 + 0.975, decimal-safe
    expect(consolidation.summary.rows.find((r) => r.name === "制造业投资")?.values["平湖市"].value).toBe(50);
  });

  it("does not guess 质态型 figures, and says the county's collection is incomplete", () => {
    const codes = s.findings.map((f) => f.code);
    expect(codes.filter((c) => c === "rollup_rate")).toHaveLength(
      county.rows.filter((r) => r.kind === "rate").length,
    );
    expect(s.findings.find((f) => f.sheet === "报送情况")?.message).toBe("下级有 5 个单位未报送,汇总不完整");
    expect(s.findings.every((f) => f.severity === "warning")).toBe(true);
    expect(s.values.get(normalizeName("规上工业亩均税收"))?.value).toBeNull();
  });
});
