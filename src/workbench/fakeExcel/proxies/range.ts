// Range, and the RangeAreas that getMergedAreasOrNullObject returns.
import { areaOf, columnCountOf, inGrid, qualifiedAddress, rowCountOf, type Rect } from "../a1";
import { ClientObject, CollectionObject, defineSchema } from "../clientObject";
import { shownText } from "../display";
import { invalidArgument, invalidOperation, itemNotFound } from "../errors";
import type { FakeSheet } from "../model";
import {
  addressOf,
  clear,
  merge,
  mergedAreas,
  readFormulas,
  readNumberFormats,
  matrix,
  readValues,
  unmerge,
  writeContents,
  writeNumberFormats,
  type RangeTarget,
} from "../rangeOps";
import {
  FakeClientResult,
  readCellProperties,
  readColumnProperties,
  readRowProperties,
} from "./cellProperties";
import { ConditionalFormatCollectionProxy } from "./conditionalFormat";
import { DataValidationProxy } from "./dataValidation";
import { RangeFormatProxy } from "./format";
import { WorksheetProxy } from "./worksheet";

function checkInteger(v: unknown, what: string): number {
  if (typeof v !== "number" || !Number.isInteger(v))
    throw invalidArgument(`${what}: ${JSON.stringify(v)} is not an integer.`);
  return v;
}

function inside(r: Rect, what: string): Rect {
  if (!inGrid(r)) throw invalidArgument(`${what}: the range would go past the edge of the sheet.`);
  return r;
}

export class RangeProxy extends ClientObject<RangeTarget> {
  protected override _checkLive(t: RangeTarget): void {
    if (!t.sheet.workbook.isLive(t.sheet)) throw itemNotFound(`The worksheet "${t.sheet.name}" was deleted.`);
  }

  /** A range derived from this one when it is first used (a child of a null object is null). */
  private _derived(name: string, args: unknown[], f: (t: RangeTarget) => Rect): RangeProxy {
    return new RangeProxy(this.context, this, { type: "Method", name, args }, () => {
      const t = this._targetOrNull();
      return t ? { sheet: t.sheet, rect: f(t) } : null;
    });
  }

