// The in-memory workbook behind the fake Office.js: plain data the workbench grid renders from and the proxies of
// the fake API change at each `context.sync()`. No DOM, no Node: it runs in tests and in the browser alike.
import { MAX_COLUMNS, rect, type Rect } from "./a1";

export type HorizontalAlignment =
  "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed";
export type VerticalAlignment = "Top" | "Center" | "Bottom" | "Justify" | "Distributed";
export type BorderStyle =
  "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot";
export type BorderWeight = "Hairline" | "Thin" | "Medium" | "Thick";
export type Visibility = "Visible" | "Hidden" | "VeryHidden";
export type Edge = "top" | "bottom" | "left" | "right";

export interface FakeBorder {
  style: BorderStyle;
  color: string;
  weight: BorderWeight;
}

/** An error value (#DIV/0!, #N/A…): the same shape as the core's GridError. */
export interface ErrorValue {
  error: string;
}

/** What a cell can hold as a constant. */
export type StoredValue = number | string | boolean | ErrorValue;

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  name?: string;
  /** "#RRGGBB" */
  color?: string;
}

/**
 * One cell. Absent fields mean Excel's defaults (see DEFAULTS); a cell exists in the sheet once it has a value,
 * a formula or any format, which is what Excel's used range counts.
 */
export interface FakeCell {
  /** The constant held; null when empty or when `formula` is set (the result is computed on read). */
  value: StoredValue | null;
  /** "=SUM(A1:A3)" when the cell holds a formula. */
  formula?: string;
  /** Text typed with a leading apostrophe: the apostrophe is not part of the value, it only keeps it text. */
  quotePrefix?: boolean;
  numberFormat?: string;
  /** Solid fill "#RRGGBB"; absent = no fill (reads as "#FFFFFF"). */
  fill?: string;
  font?: FakeFont;
  horizontalAlignment?: HorizontalAlignment;
  verticalAlignment?: VerticalAlignment;
  wrapText?: boolean;
  /** Excel locks every cell by default; an input cell of a protected sheet is unlocked. */
  unlocked?: boolean;
  /** Borders drawn on this cell's own edges (a neighbour's edge also shows: see borderAt in rangeOps). */
  borders?: Partial<Record<Edge, FakeBorder>>;
}

/** An icon set's buckets: the icon of the last criterion (from the second on) the value reaches; icons[0] below. */
export interface FakeIconSet {
  style: string;
  /** As Office.js takes them: the first is a placeholder, the others "≥ formula" thresholds. */
  criteria: { type?: string; operator?: string; formula?: string }[];
  showIconOnly: boolean;
  reverseIconOrder: boolean;
}

export interface FakeDataBar {
  lowerBoundRule: { type: string; formula?: string };
  upperBoundRule: { type: string; formula?: string };
  fillColor: string;
  gradientFill: boolean;
  showDataBarOnly: boolean;
}

/**
 * A conditional format. "Custom": its formula is written for `anchor` and shifted for every other cell;
 * "IconSet" and "DataBar" (no formula) draw an icon or a bar from the cell's own number.
 */
export interface FakeConditionalFormat {
  readonly id: number;
  type: "Custom" | "IconSet" | "DataBar";
  iconSet?: FakeIconSet;
  dataBar?: FakeDataBar;
  /** Cells it applies to: one rectangle when added, several after part of it was cleared. */
  areas: Rect[];
  /** The top-left cell of the range it was added to; relative references are relative to this cell. */
  anchor: { row: number; col: number };
  /** "=OR($P4="缺口",…)"; null until the rule's formula is set. */
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  stopIfTrue: boolean;
}

/** A chart: what it shows (type, source range, series by) and where it stands (the cells it covers). */
export interface FakeChart {
  readonly id: number;
  name: string;
  type: string;
  source: Rect;
  seriesBy: "Auto" | "Columns" | "Rows";
  title: string;
  position: Rect | null;
}

export type ValidationOperator =
  | "Between"
  | "NotBetween"
  | "EqualTo"
  | "NotEqualTo"
  | "GreaterThan"
  | "LessThan"
  | "GreaterThanOrEqualTo"
  | "LessThanOrEqualTo";

export interface BasicValidation {
  formula1: string | number;
  formula2?: string | number;
  operator: ValidationOperator;
}

/** The Office.js DataValidationRule forms the fake keeps (one key set). */
export interface FakeValidationRule {
  list?: { inCellDropDown: boolean; source: string };
  decimal?: BasicValidation;
  wholeNumber?: BasicValidation;
  textLength?: BasicValidation;
  custom?: { formula: string };
}

export interface FakeDataValidation {
  rule: FakeValidationRule;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: {
    showAlert: boolean;
    style: "Stop" | "Warning" | "Information";
    title: string;
    message: string;
  };
  ignoreBlanks: boolean;
}

export interface FakePageLayout {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  centerHorizontally: boolean;
  centerVertically: boolean;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated on each printed page, "$1:$3"; null when none. */
  printTitleRows: string | null;
}

