// Types of apiAudit.mjs for the test that imports it.
import type ts from "typescript";

export const ROOT: string;
export const DOCS_FILE: string;
export const API_SETS_FILE: string;
export const DOCS_START: string;
export const DOCS_END: string;

export interface ManifestSet {
  name: string;
  minVersion: string;
}

export interface Guard {
  set: string;
  version: string;
  /** The check, as written ("withFormats = host.supports(TEMPLATE_FORMATS_VERSION)"). */
  text: string;
}

export interface Use {
  member: string;
  namespace: string;
  type: string;
  name: string;
  /** "load": named in a load() string. */
  access: "read" | "write" | "call" | "load";
  set: string | null;
  /** The version this use needs (the setting one for a write, when the set says so). */
  version: string | null;
  readVersion: string | null;
  writeVersion: string | null;
  where: string;
  needs: boolean;
  guards: Guard[];
  guarded: boolean;
}

export interface Member {
  member: string;
  namespace: string;
  type: string;
  name: string;
  set: string | null;
  version: string | null;
  writeVersion: string | null;
  access: string[];
  uses: Use[];
}

export interface AuditResult {
  uses: Use[];
  members: Member[];
  failures: string[];
  manifest: ManifestSet[];
}

export function manifestSets(xml: string): ManifestSet[];
export function compareVersions(a: string, b: string): number;
export function createProgram(options?: {
  root?: string;
  overrides?: Record<string, string>;
  oldProgram?: ts.Program;
}): ts.Program;
export function audit(program: ts.Program, options?: { root?: string; manifestXml?: string }): AuditResult;
export function printTable(result: AuditResult): string;
export function docsTable(result: AuditResult): string;
export function summary(result: AuditResult): {
  members: number;
  withSet: number;
  sets: string[];
  uses: number;
  guardedUses: number;
};
export function fakeApiSets(result: AuditResult): [string, string][];
export function apiSetsSource(result: AuditResult): string;
export function docsSection(result: AuditResult): string;
export function docsWithTable(
  result: AuditResult,
  docsText: string,
  options?: { root?: string },
): Promise<string>;
export function formattedApiSets(result: AuditResult, options?: { root?: string }): Promise<string>;
