// Worksheet, its freeze panes and its page layout.
import {
  MAX_COLUMNS,
  MAX_ROWS,
  inGrid,
  parseRectAddress,
  parseRowSpan,
  rect,
  splitSheetPrefix,
  type Rect,
} from "../a1";
import { ClientObject, defineSchema } from "../clientObject";
import { invalidArgument, itemNotFound } from "../errors";
import { parseRefText } from "../formula/tokenize";
import type { FakeSheet } from "../model";
import { checkBoolean, checkOneOf, normalizeColor, type RangeTarget } from "../rangeOps";
import { activateSheet, deleteSheet, moveSheet, renameSheet, setVisibility } from "../sheetOps";
import { ChartCollectionProxy } from "./chart";
import { RangeProxy } from "./range";

/** "A1", "$A$1:C3", "A:C", "2:4", optionally "Sheet!…" naming this sheet → the rectangle; InvalidArgument else. */
export function rectOnSheet(sheet: FakeSheet, address: unknown): Rect {
  if (typeof address !== "string")
    throw invalidArgument(`A range address must be a string, got ${typeof address}.`);
  const { sheet: named, ref } = splitSheetPrefix(address);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase())
    throw invalidArgument(`The address "${address}" is not on the worksheet "${sheet.name}".`);
  const cells = parseRectAddress(ref);
  if (cells) return cells;
  const area = parseRefText(ref.trim());
  if (area)
    return {
      r1: Math.min(area.r1, area.r2),
      c1: Math.min(area.c1, area.c2),
      r2: Math.max(area.r1, area.r2),
      c2: Math.max(area.c1, area.c2),
    };
  throw invalidArgument(`The address "${address}" is not valid.`, "getRange");
}

const wholeSheet = (): Rect => ({ r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLUMNS - 1 });

function checkIndex(value: unknown, what: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min)
    throw invalidArgument(`${what}: ${JSON.stringify(value)} is not an integer ≥ ${min}.`);
  return value;
}

export class WorksheetProxy extends ClientObject<FakeSheet> {
  /** Office.js worksheet ids look like "{…GUID…}"; the fake derives one from the sheet's stable id. */
  static idOf(sheet: FakeSheet): string {
    return `{00000000-0001-0000-${String(sheet.id).padStart(4, "0")}-000000000000}`;
  }

  protected override _checkLive(sheet: FakeSheet): void {
    if (!sheet.workbook.isLive(sheet)) throw itemNotFound(`The worksheet "${sheet.name}" was deleted.`);
  }

  private _range(name: string, args: unknown[], resolve: (sheet: FakeSheet) => RangeTarget | null) {
    return new RangeProxy(this.context, this, { type: "Method", name, args }, () => {
      const sheet = this._targetOrNull();
      return sheet ? resolve(sheet) : null;
    });
  }

  getRange(address?: string): RangeProxy {
    return this._range("getRange", [address], (sheet) => ({
      sheet,
      rect: address === undefined ? wholeSheet() : rectOnSheet(sheet, address),
    }));
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): RangeProxy {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], (sheet) => {
      const r1 = checkIndex(startRow, "startRow", 0);
      const c1 = checkIndex(startColumn, "startColumn", 0);
      const r = rect(
        r1,
        c1,
        r1 + checkIndex(rowCount, "rowCount", 1) - 1,
        c1 + checkIndex(columnCount, "columnCount", 1) - 1,
      );
      if (!inGrid(r)) throw invalidArgument("getRangeByIndexes: the range goes past the edge of the sheet.");
      return { sheet, rect: r };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this._range("getCell", [row, column], (sheet) => {
      const r = rect(checkIndex(row, "row", 0), checkIndex(column, "column", 0));
      if (!inGrid(r)) throw invalidArgument("getCell: the cell is past the edge of the sheet.");
      return { sheet, rect: r };
    });
  }