/** Excel's defaults (Calibri 11, 8.43-character columns = 48 pt, 15 pt rows, Letter paper). */
export const DEFAULTS = {
  font: { bold: false, italic: false, size: 11, name: "Calibri", color: "#000000" },
  fill: "#FFFFFF",
  numberFormat: "General",
  horizontalAlignment: "General" as HorizontalAlignment,
  verticalAlignment: "Bottom" as VerticalAlignment,
  wrapText: false,
  border: { style: "None" as BorderStyle, color: "#000000", weight: "Thin" as BorderWeight },
  columnWidth: 48,
  rowHeight: 15,
  paperSize: "Letter",
};

export function defaultPageLayout(): FakePageLayout {
  return {
    orientation: "Portrait",
    paperSize: DEFAULTS.paperSize,
    centerHorizontally: false,
    centerVertically: false,
    zoom: { scale: 100 },
    printTitleRows: null,
  };
}

const cellKey = (row: number, col: number) => row * MAX_COLUMNS + col;

function* rowsIn(
  rows: Map<number, Map<number, FakeCell>>,
  r1: number,
  r2: number,
): Generator<[number, Map<number, FakeCell>]> {
  for (let r = r1; r <= r2; r++) {
    const cols = rows.get(r);
    if (cols) yield [r, cols];
  }
}

export function hasContent(c: FakeCell): boolean {
  return c.value !== null || c.formula !== undefined;
}

function isBare(c: FakeCell): boolean {
  return (
    !hasContent(c) &&
    !c.quotePrefix &&
    c.numberFormat === undefined &&
    c.fill === undefined &&
    c.font === undefined &&
    c.horizontalAlignment === undefined &&
    c.verticalAlignment === undefined &&
    c.wrapText === undefined &&
    c.unlocked === undefined &&
    (c.borders === undefined || Object.keys(c.borders).length === 0)
  );
}

export class FakeSheet {
  /** Stable identity: names change on rename, the id does not. */
  readonly id: number;
  name: string;
  visibility: Visibility = "Visible";
  /** "#RRGGBB", or "" for none (what Office.js returns). */
  tabColor = "";
  /** row → column → cell, 0-based; only cells that hold something. */
  readonly rows = new Map<number, Map<number, FakeCell>>();
  /** Merged areas, in the order they were merged. */
  merges: Rect[] = [];
  /** 0-based column → width in points; absent = DEFAULTS.columnWidth. */
  readonly columnWidths = new Map<number, number>();
  /** 0-based row → height in points; absent = DEFAULTS.rowHeight. */
  readonly rowHeights = new Map<number, number>();
  freeze = { rows: 0, columns: 0 };
  /** Worksheet.protection.protect(): locked cells cannot be edited in Excel (the API still writes them). */
  protected = false;
  /** Highest priority first (index 0 = priority 0). */
  conditionalFormats: FakeConditionalFormat[] = [];
  /** Charts, in the order they were added (modelled minimally: type, source, title, position). */
  charts: FakeChart[] = [];
  /** Validation of each cell (shared objects: cells validated together hold the same one). */
  readonly validations = new Map<number, FakeDataValidation>();
  pageLayout: FakePageLayout = defaultPageLayout();
  /** The sheet's selected range (Excel keeps one per sheet; the workbook's is the active sheet's). */
  selection: Rect = rect(0, 0);

  constructor(
    readonly workbook: FakeWorkbook,
    id: number,
    name: string,
  ) {
    this.id = id;
    this.name = name;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.rows.get(row)?.get(col);
  }

