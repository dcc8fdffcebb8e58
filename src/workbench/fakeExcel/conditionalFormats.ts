// Conditional formats of a sheet: adding and clearing them (by cell area, as Excel trims a rule when part of its
// range is cleared) and what a cell looks like once they apply, for the workbench grid.
import { containsCell, intersects, subtractRect, type Rect } from "./a1";
import { formulaHoldsAt } from "./calc";
import type { FakeConditionalFormat, FakeSheet } from "./model";

let nextId = 1;

/** A new "Custom" rule on `area`; Excel puts a new rule first (highest priority). */
export function addConditionalFormat(sheet: FakeSheet, area: Rect): FakeConditionalFormat {
  const cf: FakeConditionalFormat = {
    id: nextId++,
    type: "Custom",
    areas: [area],
    anchor: { row: area.r1, col: area.c1 },
    formula: null,
    fill: null,
    fontColor: null,
    bold: null,
    stopIfTrue: false,
  };
  sheet.conditionalFormats.unshift(cf);
  return cf;
}

/** The rules whose cells meet `area`, highest priority first. */
export function conditionalFormatsOn(sheet: FakeSheet, area: Rect): FakeConditionalFormat[] {
  return sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => intersects(a, area)));
}

/** Removes `area` from every rule (ConditionalFormatCollection.clearAll, clearing formats); empty rules go. */
export function subtractFromConditionalFormats(sheet: FakeSheet, area: Rect): void {
  for (const cf of sheet.conditionalFormats) cf.areas = cf.areas.flatMap((a) => subtractRect(a, area));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.areas.length > 0);
}

export interface ConditionalLook {
  /** The fill a rule gives the cell, if one does. */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/**
 * How the conditional formats of `sheet` change the cell (row, col): each rule covering the cell is evaluated
 * with its references shifted from the rule's anchor to this cell ("$" anchors kept); where several hold, the
 * higher-priority rule wins each attribute, and a rule with stopIfTrue ends the search.
 */
export function evaluateConditionalFormats(sheet: FakeSheet, row: number, col: number): ConditionalLook {
  const look: ConditionalLook = {};
  for (const cf of sheet.conditionalFormats) {
    if (cf.formula === null || !cf.areas.some((a) => containsCell(a, row, col))) continue;
    if (!formulaHoldsAt(sheet, cf.formula, cf.anchor, row, col)) continue;
    if (cf.fill && look.fill === undefined) look.fill = cf.fill;
    if (cf.fontColor && look.fontColor === undefined) look.fontColor = cf.fontColor;
    if (cf.bold !== null && look.bold === undefined) look.bold = cf.bold;
    if (cf.stopIfTrue) break;
  }
  return look;
}