  /** The used range (formats count unless valuesOnly); A1 on an empty sheet, as Excel answers. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._range("getUsedRange", [valuesOnly], (sheet) => ({
      sheet,
      rect: sheet.usedRect(valuesOnly === true) ?? rect(0, 0),
    }));
  }

  /** The used range, or a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._range("getUsedRangeOrNullObject", [valuesOnly], (sheet) => {
      const used = sheet.usedRect(valuesOnly === true);
      return used ? { sheet, rect: used } : null;
    });
  }

  activate(): void {
    this._call("activate", [], () => activateSheet(this._target()));
  }

  delete(): void {
    this._call("delete", [], () => deleteSheet(this._target()));
  }

  get freezePanes(): FreezePanesProxy {
    return this._child(
      "freezePanes",
      () =>
        new FreezePanesProxy(this.context, this, { type: "Property", name: "freezePanes" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get protection(): WorksheetProtectionProxy {
    return this._child(
      "protection",
      () =>
        new WorksheetProtectionProxy(this.context, this, { type: "Property", name: "protection" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get charts(): ChartCollectionProxy {
    return this._child(
      "charts",
      () =>
        new ChartCollectionProxy(this.context, this, { type: "Property", name: "charts" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get pageLayout(): PageLayoutProxy {
    return this._child(
      "pageLayout",
      () =>
        new PageLayoutProxy(this.context, this, { type: "Property", name: "pageLayout" }, () =>
          this._targetOrNull(),
        ),
    );
  }
}
defineSchema(WorksheetProxy, {
  typeName: "Worksheet",
  scalars: {
    name: { get: (s) => s.name, set: (s, v) => renameSheet(s, v) },
    id: { get: (s) => WorksheetProxy.idOf(s) },
    position: { get: (s) => s.workbook.sheets.indexOf(s), set: (s, v) => moveSheet(s, v) },
    visibility: { get: (s) => s.visibility, set: (s, v) => setVisibility(s, v) },
    tabColor: {
      get: (s) => s.tabColor,
      set: (s, v) => (s.tabColor = v === "" || v === null ? "" : normalizeColor(v, "tabColor")),
    },
  },
  navigations: ["freezePanes", "pageLayout", "protection", "charts"],
});

/** Worksheet.protection: protect() without a password, unprotect(), and whether the sheet is protected. */
export class WorksheetProtectionProxy extends ClientObject<FakeSheet> {
  protect(options?: unknown): void {
    this._call("protect", [options ?? null], () => {
      this._target().protected = true;
    });
  }

  unprotect(): void {
    this._call("unprotect", [], () => {
      this._target().protected = false;
    });
  }
}
defineSchema(WorksheetProtectionProxy, {
  typeName: "WorksheetProtection",
  scalars: { protected: { get: (s) => s.protected } },
  navigations: [],
});

export class FreezePanesProxy extends ClientObject<FakeSheet> {
  freezeRows(count = 1): void {
    this._call("freezeRows", [count], () => {
      this._target().freeze = { rows: checkIndex(count, "freezeRows", 0), columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], () => {
      this._target().freeze = { rows: 0, columns: checkIndex(count, "freezeColumns", 0) };
    });
  }

  /** Freezes the rows above and the columns left of the end of `frozenRange` ("A1:C4" → 4 rows, 3 columns). */
  freezeAt(frozenRange: RangeProxy | string): void {
    this._call("freezeAt", [frozenRange], () => {
      const sheet = this._target();
      let r: Rect;
      if (typeof frozenRange === "string") r = rectOnSheet(sheet, frozenRange);
      else if (frozenRange instanceof RangeProxy) {
        const t = frozenRange._target();
        if (t.sheet !== sheet) throw invalidArgument("freezeAt: the range is on another worksheet.");
        r = t.rect;
      } else throw invalidArgument("freezeAt needs a Range or an address.");
      const wholeRows = r.c1 === 0 && r.c2 === MAX_COLUMNS - 1;
      const wholeColumns = r.r1 === 0 && r.r2 === MAX_ROWS - 1;
      sheet.freeze = { rows: wholeColumns ? 0 : r.r2 + 1, columns: wholeRows ? 0 : r.c2 + 1 };
    });
  }

  unfreeze(): void {
    this._call("unfreeze", [], () => {
      this._target().freeze = { rows: 0, columns: 0 };
    });
  }

  /** The frozen cells, or a null object when nothing is frozen. */
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      { type: "Method", name: "getLocationOrNullObject", args: [] },
      () => {
        const sheet = this._targetOrNull();
        if (!sheet) return null;
        const { rows, columns } = sheet.freeze;
        if (rows === 0 && columns === 0) return null;
        return {
          sheet,
          rect: {
            r1: 0,
            c1: 0,
            r2: rows === 0 ? MAX_ROWS - 1 : rows - 1,
            c2: columns === 0 ? MAX_COLUMNS - 1 : columns - 1,
          },
        };
      },
    );
  }
}
defineSchema(FreezePanesProxy, { typeName: "WorksheetFreezePanes", scalars: {}, navigations: [] });

