// Words that tell how a clause names its figures: bare verbs, task talk, measures alone, places alone, topics.
// (Names themselves are cleaned in names.ts; what a figure is, in statements.ts.)

/** A name that is only a verb ("临江区新增8家"): the figure measures what the sentence last measured. */
export const BARE_VERB =
  /^(?:(?:已经?|仅|只|才|均已)?(?:冲刺|新增|完成|实现|达到|引进|签约|开工|投产|入库|入规|竣工)|累计|累计完成|总量|规模|总额|(?:年度|全年)?(?:目标|任务|目标任务|计划)(?:数|值)?)$/;
/** Words around a task that name none: "高于8.5%的年度目标", "完成年度任务(", "与年初确定的增长". */
export const TASK_TALK =
  /[(（]|(?:完成|超额完成|高于|低于|距离?|与|比|较|还差|仍差|超过|年初|确定的?|下达的?|按|全年|年度|目标任务|目标|任务|计划|数|为|增长|下降|的|[省市县区]|才能|方能|实现|确保|力争|对照|人代会|预期)/g;
/** Words of who set a task or what it is compared with: no part of its name ("…工作报告确定的增长7.5%的目标"). */
export const SETTING_WORDS = /确定|下达|会议|报告|对照|相比|但|仍|与/;
/** Verbs that make a clause more than a name. */
export const GOAL_VERB =
  /完成|实现|达到|突破|新增|引进|建成|开工|培育|推动|确保|力争|加快|提升|提高|增长|下降/;
/**
 * A clause that is only what the next ones measure: "规上工业营业收入,确保突破800亿元,力争达到850亿元" (a name
 * ending as a measure does, no figure, no verb).
 */
export const MEASURE_ALONE =
  /^[\u4e00-\u9fff“”"]{2,16}(?:产值|增加值|投资|收入|利润|税收|总额|销售|用电量|出口|进出口|营收|企业|项目|增速|比重|规模)$/;
/** An amount's name, whose bare % is its growth: "(一)规上工业增加值" then "东港镇:目标8%". */
export const AMOUNT_NAME = /(?:产值|增加值|投资|收入|利润|税收|总额|销售|用电量|出口|进出口|营收)$/;
/** A clause that is a place alone, opening what it says of that place: "鹤坪县:规上工业增加值增长9.1%…". */
export const PLACE_ALONE = /^[\u4e00-\u9fff]{2,10}(?:市|县|区|镇|街道|乡|开发区|园区|产业园|高新区|新区)$/;
/** A sub-heading's numbering before the place it is about: "(七)荷塘乡、枫林乡、新市镇". */
export const NUMBERING = /^\s*[(（][一二三四五六七八九十]+[)）]\s*/;
/** A verb a count's bare name has, that says what the last thing measured undergoes: "…实施重点工业项目62个,一季度要确保开工18个". */
export const COUNT_VERB = /^(?:开工|签约|投产|竣工|建成|落地|引进|新增|入库)$/;
export const LEADING_VERB_OF =
  /^(?:计划)?(?:实施|推进|建设|谋划|储备|开工|新开工|签约|投产|竣工|建成|落地|引进|新增|入库)/;
/** A clause naming what the next ones measure: "从规上工业总产值看", "新入规企业方面". */
export const TOPIC = /^(?:从)?(?!分)([\u4e00-\u9fff“”"]{2,16}?)(?:来看|看|方面|情况)$/;
/** Words that compare with a target rather than name what it measures: "…,均已超过年度目标;". */
export const COMPARES = /超过|超出|超额|接近|低于|高于|差距|距离|落后|快于|慢于/;
/**
 * A change's starting figure and verb, at the end of the words before its new figure: "由目前的12.4万元/亩提高到"
 * (the figure it goes to is the goal; the words are no part of the name).
 */
export const CHANGED_TO =
  /由[^,，;；由]{0,24}?(?:提高|提升|增加|增长|扩大|降低|下降|减少|压减|压缩|上升)(?:到|至)$/;
/** Words of how or whether a task was done, left of a clause about it: "已提前(完成年度任务)". */
export const MANNER_ALONE = /^(?:已经?|均|都|基本|全面|提前|超额|尚未|未能?|没有|仍未|顺利|圆满|按期)+$/;
/** Who set a task and for whom, before what it is: "超额完成县下达我镇". */
export const TASK_SETTER =
  /^(?:超额)?(?:完成)?(?:[省市县区镇]里?|上级)?下达(?:给)?(?:我[镇县区市乡]|全[镇县区市乡]|各地)?(?:的)?(?=[\u4e00-\u9fff]{2})/;
/** What a task is of, before the verb that completes it: "工业投资完成市下达年度任务" (工业投资). */
export const TASK_DOER =
  /^([\u4e00-\u9fff]{2,}?)(?:已经?|已?超额)?(?:完成|占)(?:[省市县区]下达(?:的)?|年初确定的?)?(?:年度|全年)?(?:目标任务|目标|任务|计划)$/;
