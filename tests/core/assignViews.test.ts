// Per-unit views of seed 001 (issue 6's acceptance facts): what 市经信局 leads and supports, its indicators, and the
// targets of 经开区 and 当湖街道.
import { describe, expect, it } from "vitest";
import { normalizeUnitName, resolveUnit } from "../../src/core/assign/unitNames";
import { departmentViews, townViews } from "../../src/core/assign/views";
import { seedPlan } from "../helpers/workbooks";

const plan = seedPlan();

describe("department views", () => {
  const views = departmentViews(plan);
  const jxj = views.find((v) => v.unit === "市经信局")!;

  it("市经信局 leads tasks 5, 7, 12 … and co-operates on 2, 3, 14 …", () => {
    const led = jxj.tasksLed.map((t) => t.no);
    const supported = jxj.tasksSupported.map((t) => t.no);
    expect(led).toEqual(expect.arrayContaining([5, 7, 12]));
    expect(supported).toEqual(expect.arrayContaining([2, 3, 14]));
    expect(led.filter((n) => supported.includes(n))).toEqual([]);
    // Every task is led by exactly one department, and every partner listing appears once.
    expect(views.reduce((n, v) => n + v.tasksLed.length, 0)).toBe(62);
    expect(views.reduce((n, v) => n + v.tasksSupported.length, 0)).toBe(
      plan.tasks.reduce((n, t) => n + t.partners.length, 0),
    );
  });

  it("lists the indicators 市经信局 answers for in 附件1", () => {
    expect(jxj.indicators.map((i) => i.name)).toContain("“四群八链”先进制造业集群规上企业总产值");
    expect(jxj.indicators).toHaveLength(plan.indicators.filter((i) => i.lead === "市经信局").length);
    expect(views.find((v) => v.unit === "市科技局")?.indicators.map((i) => i.name)).toEqual([
      "规上制造业企业研发费用占营业收入的比重",
      "高新技术产业增加值占规上工业增加值比重",
    ]);
  });

  it("keeps lines wrapped inside a name together, and never merges unknown names", () => {
    expect(views.some((v) => v.unit === "嘉兴银保监分局平湖监管组")).toBe(true);
    expect(views.some((v) => v.unit === "市金融办")).toBe(true);
    expect(views.some((v) => v.unit === "市金融发展服务中心")).toBe(true);
  });
});

describe("unit names", () => {
  it("normalizes wrap spaces and full-width brackets, and resolves aliases", () => {
    expect(normalizeUnitName("市工业强市领导 小组办公室")).toBe("市工业强市领导小组办公室");
    expect(normalizeUnitName("市委组织部（人才办）")).toBe("市委组织部(人才办)");
    expect(resolveUnit("市经济和信息化局")).toBe("市经信局");
    expect(resolveUnit("市某某局")).toBe("市某某局");
  });
});

describe("town views", () => {
  const towns = townViews(plan.breakdowns[0]);

  it("经开区 has its 15 targets: 制造业投资 41 亿元, the pending row pending", () => {
    const kfq = towns.find((t) => t.unit === "经开区")!;
    expect(kfq.targets).toHaveLength(15);
    const invest = kfq.targets.find((t) => t.row.name === "制造业投资")!;
    expect([invest.target.value, invest.row.unit, invest.dept]).toEqual([41, "亿元", "市经信局"]);
    expect(kfq.targets[14].target.status).toBe("pending");
  });

  it("当湖街道 shows “-” for 数字经济核心产业制造业增加值增速", () => {
    const dh = towns.find((t) => t.unit === "当湖街道")!;
    expect(dh.targets.find((t) => t.row.name === "数字经济核心产业制造业增加值增速")?.target).toMatchObject({
      text: "-",
      status: "none",
    });
  });
});

describe("names to review", () => {
  it("lists names that may be one unit, without merging them", async () => {
    const { similarUnitNames } = await import("../../src/core/assign/unitNames");
    const names = departmentViews(plan).map((v) => v.unit);
    expect(similarUnitNames(names)).toContainEqual(["市金融发展服务中心", "市金融办"]);
    expect(similarUnitNames(["市经济和信息化局", "市经信局"])).toEqual([]); // an alias says they are one
    expect(similarUnitNames(["市教育局", "市财政局"])).toEqual([]);
  });
});

describe("the workbook's alias table", () => {
  it("adds pairs from a 单位别名 sheet, so two spellings become one department", async () => {
    const { aliasesFromRows } = await import("../../src/core/assign/unitNames");
    const aliases = aliasesFromRows([
      ["单位别名"],
      ["别名", "规范名称"],
      ["市金融办", "市金融发展服务中心"],
      [null, "x"],
    ]);
    expect(aliases["市金融办"]).toBe("市金融发展服务中心");
    expect(aliases["市经济和信息化局"]).toBe("市经信局");
    const merged = departmentViews(plan, aliases).find((v) => v.unit === "市金融发展服务中心")!;
    const separate = departmentViews(plan).find((v) => v.unit === "市金融发展服务中心")!;
    expect(merged.tasksSupported.length).toBe(separate.tasksSupported.length + 1); // task 44 lists 市金融办
    expect(departmentViews(plan, aliases).some((v) => v.unit === "市金融办")).toBe(false);
  });
});
