// The 通报 as .docx (src/docx/renderBulletinDocx.ts) on the 平湖 year, month 8: word/document.xml read back with
// the project's own Word reader — the paragraphs are the 通报's, the 亮晒 table's cells are the progress rows'
// numbers, the indicator merged over its towns, 状态 shaded red/yellow/green — the 公文 page and fonts, and
// LibreOffice opening it and printing pages.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocumentXml, type DocxTable } from "../../src/core/docx/documentXml";
import { bulletinDoc, TABLE_HEADER } from "../../src/core/layout/bulletinDoc";
import { buildBulletin, type Bulletin } from "../../src/core/progress/bulletin";
import type { ProgressResult } from "../../src/core/progress/evaluate";
import { progressWithPrevious } from "../../src/core/progress/progress";
import { renderBulletinDocx } from "../../src/docx/renderBulletinDocx";
import { readZipDirectory, readZipEntryText } from "../../src/xlsx/zip";
import { XlsxFile } from "../../src/xlsx/readXlsx";
import { sofficeConvert } from "../helpers/libreoffice";
import { seedPlan, tempDir } from "../helpers/workbooks";
import { DATE, official } from "../progress/bulletinCases";

const hasSoffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].some(existsSync);

let bulletin: Bulletin;
let result: ProgressResult;
let bytes: Uint8Array;
let parts: Map<string, string>;

beforeAll(async () => {
  const breakdown = seedPlan().breakdowns[0];
  const path = join(__dirname, "..", "progress", "fixtures", "平湖实绩-月表.xlsx");
  const grids = await XlsxFile.open(path).readAll();
  const progress = progressWithPrevious(breakdown, grids, 8);
  result = progress.result;
  const settings = { ...progress.settings, issuer: "平湖市工业强市领导小组办公室" };
  bulletin = buildBulletin({ breakdown, result, settings, previous: progress.previous, date: DATE });
  bytes = await renderBulletinDocx(bulletinDoc(bulletin, breakdown, result));
  const buf = Buffer.from(bytes);
  parts = new Map([...readZipDirectory(buf, ".docx")].map(([name, e]) => [name, readZipEntryText(buf, e)]));
});

const documentXml = () => parts.get("word/document.xml")!;
const table = () => parseDocumentXml(documentXml()).find((b) => b.kind === "table")!.table as DocxTable;
const cellText = (c: DocxTable["rows"][number]["cells"][number]) => c.paragraphs.join("");

describe("the 通报 as a Word document", () => {
  it("is a .docx whose paragraphs are the 通报's, in order", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const paragraphs = parseDocumentXml(documentXml())
      .filter((b) => b.kind === "paragraph")
      .map((b) => (b.kind === "paragraph" ? b.text : ""));
    const body = bulletin.sections.flatMap((s) => [s.heading, ...s.paragraphs]);
    expect(paragraphs.slice(0, 3)).toEqual([
      bulletin.title,
      bulletin.number,
      `${bulletin.issuer}\t${bulletin.date}`,
    ]);
    expect(paragraphs.slice(3, 3 + bulletin.intro.length + body.length)).toEqual([
      ...bulletin.intro,
      ...body,
    ]);
    expect(paragraphs).toContain("附件");
    expect(paragraphs).toContain(bulletin.attachment.title);
  });

  it("has the 亮晒 table: one row per indicator × town, the cells equal to the progress rows' numbers", () => {
    const t = table();
    expect(t.rows[0].cells.map(cellText)).toEqual(TABLE_HEADER);
    expect(t.rows[0].repeatHeader).toBe(true);
    // The indicator's cell is merged down over its towns: the rows below carry a vMerge continuation.
    let indicator = "";
    const lines = t.rows.slice(1).map((row) => {
      const [first, ...rest] = row.cells;
      if (first.vMerge === "restart") indicator = cellText(first);
      else expect(first.vMerge).toBe("continue");
      return { indicator, cells: rest.map(cellText) };
    });
    expect(lines).toHaveLength(result.rows.length + result.missing.length);
    expect(t.rows.filter((r) => r.cells[0].vMerge === "restart")).toHaveLength(14);
    const word = { red: "红灯", yellow: "黄灯", green: "绿灯" };
    for (const r of result.rows) {
      const line = lines.find(
        (l) => l.indicator === official(`${r.indicator}(${r.measure})`) && l.cells[0] === r.unit,
      );
      expect(line, `${r.indicator} ${r.unit}`).toBeDefined();
      const [, value, target, completion, schedule, rank, status] = line!.cells;
      expect(Number(value)).toBeCloseTo(r.value, r.measure === "亿元" ? 2 : 4);
      expect(Number(target)).toBe(r.target);
      expect(completion).toBe(`${(r.completion * 100).toFixed(1)}%`);
      expect(schedule).toBe(`${(r.schedule * 100).toFixed(1)}%`);
      expect([rank, status]).toEqual([String(r.rank), word[r.status]]);
    }
    const missing = lines.find(
      (l) => l.cells[0] === "新仓镇" && l.indicator.startsWith("高价值发明专利拥有量"),
    );
    expect(missing!.cells.slice(1)).toEqual(["", "64", "", "", "", "未报"]);
    const caoqiao = lines.find(
      (l) => l.cells[0] === "曹桥街道" && l.indicator.startsWith("高耗低效整治企业数"),
    );
    expect(caoqiao!.cells).toEqual(["曹桥街道", "14", "25", "56.0%", "66.7%", "8", "红灯"]);
  });

  it("shades the 状态 cell red, yellow or green as the 亮晒 sheet does", () => {
    const cells = documentXml().match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
    const fills = (word: string) =>
      cells.filter((c) => c.includes(`>${word}</w:t>`)).map((c) => /w:fill="([0-9A-F]{6})"/.exec(c)?.[1]);
    const count = (s: string) => result.rows.filter((r) => r.status === s).length;
    expect(fills("红灯")).toEqual(Array(count("red")).fill("FFC7CE"));
    expect(fills("黄灯")).toEqual(Array(count("yellow")).fill("FFEB9C"));
    expect(fills("绿灯")).toEqual(Array(count("green")).fill("C6EFCE"));
  });

  it("is laid out as a 公文: A4 portrait, its margins, 仿宋 16 pt at 28 pt lines, page numbers in the footer", () => {
    const xml = documentXml();
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    for (const [side, twips] of Object.entries({ top: 2098, bottom: 1985, left: 1588, right: 1474 }))
      expect(margins).toContain(`w:${side}="${twips}"`);
    const body = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?截至8月底[\s\S]*?<\/w:p>/)![0];
    expect(body).toContain('<w:spacing w:line="560" w:lineRule="exact"/>');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    const title = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?关于2023年[\s\S]*?<\/w:p>/)![0];
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    const footer = [...parts].find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
    const fonts = parts.get("word/fontTable.xml")!;
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="SimHei"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>');
  });
});

describe.skipIf(!hasSoffice)("the 通报 in LibreOffice", () => {
  it("converts to a PDF of one page or more", () => {
    const dir = tempDir();
    const docx = join(dir, "通报.docx");
    writeFileSync(docx, bytes);
    const [pdf] = sofficeConvert(docx, "pdf");
    expect(pdf).toMatch(/\.pdf$/);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages =
      info.status === 0
        ? Number(/Pages:\s+(\d+)/.exec(info.stdout)![1])
        : (readFileSync(pdf, "latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
  });
});
