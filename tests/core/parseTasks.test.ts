// 附件2 职责分工 of seed 001: 62 tasks with section, 重点任务, 具体内容, 牵头单位 and 配合单位.
import { describe, expect, it } from "vitest";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { readSeed } from "../helpers/seeds";

const doc = readSeed("001_86af085e02e72586.txt");
const plan = parsePlanDocument(doc);
const SECTIONS = [
  "(一)着力空间腾换,优化制造业发展布局",
  "(二)着力招大育强,夯实制造业发展根基",
  "(三)着力企业优强,培育制造业企业“雁阵”",
  "(四)着力品质提升,打响“平湖制造”品牌",
  "(五)着力“两化”改造,引领“智造”跨越",
  "(六)着力创新强工,增强制造业发展动能",
  "(七)保障措施",
];

// [序号, section index, 重点任务, 责任单位 as listed (first leads)], transcribed from the document with the
// line-wrap spaces removed; a task's 重点任务 merged over several rows repeats on each.
const TASKS: [number, number, string, string][] = [
  [1, 0, "整治低效工业用地", "市自然资源和规划局"],
  [2, 0, "整治低效工业用地", "市自然资源和规划局、市经信局"],
  [3, 0, "整治低效工业用地", "市自然资源和规划局、市经信局"],
  [4, 0, "建设高能级产业平台", "市商务局、市发改局、市科技局、市经信局"],
  [5, 0, "建设高能级产业平台", "市经信局"],
  [6, 0, "建设高能级产业平台", "市发改局"],
  [7, 0, "建设高能级产业平台", "市经信局"],
  [8, 0, "推动产业协同发展", "市经信局、市金融发展服务中心"],
  [9, 1, "强化招大育强", "市商务局"],
  [10, 1, "强化招大育强", "市发改局、市商务局"],
  [11, 1, "强化招大育强", "市发改局"],
  [12, 1, "扩大制造业有效投资", "市经信局"],
  [13, 1, "扩大制造业有效投资", "市经信局"],
  [14, 1, "加快推进重点项目建设", "市发改局、市经信局、市商务局"],
  [15, 1, "加快推进重点项目建设", "市发改局、市经信局"],
  [16, 1, "营造最优营商环境", "市委改革办、市发改局、市政务数据办"],
  [17, 1, "营造最优营商环境", "市经信局"],
  [18, 2, "打造世界一流企业", "市经信局"],
  [19, 2, "打造世界一流企业", "市金融发展服务中心"],
  [20, 2, "推动企业“专精特新”发展", "市经信局"],
  [21, 2, "推动企业“专精特新”发展", "市科技局"],
  [22, 2, "健全“链长+链主企业+关键技术+知识产权+标准体系”产业链模式", "市经信局、市科技局、市商务局"],
  [23, 2, "健全“链长+链主企业+关键技术+知识产权+标准体系”产业链模式", "市经信局、市人力社保局、市科技局"],
  [24, 2, "健全“链长+链主企业+关键技术+知识产权+标准体系”产业链模式", "市经信局"],
  [25, 2, "加快发展服务型制造", "市经信局"],
  [26, 2, "推动企业国际化发展", "市商务局"],
  [27, 2, "推动企业国际化发展", "市商务局"],
  [28, 2, "推动企业国际化发展", "市商务局"],
  [29, 3, "全面提升质量水平", "市市场监管局"],
  [30, 3, "全面提升质量水平", "市市场监管局"],
  [31, 3, "加强企业品牌建设", "市市场监管局、市经信局"],
  [32, 3, "加强企业品牌建设", "市市场监管局、市经信局"],
  [33, 3, "加强企业品牌建设", "市市场监管局、市经信局"],
  [34, 3, "加快企业标准创新发展", "市市场监管局"],
  [35, 3, "加快企业标准创新发展", "市市场监管局"],
  [36, 3, "加强知识产权保护", "市市场监管局"],
  [37, 3, "加强知识产权保护", "市市场监管局、市司法局"],
  [38, 4, "加快构建智能制造创新体系", "市经信局"],
  [39, 4, "打造数字化改造升级版", "市经信局"],
  [40, 4, "打造绿色化改造升级版", "市经信局"],
  [41, 5, "加强关键核心技术攻关", "市科技局"],
  [42, 5, "实施产业基础再造工程", "市经信局、市发改局、市科技局"],
  [43, 5, "实施产业基础再造工程", "市经信局"],
  [44, 5, "推动产业链创新链深度融合", "市科技局、市金融办、市经信局"],
  [45, 5, "建设重大创新载体", "市经信局"],
  [46, 5, "建设重大创新载体", "市科技局、市经信局"],
  [47, 6, "强化财政支持", "市经信局、市财政局"],
  [48, 6, "强化财政支持", "市财政局、市经信局"],
  [49, 6, "强化基金引导", "市财政局、市经信局、市金融发展服务中心"],
  [50, 6, "强化基金引导", "市财政局、市经信局、市金融发展服务中心"],
  [51, 6, "强化基金引导", "市财政局、市经信局、市金融发展服务中心"],
  [52, 6, "创新金融服务", "市金融发展服务中心、人行平湖市支行、嘉兴银保监分局平湖监管组"],
  [53, 6, "加强用地保障", "市自然资源和规划局、市经信局"],
  [54, 6, "加强用地保障", "市发改局、市经信局、市自然资源和规划局"],
  [55, 6, "加强用能保障", "市发改局、市生态环境局、市经信局"],
  [56, 6, "加强用能保障", "市发改局"],
  [57, 6, "加强人才支撑", "市教育局"],
  [58, 6, "加强人才支撑", "市人力社保局、市教育局、市总工会、团市委"],
  [59, 6, "加强人才支撑", "市委组织部(人才办)、市人力社保局、市经信局"],
  [60, 6, "健全工作体系", "市工业强市领导小组办公室"],
  [61, 6, "健全工作体系", "市工业强市领导小组办公室"],
  [62, 6, "健全工作体系", "市工业强市领导小组办公室"],
];

