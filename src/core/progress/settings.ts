// The rule's knobs, editable in the workbook on a sheet 进度设置: how many months behind in a row make red (N),
// what share of the towns counts as the bottom, a tolerance before "behind", and monthly profiles per indicator
// (cumulative share of the year's target due by each month end, e.g. investment back-loaded). Also the words of
// the monthly 通报 that no figure gives: who issues it (发文单位) and its closing requirements (通报要求).
import { readSheetValue } from "../check/sheetValue";
import { cellText, type Grid, type GridValue } from "../grid";
import { cellRef } from "../layout/a1";
import { normalizeName, officialPunctuation, toHalfWidth } from "../text";
import { message, said, type Message } from "../messages/message";
import type { ProgressFinding } from "./actuals";

export const SETTINGS_SHEET = "进度设置";

export interface ProgressSettings {
  /** Months behind schedule in a row (this one included) that turn yellow into red. */
  streakMonths: number;
  /** The bottom share of the ranking (1/3: the last third of the towns). */
  bottomShare: number;
  /** Completion may fall this far (a fraction: 0.02 = 2 个百分点) below 序时进度 and still count as on schedule. */
  tolerance: number;
  /** normalizeName(indicator) → 12 cumulative fractions of the year's target, January first. */
  profiles: Map<string, number[]>;
  /** The 通报's closing requirements, one paragraph each (rows 通报要求 of 进度设置, else the default). */
  requirements: string[];
  /** Who issues the 通报 (row 发文单位), before its date; "" when not given. */
  issuer: string;
}

/** What a 通报 usually asks of the towns; the bureau replaces it with its own rows 通报要求. */
export const DEFAULT_REQUIREMENTS = [
  "各镇(街道)要对照年度目标任务,倒排时间节点,压实工作责任,确保全面完成全年目标任务。",
  "亮红灯、黄灯的单位要深入分析落后原因,制定针对性措施,加快补齐短板,尽快赶上序时进度。",
  "各单位要按时、准确报送月度实绩数据,未报送的单位要及时补报。",
].map(officialPunctuation);

export const DEFAULT_SETTINGS: ProgressSettings = {
  streakMonths: 2,
  bottomShare: 1 / 3,
  tolerance: 0,
  profiles: new Map(),
  requirements: DEFAULT_REQUIREMENTS,
  issuer: "",
};

export const SETTING_LABELS = {
  streakMonths: "连续落后月数(红灯)",
  bottomShare: "末位比例(红灯)",
  tolerance: "容差(百分点)",
  requirements: "通报要求",
  issuer: "发文单位",
} as const;

/** Settings in words: the text of the cells after the label (several cells or lines, each a paragraph). */
const TEXT_LABELS: ["requirements" | "issuer", RegExp][] = [
  ["requirements", /^(通报|工作)要求/],
  ["issuer", /^发文(单位|机关)/],
];

const LABELS: ["streakMonths" | "bottomShare" | "tolerance", RegExp][] = [
  ["streakMonths", /^连续落后(月数)?/],
  ["bottomShare", /^末位(比例|占比)/],
  ["tolerance", /^容差|^允许偏差/],
];

/** "1/3", "三分之一", 0.3333, "33.3%" → a fraction. */
function fractionOf(text: string, value: number | null): number | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const ratio = /^(\d+)\/(\d+)$/.exec(t);
  if (ratio) return Number(ratio[1]) / Number(ratio[2]);
  if (t === "三分之一") return 1 / 3;
  if (t === "四分之一") return 1 / 4;
  if (value === null) return null;
  return t.endsWith("%") || value > 1 ? value / 100 : value;
}

/** A profile row: 12 cumulative shares in % (or fractions), non-decreasing; what is wrong with it when not. */
function profileOf(values: (number | null)[]): number[] | Message {
  if (values.some((v) => v === null)) return message("progress.profile_incomplete");
  const nums = values as number[];
  const fractions = nums.some((v) => v > 1) ? nums.map((v) => v / 100) : nums;
  if (fractions.some((v, i) => v < 0 || (i > 0 && v < fractions[i - 1])))
    return message("progress.profile_decreasing");
  if (Math.abs(fractions[11] - 1) > 1e-9) return message("progress.profile_end");
  return fractions;
}

/** Reads the settings sheet; missing values keep their defaults, bad ones are reported and ignored. */
export function settingsFromGrid(grid: Grid | undefined): {
  settings: ProgressSettings;
  findings: ProgressFinding[];
} {
  const settings: ProgressSettings = { ...DEFAULT_SETTINGS, profiles: new Map() };
  const requirements: string[] = [];
  const findings: ProgressFinding[] = [];
  if (!grid) return { settings, findings };
  const bad = (r: number, c: number, m: Message) =>
    findings.push({ sheet: grid.name, cell: cellRef(r + 1, c + 1), severity: "error", ...said(m) });
  let monthCols: number[] | null = null;
  grid.rows.forEach((cells, r) => {
    const texts = (cells ?? []).map((v) => toHalfWidth(cellText(v)).replace(/\s+/g, ""));
    const jan = texts.findIndex((t) => /^(1|一)月$/.test(t));
    if (jan >= 0) {
      monthCols = Array.from({ length: 12 }, (_, i) => jan + i);
      return;
    }
    const label = texts.findIndex((t) => t !== "");
    if (label < 0) return;
    const textSetting = TEXT_LABELS.find(([, re]) => re.test(texts[label]));
    if (textSetting) {
      const lines = textCells(cells.slice(label + 1));
      if (textSetting[0] === "issuer") settings.issuer = lines.join("");
      else requirements.push(...lines);
      return;
    }
    const setting = LABELS.find(([, re]) => re.test(texts[label]));
    if (setting) {
      const raw = cells[label + 1] ?? null;
      const read = readSheetValue(raw);
      const key = setting[0];
      const v = key === "streakMonths" ? read.value : fractionOf(cellText(raw), read.value);
      const ok =
        v !== null && (key === "streakMonths" ? Number.isInteger(v) && v >= 1 && v <= 12 : v >= 0 && v < 1);
      if (ok) settings[key] = v;
      else if (read.status !== "missing")
        bad(r, label + 1, message("progress.bad_setting", { label: texts[label], text: cellText(raw) }));
      return;
    }
    if (!monthCols) return;
    const values = monthCols.map((c) => readSheetValue(cells[c] ?? null).value);
    if (values.every((v) => v === null)) return;
    const profile = profileOf(values);
    if (!Array.isArray(profile))
      bad(
        r,
        monthCols[0],
        message("progress.bad_profile", { name: cellText(cells[label]), problem: profile }),
      );
    else settings.profiles.set(normalizeName(cellText(cells[label])), profile);
  });
  if (requirements.length > 0) settings.requirements = requirements;
  return { settings, findings };
}

/** The non-blank lines of some cells, trimmed: a clerk writes one requirement a cell or one a line. */
function textCells(cells: readonly GridValue[]): string[] {
  return cells
    .flatMap((v) => cellText(v).split(/\r?\n/))
    .map((t) => t.trim())
    .filter((t) => t !== "");
}