  /** The cell at (row, col), created empty when absent. */
  ensureCell(row: number, col: number): FakeCell {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: null }));
    return c;
  }

  /** Drops the cell when it no longer holds anything, so the used range shrinks like Excel's. */
  prune(row: number, col: number): void {
    const r = this.rows.get(row);
    const c = r?.get(col);
    if (r && c && isBare(c)) {
      r.delete(col);
      if (r.size === 0) this.rows.delete(row);
    }
  }

  removeCell(row: number, col: number): void {
    const r = this.rows.get(row);
    if (!r) return;
    r.delete(col);
    if (r.size === 0) this.rows.delete(row);
  }

  /** Every stored cell inside `area` (all stored cells when omitted), in no particular order. */
  *storedCells(area?: Rect): Generator<[number, number, FakeCell]> {
    if (!area) {
      for (const [row, cols] of this.rows) for (const [col, cell] of cols) yield [row, col, cell];
      return;
    }
    // A small area is looked up cell by cell; a large one (a whole sheet) is filtered from what is stored.
    const byRow = area.r2 - area.r1 < this.rows.size;
    const rows: Iterable<[number, Map<number, FakeCell>]> = byRow
      ? rowsIn(this.rows, area.r1, area.r2)
      : this.rows;
    for (const [row, cols] of rows) {
      if (row < area.r1 || row > area.r2) continue;
      if (area.c2 - area.c1 < cols.size) {
        for (let col = area.c1; col <= area.c2; col++) {
          const cell = cols.get(col);
          if (cell) yield [row, col, cell];
        }
      } else for (const [col, cell] of cols) if (col >= area.c1 && col <= area.c2) yield [row, col, cell];
    }
  }

  /** The smallest rectangle holding every cell with content (valuesOnly) or with anything; null when none. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -1;
    let c2 = -1;
    for (const [row, col, cell] of this.storedCells()) {
      if (valuesOnly && !hasContent(cell)) continue;
      if (row < r1) r1 = row;
      if (row > r2) r2 = row;
      if (col < c1) c1 = col;
      if (col > c2) c2 = col;
    }
    return r2 < 0 ? null : { r1, c1, r2, c2 };
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULTS.columnWidth;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULTS.rowHeight;
  }

  /** The merged area covering (row, col), if any. */
  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.r1 && row <= m.r2 && col >= m.c1 && col <= m.c2);
  }

  validationAt(row: number, col: number): FakeDataValidation | undefined {
    return this.validations.get(cellKey(row, col));
  }

  setValidation(row: number, col: number, v: FakeDataValidation | undefined): void {
    if (v) this.validations.set(cellKey(row, col), v);
    else this.validations.delete(cellKey(row, col));
  }

  /** Every validated cell as [row, col, validation]. */
  *validatedCells(): Generator<[number, number, FakeDataValidation]> {
    for (const [key, v] of this.validations) yield [Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS, v];
  }
}

export type ChangeListener = (workbook: FakeWorkbook) => void;

/** Why a sheet name is refused (Excel's rules), or null when it is fine. */
export function sheetNameProblem(name: string): string | null {
  if (typeof name !== "string" || name.length === 0) return "A sheet name cannot be empty.";
  if (name.length > 31) return `The sheet name "${name}" is longer than 31 characters.`;
  if (/[:\\/?*[\]]/.test(name)) return `The sheet name "${name}" contains one of : \\ / ? * [ ].`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `The sheet name "${name}" begins or ends with an apostrophe.`;
  if (name.toLowerCase() === "history") return `"History" is a name Excel reserves.`;
  return null;
}

/**
 * The workbook: sheets in tab order, the active sheet and its selection. Listeners registered with onChange hear
 * once after each change — one sync of the fake API, or one `update()` — so a React grid can re-render.
 */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheetId: number | null = null;
  /** Grows with every change; caches (formula results) and renderers compare it. */
  revision = 0;
  private nextSheetId = 1;
  private readonly listeners = new Set<ChangeListener>();
  private depth = 0;
  private notifiedRevision = 0;

  /** A workbook holding the named sheets (one "Sheet1" when none are named); the first one is active. */
  constructor(sheetNames: string[] = ["Sheet1"]) {
    this.update(() => {
      for (const name of sheetNames) this.addSheet(name);
    });
    this.notifiedRevision = this.revision;
  }

  get activeSheet(): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0];
  }

  /** The selection as Excel reports it: the active sheet and its selected range. */
  get selection(): { sheet: string; range: Rect } | null {
    const s = this.activeSheet;
    return s ? { sheet: s.name, range: s.selection } : null;
  }

  /** The sheet with this name, compared case-insensitively as Excel does. */
  getSheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  sheetById(id: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  isLive(sheet: FakeSheet): boolean {
    return this.sheets.includes(sheet);
  }

  /** Appends a sheet. Throws a plain Error on a bad or taken name (the fake API checks before calling). */
  addSheet(name?: string): FakeSheet {
    const sheetName = name ?? this.nextDefaultName();
    const problem = sheetNameProblem(sheetName);
    if (problem) throw new Error(problem);
    if (this.getSheet(sheetName)) throw new Error(`A sheet named "${sheetName}" already exists.`);
    const sheet = new FakeSheet(this, this.nextSheetId++, sheetName);
    this.sheets.push(sheet);
    if (this.activeSheetId === null) this.activeSheetId = sheet.id;
    this.touch();
    return sheet;
  }

  /** "SheetN" with the lowest free N from the count of sheets + 1, as Excel names new sheets. */
  nextDefaultName(): string {
    let n = this.sheets.length + 1;
    while (this.getSheet(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  /** Records a change. Outside update() the listeners hear of it at once. */
  touch(): void {
    this.revision++;
    if (this.depth === 0) this.notify();
  }

  /** Runs `change` as one change: listeners are called once afterwards if anything changed. */
  update<T>(change: () => T): T {
    this.depth++;
    try {
      return change();
    } finally {
      this.depth--;
      if (this.depth === 0) this.notify();
    }
  }

  /** Calls `listener` after every change; returns the function that unsubscribes it. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    if (this.revision === this.notifiedRevision) return;
    this.notifiedRevision = this.revision;
    for (const listener of [...this.listeners]) {
      try {
        listener(this);
      } catch (e) {
        // A failing listener (a grid's render) must not fail the sync that changed the workbook.
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }
}
