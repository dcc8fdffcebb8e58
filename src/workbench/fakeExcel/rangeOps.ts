// What the Range, RangeFormat and border proxies do to the model when a sync applies them. Strict where Excel
// is strict and where our adapter must not lean on leniency: 2-D arrays must match the range exactly.
import {
  areaOf,
  columnCountOf,
  intersects,
  containsRect,
  qualifiedAddress,
  rowCountOf,
  type Rect,
} from "./a1";
import { cellValue } from "./calc";
import { applyConverted, clearContent, convertInput, type Converted } from "./cellInput";
import { FakeOfficeError, invalidArgument, invalidOperation } from "./errors";
import {
  DEFAULTS,
  type BorderStyle,
  type BorderWeight,
  type Edge,
  type FakeBorder,
  type FakeCell,
  type FakeSheet,
} from "./model";
import { subtractFromConditionalFormats } from "./conditionalFormats";
import { PAYLOAD_LIMIT_BYTES } from "./session";

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

/** Formatting more cells than this at once would allocate a cell object each: the fake refuses. */
export const MAX_FORMAT_CELLS = 1_000_000;

export const addressOf = (t: RangeTarget): string => qualifiedAddress(t.sheet.name, t.rect);

function guardResponse(t: RangeTarget): void {
  // Office.js answers no more than 5 MB, and each cell costs at least 3 bytes ("",): refuse before building it.
  if (areaOf(t.rect) * 3 > PAYLOAD_LIMIT_BYTES)
    throw new FakeOfficeError(
      "ResponsePayloadSizeLimitExceeded",
      `Reading the cells of ${addressOf(t)} would exceed the 5 MB response limit.`,
    );
}

