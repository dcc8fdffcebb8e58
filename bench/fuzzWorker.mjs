// One child process of bench/fuzz.mjs: makes fuzz cases from their ids (bench/fuzzCases.mjs) and reads each with
// the product's readers (bundled from the current src/, the bundle's path is argv[2]; the seed files are listed in
// the JSON file argv[3], the run's seed is argv[4]). It answers each case with its class and, for an uncaught
// exception, the message and src location. A hang or a memory blow-up ends only this process: the pool
// (corpusPool.mjs) kills it, counts the case and starts another.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { caseClass, describeError, makeCase, makeSeeds, readCase } from "./fuzzCases.mjs";

const api = await import(pathToFileURL(process.argv[2]).href);
const { files, sampled } = JSON.parse(readFileSync(process.argv[3], "utf8"));
const seeds = makeSeeds(files, (f) => readFileSync(f), sampled);
const runSeed = Number(process.argv[4] ?? 1);

let current = null;
function dieWith(e) {
  const { message, where } = describeError(e);
  process.send(
    {
      id: current,
      fatal: true,
      class: "uncaught exception",
      reader: "stray",
      message: `uncaught: ${message}`,
      where,
    },
    () => process.exit(1),
  );
}
process.on("uncaughtException", dieWith);
process.on("unhandledRejection", dieWith);

process.on("message", async (job) => {
  current = job.id;
  const kase = makeCase(seeds, job.id, runSeed);
  const outcomes = await readCase(api, kase);
  const cls = caseClass(outcomes);
  const failure = outcomes.find((o) => o.class === "uncaught");
  current = null;
  process.send({
    id: job.id,
    class: cls,
    ...(failure ? { reader: failure.reader, message: failure.message, where: failure.where } : {}),
  });
});
process.send({ ready: true });