/** The document's own lines of 附件2, one per task, found by their leading 序号. */
function taskLines(): Map<number, string[]> {
  const start = doc.indexOf("\n附件2");
  const end = doc.indexOf("\n附件3");
  const out = new Map<number, string[]>();
  for (const line of doc.slice(start, end).split("\n")) {
    const m = /^(\d+) \|/.exec(line);
    if (m)
      out.set(
        Number(m[1]),
        line
          .split("|")
          .map((c) => c.trim())
          .filter((c) => c !== ""),
      );
  }
  return out;
}

describe("附件2 职责分工 of seed 001", () => {
  it("has 62 tasks numbered 1..62 under 7 sections", () => {
    expect(plan.tasks).toHaveLength(62);
    expect(plan.tasks.map((t) => t.no)).toEqual(Array.from({ length: 62 }, (_, i) => i + 1));
    expect([...new Set(plan.tasks.map((t) => t.section))]).toEqual(SECTIONS);
    expect(plan.taskTitle).toBe("平湖市先进制造业集群培育工程实施方案(2023-2027年)职责分工");
  });

  it("reads every task's section, 重点任务 and units", () => {
    const got = plan.tasks.map((t) => [
      t.no,
      SECTIONS.indexOf(t.section),
      t.task,
      [t.lead, ...t.partners].join("、"),
    ]);
    expect(got).toEqual(TASKS);
  });

  it("takes 具体内容 and the unit list from the document's own cells", () => {
    const lines = taskLines();
    expect(lines.size).toBe(62);
    for (const t of plan.tasks) {
      const cells = lines.get(t.no)!;
      // The unit list is the last cell, the content the one before it; wrap spaces inside names are artifacts.
      const units = cells[cells.length - 1].split("、").map((u) => u.replace(/\s+/g, ""));
      expect([t.lead, ...t.partners]).toEqual(units);
      expect(t.content).toBe(
        cells[cells.length - 2].replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, ""),
      );
    }
  });

  it("task 52: lead 市金融发展服务中心, partners 人行平湖市支行 and 嘉兴银保监分局平湖监管组", () => {
    const t = plan.tasks[51];
    expect(t.task).toBe("创新金融服务");
    expect(t.lead).toBe("市金融发展服务中心");
    expect(t.partners).toEqual(["人行平湖市支行", "嘉兴银保监分局平湖监管组"]);
  });

  it("task 60: 市工业强市领导小组办公室 alone, the line wrap inside its name removed", () => {
    const t = plan.tasks[59];
    expect(t.task).toBe("健全工作体系");
    expect(t.lead).toBe("市工业强市领导小组办公室");
    expect(t.partners).toEqual([]);
  });

  it("inherits a merged 重点任务 from the row above, within its section only", () => {
    expect(plan.tasks[1].task).toBe("整治低效工业用地");
    expect(plan.tasks[1].content.startsWith("加快开发区(园区)有机更新")).toBe(true);
    expect(plan.tasks[8].section).toBe(SECTIONS[1]);
    expect(plan.tasks[8].task).toBe("强化招大育强");
  });
});
