// Writing `allocate -o`: a copy of the input with only the row's town cells changed, and the change appended to
// its 调整记录. Users share these workbooks, so the checks refuse anything that could overwrite someone's work or
// write the wrong cells.
import { keepWritten, rowChange } from "../core/allocate/changeLog";
import { cellAt } from "../core/check/breakdownTable";
import { parseRange } from "../core/grid";
import { planChangeLog, type ChangeLogMeta } from "../core/layout/changeLogSheet";
import { changeLogGrid, renderChangeLog } from "../xlsx/changeLogXlsx";
import type { Allocation } from "./allocatePrint";
import type { Target } from "./allocateTarget";
import { CliError } from "./errors";
import { writeFileAtomically } from "./writeOutput";

/** Refuses a row whose town cells are merged: values cannot be written town by town there. */
export function checkTownCellsUnmerged(t: Target): void {
  const merged = mergedTownCells(t);
  if (merged.length > 0)
    throw new CliError(
      `${t.place}: 单元格 ${merged.join("、")} 是合并单元格,无法逐个写入各单位的值;请先取消合并`,
    );
}

function mergedTownCells(t: Target): string[] {
  const cells = t.table.towns.map((x) => cellAt(t.table, t.row, x.line));
  return t.merges.filter((ref) => {
    const r = parseRange(ref);
    if (!r) return false;
    const [r1, c1, r2, c2] = r;
    if (r1 === r2 && c1 === c2) return false;
    return cells.some(([row, col]) => row >= r1 && row <= r2 && col >= c1 && col <= c2);
  });
}

/** What writing did: notes on the formulas it replaced or kept, and the batch of 调整记录 (null: no change). */
export interface OutputWritten {
  notes: string[];
  recorded: { batch: number; rows: number } | null;
}

/**
 * Copies the input with ExcelJS, sets the planned town cells and the 全市 cell when the total changes (nothing
 * else but 调整记录, where the cells changed are appended as one batch) and asks Excel to recalculate on open, so
 * the sheet's 分解合计/差额/校验 formulas follow.
 */
export async function writeOutput(
  out: string,
  t: Target,
  a: Pick<Allocation, "writes" | "method" | "heldAt">,
  meta: ChangeLogMeta,
): Promise<OutputWritten> {
  const { default: ExcelJSLib } = await import("exceljs");
  const wb = new ExcelJSLib.Workbook();
  try {
    await wb.xlsx.readFile(t.file);
  } catch (e) {
    throw new CliError(`${t.file}: ExcelJS 无法读取该工作簿(${(e as Error).message})`);
  }
  const ws = wb.getWorksheet(t.grid.name);
  if (!ws) throw new CliError(`${t.file}: ExcelJS 读到的工作簿里没有工作表“${t.grid.name}”`);
  const notes: string[] = [];
  const written: string[] = [];
  for (const { address, value, total } of a.writes) {
    const cell = ws.getCell(address);
    // The 全市 cell follows a new target unless a formula makes it: that formula is the clerk's rule.
    if (total && cell.formula) {
      notes.push(`全市单元格 ${address} 为公式 =${cell.formula},未改写`);
      continue;
    }
    if (cell.formula) notes.push(`${address} 原为公式 =${cell.formula},已改为数值`);
    cell.value = value;
    written.push(address);
  }
  const recorded = record(wb, t, a, written, meta);
  wb.calcProperties.fullCalcOnLoad = true;
  let buffer: Buffer;
  try {
    buffer = Buffer.from(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new CliError(`${t.file}: ExcelJS 无法写出该工作簿(${(e as Error).message})`);
  }
  writeFileAtomically(out, buffer);
  return { notes, recorded };
}

/** Appends the cells written to the workbook's 调整记录 (creating it when absent). */
function record(
  wb: Parameters<typeof renderChangeLog>[0],
  t: Target,
  a: Pick<Allocation, "writes" | "method" | "heldAt">,
  written: string[],
  meta: ChangeLogMeta,
): OutputWritten["recorded"] {
  const change = rowChange({
    sheet: t.grid.name,
    table: t.table,
    row: t.row,
    plan: {
      current: t.previous,
      cityValue: t.cityValue,
      writes: a.writes,
      cityWrite: a.writes.find((w) => w.total),
    },
    method: a.method,
    heldAt: a.heldAt,
  });
  const changes = keepWritten([change], written);
  const planned = planChangeLog(changeLogGrid(wb), changes, meta);
  if (!planned) return null;
  renderChangeLog(wb, planned.write);
  return { batch: planned.batch, rows: changes.reduce((n, c) => n + c.cells.length, 0) };
}
