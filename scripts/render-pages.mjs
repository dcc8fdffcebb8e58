// Renders the first printed page of generated workbooks to PNG for the docs: the CLI writes them, LibreOffice
// headless prints them to PDF, pdftoppm turns page 1 into an image (needs libreoffice-calc-nogui, poppler-utils
// and fonts-noto-cjk). `npm run docs:pages` refreshes docs/images/{target-letter,duty-table}-1.png.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SEED = "seeds/001_86af085e02e72586.txt";
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.stderr || r.stdout}`);
};

/** One workbook per page to render: [CLI arguments that write `file`, the image's name]. */
const PAGES = [
  [["fill", "default:目标责任书", SEED, "--by", "town", "-d"], "经开区", "target-letter-1.png"],
  [["fill", "default:职责分工", SEED, "--by", "department", "-d"], "市经信局", "duty-table-1.png"],
];

for (const [args, unit, image] of PAGES) {
  const dir = mkdtempSync(join(tmpdir(), "tb-pages-"));
  run("node", ["bin/target-breakdown.cjs", ...args, dir]);
  const file = readdirSync(dir).find((f) => f.includes(unit) && f.endsWith(".xlsx"));
  if (!file) throw new Error(`no workbook for ${unit} in ${dir}`);
  const profile = `file://${mkdtempSync(join(tmpdir(), "tb-lo-profile-"))}`;
  run("soffice", [
    `-env:UserInstallation=${profile}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    dir,
    join(dir, file),
  ]);
  const pdf = join(dir, file.replace(/\.xlsx$/, ".pdf"));
  run("pdftoppm", [
    "-png",
    "-r",
    "70",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    pdf,
    join("docs/images", image.replace(/\.png$/, "")),
  ]);
  console.log(`docs/images/${image} ← ${file}`);
}