  /** The cell at (row, column) counted from the range's top-left cell. */
  getCell(row: number, column: number): RangeProxy {
    return this._derived("getCell", [row, column], (t) => {
      const r = t.rect.r1 + checkInteger(row, "getCell row");
      const c = t.rect.c1 + checkInteger(column, "getCell column");
      return inside({ r1: r, c1: c, r2: r, c2: c }, "getCell");
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derived("getResizedRange", [deltaRows, deltaColumns], (t) => {
      const r = {
        ...t.rect,
        r2: t.rect.r2 + checkInteger(deltaRows, "deltaRows"),
        c2: t.rect.c2 + checkInteger(deltaColumns, "deltaColumns"),
      };
      return inside(r, "getResizedRange");
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derived("getOffsetRange", [rowOffset, columnOffset], (t) => {
      const dr = checkInteger(rowOffset, "rowOffset");
      const dc = checkInteger(columnOffset, "columnOffset");
      return inside(
        { r1: t.rect.r1 + dr, c1: t.rect.c1 + dc, r2: t.rect.r2 + dr, c2: t.rect.c2 + dc },
        "getOffsetRange",
      );
    });
  }

  /** The merged areas meeting this range, or a null object when there are none (ExcelApi 1.13). */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      { type: "Method", name: "getMergedAreasOrNullObject", args: [] },
      () => {
        const t = this._targetOrNull();
        if (!t) return null;
        const areas = mergedAreas(t);
        return areas.length ? { sheet: t.sheet, areas } : null;
      },
    );
  }

  /** Queues a method whose answer is a ClientResult, readable after the next sync. */
  private _answer<R>(name: string, options: unknown, read: (t: RangeTarget) => R): FakeClientResult<R> {
    const result = new FakeClientResult<R>(`Range.${name}`);
    this.context._enqueue({
      object: this,
      type: "Method",
      name,
      args: [options],
      readOnly: true,
      answers: true,
      run: () => {
        const data = read(this._target());
        return { data, commit: () => result._set(data) };
      },
    });
    return result;
  }

  /** The format of every cell, as asked for in `options`. */
  getCellProperties(options: Excel.CellPropertiesLoadOptions): FakeClientResult<Excel.CellProperties[][]> {
    return this._answer("getCellProperties", options, (t) => readCellProperties(t, options));
  }

  /** Each row's properties (height), as asked for. */
  getRowProperties(options: Excel.RowPropertiesLoadOptions): FakeClientResult<Excel.RowProperties[]> {
    return this._answer("getRowProperties", options, (t) => readRowProperties(t, options));
  }

  /** Each column's properties (width in points), as asked for. */
  getColumnProperties(
    options: Excel.ColumnPropertiesLoadOptions,
  ): FakeClientResult<Excel.ColumnProperties[]> {
    return this._answer("getColumnProperties", options, (t) => readColumnProperties(t, options));
  }

  /** Selects the range and activates its sheet. */
  select(): void {
    this._call("select", [], () => {
      const t = this._target();
      if (t.sheet.visibility !== "Visible")
        throw invalidOperation(`The worksheet "${t.sheet.name}" is hidden: its cells cannot be selected.`);
      t.sheet.selection = { ...t.rect };
      t.sheet.workbook.activeSheetId = t.sheet.id;
    });
  }

  /** Merges the range (each row separately when `across`); only the top-left value is kept. */
  merge(across = false): void {
    this._call("merge", [across], () => merge(this._target(), across === true));
  }

  unmerge(): void {
    this._call("unmerge", [], () => unmerge(this._target()));
  }

  clear(applyTo?: string): void {
    this._call("clear", [applyTo], () => clear(this._target(), applyTo ?? "All"));
  }

  get worksheet(): WorksheetProxy {
    return this._child(
      "worksheet",
      () =>
        new WorksheetProxy(this.context, this, { type: "Property", name: "worksheet" }, () => {
          const t = this._targetOrNull();
          return t ? t.sheet : null;
        }),
    );
  }

  get format(): RangeFormatProxy {
    return this._child(
      "format",
      () =>
        new RangeFormatProxy(this.context, this, { type: "Property", name: "format" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child(
      "conditionalFormats",
      () =>
        new ConditionalFormatCollectionProxy(
          this.context,
          this,
          { type: "Property", name: "conditionalFormats" },
          () => this._targetOrNull(),
        ),
    );
  }

  get dataValidation(): DataValidationProxy {
    return this._child(
      "dataValidation",
      () =>
        new DataValidationProxy(this.context, this, { type: "Property", name: "dataValidation" }, () =>
          this._targetOrNull(),
        ),
    );
  }
}
defineSchema(RangeProxy, {
  typeName: "Range",
  scalars: {
    address: { get: addressOf },
    addressLocal: { get: addressOf },
    rowIndex: { get: (t) => t.rect.r1 },
    columnIndex: { get: (t) => t.rect.c1 },
    rowCount: { get: (t) => rowCountOf(t.rect) },
    columnCount: { get: (t) => columnCountOf(t.rect) },
    cellCount: { get: (t) => areaOf(t.rect) },
    values: { get: readValues, set: (t, v) => writeContents(t, v, "values") },
    formulas: { get: readFormulas, set: (t, v) => writeContents(t, v, "formulas") },
    // Read-only, as in Excel: each cell as shown through its number format.
    text: { get: (t) => matrix(t, (r, c) => shownText(t.sheet, r, c)) },
    numberFormat: { get: readNumberFormats, set: writeNumberFormats },
  },
  navigations: ["format", "conditionalFormats", "dataValidation", "worksheet"],
});

export interface AreasTarget {
  sheet: FakeSheet;
  areas: Rect[];
}

export class RangeAreasProxy extends ClientObject<AreasTarget> {
  get areas(): RangeCollectionProxy {
    return this._child(
      "areas",
      () =>
        new RangeCollectionProxy(this.context, this, { type: "Property", name: "areas" }, () =>
          this._targetOrNull(),
        ),
    );
  }
}
defineSchema(RangeAreasProxy, {
  typeName: "RangeAreas",
  scalars: {
    /** "Sheet!A1:C1, Sheet!E4:L4", as Office.js writes several areas. */
    address: { get: (t) => t.areas.map((a) => qualifiedAddress(t.sheet.name, a)).join(", ") },
    areaCount: { get: (t) => t.areas.length },
    cellCount: { get: (t) => t.areas.reduce((n, a) => n + areaOf(a), 0) },
  },
  navigations: ["areas"],
});

export class RangeCollectionProxy extends CollectionObject<AreasTarget, RangeProxy> {
  protected _members(t: AreasTarget): RangeProxy[] {
    return t.areas.map((a, i) => {
      const target = { sheet: t.sheet, rect: a };
      const p = new RangeProxy(this.context, this, { type: "Item", name: String(i) }, () => target);
      p._bind(target);
      return p;
    });
  }
}
defineSchema(RangeCollectionProxy, { typeName: "RangeCollection", scalars: {}, navigations: [] });
