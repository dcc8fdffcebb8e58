// A returned file that is no workbook to read (fileKind, submission), and a county's 汇总 sent up as its return
// (countyRollup). {reason} is a reader's own words, passed on as they are.
import type { Wording } from "./message";

export const FILE_WORDS = {
  "file.encrypted": {
    zh: "工作簿设有打开密码(已加密),无法读取;请报送单位取消密码后重新报送",
    en: "The workbook has an opening password (encrypted) and cannot be read; ask the unit to remove it and send again",
  },
  "file.empty": { zh: "文件是空的(0 字节)", en: "The file is empty (0 bytes)" },
  "file.word": {
    zh: "这是 Word 或 WPS 文字文档(.doc/.wps),不是工作簿;请用下发的模板填写后重新报送",
    en: "This is a Word or WPS document (.doc/.wps), not a workbook; fill in the issued template and send again",
  },
  "file.broken_zip": {
    zh: "文件已损坏(zip 结构不完整),无法读取;请重新报送",
    en: "The file is damaged (incomplete zip) and cannot be read; send it again",
  },
  "file.web_page": {
    zh: "这是网页或 XML 文件,只是扩展名改成了 .xlsx;请用下发的模板填写后重新报送",
    en: "This is a web page or XML file renamed .xlsx; fill in the issued template and send again",
  },
  "file.text": {
    zh: "这是CSV 或文本文件,只是扩展名改成了 .xlsx;请用下发的模板填写后重新报送",
    en: "This is a CSV or text file renamed .xlsx; fill in the issued template and send again",
  },
  "file.unknown": {
    zh: "不是 Excel 工作簿(文件已损坏或格式未知),无法读取",
    en: "Not an Excel workbook (damaged or of an unknown format); cannot be read",
  },
  "file.limit": { zh: "无法读取:{reason}", en: "Cannot be read: {reason}" },
  "file.damaged": {
    zh: "文件已损坏,无法读取:{reason}",
    en: "The file is damaged and cannot be read: {reason}",
  },
  "file.internal": {
    zh: "内部错误,未能读取此文件:{reason}",
    en: "Internal error; this file was not read: {reason}",
  },
  "file.check_failed": { zh: "校验时出错:{reason}", en: "The check failed: {reason}" },
  "county.unit_unknown": {
    zh: "汇总表的标题和文件名都没有指明是哪个单位(应为 {units} 之一)",
    en: "Neither the summary's title nor its file name says which unit it is (one of {units})",
  },
  "county.no_table": {
    zh: "“汇总”工作表里没有找到分解表",
    en: "No breakdown table on the sheet 汇总",
  },
  "county.row_missing": {
    zh: "汇总表缺少指标“{name}”",
    en: "The summary lacks the indicator “{name}”",
  },
  "county.rate": {
    zh: "“{name}”是质态型指标,不能由各单位数值相加得到,请在上级填报模板中直接填写",
    en: "“{name}” is a rate, which the units' figures do not add up to: fill it in on the issued template directly",
  },
  "county.invalid_number": {
    zh: "“{name}”:{cell} 的值“{text}”不是有效数字({problem}),该指标未计入汇总",
    en: "“{name}”: {cell} holds “{text}”, no valid number ({problem}); the indicator is left out of the summary",
  },
  "county.partial": {
    zh: "“{name}”有 {empty} 个单位未填,合计只含已填的 {filled} 个",
    en: "“{name}”: left blank by units: {empty}; the sum holds the others: {filled}",
  },
  "county.sum_too_large": {
    zh: "“{name}”各单位合计超出 Excel 的数值范围(绝对值最大 9.99999999999999E+307),未计入汇总",
    en: "“{name}”: the units' sum is beyond Excel's range (largest magnitude 9.99999999999999E+307); left out of the summary",
  },
  "county.towns_missing": {
    zh: "下级有 {n} 个单位未报送,汇总不完整",
    en: "Units below not reported: {n}; the summary is incomplete",
  },
} as const satisfies Record<string, Wording>;
