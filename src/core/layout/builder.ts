// A small helper that fills a SheetSpec cell by cell while keeping the table bounds.
import { cellRef, rangeRef } from "./a1";
import type { CellStyle, SheetSpec, SpecValue } from "./sheetSpec";
import { emptySpec } from "./sheetSpec";
import { yearSpans } from "../text";

export class SheetBuilder {
  readonly spec: SheetSpec;

  constructor(name: string) {
    this.spec = emptySpec(name);
  }

  set(row: number, column: number, value: SpecValue): this {
    const rows = this.spec.rows;
    while (rows.length < row) rows.push([]);
    const r = rows[row - 1];
    while (r.length < column - 1) r.push(null);
    // An empty string would be a text cell holding nothing; a blank cell is what a user expects.
    r[column - 1] = value === "" ? null : value;
    return this;
  }

  setRow(row: number, firstColumn: number, values: SpecValue[]): this {
    values.forEach((v, i) => this.set(row, firstColumn + i, v));
    return this;
  }

  style(row1: number, col1: number, row2: number, col2: number, style: CellStyle): this {
    const ref = row1 === row2 && col1 === col2 ? cellRef(row1, col1) : rangeRef(row1, col1, row2, col2);
    this.spec.styles.push({ ref, style });
    return this;
  }

  merge(row1: number, col1: number, row2: number, col2: number): this {
    if (row1 !== row2 || col1 !== col2) this.spec.merges.push(rangeRef(row1, col1, row2, col2));
    return this;
  }

  /**
   * Closes a table in the shared official form: column widths, header frozen (with `frozenColumns`), A4
   * landscape one page wide with the title and header repeated on every page, and the table's bounds.
   */
  finishTable(t: {
    headerRow: number;
    lastRow: number;
    lastColumn: number;
    widths: number[];
    frozenColumns: number;
  }): SheetSpec {
    this.spec.columnWidths = t.widths;
    this.spec.freeze = { rows: t.headerRow, columns: t.frozenColumns };
    this.spec.print = {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      titleRows: `1:${t.headerRow}`,
      centerHorizontally: true,
    };
    this.spec.table = {
      headerRow: t.headerRow,
      firstDataRow: t.headerRow + 1,
      lastRow: t.lastRow,
      lastColumn: t.lastColumn,
    };
    return this.spec;
  }

  /** Title row merged across the table's width; a year span in it is written the one way ("2023—2027年"). */
  title(row: number, lastColumn: number, text: string, style: CellStyle, height = 30): this {
    this.set(row, 1, yearSpans(text)).merge(row, 1, row, lastColumn).style(row, 1, row, lastColumn, style);
    this.spec.rowHeights[row] = height;
    return this;
  }
}

/** Merges runs of equal, non-empty values in one column (a category over its indicators, a task over its items). */
export function mergeRuns(b: SheetBuilder, column: number, firstRow: number, values: string[]): void {
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i === values.length || values[i] !== values[start] || values[start] === "") {
      if (i - start > 1 && values[start] !== "") b.merge(firstRow + start, column, firstRow + i - 1, column);
      start = i;
    }
  }
}
