// The comparison rules of the corpus README ("Using it in a project test"), applied to what the product's readers
// return in the README's own shape (src/core/read/inspectShape.ts, what `target-breakdown inspect --jsonl` prints):
// an .xlsx's sheets cell by cell, a .docx's paragraphs and table rows. Each finds every difference but keeps only
// the first few (with a short reason, so the report can group files by what went wrong).
//
// As the README compares them, a date is its serial: a number matches a date of the same serial. Whether the
// number was typed "date" (by its number format) is tallied apart, as `dateTypes`: the references' typing follows
// openpyxl, which misses styles kept outside xl/styles.xml, so a few files differ there for the references' sake.
import { createHash } from "node:crypto";

const KEEP = 5;
/** A description standing in for a value ("12 cells"), shown as is. */
const note = (text) => ({ note: text });
const lf = (s) => s.replace(/\r\n/g, "\n");

/** "B3" from 0-based row and column. */
export function a1(row, col) {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** A value as it reads in the report: strings quoted and cut short, errors as their code, NaN as NaN. */
export function show(v) {
  if (v === null || v === undefined) return "(none)";
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v.note !== undefined) return v.note;
  if (v.error !== undefined) return v.error;
  if (v.sha1 !== undefined)
    return `(${v.length}-character string ${JSON.stringify(v.prefix?.slice(0, 20))}...)`;
  if (v.anyOf) return v.anyOf.map(show).join(" or ");
  return JSON.stringify(v);
}

/** Two long strings from a little before where they part, so the report shows the difference itself. */
function around(a, b) {
  if (typeof a !== "string" || typeof b !== "string" || (a.length <= 60 && b.length <= 60)) return [a, b];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 20);
  const cut = (s) => (from > 0 ? "..." : "") + s.slice(from);
  return [cut(a), cut(b)];
}

class Differences {
  count = 0;
  first = [];
  /** Numbers that match but were typed differently (date against n): {count, first}. */
  dateTypes = { count: 0, first: [] };
  add(where, expected, got, reason) {
    if (this.count++ >= KEEP) return;
    const [e, g] = around(expected, got);
    this.first.push({ where, expected: show(e), got: show(g), reason });
  }
  dateType(where, expectedType, gotType) {
    if (this.dateTypes.count++ < KEEP)
      this.dateTypes.first.push({ where, expected: expectedType, got: gotType });
  }
}

const isNumberType = (t) => t === "n" || t === "date";

const TYPE_NAME = { s: "string", n: "number", date: "date", b: "boolean", e: "error" };

// The one bomb file refers to the same megabyte-long string 12,000 times: hash each distinct string once.
const digests = new Map();
function digest(s) {
  let d = digests.get(s);
  if (!d) {
    let pairs = 0;
    for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xfc00) === 0xd800) pairs++;
    d = { length: s.length - pairs, sha1: createHash("sha1").update(s, "utf8").digest("hex") };
    if (digests.size > 100) digests.clear();
    digests.set(s, d);
  }
  return d;
}

/** Whether our cell (value `got` of type `gotType`) matches one expected value of the given type. */
function cellMatches(value, type, got, gotType) {
  if (type !== gotType && !(isNumberType(type) && isNumberType(gotType))) return false;
  if (isNumberType(type)) {
    return (
      typeof got === "number" && Math.abs(got - value) <= 1e-9 * Math.max(1, Math.abs(got), Math.abs(value))
    );
  }
  if (type === "s") {
    if (typeof got !== "string") return false;
    if (typeof value === "string") return lf(got) === lf(value);
    // A string beyond Excel's limit is given by its length in code points and the SHA-1 of its UTF-8.
    const { length, sha1 } = digest(lf(got));
    return length === value.length && sha1 === value.sha1;
  }
  if (type === "b") return got === value;
  if (type === "e") return typeof got === "object" && got.error === value.error;
  return false;
}

/** Why a cell that is there on both sides differs, for grouping: mostly the types, else what kind of text. */
function cellReason(value, type, got, gotType) {
  const want = TYPE_NAME[type] ?? type;
  const have = TYPE_NAME[gotType] ?? gotType;
  if (want !== have && !(isNumberType(type) && isNumberType(gotType))) return `expected ${want}, got ${have}`;
  if (type !== "s" || typeof value !== "string") return `${want} differs`;
  if (got.trim() === value.trim()) return "string differs (leading/trailing whitespace)";
  if (/_x[0-9A-Fa-f]{4}_/.test(got + value)) return "string differs (_xHHHH_ escape)";
  if (got.includes(value) || value.includes(got)) return "string differs (one contains the other)";
  return "string differs";
}

/** Our cells of one sheet ([row, col, value, type]), keyed like the expected ones. */
function ourCells(sheet) {
  const cells = new Map();
  for (const cell of sheet.cells) cells.set(cell[0] * 16384 + cell[1], cell);
  return cells;
}