/** A rows × columns array over the range, one call of `f` a cell (the response size is checked first). */
export function matrix<T>(t: RangeTarget, f: (row: number, col: number) => T): T[][] {
  guardResponse(t);
  const out: T[][] = [];
  for (let r = t.rect.r1; r <= t.rect.r2; r++) {
    const row: T[] = [];
    for (let c = t.rect.c1; c <= t.rect.c2; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

export type CellOut = number | string | boolean;

/** Range.values: computed results, "" for empty cells, errors as their text ("#DIV/0!"). */
export function readValues(t: RangeTarget): CellOut[][] {
  return matrix(t, (r, c) => {
    const v = cellValue(t.sheet, r, c);
    if (v === null) return "";
    return typeof v === "object" ? v.error : v;
  });
}

/** Range.formulas: "=…" for formula cells, the constant otherwise ("" when empty). */
export function readFormulas(t: RangeTarget): CellOut[][] {
  return matrix(t, (r, c) => {
    const cell = t.sheet.cell(r, c);
    if (!cell) return "";
    if (cell.formula !== undefined) return cell.formula;
    const v = cell.value;
    if (v === null) return "";
    return typeof v === "object" ? v.error : v;
  });
}

export function readNumberFormats(t: RangeTarget): string[][] {
  return matrix(t, (r, c) => t.sheet.cell(r, c)?.numberFormat ?? DEFAULTS.numberFormat);
}

/** Checks that `input` is a rows × columns array of arrays for the range; the message names the range. */
function checkShape(t: RangeTarget, input: unknown, property: string): unknown[][] {
  const rows = rowCountOf(t.rect);
  const cols = columnCountOf(t.rect);
  const shape = (x: unknown) =>
    Array.isArray(x) ? `${x.length}×${Array.isArray(x[0]) ? x[0].length : "?"}` : `a ${typeof x}`;
  if (
    !Array.isArray(input) ||
    input.length !== rows ||
    input.some((r) => !Array.isArray(r) || r.length !== cols)
  )
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range: ` +
        `${property} of ${addressOf(t)} needs a ${rows}×${cols} array, got ${shape(input)}.`,
      `Range.${property}`,
    );
  return input as unknown[][];
}

/** Range.values / Range.formulas = input: every element converted first, so a refused one changes nothing. */
export function writeContents(t: RangeTarget, input: unknown, property: "values" | "formulas"): void {
  const rows = checkShape(t, input, property);
  const converted: Converted[][] = rows.map((row, i) =>
    row.map((x, j) => {
      const r = t.rect.r1 + i;
      const c = t.rect.c1 + j;
      const conv = convertInput(x, t.sheet.cell(r, c)?.numberFormat === "@");
      if ("problem" in conv)
        throw invalidArgument(
          `${property} of ${qualifiedAddress(t.sheet.name, { r1: r, c1: c, r2: r, c2: c })}: ${conv.problem}.`,
          `Range.${property}`,
        );
      return conv;
    }),
  );
  converted.forEach((row, i) =>
    row.forEach((conv, j) => applyConverted(t.sheet, t.rect.r1 + i, t.rect.c1 + j, conv)),
  );
}

export function writeNumberFormats(t: RangeTarget, input: unknown): void {
  const rows = checkShape(t, input, "numberFormat");
  for (const row of rows)
    for (const x of row)
      if (x !== null && typeof x !== "string")
        throw invalidArgument(`numberFormat of ${addressOf(t)}: formats are strings, got ${typeof x}.`);
  rows.forEach((row, i) =>
    row.forEach((x, j) => {
      if (x === null) return;
      const r = t.rect.r1 + i;
      const c = t.rect.c1 + j;
      if (x === DEFAULTS.numberFormat) {
        const cell = t.sheet.cell(r, c);
        if (cell) {
          delete cell.numberFormat;
          t.sheet.prune(r, c);
        }
      } else t.sheet.ensureCell(r, c).numberFormat = x as string;
    }),
  );
}

/**
 * A format property read over many cells: the common value, or null when cells differ (as Excel answers).
 * Only stored cells are visited; cells never touched count with the default.
 */
export function commonValue<T>(t: RangeTarget, get: (cell: FakeCell | undefined) => T): T | null {
  let seen = 0;
  let first: { v: T } | null = null;
  for (const [, , cell] of t.sheet.storedCells(t.rect)) {
    const v = get(cell);
    seen++;
    if (!first) first = { v };
    else if (first.v !== v) return null;
  }
  if (seen < areaOf(t.rect)) {
    const v = get(undefined);
    if (first && first.v !== v) return null;
    first = { v };
  }
  return first ? first.v : null;
}

/** Runs `f` on every cell of the range, creating cells as needed (formats live on cells). */
export function eachCell(t: RangeTarget, f: (cell: FakeCell, row: number, col: number) => void): void {
  if (areaOf(t.rect) > MAX_FORMAT_CELLS)
    throw new FakeOfficeError(
      "NotImplemented",
      `The fake workbook does not format more than ${MAX_FORMAT_CELLS} cells at once (${addressOf(t)}).`,
    );
  for (let r = t.rect.r1; r <= t.rect.r2; r++)
    for (let c = t.rect.c1; c <= t.rect.c2; c++) {
      f(t.sheet.ensureCell(r, c), r, c);
      t.sheet.prune(r, c);
    }
}

// ---- merges ----

export function merge(t: RangeTarget, across: boolean): void {
  const targets: Rect[] = across
    ? Array.from({ length: rowCountOf(t.rect) }, (_, i) => ({
        ...t.rect,
        r1: t.rect.r1 + i,
        r2: t.rect.r1 + i,
      }))
    : [t.rect];
  for (const target of targets) {
    if (areaOf(target) === 1) continue;
    for (const m of t.sheet.merges)
      if (intersects(m, target) && !containsRect(target, m))
        throw invalidOperation(
          `Cannot merge ${qualifiedAddress(t.sheet.name, target)}: it cuts through the merged area ` +
            `${qualifiedAddress(t.sheet.name, m)}.`,
          "Range.merge",
        );
  }
  for (const target of targets) {
    if (areaOf(target) === 1) continue;
    t.sheet.merges = t.sheet.merges.filter((m) => !containsRect(target, m));
    t.sheet.merges.push(target);
    // Excel keeps only the top-left cell's value.
    for (const [r, c, cell] of [...t.sheet.storedCells(target)]) {
      if (r === target.r1 && c === target.c1) continue;
      clearContent(cell);
      t.sheet.prune(r, c);
    }
  }
}

export function unmerge(t: RangeTarget): void {
  t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
}

/** The merged areas that intersect the range, top to bottom, left to right. */
export function mergedAreas(t: RangeTarget): Rect[] {
  return t.sheet.merges.filter((m) => intersects(m, t.rect)).sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

// ---- clear ----

const FORMAT_KEYS = [
  "numberFormat",
  "fill",
  "font",
  "horizontalAlignment",
  "verticalAlignment",
  "wrapText",
  "borders",
  "quotePrefix",
] as const;

export function clear(t: RangeTarget, applyTo: unknown = "All"): void {
  const what = String(applyTo);
  if (!["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(what))
    throw invalidArgument(`clear(${JSON.stringify(applyTo)}): not a ClearApplyTo value.`, "Range.clear");
  const contents = what === "All" || what === "Contents" || what === "ResetContents";
  const formats = what === "All" || what === "Formats";
  if (!contents && !formats) return;
  for (const [r, c, cell] of [...t.sheet.storedCells(t.rect)]) {
    if (contents) clearContent(cell);
    if (formats) for (const k of FORMAT_KEYS) delete cell[k];
    t.sheet.prune(r, c);
  }
  if (formats) {
    // Clearing formats unmerges and removes the conditional formats on those cells, as in Excel.
    unmerge(t);
    subtractFromConditionalFormats(t.sheet, t.rect);
  }
}

// ---- borders ----

export const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;
export type BorderIndex = (typeof BORDER_INDEXES)[number];

const BORDER_STYLES: BorderStyle[] = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
];
const BORDER_WEIGHTS: BorderWeight[] = ["Hairline", "Thin", "Medium", "Thick"];

const OPPOSITE: Record<Edge, Edge> = { top: "bottom", bottom: "top", left: "right", right: "left" };
const STEP: Record<Edge, [number, number]> = { top: [-1, 0], bottom: [1, 0], left: [0, -1], right: [0, 1] };

/** The border drawn on an edge of a cell: its own, or the neighbour's on the shared edge. */
export function borderAt(sheet: FakeSheet, row: number, col: number, edge: Edge): FakeBorder | undefined {
  const own = sheet.cell(row, col)?.borders?.[edge];
  if (own) return own;
  const [dr, dc] = STEP[edge];
  return sheet.cell(row + dr, col + dc)?.borders?.[OPPOSITE[edge]];
}

/** Every (row, col, edge) a border item of the range stands for. */
function* edgesOf(r: Rect, index: BorderIndex): Generator<[number, number, Edge]> {
  switch (index) {
    case "EdgeTop":
      for (let c = r.c1; c <= r.c2; c++) yield [r.r1, c, "top"];
      break;
    case "EdgeBottom":
      for (let c = r.c1; c <= r.c2; c++) yield [r.r2, c, "bottom"];
      break;
    case "EdgeLeft":
      for (let row = r.r1; row <= r.r2; row++) yield [row, r.c1, "left"];
      break;
    case "EdgeRight":
      for (let row = r.r1; row <= r.r2; row++) yield [row, r.c2, "right"];
      break;
    case "InsideHorizontal":
      for (let row = r.r1; row < r.r2; row++) for (let c = r.c1; c <= r.c2; c++) yield [row, c, "bottom"];
      break;
    case "InsideVertical":
      for (let row = r.r1; row <= r.r2; row++) for (let c = r.c1; c < r.c2; c++) yield [row, c, "right"];
      break;
  }
}

export function checkBorderIndex(index: unknown): BorderIndex {
  if (index === "DiagonalDown" || index === "DiagonalUp")
    throw new FakeOfficeError("NotImplemented", `The fake does not model diagonal borders (${index}).`);
  if (!BORDER_INDEXES.includes(index as BorderIndex))
    throw invalidArgument(
      `borders.getItem(${JSON.stringify(index)}): the fake knows ${BORDER_INDEXES.join(", ")}.`,
    );
  return index as BorderIndex;
}

export function readBorder(t: RangeTarget, index: BorderIndex, prop: keyof FakeBorder): string | null {
  let first: string | null | undefined;
  for (const [r, c, edge] of edgesOf(t.rect, index)) {
    const v = (borderAt(t.sheet, r, c, edge) ?? DEFAULTS.border)[prop];
    if (first === undefined) first = v;
    else if (first !== v) return null;
  }
  return first ?? DEFAULTS.border[prop];
}

export function writeBorder(
  t: RangeTarget,
  index: BorderIndex,
  prop: keyof FakeBorder,
  value: unknown,
): void {
  if (prop === "style" && !BORDER_STYLES.includes(value as BorderStyle))
    throw invalidArgument(`Border style ${JSON.stringify(value)} is not one of ${BORDER_STYLES.join(", ")}.`);
  if (prop === "weight" && !BORDER_WEIGHTS.includes(value as BorderWeight))
    throw invalidArgument(
      `Border weight ${JSON.stringify(value)} is not one of ${BORDER_WEIGHTS.join(", ")}.`,
    );
  const color = prop === "color" ? normalizeColor(value, "border color") : undefined;
  let n = 0;
  for (const [r, c, edge] of edgesOf(t.rect, index)) {
    if (++n > MAX_FORMAT_CELLS) throw new FakeOfficeError("NotImplemented", "Too many cells for the fake.");
    const current = borderAt(t.sheet, r, c, edge) ?? { ...DEFAULTS.border };
    // An edge is stored once: drop the neighbour's copy of the shared edge.
    const [dr, dc] = STEP[edge];
    const neighbour = t.sheet.cell(r + dr, c + dc);
    if (neighbour?.borders?.[OPPOSITE[edge]]) {
      delete neighbour.borders[OPPOSITE[edge]];
      t.sheet.prune(r + dr, c + dc);
    }
    const next: FakeBorder = { ...current };
    if (prop === "style") next.style = value as BorderStyle;
    else if (prop === "weight") next.weight = value as BorderWeight;
    else next.color = color!;
    // Giving a colour or a weight to an absent border draws it, as Excel does.
    if (prop !== "style" && next.style === "None") next.style = "Continuous";
    const cell = t.sheet.ensureCell(r, c);
    if (next.style === "None") {
      if (cell.borders) delete cell.borders[edge];
      if (cell.borders && Object.keys(cell.borders).length === 0) delete cell.borders;
    } else (cell.borders ??= {})[edge] = next;
    t.sheet.prune(r, c);
  }
}

// ---- values shared by the format proxies ----

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
};

/** "#rgb", "#rrggbb" or an HTML colour name → "#RRGGBB" (what Office.js reads back). */
export function normalizeColor(value: unknown, what: string): string {
  if (typeof value === "string") {
    const named = NAMED_COLORS[value.toLowerCase()];
    if (named) return named;
    const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value.trim());
    if (m) {
      const hex = m[1].length === 3 ? [...m[1]].map((x) => x + x).join("") : m[1];
      return `#${hex.toUpperCase()}`;
    }
  }
  throw invalidArgument(`${what}: ${JSON.stringify(value)} is not a colour ("#RRGGBB" or a colour name).`);
}

export function checkNumber(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    throw invalidArgument(`${what}: ${JSON.stringify(value)} is not a number from ${min} to ${max}.`);
  return value;
}

export function checkBoolean(value: unknown, what: string): boolean {
  if (typeof value !== "boolean")
    throw invalidArgument(`${what}: ${JSON.stringify(value)} is not true or false.`);
  return value;
}

export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T))
    throw invalidArgument(`${what}: ${JSON.stringify(value)} is not one of ${allowed.join(", ")}.`);
  return value as T;
}

