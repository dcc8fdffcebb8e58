// Prints Vitest's totals as one plain line ("Tests: N passed, N failed, N skipped") for CI logs, from the JSON
// report `npm test` writes to out/vitest.json.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(new URL("../out/vitest.json", import.meta.url), "utf8"));
const skipped = report.numPendingTests + (report.numTodoTests ?? 0);
console.log(`Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
process.exit(report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0);
