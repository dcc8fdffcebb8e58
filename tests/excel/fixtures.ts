// A fresh in-memory workbook behind the strict fake Excel API, with the adapter's host on top of it.
import type { ExcelHost } from "../../src/excel/host";
import { createFakeExcel } from "../../src/workbench/fakeExcel";

export function fakeHost(options: { apiVersion?: string; sheets?: string[] } = {}) {
  const fake = createFakeExcel(undefined, {
    apiVersion: options.apiVersion ?? "1.13",
    sheets: options.sheets,
  });
  const host: ExcelHost = { run: fake.run as ExcelHost["run"], supports: fake.supports };
  return { fake, host, workbook: fake.workbook, stats: fake.stats };
}

/** Reads a cell's shown value through the fake API itself (a separate batch, not counted by the caller). */
export async function valueAt(host: ExcelHost, sheet: string, address: string): Promise<unknown> {
  return host.run(async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).getRange(address);
    r.load("values");
    await context.sync();
    return r.values[0][0];
  });
}
