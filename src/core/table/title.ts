// What the lines above a table say: its title, its year, the unit of measure given once ("单位:万元"), and, for
// a one-indicator table, the indicator ("2023年各镇(街道)工业投资目标任务分解表" → 工业投资).
import { cellText, type Grid } from "../grid";
import { toHalfWidth } from "../text";
import { headerKey, MEASURE_UNIT_LINE } from "./vocabulary";

const NOT_A_TITLE = /^(填报单位|说明|注|单位|计量单位|制表|填表)[::]/;

/** The first text above the header that reads like a heading, else "". */
export function titleAbove(grid: Grid, headerRow: number): string {
  for (let r = 0; r < headerRow; r++)
    for (const v of grid.rows[r] ?? []) {
      const text = cellText(v).trim();
      if (text !== "" && !NOT_A_TITLE.test(text)) return text;
    }
  return "";
}

/** "2023年…" in the title, else in the sheet name; "" when neither has a year. */
export function yearOf(title: string, sheetName: string): string {
  const re = /((?:19|20)\d{2})年/;
  return re.exec(toHalfWidth(title))?.[1] ?? /((?:19|20)\d{2})/.exec(sheetName)?.[1] ?? "";
}

/** "单位:万元" on a line above the header (or inside the title's parentheses); "" when none. */
export function measureUnitAbove(grid: Grid, headerRow: number): string {
  for (let r = 0; r < headerRow; r++)
    for (const v of grid.rows[r] ?? []) {
      const m = MEASURE_UNIT_LINE.exec(headerKey(cellText(v)));
      if (m) return m[1];
    }
  return "";
}

const SCOPE =
  /^(全市|全县|全区|本市|我市|我县|我区)?各?(镇\(街道(、园区|、平台)?\)|镇街道?|镇街|乡镇(\(街道\))?|县\(市、区\)|县市区|区县|单位|部门|地区|片区|园区|镇)?/;
const SUFFIX =
  /(目标任务分解表|目标任务分解|任务分解表|目标分解表|分解计划表|分解表|分解方案|目标任务表|任务目标表|目标任务|目标表|计划表|一览表|任务表|完成情况表|情况表|分解|目标|任务)$/;

/** The indicator a one-indicator table's title names, with the unit of measure it gives in parentheses. */
export function indicatorFromTitle(title: string): { name: string; unit: string } {
  let t = headerKey(title);
  let unit = "";
  t = t.replace(/\((?:计量)?单位[::]([^()]*)\)/, (_, u: string) => {
    unit = u;
    return "";
  });
  t = t.replace(/^.*?(?:19|20)\d{2}(?:[-—~至](?:19|20)?\d{2,4})?年度?/, "");
  t = t.replace(SCOPE, "").replace(/^的/, "");
  for (let i = 0; i < 2; i++) t = t.replace(SUFFIX, "");
  const paren = /^(.*\S)\(([^()]{1,8})\)$/.exec(t);
  if (paren && !unit) {
    t = paren[1];
    unit = paren[2];
  }
  return { name: t.replace(/[::]$/, ""), unit };
}
