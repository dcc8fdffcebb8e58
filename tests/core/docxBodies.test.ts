// word/document.xml read as the reference (python-docx) reads it where files are odd: only the first w:body is
// the document (POI's MultipleBodyBug.docx), and an entity of the document's DTD (POI's ExternalEntityInText.docx,
// <!ENTITY testent SYSTEM "http://poi.apache.org/">) is never expanded: the w:t's text ends where it stands.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseDocumentXml } from "../../src/core/docx/documentXml";
import { compressedData, readZipDirectory } from "../../src/core/zip/zipDirectory";
import { ROOT } from "../helpers/seeds";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (...runs: string[]) => `<w:p>${runs.map((t) => `<w:r><w:t>${t}</w:t></w:r>`).join("")}</w:p>`;
const paragraphs = (xml: string) =>
  parseDocumentXml(xml).map((b) => (b.kind === "paragraph" ? b.text : `[table ${b.table.rows.length}]`));

describe("several w:body elements", () => {
  it("reads the first body only", () => {
    const xml = `<w:document ${W}><w:body>${para("BODY 1")}</w:body><w:body>${para("BODY 2")}</w:body><w:body>${para("BODY 3")}</w:body></w:document>`;
    expect(paragraphs(xml)).toEqual(["BODY 1"]);
  });

  it("keeps everything of the first body, tables included", () => {
    const table = `<w:tbl><w:tr><w:tc>${para("a")}</w:tc></w:tr></w:tbl>`;
    const xml = `<w:document ${W}><w:body>${para("x")}${table}${para("y")}<w:sectPr/></w:body><w:body>${table}</w:body></w:document>`;
    expect(paragraphs(xml)).toEqual(["x", "[table 1]", "y"]);
  });

  it("an empty first body (<w:body/>) is an empty document", () => {
    expect(paragraphs(`<w:document ${W}><w:body/><w:body>${para("later")}</w:body></w:document>`)).toEqual(
      [],
    );
  });
});

describe("entities of the document's DTD", () => {
  const doc = (body: string) =>
    `<?xml version="1.0"?><!DOCTYPE REMOTE [<!ENTITY testent SYSTEM "http://poi.apache.org/">]><w:document ${W}><w:body>${body}</w:body></w:document>`;

  it("are never expanded: the w:t's text ends at the reference, as python-docx reads it", () => {
    expect(paragraphs(doc(para("Here should not be the POI web site: &quot;&testent;&quot;")))).toEqual([
      'Here should not be the POI web site: "',
    ]);
  });

  it("cut only their own w:t: the paragraph's other runs are read", () => {
    expect(paragraphs(doc(para("a&testent;b", " c &amp; d")))).toEqual(["a c & d"]);
    expect(paragraphs(doc(para("&testent;")))).toEqual([""]);
  });

  it("XML's own entities and character references are still decoded", () => {
    expect(paragraphs(doc(para("&lt;1&gt; &apos;x&apos; &#20013;&#x6587; R&amp;D")))).toEqual([
      "<1> 'x' 中文 R&D",
    ]);
  });
});

// The two files of the reference corpus, when it is beside the repository.
const CORPUS = join(ROOT, "..", "shared", "corpus");

describe.skipIf(!existsSync(join(CORPUS, "docx")))("the corpus files", () => {
  // Compared where bench/corpus.mjs compares them: the blocks parseDocumentXml gives for the document part.
  it.each([
    ["poi__test-data__document__MultipleBodyBug.docx"],
    ["poi__test-data__document__ExternalEntityInText.docx"],
  ])("%s reads as its expected reading", (name) => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, "docx", name)));
    const entry = readZipDirectory(bytes, ".docx").get("word/document.xml")!;
    const xml = inflateRawSync(compressedData(bytes, entry)).toString("utf8");
    const expected = JSON.parse(readFileSync(join(CORPUS, "expected", "docx", `${name}.json`), "utf8"));
    expect(paragraphs(xml)).toEqual(expected.paragraphs);
    expect(expected.tables).toEqual([]);
  });
});
