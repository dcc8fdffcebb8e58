// Range.format and its fill, font and borders. Reading a property of several cells gives their common value,
// or null when they differ, as in Excel.
import { ClientObject, defineSchema } from "../clientObject";
import { invalidArgument } from "../errors";
import { DEFAULTS, type FakeFont, type HorizontalAlignment, type VerticalAlignment } from "../model";
import {
  checkBoolean,
  checkBorderIndex,
  checkNumber,
  checkOneOf,
  commonValue,
  eachCell,
  normalizeColor,
  readBorder,
  readColumnWidth,
  readRowHeight,
  writeBorder,
  writeColumnWidth,
  writeRowHeight,
  type BorderIndex,
  type RangeTarget,
} from "../rangeOps";
import type { FakeBorder } from "../model";

const H_ALIGN: HorizontalAlignment[] = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const V_ALIGN: VerticalAlignment[] = ["Top", "Center", "Bottom", "Justify", "Distributed"];

export class RangeFormatProxy extends ClientObject<RangeTarget> {
  get fill(): RangeFillProxy {
    return this._child(
      "fill",
      () =>
        new RangeFillProxy(this.context, this, { type: "Property", name: "fill" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get font(): RangeFontProxy {
    return this._child(
      "font",
      () =>
        new RangeFontProxy(this.context, this, { type: "Property", name: "font" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get borders(): RangeBorderCollectionProxy {
    return this._child(
      "borders",
      () =>
        new RangeBorderCollectionProxy(this.context, this, { type: "Property", name: "borders" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  get protection(): RangeFormatProtectionProxy {
    return this._child(
      "protection",
      () =>
        new RangeFormatProtectionProxy(this.context, this, { type: "Property", name: "protection" }, () =>
          this._targetOrNull(),
        ),
    );
  }

  /** Counted as an operation; the fake does not measure text, so widths stay as they are. */
  autofitColumns(): void {
    this._call("autofitColumns", [], () => void this._target(), { readOnly: true });
  }

  autofitRows(): void {
    this._call("autofitRows", [], () => void this._target(), { readOnly: true });
  }
}
defineSchema(RangeFormatProxy, {
  typeName: "RangeFormat",
  scalars: {
    columnWidth: { get: readColumnWidth, set: writeColumnWidth },
    rowHeight: { get: readRowHeight, set: writeRowHeight },
    horizontalAlignment: {
      get: (t) => commonValue(t, (c) => c?.horizontalAlignment ?? DEFAULTS.horizontalAlignment),
      set: (t, v) => {
        const a = checkOneOf(v, H_ALIGN, "format.horizontalAlignment");
        eachCell(t, (c) => (a === "General" ? delete c.horizontalAlignment : (c.horizontalAlignment = a)));
      },
    },
    verticalAlignment: {
      get: (t) => commonValue(t, (c) => c?.verticalAlignment ?? DEFAULTS.verticalAlignment),
      set: (t, v) => {
        const a = checkOneOf(v, V_ALIGN, "format.verticalAlignment");
        eachCell(t, (c) => (a === "Bottom" ? delete c.verticalAlignment : (c.verticalAlignment = a)));
      },
    },
    wrapText: {
      get: (t) => commonValue(t, (c) => c?.wrapText ?? DEFAULTS.wrapText),
      set: (t, v) => {
        const w = checkBoolean(v, "format.wrapText");
        eachCell(t, (c) => (w ? (c.wrapText = true) : delete c.wrapText));
      },
    },
  },
  navigations: ["fill", "font", "borders", "protection"],
});

/** RangeFormat.protection: whether cells stay locked when their sheet is protected (locked by default). */
export class RangeFormatProtectionProxy extends ClientObject<RangeTarget> {}
defineSchema(RangeFormatProtectionProxy, {
  typeName: "FormatProtection",
  scalars: {
    locked: {
      get: (t) => commonValue(t, (c) => !c?.unlocked),
      set: (t, v) => {
        const locked = checkBoolean(v, "format.protection.locked");
        eachCell(t, (c) => (locked ? delete c.unlocked : (c.unlocked = true)));
      },
    },
  },
  navigations: [],
});

export class RangeFillProxy extends ClientObject<RangeTarget> {
  clear(): void {
    this._call("clear", [], () => eachCell(this._target(), (c) => delete c.fill));
  }
}
defineSchema(RangeFillProxy, {
  typeName: "RangeFill",
  scalars: {
    color: {
      get: (t) => commonValue(t, (c) => c?.fill ?? DEFAULTS.fill),
      set: (t, v) => {
        const color = normalizeColor(v, "format.fill.color");
        eachCell(t, (c) => (c.fill = color));
      },
    },
  },
  navigations: [],
});

function fontProperty<K extends keyof FakeFont>(key: K, check: (v: unknown) => FakeFont[K]) {
  return {
    get: (t: RangeTarget) => commonValue(t, (c) => c?.font?.[key] ?? DEFAULTS.font[key]),
    set: (t: RangeTarget, v: unknown) => {
      const value = check(v);
      eachCell(t, (c) => {
        c.font = { ...c.font, [key]: value };
      });
    },
  };
}

export class RangeFontProxy extends ClientObject<RangeTarget> {}
defineSchema(RangeFontProxy, {
  typeName: "RangeFont",
  scalars: {
    bold: fontProperty("bold", (v) => checkBoolean(v, "font.bold")),
    italic: fontProperty("italic", (v) => checkBoolean(v, "font.italic")),
    size: fontProperty("size", (v) => checkNumber(v, "font.size", 1, 409)),
    name: fontProperty("name", (v) => {
      if (typeof v !== "string" || v.trim() === "")
        throw invalidArgument("font.name must be a non-empty string.");
      return v;
    }),
    color: fontProperty("color", (v) => normalizeColor(v, "font.color")),
  },
  navigations: [],
});

export class RangeBorderCollectionProxy extends ClientObject<RangeTarget> {
  /** One edge set: EdgeTop, EdgeBottom, EdgeLeft, EdgeRight, InsideVertical, InsideHorizontal. */
  getItem(index: string): RangeBorderProxy {
    return new RangeBorderProxy(
      this.context,
      this,
      { type: "Indexer", name: "getItem", args: [index] },
      () => {
        const t = this._targetOrNull();
        return t ? { ...t, index: checkBorderIndex(index) } : null;
      },
    );
  }
}
defineSchema(RangeBorderCollectionProxy, { typeName: "RangeBorderCollection", scalars: {}, navigations: [] });

type BorderTarget = RangeTarget & { index: BorderIndex };

const borderProperty = (prop: keyof FakeBorder) => ({
  get: (t: BorderTarget) => readBorder(t, t.index, prop),
  set: (t: BorderTarget, v: unknown) => writeBorder(t, t.index, prop, v),
});

export class RangeBorderProxy extends ClientObject<BorderTarget> {}
defineSchema(RangeBorderProxy, {
  typeName: "RangeBorder",
  scalars: {
    style: borderProperty("style"),
    color: borderProperty("color"),
    weight: borderProperty("weight"),
    sideIndex: { get: (t) => t.index },
  },
  navigations: [],
});
