// Conditional formats of a sheet: adding and clearing them (by cell area, as Excel trims a rule when part of its
// range is cleared) and what a cell looks like once they apply, for the workbench grid.
import { containsCell, intersects, subtractRect, type Rect } from "./a1";
import { cellValue, formulaHoldsAt } from "./calc";
import type { FakeConditionalFormat, FakeSheet } from "./model";

let nextId = 1;

/** A new rule on `area`; Excel puts a new rule first (highest priority). */
export function addConditionalFormat(
  sheet: FakeSheet,
  area: Rect,
  type: FakeConditionalFormat["type"] = "Custom",
): FakeConditionalFormat {
  const cf: FakeConditionalFormat = {
    id: nextId++,
    type,
    ...(type === "IconSet"
      ? {
          iconSet: {
            style: "ThreeTrafficLights1",
            criteria: [],
            showIconOnly: false,
            reverseIconOrder: false,
          },
        }
      : {}),
    ...(type === "DataBar"
      ? {
          dataBar: {
            lowerBoundRule: { type: "Automatic" },
            upperBoundRule: { type: "Automatic" },
            fillColor: "#638EC6",
            gradientFill: true,
            showDataBarOnly: false,
          },
        }
      : {}),
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

export interface IconLook {
  /** The style's icon index (0 = the lowest bucket: red of the traffic lights). */
  icon?: { style: string; index: number; only: boolean };
  /** A data bar: its length (0–1) and colour. */
  bar?: { length: number; color: string; only: boolean };
}

/** A bound of a data bar as a number: "Number" bounds with a numeric formula; anything else falls back. */
function boundOf(rule: { type: string; formula?: string }, fallback: number): number {
  const n = Number(String(rule.formula ?? "").replace(/^=/, ""));
  return rule.type === "Number" && rule.formula !== undefined && Number.isFinite(n) ? n : fallback;
}

/** The icon and data bar of the cell (row, col): the first IconSet and DataBar rule covering it, if any. */
export function evaluateIconsAndBars(sheet: FakeSheet, row: number, col: number): IconLook {
  const look: IconLook = {};
  const value = cellValue(sheet, row, col);
  if (typeof value !== "number") return look;
  for (const cf of sheet.conditionalFormats) {
    if (!cf.areas.some((a) => containsCell(a, row, col))) continue;
    if (cf.iconSet && !look.icon) {
      let index = 0;
      cf.iconSet.criteria.forEach((c, i) => {
        const t = Number(String(c.formula ?? "").replace(/^=/, ""));
        if (i > 0 && Number.isFinite(t) && (c.operator === "GreaterThan" ? value > t : value >= t)) index = i;
      });
      const n = Math.max(1, cf.iconSet.criteria.length);
      if (cf.iconSet.reverseIconOrder) index = n - 1 - index;
      look.icon = { style: cf.iconSet.style, index, only: cf.iconSet.showIconOnly };
    }
    if (cf.dataBar && !look.bar) {
      const lo = boundOf(cf.dataBar.lowerBoundRule, 0);
      const hi = boundOf(cf.dataBar.upperBoundRule, 1);
      const length = hi > lo ? Math.min(1, Math.max(0, (value - lo) / (hi - lo))) : 0;
      look.bar = { length, color: cf.dataBar.fillColor, only: cf.dataBar.showDataBarOnly };
    }
  }
  return look;
}
