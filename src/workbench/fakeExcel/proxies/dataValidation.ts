// Range.dataValidation (ExcelApi 1.8): list and number rules, prompt, error alert, clear().
import { columnName, quoteSheetName } from "../a1";
import { ClientObject, defineSchema } from "../clientObject";
import { invalidArgument } from "../errors";
import type { FakeDataValidation } from "../model";
import { checkBoolean, type RangeTarget } from "../rangeOps";
import {
  checkRule,
  clearValidation,
  readRule,
  readType,
  readValidationPart,
  setRule,
  updateValidation,
} from "../validations";
import { RangeProxy } from "./range";

/** A Range given as a list source becomes its absolute address formula, as Excel stores it. */
function sourceAddress(x: unknown): string | null {
  if (!(x instanceof RangeProxy)) return null;
  const t = x._target();
  const corner = (r: number, c: number) => `$${columnName(c)}$${r + 1}`;
  const { r1, c1, r2, c2 } = t.rect;
  const cells = r1 === r2 && c1 === c2 ? corner(r1, c1) : `${corner(r1, c1)}:${corner(r2, c2)}`;
  return `=${quoteSheetName(t.sheet.name)}!${cells}`;
}

function checkPrompt(v: unknown): FakeDataValidation["prompt"] {
  if (!v || typeof v !== "object") throw invalidArgument("dataValidation.prompt must be an object.");
  const o = v as Record<string, unknown>;
  return {
    showPrompt: o.showPrompt === undefined ? true : checkBoolean(o.showPrompt, "prompt.showPrompt"),
    title: String(o.title ?? ""),
    message: String(o.message ?? ""),
  };
}

function checkAlert(v: unknown): FakeDataValidation["errorAlert"] {
  if (!v || typeof v !== "object") throw invalidArgument("dataValidation.errorAlert must be an object.");
  const o = v as Record<string, unknown>;
  const style = o.style ?? "Stop";
  if (style !== "Stop" && style !== "Warning" && style !== "Information")
    throw invalidArgument(`errorAlert.style ${JSON.stringify(style)} is not Stop, Warning or Information.`);
  return {
    showAlert: o.showAlert === undefined ? true : checkBoolean(o.showAlert, "errorAlert.showAlert"),
    style,
    title: String(o.title ?? ""),
    message: String(o.message ?? ""),
  };
}

export class DataValidationProxy extends ClientObject<RangeTarget> {
  clear(): void {
    this._call("clear", [], () => clearValidation(this._target()));
  }
}
defineSchema(DataValidationProxy, {
  typeName: "DataValidation",
  scalars: {
    rule: { get: readRule, set: (t, v) => setRule(t, checkRule(v, sourceAddress)) },
    type: { get: readType },
    prompt: {
      get: (t) => readValidationPart(t, "prompt"),
      set: (t, v) => {
        const prompt = checkPrompt(v);
        updateValidation(t, (x) => (x.prompt = prompt));
      },
    },
    errorAlert: {
      get: (t) => readValidationPart(t, "errorAlert"),
      set: (t, v) => {
        const alert = checkAlert(v);
        updateValidation(t, (x) => (x.errorAlert = alert));
      },
    },
    ignoreBlanks: {
      get: (t) => readValidationPart(t, "ignoreBlanks"),
      set: (t, v) => {
        const b = checkBoolean(v, "ignoreBlanks");
        updateValidation(t, (x) => (x.ignoreBlanks = b));
      },
    },
  },
  navigations: [],
});
