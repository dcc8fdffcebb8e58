// Everything the pane can do to a workbook, as plain async functions. index.tsx builds them on Excel.run; the
// workbench builds the same functions on its in-browser workbook. The components never touch Excel.
// Each action imports its adapter module when first used, so the pane's first download holds only the UI shell.
import type { SheetReport } from "../core/check/checkWorkbook";
import type { SheetSpec } from "../core/layout/sheetSpec";
import type { WorkbookCheck } from "../excel/checkSheets";
import type { ExcelHost } from "../excel/host";
import type { SheetSelection } from "../excel/readSheets";
import type { SelectionRead } from "../excel/readSelection";
import type { ConflictChoice, SheetConflict, WriteResult } from "../excel/writeSheets";
import type { BreakdownView, BreakdownWant } from "../core/allocate/breakdownView";
import type { Grid } from "../core/grid";
import type { CellRecord, CellsWritten, CellWrite } from "../excel/writeCells";
import type { Finding } from "../core/submissions/finding";
import type { TableHints } from "../core/table/hints";

export interface SamplePlan {
  id: string;
  title: string;
}

export interface TaskpaneActions {
  samplePlans: SamplePlan[];
  readSamplePlan(id: string): Promise<string>;
  listSheets(): Promise<{ names: string[]; active: string }>;
  /** The selected range's values and merges (载入指标 → 使用选定区域). */
  readSelection(): Promise<SelectionRead>;
  findConflicts(names: string[]): Promise<SheetConflict[]>;
  writeSheets(specs: SheetSpec[], choices: Record<string, ConflictChoice>): Promise<WriteResult>;
  check(which: SheetSelection): Promise<WorkbookCheck>;
  select(sheet: string, address: string): Promise<void>;
  markFindings(reports: SheetReport[]): Promise<number>;
  clearMarks(): Promise<number>;
  /**
   * The breakdown to work on (null when no sheet holds one): on the sheet asked for, else on the active sheet
   * when it holds one, else on the first visible sheet that does; in the measure asked for, else the primary
   * one. Also the sheets holding a breakdown, to choose from, and every visible sheet, for bases.
   */
  readBreakdown(
    want?: BreakdownWant,
  ): Promise<{ view: BreakdownView | null; sheets: string[]; grids: Grid[] }>;
  /** Keeps 表格识别 (how sheets' tables are to be read) in the workbook, on its hidden sheet. */
  saveTableHints(hints: TableHints): Promise<void>;
  /** The sheet 年度目标 made from the workbook's indicator system, to write; null when the workbook has none. */
  yearlyTargetsSheet(): Promise<SheetSpec | null>;
  /** The workbook's 单位别名 table merged with the built-in aliases (the built-in ones alone when it has none). */
  readAliases(): Promise<Record<string, string>>;
  /** A user-made template sheet of the open workbook, with its formatting (ExcelApi 1.9), as a SheetSpec. */
  readTemplate(sheet: string): Promise<{ spec: SheetSpec; warnings: string[] }>;
  /** A template in an .xlsx file chosen from disk (its first visible sheet), read in the pane. */
  readTemplateFile(bytes: ArrayBuffer): Promise<{ spec: SheetSpec; warnings: string[] }>;
  /** 本单位自查: the open workbook checked as a filled 填报; null when it holds no 填报 table. */
  selfCheck(): Promise<{ town: string; findings: Finding[] } | null>;
  /** Every visible sheet's values (for 进度监测: the breakdown, 进度设置 and the month sheets). */
  readAllSheets(): Promise<Grid[]>;
  /**
   * Writes the cells and returns what they held before (for undo); with a record, appends its batch to the sheet
   * 调整记录 in the same two requests.
   */
  writeCells(sheet: string, writes: CellWrite[], record?: CellRecord): Promise<CellsWritten>;
}

/** The bundled sample plans (seeds/), loaded only when chosen so they stay out of the pane's first download. */
export const SAMPLE_PLANS: (SamplePlan & { load: () => Promise<{ default: string }> })[] = [
  {
    id: "001",
    title: "平湖市先进制造业集群培育工程实施方案(2023—2027年)",
    load: () => import("../../seeds/001_86af085e02e72586.txt"),
  },
  {
    id: "002",
    title: "嘉兴市经信工作2021年总结和2022年思路",
    load: () => import("../../seeds/002_0aa44b95e84d5610.txt"),
  },
  {
    id: "000",
    title: "嘉兴 2023 智造创新强市讲话",
    load: () => import("../../seeds/000_203cf439d4644065.txt"),
  },
  {
    id: "004",
    title: "慈溪市推进制造业高质量发展实施方案(2020—2022年)",
    load: () => import("../../seeds/004_f6cade07204b7e0f.txt"),
  },
  { id: "003", title: "扬州 制造强市", load: () => import("../../seeds/003_f82492af08d1a696.txt") },
];

