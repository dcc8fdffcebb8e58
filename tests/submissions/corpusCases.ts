// The cases of the corpus (corpus.ts builds them): each a town's template, edited as the town edits it in Excel,
// with the findings expected as "severity:code@sheet!cell". Rows of 填报: 4 规上工业增加值增长 (质态型 %),
// 5 制造业投资 (亿元), 11 高价值发明专利拥有量 (件), 12 数字经济… (当湖街道 "-"), 15 整治企业数 (家), 16 腾出用地 (亩),
// 17 腾出能耗, 18 能耗下降 (pending). 新仓镇 sends nothing.
import type ExcelJS from "exceljs";

type Edit = (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;

export interface Spec {
  town: string;
  name: string;
  edit?: Edit;
  expected: string[];
  /** Re-saved by LibreOffice (xlsx, or "xls" renamed to .xlsx). */
  libreoffice?: "xlsx" | "xls";
  unit?: string | null;
}

const set =
  (values: Record<string, ExcelJS.CellValue>): Edit =>
  (ws) => {
    for (const [ref, v] of Object.entries(values)) ws.getCell(ref).value = v;
  };
const noMarker: Edit = (_, wb) => wb.removeWorksheet(wb.getWorksheet("_目标分解助手")!.id);
const both =
  (...edits: Edit[]): Edit =>
  (ws, wb) =>
    edits.forEach((e) => e(ws, wb));
/** Moves a row's values to the end of the table (a clerk sorting or cutting and pasting). */
const moveRowToEnd =
  (row: number, last: number): Edit =>
  (ws) => {
    const values = Array.from({ length: 7 }, (_, c) => ws.getCell(row, c + 1).value);
    for (let r = row; r < last; r++)
      for (let c = 1; c <= 7; c++) ws.getCell(r, c).value = ws.getCell(r + 1, c).value;
    values.forEach((v, c) => (ws.getCell(last, c + 1).value = v));
  };
const swapColumns =
  (a: number, b: number): Edit =>
  (ws) => {
    for (let r = 3; r <= 18; r++) {
      const v = ws.getCell(r, a).value;
      ws.getCell(r, a).value = ws.getCell(r, b).value;
      ws.getCell(r, b).value = v;
    }
  };

export const W = (code: string, where = "填报!") => `warning:${code}@${where}`;
export const E = (code: string, where = "填报!") => `error:${code}@${where}`;

export const SPECS: Spec[] = [
  { town: "当湖街道", name: "当湖街道.xlsx", expected: [] },
  { town: "曹桥街道", name: "曹桥街道-最终版.xlsx", edit: set({ F5: 9 }), expected: [] },
  {
    town: "经开区",
    name: "经开区.xlsx",
    edit: (ws) => (ws.name = "经开区2023"),
    expected: [W("sheet_renamed", "经开区2023!")],
  },
  {
    town: "新埭镇",
    name: "新埭镇.xlsx",
    edit: (ws) => ws.spliceColumns(6, 0, [null, null, "上年完成", 11]),
    expected: [W("column_added", "填报!F3")],
  },
  {
    town: "独山港区",
    name: "独山港区.xlsx",
    edit: moveRowToEnd(5, 18),
    expected: [W("row_moved", "填报!B18")],
  },
  {
    town: "独山港区",
    name: "独山港区(文本数字).xlsx",
    edit: set({ F5: "40.5" }),
    expected: [W("text_number", "填报!F5")],
  },
  {
    town: "广陈镇",
    name: "广陈镇.xlsx",
    edit: set({ F5: "１．５５" }),
    expected: [W("text_number", "填报!F5")],
  },
  {
    town: "经开区",
    name: "经开区-v2.xlsx",
    edit: set({ F16: "1,200" }),
    expected: [W("text_number", "填报!F16")],
  },
  {
    town: "林埭镇",
    name: "林埭镇.xlsx",
    edit: set({ F5: "1.55亿元" }),
    expected: [W("text_number", "填报!F5")],
  },
  {
    town: "新埭镇",
    name: "新埭镇-v2.xlsx",
    edit: set({ F5: "122000万元" }),
    expected: [E("unit_mismatch", "填报!F5")],
  },
  {
    town: "曹桥街道",
    name: "曹桥街道(公式).xlsx",
    edit: set({ F6: { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue }),
    expected: [E("invalid_value", "填报!F6")],
  },
  { town: "林埭镇", name: "林埭镇-v2.xlsx", edit: set({ F11: null }), expected: [E("blank", "填报!F11")] },
  {
    town: "独山港区",
    name: "独山港区-v3.xlsx",
    edit: set({ F15: -5 }),
    expected: [E("negative", "填报!F15"), E("below_target", "填报!F15")],
  },
  {
    town: "经开区",
    name: "经开区-v3.xlsx",
    edit: set({ E5: 35 }),
    expected: [E("target_changed", "填报!E5")],
  },
  {
    town: "广陈镇",
    name: "广陈镇-v2.xlsx",
    edit: set({ F11: 60, G11: "两家企业专利转让外地" }),
    expected: [W("below_target", "填报!F11")],
  },
  {
    town: "林埭镇",
    name: "林埭镇-v3.xlsx",
    edit: set({ F5: 1.2 }),
    expected: [E("below_target", "填报!F5")],
  },
  {
    town: "当湖街道",
    name: "当湖街道-v2.xlsx",
    edit: set({ F5: 5 }),
    expected: [W("far_from_target", "填报!F5")],
  },
  {
    town: "曹桥街道",
    name: "曹桥街道-v3.xlsx",
    edit: set({ F4: 7 }),
    expected: [W("below_target", "填报!F4")],
  },
  { town: "新埭镇", name: "回执(1).xlsx", edit: noMarker, expected: [W("no_marker", "!")] },
  {
    town: "林埭镇",
    name: "林埭镇 报送.xlsx",
    edit: both(noMarker, set({ A1: "目标任务填报" })),
    expected: [W("no_marker", "!")],
  },
  {
    town: "经开区",
    name: "新建 Microsoft Excel 工作表.xlsx",
    edit: both(noMarker, set({ A1: "目标任务填报" })),
    expected: [E("unknown_unit", "!")],
    unit: null,
  },
  {
    town: "广陈镇",
    name: "广陈镇-去年模板.xlsx",
    edit: (_, wb) => (wb.getWorksheet("_目标分解助手")!.getCell("B3").value = "2022"),
    expected: [E("wrong_year", "_目标分解助手!")],
  },
  {
    town: "经开区",
    name: "经开区-v4.xlsx",
    edit: set({ B11: "高价值发明专利拥有数" }),
    expected: [W("indicator_renamed", "填报!B11")],
  },
  {
    town: "曹桥街道",
    name: "曹桥街道-v4.xlsx",
    edit: (ws) => ws.spliceRows(13, 1),
    expected: [E("row_missing")],
  },
  {
    town: "独山港区",
    name: "独山港区-v4.xlsx",
    edit: (ws) => (ws.getRow(19).values = [16, "工业技改投资", "亿元", "总量型", null, 3]),
    expected: [W("row_added", "填报!B19")],
  },
  {
    town: "当湖街道",
    name: "当湖街道-v3.xlsx",
    edit: (ws) => ws.mergeCells("F16:F17"),
    expected: [W("merged_cells", "填报!F16:F17"), E("blank", "填报!F17")],
  },
  {
    town: "广陈镇",
    name: "广陈镇-v3.xlsx",
    edit: (ws) => (ws.getRow(10).hidden = true),
    expected: [W("hidden_row", "填报!A10")],
  },
  {
    town: "林埭镇",
    name: "林埭镇-v4.xlsx",
    edit: (ws) => ws.spliceRows(2, 0, ["填报单位:林埭镇"]),
    expected: [W("header_moved", "填报!A4")],
  },
  {
    town: "当湖街道",
    name: "当湖街道-v4.xlsx",
    edit: (ws) => ws.spliceColumns(7, 1),
    expected: [W("column_missing")],
  },
  {
    town: "曹桥街道",
    name: "曹桥街道-v5.xlsx",
    edit: swapColumns(3, 4),
    expected: [W("column_moved", "填报!C3")],
  },
  {
    town: "新埭镇",
    name: "新埭镇-v3.xlsx",
    edit: set({ F11: "约90" }),
    expected: [W("text_number", "填报!F11")],
  },
  {
    town: "独山港区",
    name: "独山港区-v5.xlsx",
    edit: set({ F13: "已完成" }),
    expected: [E("invalid_value", "填报!F13")],
  },
  {
    town: "广陈镇",
    name: "广陈镇-v4.xlsx",
    edit: set({ F12: null, G12: "数据待统计局反馈" }),
    expected: [W("blank", "填报!F12")],
  },
  { town: "曹桥街道", name: "曹桥街道(另存).xlsx", libreoffice: "xlsx", expected: [] },
  {
    town: "林埭镇",
    name: "林埭镇(LibreOffice).xlsx",
    edit: set({ F5: "1.55" }),
    libreoffice: "xlsx",
    expected: [W("text_number", "填报!F5")],
  },
  // An .xls renamed .xlsx is read (SheetJS), as it is: a clean return.
  { town: "独山港区", name: "独山港区(旧版).xlsx", libreoffice: "xls", expected: [] },
];
