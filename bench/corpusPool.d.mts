// Types of corpusPool.mjs for the test suites that import it (tests/corpus/).
import type { CorpusLimits, CorpusResult } from "./corpusJobs.mjs";
export function runPool<J extends { id: number }>(
  jobs: J[],
  bundle: string,
  limits: CorpusLimits,
  onResult: (job: J, result: CorpusResult) => void,
): Promise<void>;
