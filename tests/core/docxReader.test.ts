// The .docx reader on WordprocessingML as Word and WPS write it: merges, header rows, tables continued after a
// page break, nested tables, text boxes and deleted runs; and the docx fixtures really hold merged cells.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { docxBody } from "../../src/core/docx/docxBody";
import { planFromDocx } from "../../src/core/docx/docxPlan";
import { parseDocumentXml } from "../../src/core/docx/documentXml";
import { readDocx } from "../../src/core/docx/readDocx";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { compressedData, readZipDirectory } from "../../src/core/zip/zipDirectory";
import { docxBytes } from "../fixtures/docx/docxWriter";
import { seedDocxBlocks } from "../fixtures/docx/seedDocx";
import { blocksHtml } from "../fixtures/docx/seedHtml";
import { ROOT, readSeed } from "../helpers/seeds";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const tc = (t: string, pr = "") => `<w:tc><w:tcPr>${pr}</w:tcPr>${t.split("/").map(p).join("")}</w:tc>`;
const tr = (cells: string, header = false) =>
  `<w:tr>${header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells}</w:tr>`;
const tbl = (rows: string) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows}</w:tbl>`;
const restart = '<w:vMerge w:val="restart"/>';
const cont = "<w:vMerge/>";
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;

const fixture = (name: string) => readFileSync(join(ROOT, "tests", "fixtures", "docx", name));
const SEED = readSeed("001_86af085e02e72586.txt");

describe("document.xml → paragraphs and tables", () => {
  it("joins runs, keeps tabs and breaks, decodes entities, skips text boxes' fallback, deleted runs", () => {
    const xml = doc(
      '<w:p><w:r><w:t>主要</w:t></w:r><w:r><w:t xml:space="preserve">目标 &amp; </w:t></w:r><w:r><w:tab/><w:t>A&lt;B</w:t></w:r></w:p>' +
        "<w:p><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:t>留下</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>" +
        "<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>框</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>" +
        "<w:p/>",
    );
    expect(parseDocumentXml(xml)).toEqual([
      { kind: "paragraph", text: "主要目标 & \tA<B" },
      { kind: "paragraph", text: "留下\n第二行" },
      { kind: "paragraph", text: "框" },
      { kind: "paragraph", text: "" },
    ]);
  });

  it("a two-row header (目标值 over the years, the rest merged down) gives one header of the lowest texts", () => {
    const xml = doc(
      p("附件1") +
        p("主要目标体系") +
        tbl(
          tr(
            tc("序号", restart) + tc("二级指标", restart) + tc("目标值", span(2)) + tc("责任单位", restart),
          ) +
            tr(tc("", cont) + tc("", cont) + tc("2023年") + tc("2025年") + tc("", cont)) +
            tr(tc("1") + tc("制造业投资(亿元)") + tc("118") + tc("150") + tc("市经信局、/市发改局")),
        ),
    );
    const body = docxBody(parseDocumentXml(xml));
    expect(body.tables).toHaveLength(1);
    const [t] = body.tables;
    expect(t).toMatchObject({ label: "附件1", title: "主要目标体系" });
    expect(t.header).toEqual(["序号", "二级指标", "2023年", "2025年", "责任单位"]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["1", "制造业投资(亿元)", "118", "150", "市经信局、市发改局"],
    ]);
    expect(body.text.split("\n")).toEqual([
      "附件1",
      "主要目标体系",
      "序号 | 二级指标 | 目标值 | 责任单位 | |",
      "2023年 | 2025年 | |||",
      "1 | 制造业投资(亿元) | 118 | 150 | 市经信局、市发改局 |",
    ]);
  });

  it("a table continued after a page break is one table: its repeated header left out, merges go on", () => {
    const header = tr(tc("序号") + tc("重点任务") + tc("具体内容") + tc("责任单位"), true);
    const xml = doc(
      tbl(header + tr(tc("1") + tc("整治低效/工业用地", restart) + tc("甲") + tc("市经信局"))) +
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' +
        tbl(header + tr(tc("2") + tc("", cont) + tc("乙") + tc("市发改局"))) +
        p("附件2") +
        tbl(tr(tc("序号") + tc("x") + tc("y") + tc("z")) + tr(tc("1") + tc("a") + tc("b") + tc("c"))),
    );
    const { tables } = docxBody(parseDocumentXml(xml));
    expect(tables).toHaveLength(2);
    expect(tables[0].rows.map((r) => r.cells)).toEqual([
      ["1", "整治低效工业用地", "甲", "市经信局"],
      ["2", undefined, "乙", "市发改局"],
    ]);
    expect(tables[1].label).toBe("附件2");
  });

  it("a caption row across the table titles it; a grouped header row without merges-down names the towns", () => {
    const xml = doc(
      p("附件3") +
        tbl(
          tr(tc("2023年目标任务分解", span(5))) +
            tr(tc("序号") + tc("指标名称") + tc("分解到各镇(街道)", span(2)) + tc("全市")) +
            tr(tc("") + tc("") + tc("当湖街道") + tc("经开区") + tc("")) +
            tr(tc("1") + tc("制造业投资(亿元)") + tc("0.8") + tc("41") + tc("41.8")),
        ),
    );
    const body = docxBody(parseDocumentXml(xml));
    const [t] = body.tables;
    expect(t).toMatchObject({ label: "附件3", title: "2023年目标任务分解" });
    expect(t.header).toEqual(["序号", "指标名称", "当湖街道", "经开区", "全市"]);
    expect(t.rows).toHaveLength(1);
    expect(body.text.split("\n")[1]).toBe("2023年目标任务分解");
  });

  it("a header row typed again inside the table is not data; w:gridBefore and nested tables keep columns", () => {
    const head = tr(tc("序号") + tc("指标名称") + tc("全市"));
    const nested = `<w:tc><w:tcPr/>${tbl(tr(tc("嵌套") + tc("内容")))}<w:p/></w:tc>`;
    const xml = doc(
      tbl(
        head +
          tr(tc("1") + tc("制造业投资(亿元)") + tc("118")) +
          head +
          tr('<w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc("说明") + nested),
      ),
    );
    const [t] = docxBody(parseDocumentXml(xml)).tables;
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["1", "制造业投资(亿元)", "118"],
      ["", "说明", "嵌套内容"],
    ]);
  });
});

describe("the docx fixtures made from seed 001", () => {
  const xmlOf = (bytes: Buffer) => {
    const entry = readZipDirectory(bytes).get("word/document.xml")!;
    return inflateRawSync(compressedData(bytes, entry)).toString("utf8");
  };

  it("are what make.mjs writes today (regenerate with node tests/fixtures/docx/make.mjs)", () => {
    expect(fixture("001.docx").equals(docxBytes(seedDocxBlocks(SEED)))).toBe(true);
    const split = docxBytes(
      seedDocxBlocks(SEED, { twoRowHeader: true, splitTasksAfter: 29, repeatIndicatorHeaderAfter: 8 }),
    );
    expect(fixture("001-split.docx").equals(split)).toBe(true);
    expect(fixture("001.html").toString("utf8")).toBe(blocksHtml(seedDocxBlocks(SEED)));
  });

  it("hold real merges: 一级指标 merged down, 完成嘉兴下达任务 across the three years, 待…另行下达 across 9", () => {
    const blocks = parseDocumentXml(xmlOf(fixture("001.docx")));
    const tables = blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
    expect(tables).toHaveLength(3);
    const [indicators, tasks, breakdown] = tables;
    const cat = indicators.rows.map((r) => r.cells[1]);
    expect(cat.slice(1, 7).map((c) => c.vMerge)).toEqual(["restart", ...Array(5).fill("continue")]);
    const done = indicators.rows[16].cells.find((c) => c.paragraphs.join("") === "完成嘉兴下达任务");
    expect(done?.span).toBe(3);
    expect(breakdown.rows[15].cells.find((c) => c.span > 1)).toMatchObject({ span: 9 });
    expect(tasks.rows[1].cells).toHaveLength(1); // (一)着力空间腾换… across the table
    expect(tasks.rows[1].cells[0].span).toBe(4);
    expect(tasks.rows[5].cells[3].paragraphs.length).toBeGreaterThan(1); // 责任单位 in several paragraphs
  });

  it("give a text in which every body line of the seed stands, and whose tables parse to the same plan", async () => {
    const docx = await readDocx(fixture("001.docx"), "001.docx");
    const lines = new Set(docx.text.split("\n"));
    for (const line of SEED.split("\n").filter((l) => !l.includes("|"))) expect(lines.has(line)).toBe(true);
    const fromText = parsePlanDocument(SEED);
    const fromDocx = planFromDocx(docx);
    expect(fromDocx).toEqual(fromText);
    // Each prose target's offsets point at its sentence in the .docx's own text.
    expect(fromDocx.proseTargets.length).toBeGreaterThan(40);
    for (const t of fromDocx.proseTargets) expect(docx.text.slice(t.start, t.end)).toBe(t.sentence);
    // The rendered tables read back through the text parser: the same plan again.
    expect(parsePlanDocument(docx.text)).toEqual(fromText);
  });
});

describe("readDocx", () => {
  it("finds the main part through _rels/.rels when it is not word/document.xml", async () => {
    const { zipFiles } = await import("../fixtures/docx/docxWriter");
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>';
    const bytes = zipFiles([
      { name: "_rels/.rels", data: Buffer.from(rels) },
      { name: "word/document2.xml", data: Buffer.from(doc(p("附件1") + p("正文第一段"))) },
    ]);
    const read = await readDocx(bytes, "导出.docx");
    expect(read.text).toBe("附件1\n正文第一段");
  });

  it("names the file when the zip is a workbook, not a document", async () => {
    const { zipFiles } = await import("../fixtures/docx/docxWriter");
    const bytes = zipFiles([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]);
    await expect(readDocx(bytes, "表.docx")).rejects.toThrow(
      "表.docx: 这是 Excel 工作簿(缺少 word/document.xml)",
    );
  });
});

describe("document.xml text as Word shows it", () => {
  it("a tab stop in the paragraph's properties is not text; a non-breaking hyphen is '-'", () => {
    const xml =
      '<w:body><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>' +
      "<w:r><w:t>26</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>jährige</w:t></w:r>" +
      "<w:r><w:tab/><w:t>确保</w:t></w:r></w:p></w:body>";
    expect(parseDocumentXml(xml)).toEqual([{ kind: "paragraph", text: "26-jährige\t确保" }]);
  });
});
