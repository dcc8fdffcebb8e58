// The 通报 as a document: title, 文号, date line, the sections, then on a page of its own the 亮晒 table as an
// attachment — one row per indicator × town in the 亮晒 sheet's order, the indicator merged over its towns, the
// 状态 cell shaded red, yellow or green as on the sheet. The figures are written by the 通报's own formatters.
import type { Breakdown } from "../model";
import { attachmentLine, type Bulletin } from "../progress/bulletin";
import { amountText, gw, percentText } from "../progress/bulletinWords";
import { LIGHT_NAME } from "../progress/bulletinData";
import type { ProgressResult } from "../progress/evaluate";
import { bulletinLines, LIGHT_FILL, type BulletinLine } from "./bulletinSheet";
import type { DocBlock, DocCell, DocSpec, DocTable } from "./docSpec";

export const TABLE_HEADER = ["指标", "单位", "实绩", "年度目标", "完成率", "序时进度", "排名", "状态"];
const WIDTHS = [20, 12, 11, 12, 12, 12, 8, 9];

/** "制造业投资(亿元)" with the document's full-width parentheses (the name itself as the breakdown has it). */
const labelOf = (line: BulletinLine) => (line.measure ? gw`${line.name}(${line.measure})` : line.name);

const cell = (text: string, align: DocCell["align"] = "center"): DocCell => ({ text, align });

/** One town's cells after the indicator: 单位 … 状态 (a town without a figure: blank, 状态 未报). */
export function lineCells(line: BulletinLine): DocCell[] {
  const r = line.row;
  const measure = line.measure;
  const target = line.target === null ? "" : amountText(line.target, measure);
  if (!r) return [cell(line.unit), cell(""), cell(target), cell(""), cell(""), cell(""), cell("未报")];
  const light = LIGHT_FILL[r.status];
  return [
    cell(line.unit),
    cell(amountText(r.value, measure), "right"),
    cell(amountText(r.target, measure), "right"),
    cell(percentText(r.completion), "right"),
    cell(percentText(r.schedule), "right"),
    cell(String(r.rank)),
    { text: LIGHT_NAME[r.status], align: "center", fill: light.fill, color: light.font },
  ];
}

export function bulletinTable(breakdown: Breakdown, result: ProgressResult): DocTable {
  const rows: DocCell[][] = [];
  for (const block of bulletinLines(breakdown, result))
    block.forEach((line, i) =>
      rows.push(
        i === 0
          ? [{ text: labelOf(line), rowSpan: block.length, align: "left" }, ...lineCells(line)]
          : lineCells(line),
      ),
    );
  return { kind: "table", header: TABLE_HEADER, widths: WIDTHS, rows };
}

export function bulletinDoc(bulletin: Bulletin, breakdown: Breakdown, result: ProgressResult): DocSpec {
  const blocks: DocBlock[] = [
    { kind: "paragraph", style: "title", text: bulletin.title },
    { kind: "paragraph", style: "number", text: bulletin.number },
    { kind: "paragraph", style: "date", text: bulletin.issuer, right: bulletin.date },
    ...bulletin.intro.map((text): DocBlock => ({ kind: "paragraph", style: "body", text })),
  ];
  for (const s of bulletin.sections) {
    blocks.push({ kind: "paragraph", style: "heading", text: s.heading });
    for (const text of s.paragraphs) blocks.push({ kind: "paragraph", style: "body", text });
  }
  blocks.push(
    { kind: "paragraph", style: "body", text: attachmentLine(bulletin) },
    { kind: "paragraph", style: "attachment", text: bulletin.attachment.label },
    { kind: "paragraph", style: "tableTitle", text: bulletin.attachment.title },
    bulletinTable(breakdown, result),
  );
  return { title: bulletin.title, blocks };
}
