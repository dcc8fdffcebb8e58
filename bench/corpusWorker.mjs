// One child process of bench/corpus.mjs: reads corpus files one at a time with the product's readers (bundled from
// the current src/, the bundle's path is argv[2]) and answers each with its classification. It runs in a process
// of its own so that a hang or a memory blow-up ends only it: the parent kills it and starts another.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { compareDocx, compareXlsx } from "./corpusCompare.mjs";

const api = await import(pathToFileURL(process.argv[2]).href);

/** Every sheet as the CLI reads it (XlsxFile.open + readSheet), hidden ones too: the references list them all. */
async function readXlsx(file) {
  const book = api.XlsxFile.open(file);
  const sheets = [];
  for (const s of book.sheets) sheets.push(await book.readSheet(s.name));
  return sheets;
}

/**
 * readDocx returns what the plan parser wants (header rows dropped, merged cells filled, tables carried on across
 * page breaks joined), not the document as written. So the document part it inflated is caught on the way (through
 * its inflater argument, with node:zlib as the CLI passes it) and given to parseDocumentXml, the layer readDocx
 * itself builds on: its paragraphs and top-level tables are what the README's docx readings describe.
 */
async function readDocx(file) {
  let lastPart = "";
  await api.readDocx(readFileSync(file), file, async (bytes, entry) => {
    lastPart = api.readZipEntry(bytes, entry).toString("utf8");
    return lastPart;
  });
  return api.parseDocumentXml(lastPart);
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

/** A clear error is the reader's own documented class with a message; anything else thrown is a crash. */
function failure(e, job) {
  const own = job.kind === "docx" ? api.DocxReadError : api.XlsxReadError;
  if (e instanceof own && e.message.trim() !== "") {
    // The message starts with the file's path; the rest says what is wrong, which is what groups errors.
    const prefix = `${job.file}: `;
    return {
      class: "clear error",
      message: e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message,
    };
  }
  return { class: "crash", message: describe(e) };
}

async function classify(job) {
  const expected = job.expected ? readExpected(job.expected) : null;
  let read;
  try {
    read = job.kind === "docx" ? await readDocx(job.file) : await readXlsx(job.file);
  } catch (e) {
    return { ...failure(e, job), acceptClearError: expected?.acceptClearError === true };
  }
  // The time limit is the reader's: the comparison that follows gets a limit of its own.
  process.send({ id: job.id, readDone: true });
  if (!expected) return { class: "read, unverified" };
  const diffs = job.kind === "docx" ? compareDocx(expected, read) : compareXlsx(expected, read);
  if (diffs.count === 0) return { class: "identical" };
  return { class: "differing", differences: diffs.count, first: diffs.first, reason: diffs.first[0].reason };
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
