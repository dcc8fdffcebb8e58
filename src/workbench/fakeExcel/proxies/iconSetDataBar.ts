// ConditionalFormat.iconSet and .dataBar (ExcelApi 1.6): the icon set's style, criteria and showIconOnly; the data
// bar's bounds and positive fill. Reaching iconSet on a rule of another type fails the sync, as in Excel.
import { ClientObject, defineSchema } from "../clientObject";
import { invalidArgument } from "../errors";
import type { FakeConditionalFormat, FakeDataBar, FakeIconSet, FakeSheet } from "../model";
import { checkBoolean, checkOneOf, normalizeColor } from "../rangeOps";

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

const ICON_SETS = [
  "ThreeArrows",
  "ThreeArrowsGray",
  "ThreeFlags",
  "ThreeTrafficLights1",
  "ThreeTrafficLights2",
  "ThreeSigns",
  "ThreeSymbols",
  "ThreeSymbols2",
  "FourArrows",
  "FourArrowsGray",
  "FourRedToBlack",
  "FourRating",
  "FourTrafficLights",
  "FiveArrows",
  "FiveArrowsGray",
  "FiveRating",
  "FiveQuarters",
  "ThreeStars",
  "ThreeTriangles",
  "FiveBoxes",
] as const;
const ICON_RULE_TYPES = ["Invalid", "Number", "Percent", "Formula", "Percentile"] as const;
const ICON_OPERATORS = ["Invalid", "GreaterThan", "GreaterThanOrEqual"] as const;
const BAR_RULE_TYPES = [
  "Invalid",
  "Automatic",
  "LowestValue",
  "HighestValue",
  "Number",
  "Percent",
  "Formula",
  "Percentile",
] as const;

function iconSetOf(t: CfTarget): FakeIconSet {
  if (!t.cf.iconSet) throw invalidArgument(`The conditional format is of type ${t.cf.type}, not IconSet.`);
  return t.cf.iconSet;
}

function dataBarOf(t: CfTarget): FakeDataBar {
  if (!t.cf.dataBar) throw invalidArgument(`The conditional format is of type ${t.cf.type}, not DataBar.`);
  return t.cf.dataBar;
}

/** Criteria as Office.js takes them: an array of {type, operator, formula}; the first may be empty. */
function checkCriteria(v: unknown): FakeIconSet["criteria"] {
  if (!Array.isArray(v)) throw invalidArgument("iconSet.criteria must be an array.");
  return v.map((c, i) => {
    if (typeof c !== "object" || c === null)
      throw invalidArgument(`iconSet.criteria[${i}] is not an object.`);
    const { type, operator, formula } = c as Record<string, unknown>;
    if (i === 0 && type === undefined) return {};
    return {
      type: checkOneOf(type, ICON_RULE_TYPES, `iconSet.criteria[${i}].type`),
      operator: checkOneOf(operator, ICON_OPERATORS, `iconSet.criteria[${i}].operator`),
      formula: String(formula ?? ""),
    };
  });
}

function checkBarRule(v: unknown, what: string): FakeDataBar["lowerBoundRule"] {
  if (typeof v !== "object" || v === null) throw invalidArgument(`${what} must be an object.`);
  const { type, formula } = v as Record<string, unknown>;
  return {
    type: checkOneOf(type, BAR_RULE_TYPES, `${what}.type`),
    ...(formula !== undefined ? { formula: String(formula) } : {}),
  };
}

export class IconSetConditionalFormatProxy extends ClientObject<CfTarget> {}
defineSchema(IconSetConditionalFormatProxy, {
  typeName: "IconSetConditionalFormat",
  scalars: {
    style: {
      get: (t) => iconSetOf(t).style,
      set: (t, v) => (iconSetOf(t).style = checkOneOf(v, ICON_SETS, "iconSet.style")),
    },
    criteria: {
      get: (t) => iconSetOf(t).criteria.map((c) => ({ ...c })),
      set: (t, v) => (iconSetOf(t).criteria = checkCriteria(v)),
    },
    showIconOnly: {
      get: (t) => iconSetOf(t).showIconOnly,
      set: (t, v) => (iconSetOf(t).showIconOnly = checkBoolean(v, "iconSet.showIconOnly")),
    },
    reverseIconOrder: {
      get: (t) => iconSetOf(t).reverseIconOrder,
      set: (t, v) => (iconSetOf(t).reverseIconOrder = checkBoolean(v, "iconSet.reverseIconOrder")),
    },
  },
  navigations: [],
});

export class DataBarConditionalFormatProxy extends ClientObject<CfTarget> {
  get positiveFormat(): ConditionalDataBarPositiveFormatProxy {
    return this._child(
      "positiveFormat",
      () =>
        new ConditionalDataBarPositiveFormatProxy(
          this.context,
          this,
          { type: "Property", name: "positiveFormat" },
          () => this._targetOrNull(),
        ),
    );
  }
}
defineSchema(DataBarConditionalFormatProxy, {
  typeName: "DataBarConditionalFormat",
  scalars: {
    lowerBoundRule: {
      get: (t) => ({ ...dataBarOf(t).lowerBoundRule }),
      set: (t, v) => (dataBarOf(t).lowerBoundRule = checkBarRule(v, "dataBar.lowerBoundRule")),
    },
    upperBoundRule: {
      get: (t) => ({ ...dataBarOf(t).upperBoundRule }),
      set: (t, v) => (dataBarOf(t).upperBoundRule = checkBarRule(v, "dataBar.upperBoundRule")),
    },
    showDataBarOnly: {
      get: (t) => dataBarOf(t).showDataBarOnly,
      set: (t, v) => (dataBarOf(t).showDataBarOnly = checkBoolean(v, "dataBar.showDataBarOnly")),
    },
  },
  navigations: ["positiveFormat"],
});

export class ConditionalDataBarPositiveFormatProxy extends ClientObject<CfTarget> {}
defineSchema(ConditionalDataBarPositiveFormatProxy, {
  typeName: "ConditionalDataBarPositiveFormat",
  scalars: {
    fillColor: {
      get: (t) => dataBarOf(t).fillColor,
      set: (t, v) => (dataBarOf(t).fillColor = normalizeColor(v, "dataBar fill color")),
    },
    gradientFill: {
      get: (t) => dataBarOf(t).gradientFill,
      set: (t, v) => (dataBarOf(t).gradientFill = checkBoolean(v, "dataBar.positiveFormat.gradientFill")),
    },
  },
  navigations: [],
});