// ---- column widths and row heights ----

export function readColumnWidth(t: RangeTarget): number | null {
  const first = t.sheet.columnWidth(t.rect.c1);
  for (const [c, w] of t.sheet.columnWidths) if (c >= t.rect.c1 && c <= t.rect.c2 && w !== first) return null;
  if (
    columnCountOf(t.rect) > countIn(t.sheet.columnWidths, t.rect.c1, t.rect.c2) &&
    first !== DEFAULTS.columnWidth
  )
    return null;
  return first;
}

export function readRowHeight(t: RangeTarget): number | null {
  const first = t.sheet.rowHeight(t.rect.r1);
  for (const [r, h] of t.sheet.rowHeights) if (r >= t.rect.r1 && r <= t.rect.r2 && h !== first) return null;
  if (rowCountOf(t.rect) > countIn(t.sheet.rowHeights, t.rect.r1, t.rect.r2) && first !== DEFAULTS.rowHeight)
    return null;
  return first;
}

function countIn(m: Map<number, number>, lo: number, hi: number): number {
  let n = 0;
  for (const k of m.keys()) if (k >= lo && k <= hi) n++;
  return n;
}

export function writeColumnWidth(t: RangeTarget, value: unknown): void {
  const w = checkNumber(value, "format.columnWidth (points)", 0, 1790);
  for (let c = t.rect.c1; c <= t.rect.c2; c++) t.sheet.columnWidths.set(c, w);
}

export function writeRowHeight(t: RangeTarget, value: unknown): void {
  const h = checkNumber(value, "format.rowHeight (points)", 0, 409);
  for (let r = t.rect.r1; r <= t.rect.r2; r++) t.sheet.rowHeights.set(r, h);
}
