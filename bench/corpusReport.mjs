// Prints what bench/corpus.mjs measured: counts per kind and class, then differing files by reason, clear errors
// where a reading was expected, unverified readings and every crash.

export const CLASSES = [
  "identical",
  "differing",
  "clear error (correct)",
  "clear error (a reading was expected)",
  "read, unverified",
  "read (.xls, no reference)",
  "crash",
  "bench error (not the reader)",
];
const KINDS = ["xlsx", "docx", "other"];

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function table(results) {
  const kinds = KINDS.filter((k) => results.some((r) => r.kind === k));
  const lines = [`${pad("", 38)}${kinds.map((k) => lpad(k, 7)).join("")}${lpad("total", 8)}`];
  for (const c of CLASSES) {
    const of = results.filter((r) => r.class === c);
    if (of.length === 0 && c.startsWith("bench")) continue;
    const cells = kinds.map((k) => lpad(of.filter((r) => r.kind === k).length, 7)).join("");
    lines.push(`${pad(c, 38)}${cells}${lpad(of.length, 8)}`);
  }
  const totals = kinds.map((k) => lpad(results.filter((r) => r.kind === k).length, 7)).join("");
  lines.push(`${pad("files", 38)}${totals}${lpad(results.length, 8)}`);
  return lines;
}

/** Up to `n` files taken in turn from each group, so every reason gets an example before any gets a second. */
function roundRobin(groups, n) {
  const picked = groups.map(() => []);
  for (let round = 0, taken = 0; taken < n; round++) {
    let any = false;
    groups.forEach(([, files], g) => {
      if (taken < n && files[round]) {
        picked[g].push(files[round]);
        taken++;
        any = true;
      }
    });
    if (!any) break;
  }
  return picked;
}

function differing(results, shown) {
  const files = results.filter((r) => r.class === "differing");
  if (files.length === 0) return [];
  const lines = ["", `Differing files by the reason of their first difference (${files.length} files):`];
  const groups = countBy(files, (r) => `${r.kind}: ${r.reason}`).map(([reason]) => [
    reason,
    files.filter((r) => `${r.kind}: ${r.reason}` === reason),
  ]);
  for (const [reason, of] of groups) lines.push(`  ${lpad(of.length, 5)}  ${reason}`);
  const picked = roundRobin(groups, shown);
  lines.push("", `The first difference of ${Math.min(shown, files.length)} of them (--verbose: all):`);
  groups.forEach(([reason], g) => {
    if (picked[g].length === 0) return;
    lines.push(`  ${reason}`);
    for (const r of picked[g]) {
      const d = r.first[0];
      const more = r.differences > 1 ? ` (${r.differences} differences)` : "";
      lines.push(`    ${r.name}${more}`, `      ${d.where}: expected ${d.expected}, got ${d.got}`);
    }
  });
  return lines;
}

function listed(results, cls, title, shown) {
  const files = results.filter((r) => r.class === cls);
  if (files.length === 0) return [];
  const lines = ["", `${title} (${files.length} files):`];
  const groups = countBy(files, (r) => `${r.kind}: ${r.message ?? ""}`);
  for (const [message, n] of groups.slice(0, shown)) {
    const example = files.find((r) => `${r.kind}: ${r.message ?? ""}` === message);
    lines.push(`  ${lpad(n, 5)}  ${message.length > 150 ? `${message.slice(0, 147)}...` : message}`);
    lines.push(`         e.g. ${example.name}`);
  }
  if (groups.length > shown) lines.push(`  ... ${groups.length - shown} more messages (--verbose: all)`);
  return lines;
}

/** Files whose numbers match but whose date typing (date against n) does not: a note, not a difference. */
function dateTyping(results, shown) {
  const files = results.filter((r) => r.dateTypes);
  if (files.length === 0) return ["", "Date typing (number formats): as the references in every file"];
  const lines = ["", `Date typing differs, values alike (${files.length} files; not counted as differing):`];
  for (const r of files.slice(0, shown)) {
    const d = r.dateTypes.first[0];
    lines.push(
      `  ${r.name} (${r.dateTypes.count} cells)`,
      `    ${d.where}: expected ${d.expected}, got ${d.got}`,
    );
  }
  if (files.length > shown) lines.push(`  ... ${files.length - shown} more (--verbose: all)`);
  return lines;
}

export function report(results, { shown, seconds, compared }) {
  const crashes = results.filter((r) => r.class === "crash");
  const unverified = results.filter((r) => r.class === "read, unverified");
  return [
    `Corpus regression reading: ${results.length} files in ${seconds.toFixed(0)} s`,
    ...compared.map((c) => `  ${c}`),
    "",
    ...table(results),
    ...differing(results, shown),
    ...listed(
      results,
      "clear error (a reading was expected)",
      "Clear errors where a reading was expected",
      shown,
    ),
    ...(unverified.length === 0
      ? []
      : [
          "",
          `Read, unverified: no reference reads these, a clear error was due (${unverified.length} files):`,
          ...unverified.slice(0, shown).map((r) => `  ${r.name}${r.why ? `  (${r.why})` : ""}`),
          ...(unverified.length > shown ? [`  ... ${unverified.length - shown} more (--verbose: all)`] : []),
        ]),
    ...dateTyping(results, shown),
    ...(crashes.length === 0
      ? ["", "Crashes: none"]
      : ["", `Crashes (${crashes.length} files):`, ...crashes.map((r) => `  ${r.name}\n    ${r.message}`)]),
    ...results
      .filter((r) => r.class.startsWith("bench"))
      .map((r) => `\nBench error (not the reader): ${r.name}\n  ${r.message}`),
  ].join("\n");
}
