// LibreOffice headless, to recalculate the formulas we write the way a spreadsheet program does.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./workbooks";

export function sofficePath(): string {
  for (const p of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"])
    if (existsSync(p)) return p;
  throw new Error(
    "LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui (.ci/run does this)",
  );
}

/** Converts `file` with soffice into a new folder; returns the paths it wrote. */
export function sofficeConvert(file: string, filter: string): string[] {
  const out = tempDir("tb-lo-");
  // A private profile per call, so parallel test files do not fight over LibreOffice's profile lock.
  const profile = `file://${tempDir("tb-lo-profile-")}`;
  const r = spawnSync(
    sofficePath(),
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", filter, "--outdir", out, file],
    {
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
  return readdirSync(out).map((f) => join(out, f));
}

/** All sheets as CSV (raw values, not as shown), keyed by sheet name. */
export function sofficeCsvSheets(file: string): Map<string, string[][]> {
  const files = sofficeConvert(
    file,
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
  );
  const sheets = new Map<string, string[][]>();
  const base = file
    .split("/")
    .pop()!
    .replace(/\.xlsx$/, "");
  for (const f of files) {
    const name = f
      .split("/")
      .pop()!
      .replace(`${base}-`, "")
      .replace(/\.csv$/, "");
    sheets.set(name, parseCsv(readFileSync(f, "utf8")));
  }
  return sheets;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
