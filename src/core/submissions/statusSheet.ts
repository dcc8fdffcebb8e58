// 报送情况: who has reported, from which file, when, who filled it in (填报人, 联系电话 from its sign-off lines), and
// how it checked; one row per town in the breakdown's order, then the files that could not be used (unreadable, unidentified, superseded). Then 报送问题: every
// finding with its file, sheet, cell and kind of problem, so the clerk can phone the town with the list in hand.
// An official sheet: Chinese words only (the finding codes stay in the CLI's JSON).
import { SheetBuilder } from "../layout/builder";
import {
  BODY_STYLE,
  CENTER,
  ERROR_FILL,
  ERROR_FONT,
  HEADER_STYLE,
  NOTE_STYLE,
  TITLE_STYLE,
  WARNING_FILL,
  WARNING_FONT,
  WRAP_LEFT,
} from "../layout/look";
import type { SheetSpec } from "../layout/sheetSpec";
import { type Consolidation, STATUS_WORDS, type Submission, submissionStatus } from "./consolidate";
import { zh } from "../messages/message";
import { problemKind, SEVERITY_LABEL } from "./finding";
import { baseName } from "./identify";

export const STATUS_SHEET = "报送情况";
export const FINDINGS_SHEET = "报送问题";
const MATCHED_BY_WORDS = {
  marker: zh("matched_by.marker"),
  content: zh("matched_by.content"),
  filename: zh("matched_by.filename"),
} as const;
const OK_FILL = "#C6EFCE";
const OK_FONT = "#006100";

/**
 * "2024-01-05T02:03:04.000Z" → "2024年1月5日 10:03" in the clerk's time zone (given as minutes east of UTC): dates
 * written the one way official documents (and the pane's 校验报告) write them.
 */
