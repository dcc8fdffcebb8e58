// A Word document described as plain data, as SheetSpec describes a sheet: paragraphs in named styles and
// tables of text cells. The .docx adapter (src/docx/) decides what each style looks like (the 公文 look: fonts,
// sizes, spacing, page); core only says which style a paragraph is in.

/** title: the heading of the document; number: the 文号 line; date: 发文单位 and date; heading: 一、…; body: a
 * paragraph of text; attachment: the 附件 label, on a new page; tableTitle: the heading of the attachment. */
export type DocStyle = "title" | "number" | "date" | "heading" | "body" | "attachment" | "tableTitle";

export interface DocParagraph {
  kind: "paragraph";
  style: DocStyle;
  text: string;
  /** Text at the right margin of the same line (the date after 发文单位). */
  right?: string;
}

export interface DocCell {
  text: string;
  /** The cell spans this many rows down; the rows below leave that column's cell out. */
  rowSpan?: number;
  /** Shading and text colour "#RRGGBB" (the 状态 cell's red, yellow or green). */
  fill?: string;
  color?: string;
  align?: "left" | "center" | "right";
}

export interface DocTable {
  kind: "table";
  header: string[];
  /** Relative column widths (any scale: they are shares of the text width). */
  widths: number[];
  rows: DocCell[][];
}

export type DocBlock = DocParagraph | DocTable;

export interface DocSpec {
  /** The document's title property (what Word shows as its title). */
  title: string;
  blocks: DocBlock[];
}
