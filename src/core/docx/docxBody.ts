// The body of a .docx as the plan parser wants it: the text (paragraphs in order, tables as "|" lines, like the
// seeds' text form) for the prose targets, and each table with its structure and caption (附件 label, title).
import { CaptionTracker } from "../parse/caption";
import { classify, type PlanTable } from "../parse/planTable";
import type { DocxBlock, DocxTable } from "./documentXml";
import { layOnGrid, planTableOf, tableLines } from "./docxTable";

export interface DocxBody {
  /** Paragraphs joined by "\n" in document order, each table rendered as lines of cells between "|". */
  text: string;
  tables: PlanTable[];
}

// A loop, not Math.max(...rows): spread as arguments, a table of 200,000 rows overflows the stack.
const width = (t: DocxTable) => {
  let w = 0;
  for (const r of t.rows) {
    const span = r.cells.reduce((n, c) => n + c.span, r.gridBefore);
    if (span > w) w = span;
  }
  return w;
};
const firstRowText = (t: DocxTable) =>
  (t.rows[0]?.cells ?? []).map((c) => c.paragraphs.join("").replace(/\s+/g, ""));

/** A table that carries the one before on after a page break: as wide, and headed like it or not headed at all. */
function continues(prev: DocxTable, next: DocxTable): boolean {
  if (width(prev) !== width(next)) return false;
  if (next.rows[0]?.repeatHeader) return true;
  const a = firstRowText(prev).join("|");
  const b = firstRowText(next);
  return b.join("|") === a || classify(b) === null;
}

/** Groups each table with the tables continuing it (only empty paragraphs, page breaks, between them). */
function groupTables(blocks: DocxBlock[]): (DocxBlock | { kind: "tables"; tables: DocxTable[] })[] {
  const out: (DocxBlock | { kind: "tables"; tables: DocxTable[] })[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== "table") {
      out.push(block);
      continue;
    }
    const tables = [block.table];
    for (;;) {
      let j = i + 1;
      while (
        j < blocks.length &&
        blocks[j].kind === "paragraph" &&
        (blocks[j] as { text: string }).text.trim() === ""
      )
        j++;
      const next = blocks[j];
      if (next?.kind !== "table" || !continues(tables[tables.length - 1], next.table)) break;
      tables.push(next.table);
      i = j;
    }
    out.push({ kind: "tables", tables });
  }
  return out;
}

export function docxBody(blocks: DocxBlock[]): DocxBody {
  const lines: string[] = [];
  const tables: PlanTable[] = [];
  const caption = new CaptionTracker();
  for (const block of groupTables(blocks)) {
    if (block.kind === "paragraph") {
      for (const line of block.text.split("\n")) {
        lines.push(line);
        caption.line(line);
      }
    } else if (block.kind === "tables") {
      const grid = layOnGrid(block.tables[0], block.tables.slice(1));
      for (const line of grid.caption) {
        lines.push(line);
        caption.line(line);
      }
      tables.push(planTableOf(grid, caption.label, caption.title, lines.length + 1));
      for (const line of tableLines(grid)) lines.push(line);
    }
  }
  return { text: lines.join("\n"), tables };
}