export function localTime(iso: string, offsetMinutes: number): string {
  const t = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString();
  return `${Number(t.slice(0, 4))}年${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}

function fileName(path: string): string {
  return path.replace(/^.*[\\/]/, "") || baseName(path);
}

function problems(s: Submission): string {
  const first = s.findings.slice(0, 3).map((f) => `${f.cell ? `${f.cell} ` : ""}${f.message}`);
  return first.join(";") + (s.findings.length > 3 ? ` 等 ${s.findings.length} 项` : "");
}

/** `collectedAt` and the time zone are passed in, so the layout stays a pure function of its inputs. */
export function statusSheet(
  c: Consolidation,
  towns: string[],
  all: Submission[],
  collectedAt: string,
  tz = 480,
): SheetSpec {
  const header = [
    "序号",
    "单位",
    "状态",
    "文件",
    "接收时间",
    "识别方式",
    "填报人",
    "联系电话",
    "错误",
    "警告",
    "主要问题",
  ];
  const last = header.length;
  const b = new SheetBuilder(STATUS_SHEET);
  b.title(1, last, `${c.summary.year}年目标任务填报 报送情况`, TITLE_STYLE);
  const counts = (["ok", "warning", "error"] as const).map(
    (k) =>
      `${STATUS_WORDS[k]} ${towns.filter((t) => c.used.has(t) && submissionStatus(c.used.get(t)!) === k).length}`,
  );
  b.set(
    2,
    1,
    `汇总时间:${collectedAt};应报 ${towns.length} 个单位,已报 ${towns.length - c.missing.length}:${counts.join(",")},未报送 ${c.missing.length};收到文件 ${all.length} 个`,
  );
  b.merge(2, 1, 2, last).style(2, 1, 2, last, NOTE_STYLE);
  b.setRow(3, 1, header).style(3, 1, 3, last, HEADER_STYLE);
  const row = (unit: string, s: Submission | undefined, status: string) => {
    const count = (sev: string) => s?.findings.filter((f) => f.severity === sev).length ?? null;
    return [
      unit,
      status,
      s ? fileName(s.file) : null,
      s?.receivedAt ? localTime(s.receivedAt, tz) : null,
      s?.matchedBy ? MATCHED_BY_WORDS[s.matchedBy] : null,
      s?.signOff?.person || null,
      s?.signOff?.phone || null,
      count("error"),
      count("warning"),
      s ? problems(s) : null,
    ];
  };
  const lines = towns.map((t) => {
    const s = c.used.get(t);
    return row(t, s, STATUS_WORDS[s ? submissionStatus(s) : "missing"]);
  });
  const usedFiles = new Set([...c.used.values()]);
  for (const s of all)
    if (!usedFiles.has(s)) lines.push(row(s.unit ?? "(未识别)", s, s.unit ? "未计入" : "无法使用"));
  lines.forEach((l, i) => b.setRow(4 + i, 1, [i + 1, ...l]));
  const lastRow = Math.max(4, 3 + lines.length);
  b.style(4, 1, lastRow, last, BODY_STYLE);
  b.style(4, 1, lastRow, 3, CENTER);
  b.style(4, 5, lastRow, 10, CENTER);
  b.style(4, 8, lastRow, 8, { numberFormat: "@" }); // a phone number stays as written
  b.style(4, 11, lastRow, 11, WRAP_LEFT);
  const rule = (words: string[], fill: string, fontColor: string) => ({
    ref: `C4:C${lastRow}`,
    formula: `OR(${words.map((w) => `$C4="${w}"`).join(",")})`,
    fill,
    fontColor,
  });
  b.spec.conditionalFormats.push(
    rule([STATUS_WORDS.error, STATUS_WORDS.missing, "无法使用"], ERROR_FILL, ERROR_FONT),
    rule([STATUS_WORDS.warning, "未计入"], WARNING_FILL, WARNING_FONT),
    rule([STATUS_WORDS.ok], OK_FILL, OK_FONT),
  );
  return b.finishTable({
    headerRow: 3,
    lastRow,
    lastColumn: last,
    widths: [6, 14, 10, 36, 20, 10, 10, 15, 6, 6, 60],
    frozenColumns: 2,
  });
}

export function findingsSheet(all: Submission[]): SheetSpec {
  const header = ["序号", "单位", "文件", "工作表", "单元格", "级别", "问题类型", "说明"];
  const last = header.length;
  const b = new SheetBuilder(FINDINGS_SHEET);
  b.title(1, last, "报送文件校验问题清单", TITLE_STYLE);
  b.set(2, 1, "错误须由报送单位更正后重新报送;警告请核实。填写了“说明”的行,其数值问题按警告处理。");
  b.merge(2, 1, 2, last).style(2, 1, 2, last, NOTE_STYLE);
  b.setRow(3, 1, header).style(3, 1, 3, last, HEADER_STYLE);
  const findings = all.flatMap((s) => s.findings.map((f) => ({ s, f })));
  findings.forEach(({ s, f }, i) =>
    b.setRow(4 + i, 1, [
      i + 1,
      s.unit ?? "(未识别)",
      fileName(f.file),
      f.sheet,
      f.cell,
      SEVERITY_LABEL[f.severity],
      problemKind(f.code),
      f.message,
    ]),
  );
  const lastRow = Math.max(4, 3 + findings.length);
  b.style(4, 1, lastRow, last, BODY_STYLE);
  b.style(4, 1, lastRow, 1, CENTER);
  b.style(4, 5, lastRow, 6, CENTER);
  b.style(4, 8, lastRow, 8, WRAP_LEFT);
  b.spec.conditionalFormats.push(
    { ref: `F4:F${lastRow}`, formula: `$F4="错误"`, fill: ERROR_FILL, fontColor: ERROR_FONT },
    { ref: `F4:F${lastRow}`, formula: `$F4="警告"`, fill: WARNING_FILL, fontColor: WARNING_FONT },
  );
  return b.finishTable({
    headerRow: 3,
    lastRow,
    lastColumn: last,
    widths: [6, 12, 32, 12, 9, 6, 16, 70],
    frozenColumns: 2,
  });
}
