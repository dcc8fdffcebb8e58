// How the adapter reaches a workbook: `run` is Excel.run inside Excel, or the in-browser fake in the workbench
// and in tests; `supports` asks which ExcelApi requirement sets the host has.
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHost {
  run: ExcelRun;
  /** ExcelApi requirement set, e.g. supports("1.9"). */
  supports(version: string): boolean;
}

/** The real Excel, inside Office. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}

/** Requirement sets beyond the manifest's minimum (ExcelApi 1.7), and what degrades without them. */
export const OPTIONAL_FEATURES = {
  validation: { version: "1.8", message: "当前 Excel 不支持数据验证(需要 ExcelApi 1.8),已跳过下拉列表" },
  print: { version: "1.9", message: "当前 Excel 不支持页面设置(需要 ExcelApi 1.9),已跳过打印设置" },
  merges: {
    version: "1.13",
    message: "当前 Excel 无法读取合并单元格(需要 ExcelApi 1.13),合并单元格只按左上角取值",
  },
} as const;

/** Excel on the web refuses requests over 5 MB; writes are cut into requests below this. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
