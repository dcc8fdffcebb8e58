// Types of hostileFiles.mjs for the test suite that imports it (tests/hostile/).
export interface HostileCase {
  name: string;
  kind: "xlsx" | "docx" | "txt";
  what: string;
  build: () => Buffer;
  expect: RegExp | null;
  expectReader?: RegExp | null;
}
export const HOSTILE_CASES: HostileCase[];
export function makeZip(entries: object[], extra?: object[]): Buffer;
export function xlsx(options: object): Buffer;
export function docx(document: string | object): Buffer;
export function deflateRepeated(head: string, block: Buffer, times: number, tail: string): Buffer;
