// One child process of bench/corpus.mjs: reads corpus files one at a time with the product's readers (bundled from
// the current src/, the bundle's path is argv[2]) and answers each with its classification. It runs in a process
// of its own so that a hang or a memory blow-up ends only it: the parent kills it and starts another.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { compareDocx, compareXlsx } from "./corpusCompare.mjs";

const api = await import(pathToFileURL(process.argv[2]).href);

/**
 * The reading `target-breakdown inspect --jsonl` prints, in the README's shape (src/cli/inspectRead.ts): a workbook
 * through XlsxFile (every sheet, hidden ones too: the references list them all; numbers typed dates by their
 * number format), a document through readDocx and the parseDocumentXml layer it builds on (its paragraphs and
 * top-level tables are what the README's docx readings describe; readDocx itself returns what the plan parser
 * wants). other/ goes to the reader its bytes and extension call for.
 */
async function read(job) {
  const bytes = readFileSync(job.file);
  const kind = job.kind === "other" ? api.inspectKind(bytes, job.file) : job.kind;
  return kind === "docx" ? api.docxShapeOfBytes(bytes, job.file) : api.xlsxShapeOfBytes(bytes, job.file);
}

function readExpected(file) {
  const text = file.endsWith(".gz")
    ? gunzipSync(readFileSync(file)).toString("utf8")
    : readFileSync(file, "utf8");
  return JSON.parse(text);
}

/** "TypeError: x is undefined (src/xlsx/sheetXml.ts:120)": the message and where in src/ it came from. */
function describe(e) {
  if (!(e instanceof Error)) return `thrown non-Error: ${String(e)}`;
  const frame = /\((?:[^()]*\/)?(src\/[^()]+?):(\d+):\d+\)/.exec(e.stack ?? "");
  return `${e.name}: ${e.message}${frame ? ` (${frame[1]}:${frame[2]})` : ""}`;
}

/**
 * A clear error is the readers' own (the ReadError family, XlsxReadError, DocxReadError) with a message; anything
 * else thrown is a crash.
 */
function failure(e, job) {
  // The message starts with the file's path; the rest says what is wrong, which is what groups errors.
  if (api.isClearReadError(e)) return { class: "clear error", message: api.readErrorText(e, job.file) };
  return { class: "crash", message: describe(e) };
}

async function classify(job) {
  const expected = job.expected ? readExpected(job.expected) : null;
  let reading;
  try {
    reading = await read(job);
  } catch (e) {
    return { ...failure(e, job), acceptClearError: expected?.acceptClearError === true };
  }
  // The time limit is the reader's: the comparison that follows gets a limit of its own.
  process.send({ id: job.id, readDone: true });
  if (!expected) return { class: "read, unverified" };
  const diffs = job.kind === "docx" ? compareDocx(expected, reading) : compareXlsx(expected, reading);
  const dateTypes = diffs.dateTypes?.count > 0 ? { dateTypes: diffs.dateTypes } : {};
  if (diffs.count === 0) return { class: "identical", ...dateTypes };
  return {
    class: "differing",
    differences: diffs.count,
    first: diffs.first,
    reason: diffs.first[0].reason,
    ...dateTypes,
  };
}

let current = null;
let lastFile = "";

// An error thrown outside the reader's awaits (a stream's late error) counts against the file being read; one
// that comes after the answer is only reported (the parent cannot take the answer back). Either way the process
// ends and the parent starts a fresh one.
function dieWith(e) {
  process.send(
    { id: current, fatal: true, class: "crash", message: `uncaught: ${describe(e)}`, after: lastFile },
    () => process.exit(1),
  );
}
process.on("uncaughtException", dieWith);
process.on("unhandledRejection", dieWith);

process.on("message", async (job) => {
  current = job.id;
  let result;
  try {
    result = await classify(job);
  } catch (e) {
    // A broken expected reading or a bug in the comparison: not the reader's fault, but never hide it.
    result = {
      class: "crash",
      message: `bench (not the reader): ${describe(e)} in ${path.basename(job.file)}`,
    };
  }
  current = null;
  lastFile = path.basename(job.file);
  process.send({ id: job.id, ...result });
});
process.send({ ready: true });