/** `expected` is the README's JSON; `got` the reader's reading in the same shape (inspectShape.ts). */
export function compareXlsx(expected, got) {
  const diffs = new Differences();
  if (Boolean(expected.epoch1904) !== Boolean(got.epoch1904))
    diffs.add(
      "workbook",
      note(`epoch1904 ${expected.epoch1904}`),
      note(`epoch1904 ${got.epoch1904}`),
      "epoch differs",
    );
  const ours = new Map();
  for (const s of got.sheets) if (!ours.has(s.name)) ours.set(s.name, s);
  const named = new Set(expected.sheets.map((s) => s.name));
  for (const want of expected.sheets) {
    const sheet = ours.get(want.name);
    if (!sheet) {
      // A chart/macro/dialog sheet may be left out; so may a sheet without cells.
      if (!want.kind && want.cells.length > 0)
        diffs.add(`sheet "${want.name}"`, note(`${want.cells.length} cells`), null, "sheet missing");
      continue;
    }
    if ((want.kind ?? null) !== (sheet.kind ?? null))
      diffs.add(
        `sheet "${want.name}"`,
        note(want.kind ?? "worksheet"),
        note(sheet.kind ?? "worksheet"),
        "sheet kind differs",
      );
    const cells = ourCells(sheet);
    for (const [r, c, value, type] of want.cells) {
      const key = r * 16384 + c;
      const cell = cells.get(key);
      cells.delete(key);
      const options = value?.anyOf ?? [value];
      const where = `${want.name}!${a1(r, c)}`;
      if (
        options.some((o) =>
          o === null ? cell === undefined : cell !== undefined && cellMatches(o, type, cell[2], cell[3]),
        )
      ) {
        if (cell !== undefined && cell[3] !== type && isNumberType(cell[3]))
          diffs.dateType(where, type, cell[3]);
        continue;
      }
      if (cell === undefined) diffs.add(where, value, null, "cell missing");
      else
        diffs.add(
          where,
          value,
          cell[2],
          cellReason(
            options.find((o) => o !== null),
            type,
            cell[2],
            cell[3],
          ),
        );
    }
    for (const [key, cell] of cells)
      diffs.add(`${want.name}!${a1(Math.floor(key / 16384), key % 16384)}`, null, cell[2], "extra cell");
  }
  for (const s of got.sheets) {
    if (!named.has(s.name) && s.cells.length > 0)
      diffs.add(`sheet "${s.name}"`, null, note(`${s.cells.length} cells`), "extra sheet");
  }
  return diffs;
}

/** Trailing "" carry no meaning; CRLF is LF. */
const cleanRow = (row) => {
  const out = row.map(lf);
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
};

function textReason(want, got, what) {
  if (got === undefined) return `${what} missing`;
  if (want === undefined) return `extra ${what}`;
  if (got.trim() === want.trim()) return `${what} differs (leading/trailing whitespace)`;
  if (got.replace(/\s+/g, "") === want.replace(/\s+/g, "")) return `${what} differs (whitespace inside)`;
  if (got.includes(want) || want.includes(got)) return `${what} differs (one contains the other)`;
  return `${what} differs`;
}

/** Compares the lists position by position; a missing or extra item at the end is one difference each. */
function compareLists(diffs, want, got, what, where) {
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== undefined && got[i] !== undefined && lf(want[i]) === lf(got[i])) continue;
    diffs.add(where(i), want[i], got[i], textReason(want[i], got[i], what));
  }
}

/**
 * `expected` is the README's JSON; `got` the reader's reading in the same shape (inspectShape.ts): paragraphs and
 * table rows as the README says, and the merged regions and block order too (inspect prints them).
 */
export function compareDocx(expected, got) {
  const diffs = new Differences();
  compareLists(diffs, expected.paragraphs, got.paragraphs, "paragraph", (i) => `paragraph ${i + 1}`);
  const tables = got.tables.map((t) => t.rows);
  if (tables.length !== expected.tables.length)
    diffs.add(
      "tables",
      note(`${expected.tables.length} tables`),
      note(`${tables.length} tables`),
      "table count differs",
    );
  expected.tables.forEach((want, t) => {
    const merges = (m) => JSON.stringify(m ?? []);
    if (got.tables[t] && merges(want.merges) !== merges(got.tables[t].merges))
      diffs.add(
        `table ${t + 1}`,
        note(merges(want.merges)),
        note(merges(got.tables[t].merges)),
        "merges differ",
      );
    const rows = tables[t];
    if (!rows) return;
    if (rows.length !== want.rows.length)
      diffs.add(
        `table ${t + 1}`,
        note(`${want.rows.length} rows`),
        note(`${rows.length} rows`),
        "table row count differs",
      );
    want.rows.forEach((row, r) => {
      if (rows[r] === undefined) return;
      const where = (c) => `table ${t + 1} row ${r + 1} col ${c + 1}`;
      compareLists(diffs, cleanRow(row), cleanRow(rows[r]), "table cell", where);
    });
  });
  // The sequence of paragraphs and tables; a difference already counted above is not counted again.
  if (diffs.count === 0 && expected.order !== undefined && expected.order !== got.order)
    diffs.add("order", expected.order, got.order, "block order differs");
  return diffs;
}
