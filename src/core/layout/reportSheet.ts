// 校验报告: the check's results as a sheet, one row per indicator, coloured by severity, for printing or filing.
import type { SheetReport } from "../check/checkWorkbook";
import { STATUS_LABEL } from "../check/status";
import { KIND_LABEL } from "../units";
import { SheetBuilder } from "./builder";
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
} from "./look";
import type { SheetSpec } from "./sheetSpec";

export const REPORT_SHEET = "校验报告";
const HEADER_ROW = 3;
const SEVERITY_LABEL = { error: "错误", warning: "警告", info: "" } as const;

/** `checkedAt` is passed in (not read from a clock) so the layout stays a pure function of its inputs. */
export function checkReportSheet(report: SheetReport, checkedAt: string, name = REPORT_SHEET): SheetSpec {
  const header = [
    "行号",
    "指标",
    "计量单位",
    "类型",
    "结果",
    "级别",
    `${report.totalColumn}目标`,
    "分解合计",
    "差额",
    "单元格",
    "说明",
  ];
  const last = header.length;
  const b = new SheetBuilder(name);
  b.title(1, last, `校验报告:工作表“${report.sheet}”${report.year ? `(${report.year}年)` : ""}`, TITLE_STYLE);
  const counts = Object.entries(report.summary)
    .map(([k, n]) => `${STATUS_LABEL[k as keyof typeof STATUS_LABEL]} ${n}`)
    .join(",");
  b.set(2, 1, `校验时间:${checkedAt};${report.units.length} 个单位;共 ${report.results.length} 行:${counts}`);
  b.merge(2, 1, 2, last).style(2, 1, 2, last, NOTE_STYLE);
  b.setRow(HEADER_ROW, 1, header).style(HEADER_ROW, 1, HEADER_ROW, last, HEADER_STYLE);
  report.results.forEach((r, i) => {
    b.setRow(HEADER_ROW + 1 + i, 1, [
      r.row,
      r.indicator,
      r.unit,
      KIND_LABEL[r.kind],
      STATUS_LABEL[r.status],
      SEVERITY_LABEL[r.severity],
      r.target,
      r.allocated,
      r.difference,
      r.cells.join("、"),
      r.message,
    ]);
  });
  const first = HEADER_ROW + 1;
  const lastRow = Math.max(first, HEADER_ROW + report.results.length);
  b.style(first, 1, lastRow, last, BODY_STYLE);
  b.style(first, 1, lastRow, 1, CENTER);
  b.style(first, 3, lastRow, 6, CENTER);
  b.style(first, 11, lastRow, 11, WRAP_LEFT);
  b.spec.conditionalFormats.push(
    { ref: `A${first}:K${lastRow}`, formula: `$F${first}="错误"`, fill: ERROR_FILL, fontColor: ERROR_FONT },
    {
      ref: `A${first}:K${lastRow}`,
      formula: `$F${first}="警告"`,
      fill: WARNING_FILL,
      fontColor: WARNING_FONT,
    },
  );
  return b.finishTable({
    headerRow: HEADER_ROW,
    lastRow,
    lastColumn: last,
    widths: [6, 30, 10, 8, 10, 6, 10, 10, 8, 12, 48],
    frozenColumns: 2,
  });
}