const PAPER_SIZES = [
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Letter",
  "LetterSmall",
  "Legal",
  "Tabloid",
  "Ledger",
  "Statement",
  "Executive",
  "Folio",
  "Quarto",
] as const;

function checkZoom(v: unknown): {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
} {
  if (!v || typeof v !== "object") throw invalidArgument("pageLayout.zoom must be an object.");
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined) continue;
    if (!["horizontalFitToPages", "verticalFitToPages", "scale"].includes(k))
      throw invalidArgument(`pageLayout.zoom: unknown option "${k}".`);
    if (typeof x !== "number" || !Number.isInteger(x) || x < 0)
      throw invalidArgument(`pageLayout.zoom.${k}: ${JSON.stringify(x)} is not a whole number ≥ 0.`);
    if (k === "scale" && (x < 10 || x > 400)) throw invalidArgument(`pageLayout.zoom.scale must be 10…400.`);
    out[k] = x;
  }
  return out;
}

/** Print titles: "1:3", "$1:$3", a Range or a sheet-qualified address → "$1:$3". */
function titleRows(sheet: FakeSheet, v: unknown): string {
  let r1: number;
  let r2: number;
  if (v instanceof RangeProxy) {
    const t = v._target();
    if (t.sheet !== sheet) throw invalidArgument("setPrintTitleRows: the range is on another worksheet.");
    ({ r1, r2 } = t.rect);
  } else if (typeof v === "string") {
    const { sheet: named, ref } = splitSheetPrefix(v);
    if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase())
      throw invalidArgument(`setPrintTitleRows: "${v}" is on another worksheet.`);
    const span = parseRowSpan(ref) ?? rectOnSheet(sheet, ref);
    ({ r1, r2 } = span);
  } else throw invalidArgument("setPrintTitleRows needs a Range or an address.");
  return `$${r1 + 1}:$${r2 + 1}`;
}

export class PageLayoutProxy extends ClientObject<FakeSheet> {
  setPrintTitleRows(printTitleRows: RangeProxy | string): void {
    this._call("setPrintTitleRows", [printTitleRows], () => {
      const sheet = this._target();
      sheet.pageLayout.printTitleRows = titleRows(sheet, printTitleRows);
    });
  }

  getPrintTitleRowsOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      { type: "Method", name: "getPrintTitleRowsOrNullObject", args: [] },
      () => {
        const sheet = this._targetOrNull();
        const rows = sheet ? parseRowSpan(sheet.pageLayout.printTitleRows ?? "") : null;
        return sheet && rows
          ? { sheet, rect: { r1: rows.r1, r2: rows.r2, c1: 0, c2: MAX_COLUMNS - 1 } }
          : null;
      },
    );
  }
}
defineSchema(PageLayoutProxy, {
  typeName: "PageLayout",
  scalars: {
    orientation: {
      get: (s) => s.pageLayout.orientation,
      set: (s, v) =>
        (s.pageLayout.orientation = checkOneOf(v, ["Portrait", "Landscape"], "pageLayout.orientation")),
    },
    paperSize: {
      get: (s) => s.pageLayout.paperSize,
      set: (s, v) => (s.pageLayout.paperSize = checkOneOf(v, PAPER_SIZES, "pageLayout.paperSize")),
    },
    centerHorizontally: {
      get: (s) => s.pageLayout.centerHorizontally,
      set: (s, v) => (s.pageLayout.centerHorizontally = checkBoolean(v, "pageLayout.centerHorizontally")),
    },
    centerVertically: {
      get: (s) => s.pageLayout.centerVertically,
      set: (s, v) => (s.pageLayout.centerVertically = checkBoolean(v, "pageLayout.centerVertically")),
    },
    zoom: { get: (s) => ({ ...s.pageLayout.zoom }), set: (s, v) => (s.pageLayout.zoom = checkZoom(v)) },
  },
  navigations: [],
});
