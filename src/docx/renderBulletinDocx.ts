// The .docx adapter: a DocSpec (core/layout/docSpec.ts) written with the `docx` package in the look of a
// government document (公文, GB/T 9704): A4 portrait, margins 3.7 / 3.5 / 2.8 / 2.6 cm, the title in 方正小标宋简体,
// headings in 黑体, the body in 仿宋_GB2312 16 pt at an exact 28 pt line, page numbers "— 1 —" in the footer.
// Machines without those fonts get the fallbacks the font table names (SimHei, FangSong, SimSun). The `docx`
// package is loaded when a document is rendered, so neither the CLI's start nor the pane's first download pays.
// Works in Node and in a browser: the bytes come back as a Uint8Array.
import type * as Docx from "docx";
import type { DocBlock, DocCell, DocParagraph, DocSpec, DocStyle, DocTable } from "../core/layout/docSpec";

const CM = 567; // twips
const PAGE = { width: 11906, height: 16838 }; // A4, twips
const MARGIN = {
  top: Math.round(3.7 * CM),
  bottom: Math.round(3.5 * CM),
  left: Math.round(2.8 * CM),
  right: Math.round(2.6 * CM),
};
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LINE = 560; // 28 pt, exact

/** The fonts and the ones to use when they are missing (w:altName in the font table). */
export const FONTS = {
  title: { name: "方正小标宋简体", alt: "SimHei" },
  heading: { name: "黑体", alt: "SimHei" },
  body: { name: "仿宋_GB2312", alt: "FangSong" },
  page: { name: "宋体", alt: "SimSun" },
} as const;
type Face = keyof typeof FONTS;

interface Look {
  face: Face;
  /** Half-points. */
  size: number;
  align: "left" | "center" | "both";
  indent?: boolean;
  pageBreak?: boolean;
  exact?: boolean;
  after?: number;
}

const LOOKS: Record<DocStyle, Look> = {
  title: { face: "title", size: 44, align: "center", after: 240 },
  number: { face: "body", size: 32, align: "center", exact: true },
  date: { face: "body", size: 32, align: "left", exact: true, after: 360 },
  heading: { face: "heading", size: 32, align: "left", indent: true, exact: true },
  body: { face: "body", size: 32, align: "both", indent: true, exact: true },
  attachment: { face: "heading", size: 32, align: "left", pageBreak: true, exact: true },
  tableTitle: { face: "title", size: 36, align: "center", after: 240 },
};
const TABLE_SIZE = 21; // 10.5 pt (五号)

const fontOf = (face: Face) => {
  const name = FONTS[face].name;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
};

/** A run of text in a face and size (half-points), marked Chinese so a missing font falls back to a CJK one. */
function run(d: typeof Docx, text: string, face: Face, size: number, extra: Partial<Docx.IRunOptions> = {}) {
  const content = extra.children ? {} : { text };
  return new d.TextRun({ ...content, font: fontOf(face), size, language: { eastAsia: "zh-CN" }, ...extra });
}

function paragraph(d: typeof Docx, p: DocParagraph): Docx.Paragraph {
  const look = LOOKS[p.style];
  const children = [run(d, p.text, look.face, look.size)];
  // A real tab (w:tab) to the right-aligned stop: a tab character inside w:t is not one to Word.
  if (p.right !== undefined)
    children.push(run(d, "", look.face, look.size, { children: [new d.Tab(), p.right] }));
  return new d.Paragraph({
    children,
    alignment: d.AlignmentType[look.align === "both" ? "BOTH" : look.align === "center" ? "CENTER" : "LEFT"],
    indent: look.indent ? { firstLine: look.size * 20 } : undefined, // two characters
    spacing: {
      line: look.exact ? LINE : undefined,
      lineRule: look.exact ? "exact" : undefined,
      after: look.after,
    },
    pageBreakBefore: look.pageBreak,
    tabStops: p.right !== undefined ? [{ type: d.TabStopType.RIGHT, position: TEXT_WIDTH }] : undefined,
    // The 简报 header's red rule under the date line.
    border:
      p.style === "date"
        ? { bottom: { style: d.BorderStyle.SINGLE, size: 12, color: "C00000", space: 4 } }
        : undefined,
  });
}

function tableCell(d: typeof Docx, c: DocCell, width: number, header = false): Docx.TableCell {
  const align = c.align === "right" ? "RIGHT" : c.align === "left" ? "LEFT" : "CENTER";
  return new d.TableCell({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType[align],
        children: [
          run(
            d,
            c.text,
            header ? "heading" : "body",
            TABLE_SIZE,
            c.color ? { color: c.color.replace("#", "") } : {},
          ),
        ],
      }),
    ],
    rowSpan: c.rowSpan,
    width: { size: width, type: d.WidthType.DXA },
    verticalAlign: d.VerticalAlign.CENTER,
    shading: c.fill ? { type: d.ShadingType.CLEAR, color: "auto", fill: c.fill.replace("#", "") } : undefined,
  });
}

function table(d: typeof Docx, t: DocTable): Docx.Table {
  const sum = t.widths.reduce((a, w) => a + w, 0);
  const widths = t.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  // A row leaves out the cells a rowSpan above covers: its cells take the columns from the right.
  const widthsOf = (cells: DocCell[]) => widths.slice(widths.length - cells.length);
  return new d.Table({
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    rows: [
      new d.TableRow({
        tableHeader: true,
        children: t.header.map((h, i) => tableCell(d, { text: h }, widths[i], true)),
      }),
      ...t.rows.map(
        (cells) =>
          new d.TableRow({
            cantSplit: true,
            children: cells.map((c, i) => tableCell(d, c, widthsOf(cells)[i])),
          }),
      ),
    ],
  });
}

const block = (d: typeof Docx, b: DocBlock) => (b.kind === "table" ? table(d, b) : paragraph(d, b));

/** The font table: each font with its fallback, so Word and LibreOffice substitute the intended face. */
function fontTable(): string {
  const fonts = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/>` +
        `<w:family w:val="${f.alt === "SimHei" ? "modern" : "roman"}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`
  );
}

export async function renderBulletinDocx(spec: DocSpec): Promise<Uint8Array> {
  const d = await import("docx");
  const footer = new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [
          new d.TextRun({ children: ["— ", d.PageNumber.CURRENT, " —"], font: fontOf("page"), size: 28 }),
        ],
      }),
    ],
  });
  const doc = new d.Document({
    title: spec.title,
    creator: "目标分解助手",
    styles: { default: { document: { run: { font: fontOf("body"), size: 32 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { ...MARGIN, footer: Math.round(2.3 * CM), header: Math.round(1.5 * CM) },
          },
        },
        footers: { default: footer },
        children: spec.blocks.map((b) => block(d, b)),
      },
    ],
  });
  return d.Packer.pack(doc, "uint8array", false, [{ path: "word/fontTable.xml", data: fontTable() }]);
}
