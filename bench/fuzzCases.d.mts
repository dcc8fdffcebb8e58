// Types of fuzzCases.mjs for the test suite that imports it (tests/fuzz/).
export type FuzzKind = "xlsx" | "docx" | "txt";
export interface FuzzSeed {
  name: string;
  kind: FuzzKind;
  bytes: Buffer;
  /** From the corpus sample (picked, all together, as often as the project's own files). */
  sample: boolean;
}
export type FuzzSeeds = Record<FuzzKind, FuzzSeed[]>;
export interface FuzzCase {
  id: number;
  kind: FuzzKind;
  name: string;
  seed: string;
  bytes: Buffer;
  mutations: string[];
}
/** The readers a case is read with (the bundle's exports, or the src/ modules). */
export interface FuzzApi {
  readWorkbookForInspect(bytes: Buffer, file: string): Promise<unknown>;
  readXlsxInBrowser(bytes: Uint8Array, file: string): Promise<unknown>;
  readDocx(
    bytes: Uint8Array,
    file: string,
    inflate?: (bytes: Uint8Array, entry: never) => Promise<string>,
  ): Promise<never>;
  planFromDocx(doc: never): unknown;
  planFromTextBytes(bytes: Uint8Array): unknown;
  readZipEntry(bytes: Buffer, entry: never): Buffer;
  isClearReadError(e: unknown): boolean;
}
export interface FuzzFailure {
  class: string;
  reader: string;
  message: string;
  where: string;
  count: number;
  cases: { id: number; seed: string; mutations: string[] }[];
}
export class Tally {
  failures: Map<string, FuzzFailure>;
  count(cls: string, kind?: FuzzKind): number;
  report(seconds?: number): string;
}
export const CLASSES: string[];
export function syntheticXlsx(): Buffer;
export function seedKind(file: string): FuzzKind;
export function makeSeeds(files: string[], readFile: (file: string) => Buffer, sampled?: string[]): FuzzSeeds;
export function makeCase(seeds: FuzzSeeds, id: number, seed?: number): FuzzCase;
export function readCase(
  api: FuzzApi,
  kase: FuzzCase,
): Promise<{ reader: string; class: string; message?: string; where?: string }[]>;
export function runInProcess(
  api: FuzzApi,
  seeds: FuzzSeeds,
  options: { cases: number; seed?: number; first?: number },
): Promise<Tally>;
