// 催报: the notice a clerk sends (by the office's chat group or OA) to the units that have not reported yet, and
// to those whose return has errors, with the deadline and whom to call. Pure: dates come in as "YYYY-MM-DD".

export interface ReminderInput {
  year: string;
  /** Every unit the templates went to: decides how they are addressed, and whether all are missing. */
  units: string[];
  /** Units without a usable return, in the breakdown's order. */
  missing: string[];
  /** Units whose counted return has errors, with how many. */
  withErrors: { unit: string; errors: number }[];
  /** "YYYY-MM-DD"; anything else asks for the returns 尽快. */
  deadline: string;
  contact?: string;
  phone?: string;
  /** The office signing the notice, e.g. "市经信局". */
  sender?: string;
  /** "YYYY-MM-DD": the notice's date, under the sender. */
  today?: string;
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

function parseDate(iso: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  // 2026-02-30 is no date (Date would roll it into March).
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? { y, m: mo, d } : null;
}

/** "2026-12-05" → "2026年12月5日"; null when it is no date. */
export function chineseDate(iso: string): string | null {
  const p = parseDate(iso);
  return p ? `${p.y}年${p.m}月${p.d}日` : null;
}

/** "2026-12-05" → "星期六". */
export function weekday(iso: string): string | null {
  const p = parseDate(iso);
  return p ? `星期${WEEKDAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()]}` : null;
}

/** `days` after `today` ("YYYY-MM-DD" both): the deadline offered when the clerk has set none. */
export function addDays(today: string, days: number): string {
  const p = parseDate(today);
  if (!p) return today;
  return new Date(Date.UTC(p.y, p.m - 1, p.d + days)).toISOString().slice(0, 10);
}

/** 各镇(街道) when the units are towns, streets and parks (区), else 各有关单位. */
export function addressee(units: string[]): string {
  return units.length > 0 && units.every((u) => /(镇|乡|街道|区)$/.test(u)) ? "各镇(街道)" : "各有关单位";
}

/** The title of the form as the towns know it: the template is "2023年…目标任务填报". */
export const formTitle = (year: string) => `《${year ? `${year}年` : ""}目标任务填报表》`;

/**
 * The notice's text: the addressee, who is to report by when, who is to correct and report again, the contact
 * line, and the sender with the date. "" when every unit has reported without errors.
 */
export function reminderText(r: ReminderInput): string {
  if (r.missing.length === 0 && r.withErrors.length === 0) return "";
  const date = chineseDate(r.deadline);
  const day = weekday(r.deadline);
  const by = date ? `于${date}(${day})前` : "尽快";
  const form = formTitle(r.year);
  const to = addressee(r.units);
  const paragraphs: string[] = [];
  if (r.missing.length > 0) {
    const who = r.missing.length === r.units.length ? `请${to}` : `请尚未报送的${r.missing.join("、")}`;
    paragraphs.push(`${who}${by}报送${form}(请使用下发的填报模板填写,勿增删行列)。`);
  }
  if (r.withErrors.length > 0) {
    const list = r.withErrors.map((e) => `${e.unit}${e.errors}项`).join("、");
    const again = r.missing.length > 0 && date ? "于同日前" : by;
    paragraphs.push(
      `${r.withErrors.map((e) => e.unit).join("、")}已报送的填报表经校验存在错误(${list}),` +
        `请对照反馈的问题清单核实更正后${again}重新报送。`,
    );
  }
  const contact = [
    r.contact?.trim() ? `联系人:${r.contact.trim()}` : "",
    r.phone?.trim() ? `联系电话:${r.phone.trim()}` : "",
  ].filter(Boolean);
  if (contact.length > 0) paragraphs.push(`${contact.join(",")}。`);
  const lines = [`${to}:`, ...paragraphs.map((p) => `    ${p}`)];
  const signed = [r.sender?.trim() ?? "", (r.today && chineseDate(r.today)) || ""].filter(Boolean);
  if (signed.length > 0) lines.push("", ...signed);
  return lines.join("\n");
}
