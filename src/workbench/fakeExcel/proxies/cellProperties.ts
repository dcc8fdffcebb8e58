// Range.getCellProperties (ExcelApi 1.9): the format of every cell as a matrix, answered only for the properties
// asked for, as Office.js answers them. Its value is a ClientResult, readable after the sync that carries it.
import { FakeOfficeError } from "../errors";
import { DEFAULTS, type Edge, type FakeBorder } from "../model";
import { borderAt, type RangeTarget } from "../rangeOps";
import { qualifiedAddress, rect } from "../a1";
import { PAYLOAD_LIMIT_BYTES } from "../session";

/** Office.js's ClientResult: `value` throws until the sync that answers it has returned. */
export class FakeClientResult<T> {
  private _value: { v: T } | undefined;
  constructor(private readonly what: string) {}
  get value(): T {
    if (!this._value)
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The value of the result object (${this.what}) has not been loaded yet. Call "context.sync()" first.`,
        this.what,
      );
    return this._value.v;
  }
  /** @internal */
  _set(v: T): void {
    this._value = { v };
  }
}

type Options = Excel.CellPropertiesLoadOptions;
type Props = Excel.CellProperties;

const wants = (o: unknown, key: string): unknown =>
  o === true ? true : o && typeof o === "object" ? (o as Record<string, unknown>)[key] : undefined;

function border(b: FakeBorder | undefined, ask: unknown): Excel.CellBorder {
  const out: Excel.CellBorder = {};
  if (wants(ask, "style")) out.style = (b?.style ?? DEFAULTS.border.style) as Excel.BorderLineStyle;
  if (wants(ask, "color")) out.color = b?.color ?? DEFAULTS.border.color;
  if (wants(ask, "weight")) out.weight = (b?.weight ?? DEFAULTS.border.weight) as Excel.BorderWeight;
  return out;
}

function cellProperties(t: RangeTarget, row: number, col: number, o: Options): Props {
  const cell = t.sheet.cell(row, col);
  const p: Props = {};
  if (o.address) p.address = qualifiedAddress(t.sheet.name, rect(row, col));
  const f = o.format;
  if (!f) return p;
  const format: Excel.CellPropertiesFormat = {};
  const font = wants(f, "font");
  if (font) {
    const v = { ...DEFAULTS.font, ...cell?.font };
    format.font = {};
    if (wants(font, "bold")) format.font.bold = v.bold;
    if (wants(font, "italic")) format.font.italic = v.italic;
    if (wants(font, "size")) format.font.size = v.size;
    if (wants(font, "name")) format.font.name = v.name;
    if (wants(font, "color")) format.font.color = v.color;
  }
  const fill = wants(f, "fill");
  if (fill && wants(fill, "color")) format.fill = { color: cell?.fill ?? DEFAULTS.fill };
  if (wants(f, "horizontalAlignment"))
    format.horizontalAlignment = (cell?.horizontalAlignment ??
      DEFAULTS.horizontalAlignment) as Excel.HorizontalAlignment;
  if (wants(f, "verticalAlignment"))
    format.verticalAlignment = (cell?.verticalAlignment ??
      DEFAULTS.verticalAlignment) as Excel.VerticalAlignment;
  if (wants(f, "wrapText")) format.wrapText = cell?.wrapText ?? DEFAULTS.wrapText;
  const borders = wants(f, "borders");
  if (borders) {
    format.borders = {};
    // The border options ask the same of every edge.
    for (const edge of ["top", "bottom", "left", "right"] as Edge[])
      format.borders[edge] = border(borderAt(t.sheet, row, col, edge), borders);
  }
  p.format = format;
  return p;
}

/** The matrix getCellProperties answers; refused past the 5 MB response limit as Excel refuses it. */
export function readCellProperties(t: RangeTarget, o: Options): Props[][] {
  const rows = t.rect.r2 - t.rect.r1 + 1;
  const cols = t.rect.c2 - t.rect.c1 + 1;
  // Each cell's answer costs at least a few dozen bytes of JSON: refuse before building millions of objects.
  if (rows * cols * 20 > PAYLOAD_LIMIT_BYTES)
    throw new FakeOfficeError(
      "ResponsePayloadSizeLimitExceeded",
      `getCellProperties of ${rows} × ${cols} cells would exceed the 5 MB response limit.`,
    );
  const out: Props[][] = [];
  for (let r = t.rect.r1; r <= t.rect.r2; r++) {
    const line: Props[] = [];
    for (let c = t.rect.c1; c <= t.rect.c2; c++) line.push(cellProperties(t, r, c, o));
    out.push(line);
  }
  return out;
}

/** getRowProperties: each row's index and height, when asked for (ExcelApi 1.9). */
export function readRowProperties(t: RangeTarget, o: Excel.RowPropertiesLoadOptions): Excel.RowProperties[] {
  const out: Excel.RowProperties[] = [];
  for (let r = t.rect.r1; r <= t.rect.r2; r++) {
    const p: Excel.RowProperties = {};
    if (o.rowIndex) p.rowIndex = r;
    if (wants(o.format, "rowHeight")) p.format = { rowHeight: t.sheet.rowHeight(r) };
    out.push(p);
  }
  return out;
}

/** getColumnProperties: each column's index and width in points, when asked for (ExcelApi 1.9). */
export function readColumnProperties(
  t: RangeTarget,
  o: Excel.ColumnPropertiesLoadOptions,
): Excel.ColumnProperties[] {
  const out: Excel.ColumnProperties[] = [];
  for (let c = t.rect.c1; c <= t.rect.c2; c++) {
    const p: Excel.ColumnProperties = {};
    if (o.columnIndex) p.columnIndex = c;
    if (wants(o.format, "columnWidth")) p.format = { columnWidth: t.sheet.columnWidth(c) };
    out.push(p);
  }
  return out;
}
