// Range.conditionalFormats (ExcelApi 1.6): "Custom" rules — a formula written for the range's top-left cell, a
// fill and a font colour — and "IconSet" and "DataBar" rules (iconSetDataBar.ts), which is what our sheets use.
import { ClientObject, CollectionObject, defineSchema } from "../clientObject";
import {
  addConditionalFormat,
  conditionalFormatsOn,
  subtractFromConditionalFormats,
} from "../conditionalFormats";
import { FakeOfficeError, invalidArgument, itemNotFound } from "../errors";
import { FormulaSyntaxError, parseCached } from "../formula/parse";
import type { FakeConditionalFormat, FakeSheet } from "../model";
import { DataBarConditionalFormatProxy, IconSetConditionalFormatProxy } from "./iconSetDataBar";
import { checkBoolean, checkNumber, normalizeColor, type RangeTarget } from "../rangeOps";

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

const MODELLED = ["Custom", "IconSet", "DataBar"] as const;
const OTHER_TYPES = ["ColorScale", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

export class ConditionalFormatCollectionProxy extends CollectionObject<RangeTarget, ConditionalFormatProxy> {
  protected _members(t: RangeTarget): ConditionalFormatProxy[] {
    return conditionalFormatsOn(t.sheet, t.rect).map((cf) => {
      const target = { sheet: t.sheet, cf };
      const p = new ConditionalFormatProxy(
        this.context,
        this,
        { type: "Item", name: String(cf.id) },
        () => target,
      );
      p._bind(target);
      return p;
    });
  }

  /** A new rule on the range, first in priority; "Custom", "IconSet" and "DataBar" are modelled. */
  add(type: string): ConditionalFormatProxy {
    const cf = new ConditionalFormatProxy(
      this.context,
      this,
      { type: "Method", name: "add", args: [type] },
      () => {
        throw itemNotFound("The conditional format was not added: its add() failed.");
      },
    );
    this.context._enqueue({
      object: this,
      type: "Instantiate",
      name: "add",
      args: [type],
      run: () => {
        if (OTHER_TYPES.includes(type))
          throw new FakeOfficeError(
            "NotImplemented",
            `The fake models only "Custom", "IconSet" and "DataBar" conditional formats, not "${type}".`,
          );
        if (!(MODELLED as readonly string[]).includes(type))
          throw invalidArgument(`conditionalFormats.add(${JSON.stringify(type)}): unknown type.`);
        const t = this._target();
        const kind = type as (typeof MODELLED)[number];
        cf._bind({ sheet: t.sheet, cf: addConditionalFormat(t.sheet, { ...t.rect }, kind) });
      },
    });
    return cf;
  }

  /** Removes the rules from the range's cells (rules reaching further keep their other cells). */
  clearAll(): void {
    this._call("clearAll", [], () => {
      const t = this._target();
      subtractFromConditionalFormats(t.sheet, t.rect);
    });
  }
}
defineSchema(ConditionalFormatCollectionProxy, {
  typeName: "ConditionalFormatCollection",
  scalars: {},
  navigations: [],
});

export class ConditionalFormatProxy extends ClientObject<CfTarget> {
  protected override _checkLive(t: CfTarget): void {
    if (!t.sheet.workbook.isLive(t.sheet) || !t.sheet.conditionalFormats.includes(t.cf))
      throw itemNotFound("The conditional format no longer exists.");
  }

  get custom(): CustomConditionalFormatProxy {
    return this._child(
      "custom",
      () =>
        new CustomConditionalFormatProxy(this.context, this, { type: "Property", name: "custom" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get iconSet(): IconSetConditionalFormatProxy {
    return this._child(
      "iconSet",
      () =>
        new IconSetConditionalFormatProxy(this.context, this, { type: "Property", name: "iconSet" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get dataBar(): DataBarConditionalFormatProxy {
    return this._child(
      "dataBar",
      () =>
        new DataBarConditionalFormatProxy(this.context, this, { type: "Property", name: "dataBar" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  delete(): void {
    this._call("delete", [], () => {
      const { sheet, cf } = this._target();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
}
defineSchema(ConditionalFormatProxy, {
  typeName: "ConditionalFormat",
  scalars: {
    id: { get: (t) => String(t.cf.id) },
    type: { get: (t) => t.cf.type },
    priority: {
      get: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      set: (t, v) => {
        const p = checkNumber(v, "priority", 0, Number.MAX_SAFE_INTEGER);
        const list = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
        list.splice(Math.min(Math.trunc(p), list.length), 0, t.cf);
        t.sheet.conditionalFormats = list;
      },
    },
    stopIfTrue: {
      get: (t) => t.cf.stopIfTrue,
      set: (t, v) => (t.cf.stopIfTrue = checkBoolean(v, "stopIfTrue")),
    },
  },
  navigations: ["custom", "iconSet", "dataBar"],
});

export class CustomConditionalFormatProxy extends ClientObject<CfTarget> {
  get rule(): ConditionalFormatRuleProxy {
    return this._child(
      "rule",
      () =>
        new ConditionalFormatRuleProxy(this.context, this, { type: "Property", name: "rule" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get format(): ConditionalRangeFormatProxy {
    return this._child(
      "format",
      () =>
        new ConditionalRangeFormatProxy(this.context, this, { type: "Property", name: "format" }, () =>
          this._targetOrNull(),
        ),
    );
  }
}
defineSchema(CustomConditionalFormatProxy, {
  typeName: "CustomConditionalFormat",
  scalars: {},
  navigations: ["rule", "format"],
});

/** A rule formula: "=…", relative to the top-left cell of the range, and one Excel can parse. */
function checkRuleFormula(v: unknown): string {
  if (typeof v !== "string" || !v.startsWith("=") || v.length < 2)
    throw invalidArgument(`rule.formula must be a formula starting with "=", got ${JSON.stringify(v)}.`);
  const parsed = parseCached(v);
  if (parsed instanceof FormulaSyntaxError)
    throw invalidArgument(
      `rule.formula ${JSON.stringify(v)} is not a formula Excel can read (${parsed.message}).`,
    );
  return v;
}

const ruleFormula = {
  get: (t: CfTarget) => t.cf.formula ?? "",
  set: (t: CfTarget, v: unknown) => (t.cf.formula = checkRuleFormula(v)),
};

export class ConditionalFormatRuleProxy extends ClientObject<CfTarget> {}
defineSchema(ConditionalFormatRuleProxy, {
  typeName: "ConditionalFormatRule",
  scalars: { formula: ruleFormula, formulaLocal: ruleFormula },
  navigations: [],
});

export class ConditionalRangeFormatProxy extends ClientObject<CfTarget> {
  get fill(): ConditionalRangeFillProxy {
    return this._child(
      "fill",
      () =>
        new ConditionalRangeFillProxy(this.context, this, { type: "Property", name: "fill" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get font(): ConditionalRangeFontProxy {
    return this._child(
      "font",
      () =>
        new ConditionalRangeFontProxy(this.context, this, { type: "Property", name: "font" }, () =>
          this._targetOrNull(),
        ),
    );
  }
}
defineSchema(ConditionalRangeFormatProxy, {
  typeName: "ConditionalRangeFormat",
  scalars: {},
  navigations: ["fill", "font"],
});

export class ConditionalRangeFillProxy extends ClientObject<CfTarget> {
  clear(): void {
    this._call("clear", [], () => void (this._target().cf.fill = null));
  }
}
defineSchema(ConditionalRangeFillProxy, {
  typeName: "ConditionalRangeFill",
  scalars: {
    color: {
      get: (t) => t.cf.fill,
      set: (t, v) => (t.cf.fill = normalizeColor(v, "conditional fill color")),
    },
  },
  navigations: [],
});

export class ConditionalRangeFontProxy extends ClientObject<CfTarget> {
  clear(): void {
    this._call("clear", [], () => {
      const { cf } = this._target();
      cf.fontColor = null;
      cf.bold = null;
    });
  }
}
defineSchema(ConditionalRangeFontProxy, {
  typeName: "ConditionalRangeFont",
  scalars: {
    color: {
      get: (t) => t.cf.fontColor,
      set: (t, v) => (t.cf.fontColor = normalizeColor(v, "conditional font color")),
    },
    bold: { get: (t) => t.cf.bold, set: (t, v) => (t.cf.bold = checkBoolean(v, "conditional font bold")) },
  },
  navigations: [],
});