export function createActions(host: ExcelHost): TaskpaneActions {
  return {
    samplePlans: SAMPLE_PLANS.map(({ id, title }) => ({ id, title })),
    async readSamplePlan(id) {
      const plan = SAMPLE_PLANS.find((p) => p.id === id);
      if (!plan) throw new Error(`没有示例方案 ${id}`);
      return (await plan.load()).default;
    },
    listSheets: () =>
      host.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/visibility");
        const active = sheets.getActiveWorksheet();
        active.load("name");
        await context.sync();
        return {
          names: sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name),
          active: active.name,
        };
      }),
    readSelection: async () => (await import("../excel/readSelection")).readSelection(host),
    findConflicts: async (names) => (await import("../excel/writeSheets")).findSheetConflicts(host, names),
    writeSheets: async (specs, choices) =>
      (await import("../excel/writeSheets")).writeSheets(host, specs, choices),
    check: async (which) => (await import("../excel/checkSheets")).checkSheets(host, which),
    select: async (sheet, address) =>
      (await import("../excel/selectCells")).selectCells(host, sheet, address),
    markFindings: async (reports) => (await import("../excel/markCells")).markFindings(host, reports),
    clearMarks: async () => (await import("../excel/markCells")).clearMarks(host),
    async readBreakdown(want) {
      const [{ readSheets }, { chooseBreakdown }] = await Promise.all([
        import("../excel/readSheets"),
        import("../core/allocate/breakdownView"),
      ]);
      const { HINT_SHEET, hintsFromGrid } = await import("../core/table/hints");
      const read = await readSheets(host, "all", (_, all) => (all.includes(HINT_SHEET) ? [HINT_SHEET] : []));
      const hints = hintsFromGrid(read.extras.find((g) => g.name === HINT_SHEET));
      const { view, sheets } = chooseBreakdown(read.grids, read.activeSheet, want, hints);
      return { view, sheets, grids: read.grids };
    },
    async saveTableHints(hints) {
      const [{ HINT_SHEET, hintSheet }, { writeSheets }] = await Promise.all([
        import("../core/table/hints"),
        import("../excel/writeSheets"),
      ]);
      await writeSheets(host, [hintSheet(hints)], { [HINT_SHEET]: "replace" });
    },
    async yearlyTargetsSheet() {
      const [{ readSheets }, { findIndicatorTable }, { yearlySheet }, { yearlyFromSystem }] =
        await Promise.all([
          import("../excel/readSheets"),
          import("../core/check/indicatorTable"),
          import("../core/layout/yearlySheet"),
          import("../core/layout/yearlySources"),
        ]);
      const read = await readSheets(host, "all");
      for (const grid of read.grids) {
        const system = findIndicatorTable(grid);
        if (!system || system.length === 0) continue;
        // The sheet's title names the plan: "…主要目标体系" → "…".
        const title = String(
          grid.rows[0]?.find((v) => typeof v === "string" && v.trim() !== "") ?? "",
        ).replace(/主要目标体系$|目标体系$/, "");
        return yearlySheet(yearlyFromSystem(system), title);
      }
      return null;
    },
    async readAliases() {
      const [{ readSheets }, { ALIAS_SHEET, aliasesFromRows, DEFAULT_ALIASES }] = await Promise.all([
        import("../excel/readSheets"),
        import("../core/assign/unitNames"),
      ]);
      // Nothing but the alias sheet is read: 2 syncs, whatever else the workbook holds.
      const read = await readSheets(host, [], (names) => names.filter((n) => n === ALIAS_SHEET));
      return read.extras[0] ? aliasesFromRows(read.extras[0].rows) : DEFAULT_ALIASES;
    },
    readTemplate: async (sheet) =>
      (await import("../excel/readTemplateSheet")).readTemplateSheet(host, sheet),
    readTemplateFile: async (bytes) => ({
      spec: await (await import("../xlsx/importTemplate")).sheetSpecFromXlsx(bytes),
      warnings: [],
    }),
    async selfCheck() {
      const [{ readSheets }, { selfCheck }] = await Promise.all([
        import("../excel/readSheets"),
        import("../core/submissions/selfCheck"),
      ]);
      const read = await readSheets(host, "everything");
      return selfCheck(read.grids, "当前工作簿");
    },
    readAllSheets: async () => (await (await import("../excel/readSheets")).readSheets(host, "all")).grids,
    writeCells: async (sheet, writes, record) =>
      (await import("../excel/writeCells")).writeCells(host, sheet, writes, record),
  };
}
