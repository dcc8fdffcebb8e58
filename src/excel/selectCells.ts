// Takes the user to a result: activates its sheet and selects the cells (1 sync).
import type { ExcelHost } from "./host";

export async function selectCells(host: ExcelHost, sheet: string, address: string): Promise<void> {
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
