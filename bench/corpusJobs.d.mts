// Types of corpusJobs.mjs for the test suite that imports it (tests/corpus/).
export interface CorpusJob {
  id: number;
  name: string;
  kind: "xlsx" | "docx" | "other";
  file: string;
  /** The reference reading (expected/<kind>/<name>.json[.gz]), or null. */
  expected: string | null;
  /** Why the file is in an unreadable list, or null. */
  why: string | null;
}
export interface CorpusLimits {
  workers: number;
  timeoutMs: number;
  compareMs: number;
  heapMB: number;
  rssMB: number;
  /** Another worker script speaking corpusWorker.mjs's messages, and its arguments after the bundle's path. */
  worker?: URL | string;
  workerArgs?: string[];
}
/** What a worker answers for one file (corpusWorker.mjs). */
export interface CorpusResult {
  class: string;
  message?: string;
  differences?: number;
  first?: { where: string; expected: string; got: string; reason: string }[];
  reason?: string;
  acceptClearError?: boolean;
  dateTypes?: { count: number; first: { where: string; expected: string; got: string }[] };
}
export const DEFAULT_CORPUS: string;
export const LIMITS: CorpusLimits;
export function hasCorpus(dir: string): boolean;
export function unreadable(corpus: string, kind: string): Map<string, string>;
export function corpusJobs(
  corpus: string,
  filters?: { only?: string; files?: string; limit?: string | number },
): CorpusJob[];
export function finalClass(job: CorpusJob, result: CorpusResult): string;
export function buildCorpusApi(outfile: string): Promise<unknown>;
