// The sign-off lines under an official 填报表 (填报单位(盖章) / 填报人 / 联系电话 / 填报日期): laid out on the issued
// template, passed over by the return reader (they are no indicators), and read back so the clerk's 报送情况
// shows whom to phone about a return.
import { cellText, type Grid, type GridValue } from "../grid";
import type { SheetBuilder } from "../layout/builder";
import { BODY_STYLE, FONT } from "../layout/look";
import { cellRef, rangeRef } from "../layout/a1";
import { toHalfWidth } from "../text";

/** What a town wrote on its sign-off lines; "" where it wrote nothing. */
export interface SignOff {
  person: string;
  phone: string;
}

export const NO_SIGN_OFF: SignOff = { person: "", phone: "" };

/**
 * A line under the table that is no indicator: notes, signatures, contacts. A label alone or before ":", "(" or
 * a space, so an indicator such as "注册企业数" or "电话用户数" is still one. Tested on the row's first non-empty
 * cell, wherever the town moved it (a label typed into 序号 is no added row either).
 */
const FOOTER =
  /^(注\d*|注意|附注|备注|说明|填表说明|填报单位|单位盖章|盖章|填报人|联系人|经办人|联系电话|电话|填报日期|审核人|单位负责人|负责人|制表人?)([\s:(]|$)/;

/** Only the start is looked at, full-width colons read as half-width, however long a cell a town typed. */
export function isFooterText(text: string): boolean {
  const t = toHalfWidth(text.slice(0, 40)).trim();
  // "说明 本表…" and "填 报 人:" (a wrapped line's spaces) both.
  return FOOTER.test(t) || FOOTER.test(t.replace(/\s+/g, ""));
}

export function isFooterRow(cells: GridValue[] | undefined): boolean {
  const first = (cells ?? []).find((v) => cellText(v ?? null).trim() !== "");
  return first !== undefined && isFooterText(cellText(first));
}

const LABEL_STYLE = {
  font: { size: 11, name: FONT },
  horizontal: "right" as const,
  vertical: "middle" as const,
};

/**
 * Two lines from `row` (1-based) across the template's seven columns: labels in 指标名称 and 本单位填报, the
 * town's entries (unlocked, yellow) in 计量单位…下达目标 (merged) and 说明. Returns the cells to unlock.
 */
export function addSignOffLines(b: SheetBuilder, row: number, town: string, inputFill: string): string[] {
  const lines: [string, string | null, string][] = [
    ["填报单位(盖章):", town, "填报人:"],
    ["联系电话:", null, "填报日期:"],
  ];
  const inputs: string[] = [];
  lines.forEach(([left, value, right], i) => {
    const r = row + i;
    b.set(r, 2, left).set(r, 3, value).set(r, 6, right);
    b.merge(r, 3, r, 5);
    b.style(r, 2, r, 2, LABEL_STYLE).style(r, 6, r, 6, LABEL_STYLE);
    b.style(r, 3, r, 5, { ...BODY_STYLE, fill: inputFill }).style(r, 7, r, 7, {
      ...BODY_STYLE,
      fill: inputFill,
    });
    b.spec.rowHeights[r] = 24;
    inputs.push(rangeRef(r, 3, r, 5), cellRef(r, 7));
  });
  // A phone typed as digits keeps its leading 0; a date typed as one shows the official way.
  b.style(row + 1, 3, row + 1, 5, { numberFormat: "@" });
  b.style(row + 1, 7, row + 1, 7, { numberFormat: 'yyyy"年"m"月"d"日"' });
  return inputs;
}

/** Labels whose entry we keep, and every label (an entry ends where the next label starts). */
const PERSON = /^(填报人|联系人|经办人)$/;
const PHONE = /^(联系电话|电话|手机|联系方式)$/;
const LABEL_WORDS =
  "(填报单位(?:\\(盖章\\))?|单位盖章|填报人|联系人|经办人|联系电话|联系方式|电话|手机|填报日期|审核人|单位负责人|负责人)\\s*:?";
const LABELS = new RegExp(LABEL_WORDS, "g");
const STARTS_WITH_LABEL = new RegExp(`^${LABEL_WORDS}`);

/** Sign-off lines read at most: a sheet of a million "注:" rows is no reason to read them all. */
const MAX_FOOTER_ROWS = 20;

const isBlank = (ch: string) => ch === "_" || ch.trim() === "";

/** "张三" from "张三", "___张三___" or "(签字)": what was written, without the blanks to write on. */
function entry(text: string): string {
  // By hand: a regex trimming both ends is quadratic on a long run of blanks inside a cell.
  let [a, b] = [0, text.length];
  while (a < b && isBlank(text[a])) a++;
  while (b > a && isBlank(text[b - 1])) b--;
  const t = text.slice(a, b);
  return /^\([^)]*\)$/.test(t) ? "" : t;
}

/** 填报人 and 联系电话 from the footer rows below `headerRow` (0-based): "填报人:张三" in one cell or two. */
export function readSignOff(grid: Grid, headerRow: number): SignOff {
  const found: SignOff = { person: "", phone: "" };
  let footers = 0;
  for (let r = headerRow + 1; r < grid.rows.length && footers < MAX_FOOTER_ROWS; r++) {
    const cells = grid.rows[r] ?? [];
    if (!isFooterRow(cells)) continue;
    footers++;
    const texts = cells.map((v) => toHalfWidth(cellText(v ?? null)).trim());
    texts.forEach((text, c) => {
      const labels = [...text.matchAll(LABELS)];
      labels.forEach((m, i) => {
        const label = m[1];
        const end = m.index! + m[0].length;
        let value = entry(text.slice(end, i + 1 < labels.length ? labels[i + 1].index : undefined));
        // The entry in a cell of its own: the next one on the line that is no label itself.
        if (value === "" && i === labels.length - 1) {
          const next = texts.slice(c + 1).find((t) => t !== "");
          if (next && !STARTS_WITH_LABEL.test(next)) value = entry(next);
        }
        if (PERSON.test(label) && !found.person) found.person = value;
        if (PHONE.test(label) && !found.phone) found.phone = value;
      });
    });
  }
  return found;
}
