// npm run audit:api [-- --write]: prints every Excel / Office API member src/ uses with its requirement set, where
// it is used and what guards it; exits 1 when a member above the manifest's minimum (or in a set the manifest
// does not declare) is used unguarded, or when docs/addin.md or the fake's apiSets.ts is not what the audit gives.
// --write rewrites both. The rules: docs/addin.md, "Excel APIs used and their requirement sets".
import fs from "node:fs";
import path from "node:path";
import {
  API_SETS_FILE,
  DOCS_FILE,
  ROOT,
  audit,
  createProgram,
  docsWithTable,
  formattedApiSets,
  printTable,
  summary,
} from "./apiAudit.mjs";

const write = process.argv.includes("--write") || process.argv.includes("--write-docs");
const result = audit(createProgram());
console.log(printTable(result));
const s = summary(result);
console.log(
  `\n${s.members} members (${s.withSet} with a requirement set), ${s.uses} uses, ${s.guardedUses} guarded; ` +
    `sets: ${s.sets.join(", ")}; manifest: ${result.manifest.map((m) => `${m.name} ${m.minVersion}`).join(", ")}`,
);

let failed = false;
for (const f of result.failures) {
  console.error(`audit:api: ${f}`);
  failed = true;
}

const outputs = [
  [DOCS_FILE, await docsWithTable(result, fs.readFileSync(path.join(ROOT, DOCS_FILE), "utf8"))],
  [API_SETS_FILE, await formattedApiSets(result)],
];
for (const [file, text] of outputs) {
  const full = path.join(ROOT, file);
  const current = fs.existsSync(full) ? fs.readFileSync(full, "utf8") : null;
  if (current === text) continue;
  if (write) {
    fs.writeFileSync(full, text);
    console.log(`audit:api: wrote ${file}`);
  } else {
    console.error(`audit:api: ${file} is out of date: run npm run audit:api -- --write`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
