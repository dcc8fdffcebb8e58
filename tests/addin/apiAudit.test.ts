// The Office.js API audit (npm run audit:api): every Excel API member src/ uses is in the manifest's ExcelApi 1.7
// or guarded by a requirement-set check; the audit does fail on an unguarded one; docs/addin.md's table and the
// fake's apiSets.ts are what it gives; and the fake implements every member it lists.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import {
  API_SETS_FILE,
  DOCS_FILE,
  ROOT,
  audit,
  createProgram,
  docsWithTable,
  fakeApiSets,
  formattedApiSets,
  manifestSets,
  type AuditResult,
} from "../../scripts/apiAudit.mjs";
import { API_SETS, modelsMember, NEWEST_API_VERSION } from "../../src/workbench/fakeExcel";

/** Variants added to the program as files of src/excel/, each a use of getCellProperties (ExcelApi 1.9). */
const CALL = 'ws.getRange("A1:B2").getCellProperties({ format: { fill: { color: true } } });';
const HELPER = `function formats(ws: Excel.Worksheet) {\n  ${CALL}\n}\n`;
const VARIANTS: Record<string, string> = {
  unguarded: `export function f(ws: Excel.Worksheet) {\n  ${CALL}\n}\n`,
  inIf: `export function f(host: ExcelHost, ws: Excel.Worksheet) {\n  if (host.supports("1.9")) ${CALL}\n}\n`,
  earlyReturn: `export function f(host: ExcelHost, ws: Excel.Worksheet) {\n  if (!host.supports("1.10")) return;\n  ${CALL}\n}\n`,
  guardedCallers: `${HELPER}export function f(host: ExcelHost, ws: Excel.Worksheet) {\n  if (host.supports("1.9")) formats(ws);\n}\n`,
  // A check of a lower version does not cover it; one unguarded caller is enough to fail.
  lowerCheck: `export function f(host: ExcelHost, ws: Excel.Worksheet) {\n  if (host.supports("1.8")) ${CALL}\n}\n`,
  oneUnguardedCaller: `${HELPER}export function f(host: ExcelHost, ws: Excel.Worksheet) {\n  if (host.supports("1.9")) formats(ws);\n  formats(ws);\n}\n`,
};
const variantFile = (name: string) => `src/excel/__auditVariant_${name}.ts`;

let program: ts.Program;
let result: AuditResult;
let mutated: AuditResult;

beforeAll(() => {
  program = createProgram();
  result = audit(program);
  const overrides = Object.fromEntries(
    Object.entries(VARIANTS).map(([name, body]) => [
      variantFile(name),
      `import type { ExcelHost } from "./host";\n\n${body}`,
    ]),
  );
  mutated = audit(createProgram({ overrides, oldProgram: program }));
}, 120_000);

const failuresOf = (name: string) => mutated.failures.filter((f) => f.startsWith(variantFile(name)));

describe("the API audit of src/", () => {
  it("reads the manifest's requirement sets", () => {
    expect(manifestSets(readFileSync(join(ROOT, "manifest.xml"), "utf8"))).toEqual([
      { name: "ExcelApi", minVersion: "1.7" },
    ]);
    expect(result.manifest).toEqual([{ name: "ExcelApi", minVersion: "1.7" }]);
  });

  it("finds no member above ExcelApi 1.7 (or outside the manifest's sets) used unguarded", () => {
    expect(result.failures).toEqual([]);
    expect(result.members.length).toBeGreaterThan(50);
  });

  it("sees the add-in's guards: each 1.8+ member is used only under a supports() check that covers it", () => {
    const guardOf = (member: string) => {
      const m = result.members.find((x) => x.member === member);
      expect(m, member).toBeDefined();
      return m!.uses.map((u) => u.guards.map((g) => `${g.set} ${g.version}`));
    };
    // if (host.supports(OPTIONAL_FEATURES.print.version)), and readTemplateSheet's const withFormats.
    expect(guardOf("Excel.Worksheet.pageLayout").flat()).toEqual(["ExcelApi 1.9", "ExcelApi 1.9"]);
    expect(guardOf("Excel.Range.getCellProperties")).toEqual([["ExcelApi 1.9"]]);
    // Through a parameter: readInBlocks(…, withMerges) is called with readSheets' check.
    expect(guardOf("Excel.Range.getMergedAreasOrNullObject").every((g) => g.includes("ExcelApi 1.13"))).toBe(
      true,
    );
    expect(guardOf("Excel.Range.dataValidation")).toEqual([["ExcelApi 1.8"]]);
    // A set the manifest does not declare: guarded by isSetSupported("SharedRuntime", "1.1").
    expect(guardOf("Office.Addin.showAsTaskpane")).toEqual([["SharedRuntime 1.1"]]);
    // Worksheet.visibility: read in 1.1, set in 1.2.
    const visibility = result.members.find((m) => m.member === "Excel.Worksheet.visibility")!;
    expect([visibility.version, visibility.writeVersion]).toEqual(["1.1", "1.2"]);
  });

  it("fails on an unguarded ExcelApi 1.9 call added to the program", () => {
    const failures = failuresOf("unguarded");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /Excel\.Range\.getCellProperties needs ExcelApi 1\.9 \(the manifest's minimum is 1\.7\)/,
    );
    const use = mutated.uses.find((u) => u.where.startsWith(variantFile("unguarded")))!;
    expect(use).toMatchObject({
      member: "Excel.Range.getCellProperties",
      needs: true,
      guarded: false,
      access: "call",
    });
    // The project's own code still passes in the same program.
    expect(mutated.failures.filter((f) => !f.includes("__auditVariant_"))).toEqual([]);
  });

  it("accepts the same call behind a guard: an if, an early return, a function only guarded code calls", () => {
    expect(failuresOf("inIf")).toEqual([]);
    expect(failuresOf("earlyReturn")).toEqual([]);
    expect(failuresOf("guardedCallers")).toEqual([]);
    expect(failuresOf("lowerCheck")).toHaveLength(1);
    expect(failuresOf("oneUnguardedCaller")).toHaveLength(1);
  });

  it("keeps docs/addin.md's table and the fake's apiSets.ts as the audit gives them (npm run audit:api -- --write)", async () => {
    const docs = readFileSync(join(ROOT, DOCS_FILE), "utf8");
    expect(await docsWithTable(result, docs)).toBe(docs);
    expect(await formattedApiSets(result)).toBe(readFileSync(join(ROOT, API_SETS_FILE), "utf8"));
    expect(Object.entries(API_SETS)).toEqual(fakeApiSets(result));
    expect(NEWEST_API_VERSION).toBe("1.13");
  });

  it("lists only members the fake implements (Excel's and OfficeExtension's; Office's common API is not faked)", () => {
    const faked = result.members.filter((m) => m.namespace !== "Office").map((m) => m.member);
    expect(faked.length).toBeGreaterThan(50);
    expect(faked.filter((m) => !modelsMember(m))).toEqual([]);
    // The check itself can fail.
    expect(modelsMember("Excel.Range.getSpillingToRange")).toBe(false);
  });
});
