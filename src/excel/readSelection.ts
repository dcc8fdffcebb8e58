// 载入指标 → 使用选定区域: the selected range's values and merged cells, in 1 sync. The grid starts at the range's
// top-left cell (merges moved with it), so a table selected far down a sheet is found like one at A1.
import { gridValueFromExcel, type Grid, shiftMerges } from "../core/grid";
import { type ExcelHost, OPTIONAL_FEATURES } from "./host";
import { areasOf } from "./readSheets";

export interface SelectionRead {
  grid: Grid;
  /** "B3:H20", for the preview. */
  address: string;
  warnings: string[];
}

/** A number shown with its comparator by a number format ("50以上") is read as shown, so 以上 is kept. */
function cellOf(value: unknown, shown: string) {
  return typeof value === "number" && COMPARATOR_SHOWN.test(shown) ? shown : gridValueFromExcel(value);
}

const COMPARATOR_SHOWN = /以上|以内|以下|不低于|不超过/;

export async function readSelection(host: ExcelHost): Promise<SelectionRead> {
  const withMerges = host.supports(OPTIONAL_FEATURES.merges.version);
  return host.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("values,text,address,rowIndex,columnIndex,rowCount,columnCount");
    const sheet = range.worksheet;
    sheet.load("name");
    const merged = withMerges ? range.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    await context.sync();
    if (range.rowCount < 2 || range.columnCount < 2)
      throw new Error("请先选定整张表格(含表头行),再点“使用选定区域”;当前只选了一个单元格或一行/一列");
    const areas = merged && !merged.isNullObject ? areasOf(merged.address) : [];
    const merges = shiftMerges(areas, range.rowIndex, range.columnIndex, range.rowCount, range.columnCount);
    return {
      grid: {
        name: sheet.name,
        rows: range.values.map((row, r) => row.map((v, c) => cellOf(v, range.text[r][c]))),
        merges,
      },
      address: range.address.replace(/^.*!/, ""),
      warnings: withMerges ? [] : [OPTIONAL_FEATURES.merges.message],
    };
  });
}
