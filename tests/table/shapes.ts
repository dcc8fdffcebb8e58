// Breakdown tables in the shapes bureaus lay them out, as sheets a clerk would type: towns as rows, one indicator
// per sheet, subtotal columns, 确保/力争 tiers under merged town names, several years, other header words. Each
// is written to a real .xlsx with ExcelJS (merges included) and read back by the product's reader.
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Grid, GridValue } from "../../src/core/grid";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { tempDir } from "../helpers/workbooks";

export interface Shape {
  name: string;
  rows: GridValue[][];
  merges?: string[];
}

export const TOWNS = ["当湖街道", "钟埭街道", "新埭镇", "新仓镇"];

/** Towns as rows, indicators as columns, 合计 at the bottom. 制造业投资 is over by 2, 专精特新 short by 1. */
export const townsAsRows: Shape = {
  name: "镇街目标",
  rows: [
    ["2023年各镇(街道)主要指标目标分解表"],
    ["镇(街道)", "工业投资(亿元)", "制造业投资(亿元)", "规上工业增加值增长(%)", "专精特新企业(家)", "备注"],
    ["当湖街道", 30, 20, 6.5, 3, ""],
    ["钟埭街道", 20, 12, 7, 2, "含园区"],
    ["新埭镇", 25, 15, 8, 4, ""],
    ["新仓镇", 15, 10, 5.5, 1, ""],
    ["合计", 90, 55, 6.8, 11, ""],
  ],
  merges: ["A1:F1"],
};

/** One indicator, from the title; base, target and growth per town. The 全市 growth is within the towns' range but
 * not Σtarget/Σbase − 1 (that is 11.1%): a min–max check would pass it. */
export const oneIndicator: Shape = {
  name: "工业投资",
  rows: [
    ["2023年各镇(街道)工业投资目标任务分解表"],
    ["单位:亿元"],
    ["镇(街道)", "2022年完成", "2023年目标", "增长(%)"],
    ["当湖街道", 25, 30, 20],
    ["钟埭街道", 20, 21, 5],
    ["新埭镇", 20, 22, 10],
    ["新仓镇", 25, 27, 8],
    ["全市", 90, 100, 9],
  ],
  merges: ["A1:D1"],
};

/** Subtotal columns between the towns: 街道小计 and 镇小计, counted once, each right. */
export const withSubtotals: Shape = {
  name: "2023年分解",
  rows: [
    ["指标名称", "单位", "当湖街道", "钟埭街道", "街道小计", "新埭镇", "新仓镇", "镇小计", "全市", "备注"],
    ["制造业投资", "亿元", 20, 12, 32, 15, 10, 25, 57, ""],
    ["专精特新企业", "家", 3, 2, 5, 4, 1, 5, 10, ""],
    ["亩均税收", "万元/亩", 40, 35, 38, 30, 28, 29, 33, ""],
    ["技改投资", "亿元", 10, 10, 21, 5, 5, 10, 30, "街道小计错"],
  ],
};

/** 确保 and 力争 under each town (merged names over two tiers), two header rows. 力争 over-allocates. */
export const tiers: Shape = {
  name: "2023年目标",
  rows: [
    ["2023年各镇(街道)目标任务分解"],
    ["指标名称", "当湖街道", null, "钟埭街道", null, "新埭镇", null, "全市", null],
    [null, "确保", "力争", "确保", "力争", "确保", "力争", "确保", "力争"],
    ["制造业投资(亿元)", 20, 22, 12, 14, 15, 17, 47, 52],
    ["规上工业增加值增长(%)", 6, 7, 7, 8, 8, 9, 7, 8],
    ["新增专精特新企业(家)", 3, 4, 2, 3, 4, 5, 9, 10],
  ],
  merges: ["A1:I1", "A2:A3", "B2:C2", "D2:E2", "F2:G2", "H2:I2"],
};

/** 项目 and 总计 as header words, the unit of measure given once above the table. */
export const otherWords: Shape = {
  name: "Sheet1",
  rows: [
    ["2024年工业经济目标任务分解"],
    ["(单位:万元)"],
    ["序号", "项目", "A镇", "B镇", "市本级", "总计", "责任单位"],
    [1, "工业投资", 5000, 3000, 2000, 10000, "市发改局"],
    [2, "技改投资", 2000, 1000, 500, 3600, "市经信局"],
  ],
  merges: ["A1:G1"],
};

/** Several years: a year over the towns and 全市. */
export const years: Shape = {
  name: "分年度目标",
  rows: [
    ["主要指标", "2024年", null, null, "2025年", null, null],
    [null, "新埭镇", "新仓镇", "全市", "新埭镇", "新仓镇", "全市"],
    ["制造业投资(亿元)", 15, 10, 25, 17, 11, 30],
    ["规上工业亩均税收(万元/亩)", 30, 28, 29, 32, 30, 31],
  ],
  merges: ["B1:D1", "E1:G1", "A1:A2"],
};

/** A prefecture's table: 平湖市 is a county (a unit), 全市 the total. */
export const counties: Shape = {
  name: "县(市、区)分解",
  rows: [
    ["指标名称", "南湖区", "嘉善县", "平湖市", "海宁市", "全市"],
    ["制造业投资(亿元)", 100, 120, 118, 130, 468],
  ],
};

/** A header without any total: what was found is said, nothing is guessed. */
export const noTotal: Shape = {
  name: "草稿",
  rows: [
    ["指标名称", "当湖街道", "钟埭街道"],
    ["制造业投资(亿元)", 20, 12],
  ],
};

/** Writes the shapes, one sheet each, to a new .xlsx with ExcelJS, and returns its path. */
export async function writeShapes(shapes: Shape[], dir = tempDir("shapes-")): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const shape of shapes) {
    const ws = wb.addWorksheet(shape.name);
    shape.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const m of shape.merges ?? []) ws.mergeCells(m);
  }
  const path = join(dir, "shapes.xlsx");
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

/** The shapes written to .xlsx and read back by the product's reader. */
export async function readBack(shapes: Shape[]): Promise<Grid[]> {
  return XlsxFile.open(await writeShapes(shapes)).readAll();
}
