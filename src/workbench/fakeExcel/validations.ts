// Data validation of ranges (ExcelApi 1.8). Validations are kept per cell, shared by the cells validated
// together, so setting or clearing part of a range splits nothing by hand.
import { areaOf } from "./a1";
import { FakeOfficeError, invalidArgument } from "./errors";
import type { BasicValidation, FakeDataValidation, FakeValidationRule, ValidationOperator } from "./model";
import type { RangeTarget } from "./rangeOps";
import { MAX_FORMAT_CELLS } from "./rangeOps";

const OPERATORS: ValidationOperator[] = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

const KINDS = ["list", "decimal", "wholeNumber", "textLength", "custom"] as const;
const TYPE_OF: Record<(typeof KINDS)[number], string> = {
  list: "List",
  decimal: "Decimal",
  wholeNumber: "WholeNumber",
  textLength: "TextLength",
  custom: "Custom",
};

function newValidation(rule: FakeValidationRule, like?: FakeDataValidation): FakeDataValidation {
  return {
    rule,
    prompt: like ? { ...like.prompt } : { showPrompt: false, title: "", message: "" },
    errorAlert: like ? { ...like.errorAlert } : { showAlert: true, style: "Stop", title: "", message: "" },
    ignoreBlanks: like?.ignoreBlanks ?? true,
  };
}

function* cellsOf(t: RangeTarget): Generator<[number, number]> {
  if (areaOf(t.rect) > MAX_FORMAT_CELLS)
    throw new FakeOfficeError(
      "NotImplemented",
      "The fake does not validate more than a million cells at once.",
    );
  for (let r = t.rect.r1; r <= t.rect.r2; r++) for (let c = t.rect.c1; c <= t.rect.c2; c++) yield [r, c];
}

function basic(v: unknown, kind: string): BasicValidation {
  const o = v as Partial<BasicValidation> | undefined;
  if (!o || typeof o !== "object") throw invalidArgument(`rule.${kind} must be an object.`);
  if (!OPERATORS.includes(o.operator as ValidationOperator))
    throw invalidArgument(
      `rule.${kind}.operator ${JSON.stringify(o.operator)} is not one of ${OPERATORS.join(", ")}.`,
    );
  const f = (x: unknown, name: string) => {
    if (typeof x !== "number" && typeof x !== "string")
      throw invalidArgument(`rule.${kind}.${name} is missing.`);
    return x;
  };
  const out: BasicValidation = { operator: o.operator!, formula1: f(o.formula1, "formula1") };
  if (o.operator === "Between" || o.operator === "NotBetween") out.formula2 = f(o.formula2, "formula2");
  return out;
}

/** The rule as the fake keeps it; `rangeAddress` turns a Range given as a list source into "=Sheet!A1:A3". */
export function checkRule(rule: unknown, rangeAddress: (x: unknown) => string | null): FakeValidationRule {
  if (!rule || typeof rule !== "object") throw invalidArgument("dataValidation.rule must be an object.");
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !KINDS.includes(keys[0] as (typeof KINDS)[number]))
    throw invalidArgument(
      `dataValidation.rule needs exactly one of ${KINDS.join(", ")}; got ${keys.join(", ")}.`,
    );
  const r = rule as Record<string, unknown>;
  if (r.list) {
    const l = r.list as { inCellDropDown?: unknown; source?: unknown };
    const source = typeof l.source === "string" ? l.source : rangeAddress(l.source);
    if (source === null || source === "")
      throw invalidArgument("rule.list.source must be a string or a Range.");
    return { list: { inCellDropDown: l.inCellDropDown !== false, source } };
  }
  if (r.custom) {
    const formula = (r.custom as { formula?: unknown }).formula;
    if (typeof formula !== "string") throw invalidArgument("rule.custom.formula must be a string.");
    return { custom: { formula } };
  }
  const kind = keys[0] as "decimal" | "wholeNumber" | "textLength";
  return { [kind]: basic(r[kind], kind) };
}

export function setRule(t: RangeTarget, rule: FakeValidationRule): void {
  const first = t.sheet.validationAt(t.rect.r1, t.rect.c1);
  const v = newValidation(rule, first);
  for (const [r, c] of cellsOf(t)) t.sheet.setValidation(r, c, v);
}

export function clearValidation(t: RangeTarget): void {
  for (const [r, c, _v] of [...t.sheet.validatedCells()])
    if (r >= t.rect.r1 && r <= t.rect.r2 && c >= t.rect.c1 && c <= t.rect.c2)
      t.sheet.setValidation(r, c, undefined);
}

/** Changes prompt, error alert or ignoreBlanks on the range's cells (cells without a rule get "any value"). */
export function updateValidation(t: RangeTarget, change: (v: FakeDataValidation) => void): void {
  const copies = new Map<FakeDataValidation | undefined, FakeDataValidation>();
  for (const [r, c] of cellsOf(t)) {
    const old = t.sheet.validationAt(r, c);
    let next = copies.get(old);
    if (!next) {
      next = old ? { ...newValidation(old.rule, old) } : newValidation({});
      change(next);
      copies.set(old, next);
    }
    t.sheet.setValidation(r, c, next);
  }
}

/** The one validation covering every cell of the range; undefined when none; null when cells differ. */
function uniform(t: RangeTarget): FakeDataValidation | undefined | null {
  let seen = 0;
  let first: FakeDataValidation | undefined;
  let key = "";
  for (const [r, c, v] of t.sheet.validatedCells()) {
    if (r < t.rect.r1 || r > t.rect.r2 || c < t.rect.c1 || c > t.rect.c2) continue;
    seen++;
    const k = JSON.stringify(v);
    if (!first) {
      first = v;
      key = k;
    } else if (v !== first && k !== key) return null;
  }
  if (seen === 0) return undefined;
  return seen === areaOf(t.rect) ? first : null;
}

const asFormula = (x: string | number) => (typeof x === "number" ? `=${x}` : x.startsWith("=") ? x : `=${x}`);

/** The rule as Office.js reads it back: basic bounds as formula strings ("=10"). */
function ruleOut(rule: FakeValidationRule): FakeValidationRule {
  for (const kind of ["decimal", "wholeNumber", "textLength"] as const) {
    const b = rule[kind];
    if (b)
      return {
        [kind]: {
          operator: b.operator,
          formula1: asFormula(b.formula1),
          ...(b.formula2 !== undefined ? { formula2: asFormula(b.formula2) } : {}),
        },
      };
  }
  return JSON.parse(JSON.stringify(rule)) as FakeValidationRule;
}

export function readType(t: RangeTarget): string {
  const v = uniform(t);
  if (v === undefined) return "None";
  if (v === null) return "Inconsistent";
  const kind = KINDS.find((k) => v.rule[k]);
  return kind ? TYPE_OF[kind] : "None";
}

export function readRule(t: RangeTarget): FakeValidationRule | null {
  const v = uniform(t);
  if (v === undefined) return {};
  return v === null ? null : ruleOut(v.rule);
}

export function readValidationPart<K extends "prompt" | "errorAlert" | "ignoreBlanks">(
  t: RangeTarget,
  key: K,
): FakeDataValidation[K] | null {
  const v = uniform(t);
  if (v === undefined) return newValidation({})[key];
  if (v === null) return null;
  const x = v[key];
  return (typeof x === "object" ? { ...x } : x) as FakeDataValidation[K];
}
