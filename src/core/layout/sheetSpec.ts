// A sheet described as plain data. The Office.js adapter and the .xlsx adapter both render this one
// description, so a sheet is laid out once. Rows and columns are 1-based, references are A1 strings.

/** A formula, always written without a leading "=" being guessed from text: text values stay text. */
export interface Formula {
  formula: string;
}

export type SpecValue = string | number | boolean | null | Formula;

export function isFormula(v: SpecValue): v is Formula {
  return typeof v === "object" && v !== null && "formula" in v;
}

export interface CellStyle {
  font?: { bold?: boolean; size?: number; color?: string; name?: string };
  /** Background colour "#RRGGBB". */
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin borders on every edge of every cell of the range. */
  border?: boolean;
  numberFormat?: string;
}

export interface RangeStyle {
  ref: string;
  style: CellStyle;
}

export type Validation =
  | { ref: string; type: "list"; values: string[]; prompt?: string }
  | { ref: string; type: "decimal"; min?: number; max?: number; prompt?: string };

/** A rule "colour the range where this formula (written for its top-left cell) is true". */
export interface ConditionalFormat {
  ref: string;
  formula: string;
  fill: string;
  fontColor?: string;
}

/** Excel's three traffic lights over the numbers 1 (red), 2 (yellow), 3 (green): the icon alone is shown. */
export interface IconSetFormat {
  ref: string;
  icons: "3TrafficLights";
  /** The value from which the yellow and from which the green light shows (>=). */
  yellowFrom: number;
  greenFrom: number;
}

/** A data bar from `min` (empty) to `max` (full bar) in the cells' own numbers. */
export interface DataBarFormat {
  ref: string;
  color: string;
  min: number;
  max: number;
}

/**
 * A native chart (the Office.js adapter draws it; ExcelJS cannot write charts, so the .xlsx keeps the data
 * bars instead). `source` is a block with series names in its first row and categories in its first column.
 */
export interface ChartSpec {
  type: "columnClustered";
  title: string;
  source: string;
  /** The cells the chart covers, e.g. "O4:X22". */
  position: string;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  fitToWidth: boolean;
  /** Rows repeated on every printed page, e.g. "1:3". */
  titleRows?: string;
  /** Centre the table on the page horizontally. */
  centerHorizontally?: boolean;
}

export interface SheetSpec {
  name: string;
  /** Cell values from A1, row by row; shorter rows are padded with empty cells. */
  rows: SpecValue[][];
  styles: RangeStyle[];
  merges: string[];
  /** Widths in characters, column A first. */
  columnWidths: number[];
  /** Row number → height in points. */
  rowHeights: Record<number, number>;
  freeze?: { rows: number; columns: number };
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  iconSets?: IconSetFormat[];
  dataBars?: DataBarFormat[];
  charts?: ChartSpec[];
  print: PrintSetup;
  /** Where the table starts, for readers and for the add-in's selection. */
  table: { headerRow: number; firstDataRow: number; lastRow: number; lastColumn: number };
  /**
   * Sheet protection without a password: every cell is locked except these ranges (A1), the input cells of an
   * issued template. No password, so a clerk can still unprotect the sheet; the point is to stop slips.
   */
  protection?: { unlocked: string[] };
  /** "veryHidden": not listed in Excel's Unhide dialog; for the identity marker of an issued template. */
  visibility?: "visible" | "hidden" | "veryHidden";
}

export function emptySpec(name: string): SheetSpec {
  return {
    name,
    rows: [],
    styles: [],
    merges: [],
    columnWidths: [],
    rowHeights: {},
    validations: [],
    conditionalFormats: [],
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
    table: { headerRow: 1, firstDataRow: 2, lastRow: 1, lastColumn: 1 },
  };
}
