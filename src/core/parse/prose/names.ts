// The indicator's name out of the words around a figure: no tier, year, scope, connectors or verbs.
import { CHANGED_TO } from "./namingWords";

const LEADING = [
  /^(?:到|至|截至)?\d{4}年(?:底|末)?/,
  /^(?:到)?[“"]?十[三四五]五[”"]?(?:期间|末|时期)?/,
  /^(?:全年|今年|明年|年度|每年|新的一年|本年|年内|年底前|年末前|月底前)/,
  /^(?:\d{1,2}[-—~至]\d{1,2}月(?:份)?|[一二三四]季度|前三季度|上半年|下半年|今年以来|年初以来)/,
  // A month a goal is due in ("6月份须完成产值…"), and the modal of a goal ("须完成", "仅完成" of a result).
  /^(?:\d{1,2}月(?:份)?(?:底前|底|前|内)?)(?!\d)/,
  /^(?:必须|须|需|应|仅|只|分别|各|至少|最少|按照)/,
  // Who carries a share of a breakdown, before what it measures: "两街道合计承担", "五个街道合计", "区级自我加压为".
  /^(?:[两二三四五六七八九十]个?|其余[两二三四五六七八九十]?个?各?|各)?(?:街道|乡镇|镇街|镇|园区|县区|县\(市、区\)|村|社区)(?:每个(?:街道|乡镇|镇|园区))?(?:合计|共计|累计)?/,
  /^(?:[区市县镇]级)?(?:自我)?加压(?:为|到|至)?/,
  /^(?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6}[两二三四五六七八九十]个?(?:街道|乡镇|镇街|镇|园区)(?:合计|共计|累计)?/,
  /^(?:承担|负责|分担|共计|合计)/,
  // "该镇年度目标为…": the place spoken of, and the words that say a task is stated.
  /^该(?:镇|县|区|乡|市|街道|园区|开发区|企业|公司)/,
  /^(?:年度|全年)?(?:目标任务|目标|任务)(?:为|是)/,
  /^(?:再|推动|推进|力促|促进)(?=[\u4e00-\u9fff“"]{4})/,
  // Who set it, before what it measures: "但与年初确定的“确保增长…", "省下达的新增规上工业企业目标任务".
  /^[^,，;；“”"]{0,20}?(?:确定|提出|明确|下达)的[“"]?/,
  // A count before what it counts ("42户规上工业企业完成工业总产值").
  /^\d+(?:户|家|个)(?=[\u4e00-\u9fff])/,
  // Which of them, and how many, before what they measure: "纳入全区调度的86个重点工业项目累计完成投资".
  /^[^,，;；\d“”"]{1,16}?的\d+(?:户|家|个|项)(?=[\u4e00-\u9fff])/,
  /^(?:组织)?(?:开展|举办|召开|举行)(?=[\u4e00-\u9fff“"]{2})/,
  /^(?:全市|全县|全区|全省|全镇|我市|我县|我区)/,
  /^(?:[市省县区]里?|上级)?下达(?:给)?(?:两区|我县|我区|我市|全县|全区|全市|各地|该[镇县区乡市]|该街道|该园区)?(?:的)?/,
  /^(?:[省市县区]委、?)?(?:[省市县区](?:人民)?政府)?(?:研究)?确定(?:的)?/,
  /^(?:(?:确保|保底|力争|争取|奋斗)目标(?:是|为)?)/,
  /^(?:确保|保底|力争|争取|奋斗|努力|计划|预计|预测|目标是|的目标是|主要预期目标)/,
  /^(?:其中|并且|并|同时|以及|还要|要|将|我们|公司|共|进一步|持续|继续|对照|围绕|瞄准|锚定|紧扣)/,
  /^(?:实现|完成|达到|达)/,
  // How a figure was reckoned ("按此测算全年需完成31.5亿元") is no part of what it measures.
  /^(?:按此|据此|经|初步)?(?:测算|计算|推算)(?:后)?/,
  /^(?:同比|比上年同期|比上年|较上年|比去年|较去年)/,
  /^[\s,，:：;；、.。]+/,
];
const TRAILING = [
  // ("产值目标为41.5亿元" measures 产值; "完成年度目标" is a share's name, kept whole.)
  /(?:(?:年度|全年)?(?:确保|奋斗|保底|争取|力争)?目标任务|(?:确保|奋斗|保底|争取|力争)目标|(?<![年度成])目标|任务数)$/,
  /(?:分别)?(?:累计达到|达到|达|突破|超过|超|增长|提高到|提高|提升到|提升|保持在|保持|稳定在|稳在|控制在|还差|尚差|仍差|不低于|不少于|不超过|完成|实现|最多|最少|压缩至|压缩到|缩短至|缩短到|降至|降到|降低至|降低到|下降至|下降到|增至|增加到|增加至|提高至|提升至|扩大至|扩大到|迈上|跨越|过|破|为|在|至|到)$/,
  /(?:以上|以内)$/,
  // ("亩均税收由目前的12.4万元/亩": the figure a change starts from is 亩均税收's.)
  /由(?:目前|当前|现在|现有|\d{4}年(?:底|末)?)?的?$/,
  /[\s,，:：;；、的再各]+$/,
];

// Each word is stripped by moving an index, never by cutting the text and matching it again from its start: a
// name of 50,000 "其中" (or "达") was otherwise read once per word stripped, quadratic. The passes are those of
// the plain loop (every pattern once, in order, until none changes anything).
const LEADING_AT = LEADING.map((p) => new RegExp(p.source.slice(1), "y")); // the same, without "^", sticky
/** TRAILING's words (at most 8 characters, 由2020年底的), matched in a window at the end; then its marks. */
const TRAILING_WORDS = TRAILING.slice(0, 4);
const TRAILING_WINDOW = 8;
const TRAILING_MARK = /[\s,，:：;；、的再各]/;

function stripLeading(text: string): string {
  let at = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const p of LEADING_AT) {
      p.lastIndex = at;
      const m = p.exec(text);
      if (m && m[0].length > 0) {
        at += m[0].length;
        changed = true;
      }
    }
  }
  return text.slice(at);
}

function stripTrailing(text: string): string {
  let end = text.length;
  for (let changed = true; changed;) {
    changed = false;
    for (const p of TRAILING_WORDS) {
      const from = Math.max(0, end - TRAILING_WINDOW);
      const m = p.exec(text.slice(from, end));
      if (m && m[0].length > 0) {
        end = from + m.index;
        changed = true;
      }
    }
    let e = end;
    while (e > 0 && TRAILING_MARK.test(text[e - 1])) e--;
    if (e < end) {
      end = e;
      changed = true;
    }
  }
  return text.slice(0, end);
}

/** Quotes left unbalanced at the edges ("“未来工厂" after a cut) are dropped; balanced ones are the name's. */
function balanceQuotes(text: string): string {
  let t = text;
  if (/^[“"]/.test(t) && !/[”"]/.test(t.slice(1))) t = t.slice(1);
  if (/[”"]$/.test(t) && !/[“"]/.test(t.slice(0, -1))) t = t.slice(0, -1);
  return t;
}

/** A tier word inside a name or before a figure ("GDP确保增长", "年均增长确保8%"). */
const TIER_WORD = "(?:确保|力争|保底|奋斗|争取)(?:目标)?";
const TIER_INSIDE = new RegExp(`(?<=[^\\s])${TIER_WORD}`, "g");
const TIER_AT_END = new RegExp(`${TIER_WORD}$`);

export function cleanName(raw: string): string {
  // A tier word inside the words ("GDP确保增长") is not part of the name either.
  // Nor is 同比 ("能耗同比下降4.2%" measures 能耗).
  const t = raw
    .trim()
    // Where a change starts is no part of what changes: "亩均税收由目前的12.4万元/亩提高到" measures 亩均税收.
    .replace(CHANGED_TO, "")
    .replace(TIER_INSIDE, "")
    // 预期 is a tier too ("增加值预期增长7%"), where it says how the growth is meant.
    .replace(/(?<=[^\s])预期(?=增长|增速|目标)/g, "")
    // "11-12月月均完成规上工业总产值" measures 月均规上工业总产值.
    .replace(/(月均|日均|季均)(?:须|需|要)?(?:完成|实现)/g, "$1")
    .replace(/同比/g, "")
    // Scope words and 需完成 are no part of a name ("8-12月全市需完成规上工业产值").
    .replace(/(?<=[^\s])(?<![占于比较])(?:全市|全县|全区|全镇)/g, "")
    // Nor the year it is due in ("规上工业增加值确保全年增长7%" measures 规上工业增加值增速).
    .replace(
      /(?<=[^\s])(?<![占于比较])(?:全年|今年|每年|前三季度|(?<!前)[一二三四]季度|上半年|下半年)(?!以来)/g,
      "",
    )
    // ("技改投资占比每年提高2个百分点": 每年 after a share is its span too; 占全年 is a share of the year's.)
    .replace(/(?<=占比|比重)每年/g, "")
    // "规上工业企业完成工业总产值" measures 规上工业总产值.
    .replace(
      /(规上|规模以上)工业企业(?:共|累计)?(?:完成|实现)(?:工业)?(?=[\u4e00-\u9fff]{0,4}(?:产值|收入|利润|税收|增加值))/g,
      "$1工业",
    )
    // "增速均保持在9%以上": 均 (each of them) is no part of the name.
    .replace(/(?<![年人亩户])均(?=保持|达到|不低于|不少于|增长|超过|要|在|为|须)/g, "")
    // Nor the modals and adverbs between what it measures and its figure: "增速须达到", "按照保底增长",
    // "增加值仅增长", "增速要回升到".
    .replace(/(?:须|需|应|按照|仅)(?=达到|完成|实现|保持|增长|回升|保底|确保|力争|下降|不低于)/g, "")
    .replace(/(?:要)?回升(?:到|至)?$/g, "")
    // "重点企业实现产值" measures 产值.
    .replace(/(?<=[^\s])实现(?=总产值|产值|营业收入|增加值|利润|税收|销售|收入)/g, "")
    // "三年累计完成工业投资" measures 累计工业投资.
    .replace(/累计完成(?=[\u4e00-\u9fff])/g, "累计")
    .replace(/(?:必须|需要|须|需|应)(?:分别)?完成/g, "")
    // "增速要高于全市平均水平": the 要 of a goal is no part of what it measures.
    .replace(/要(?:分别)?完成/g, "")
    .replace(/要(?=高于|低于|达到|迈上|实现|突破|保持|提高|控制|增长|下降|稳)/g, "");
  return verbFirst(balanceQuotes(stripTrailing(stripLeading(t))).trim());
}

/** "营业收入过百亿元企业新增(2户)" counts 新增营业收入过百亿元企业: a count's verb after what it counts goes first. */
function verbFirst(name: string): string {
  const m = /^([\u4e00-\u9fff“”"\d.]{2,40}?)(新增|新建|新开工)$/.exec(name);
  return m ? m[2] + m[1] : name;
}

/** The words before a figure without the tier between verb and figure: "年均增长确保(8%)" grows as "年均增长(8%)". */
function untiered(before: string): string {
  return before.trimEnd().replace(TIER_AT_END, "");
}

/** "规上工业增加值增长8%" → true: the figure is a growth rate, named …增速. */
export function isGrowth(before: string, unit: string): boolean {
  return unit === "%" && /(?:年均)?增长(?:率|目标)?(?:达到|达|超过|超|为|是|不低于)?$/.test(untiered(before));
}

/** "能耗下降3%" → true: the figure is a fall, named …降幅. */
export function isDecline(before: string, unit: string): boolean {
  return (
    unit === "%" && /(?:年均)?(?:下降|降低|减少)(?:率)?(?:达到|达|超过|超|为|不低于)?$/.test(untiered(before))
  );
}

export function declineName(name: string, before: string): string {
  if (/(降幅|下降幅度|下降率)$/.test(name)) return name;
  const base = name.replace(/(?:年均)?(?:下降|降低|减少)?$/, "");
  return `${base}${/年均(?:下降|降低|减少)/.test(before) ? "年均降幅" : "降幅"}`;
}

export function growthName(name: string, before: string): string {
  if (/(增速|增长率|增幅)$/.test(name)) return name;
  const base = name.replace(/目标$/, "").replace(/(?:年均)?(?:增长)?$/, "");
  return `${base}${/年均增长/.test(before) ? "年均增速" : "增速"}`;
}

/** A name's subject for a following "占…比重" clause: "四大先进制造业集群规上产值" (not its 增速). */
export function subjectOf(name: string): string {
  return name.replace(/(增速|增长|年均增速|占比|比重)$/, "");
}
