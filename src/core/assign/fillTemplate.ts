// Fills a template sheet: `{{单位}}`-style fields get their values, and the rows between `{{#任务}}` and `{{/任务}}`
// are repeated once per item. Everything else of the template stays: formats, merges, widths, row heights, print
// setup; what stands below a block moves down, its formulas still pointing at the right cells.
// An unknown placeholder is an error naming the valid ones; a missing value is a blank cell plus a finding.
import { parseRange } from "../grid";
import { columnLetter } from "../layout/a1";
import { fitRowHeights } from "../layout/fitRows";
import { isFormula, type SheetSpec, type SpecValue } from "../layout/sheetSpec";
import { RowMap, type RepeatedBlock } from "./shiftRows";

export type FieldValue = string | number | null;

export interface FillData {
  fields: Record<string, FieldValue>;
  /** Block name (任务, 指标) → one record of fields per item. */
  blocks: Record<string, Record<string, FieldValue>[]>;
}

export interface FillFinding {
  cell: string;
  message: string;
}

export class TemplateError extends Error {}

// A name is the text between the braces without its spaces: matched as "from its first to its last non-space"
// rather than as a lazy run before \s*, which tried the spaces after every character (quadratic in a cell of
// "{{a" and spaces). The same names and the same matches as the lazy forms; a block name of spaces only is
// still its last space, as it was.
const FIELD = /\{\{\s*([^{}#/\s](?:[^{}]*[^{}\s])?)\s*\}\}/g;
const ONLY_FIELD = /^\s*\{\{\s*([^{}#/\s](?:[^{}]*[^{}\s])?)\s*\}\}\s*$/;
const OPEN = /\{\{\s*#(?:\s*([^{}\s](?:[^{}]*[^{}\s])?)\s*|(?=\s*\}\})\s*(\s))\}\}/;
const CLOSE = /\{\{\s*\/(?:\s*([^{}\s](?:[^{}]*[^{}\s])?)\s*|(?=\s*\}\})\s*(\s))\}\}/;
/** The block name of an OPEN or CLOSE match. */
const blockName = (m: RegExpExecArray) => m[1] ?? m[2];

type Block = RepeatedBlock & { name: string };

function findBlocks(spec: SheetSpec, data: FillData): Block[] {
  const blocks: Block[] = [];
  const open = new Map<string, number>();
  spec.rows.forEach((row, r) =>
    row.forEach((v) => {
      if (typeof v !== "string") return;
      const o = OPEN.exec(v);
      if (o) open.set(blockName(o), r + 1);
      const c = CLOSE.exec(v);
      if (!c) return;
      const name = blockName(c);
      const start = open.get(name);
      if (start === undefined) throw new TemplateError(`第${r + 1}行的 {{/${name}}} 前面没有 {{#${name}}}`);
      if (!(name in data.blocks))
        throw new TemplateError(`未知的区块 {{#${name}}}(可用:${Object.keys(data.blocks).join("、")})`);
      blocks.push({ name, first: start, last: r + 1, count: data.blocks[name].length });
      open.delete(name);
    }),
  );
  for (const [name, row] of open)
    throw new TemplateError(`第${row}行的 {{#${name}}} 没有对应的 {{/${name}}}`);
  return blocks.sort((a, b) => a.first - b.first);
}

export function fillTemplate(
  template: SheetSpec,
  data: FillData,
  validFields: string[],
): { spec: SheetSpec; findings: FillFinding[] } {
  const findings: FillFinding[] = [];
  const blocks = findBlocks(template, data);
  const map = new RowMap(blocks);
  const spec: SheetSpec = structuredClone(template);
  const rows: SpecValue[][] = [];

  const fill = (v: SpecValue, values: Record<string, FieldValue>, where: string): SpecValue => {
    if (typeof v !== "string") return v;
    const text = v.replace(OPEN, "").replace(CLOSE, "");
    const look = (name: string): FieldValue => {
      if (!(name in values) && !validFields.includes(name))
        throw new TemplateError(`${where}:未知的占位符 {{${name}}}(可用:${validFields.join("、")})`);
      const value = values[name] ?? null;
      if (value === null || value === "")
        findings.push({ cell: where, message: `{{${name}}} 没有值,已留空` });
      return value;
    };
    const only = ONLY_FIELD.exec(text);
    if (only) return look(only[1]);
    const out = text.replace(FIELD, (_, name: string) => String(look(name.trim()) ?? ""));
    return out === "" ? null : out;
  };
  const copyRow = (from: number, values: Record<string, FieldValue>, copy?: { block: Block; k: number }) => {
    const at = rows.length + 1;
    rows.push(
      (template.rows[from - 1] ?? []).map((v, c) => {
        const filled = fill(v, values, `${columnLetter(c + 1)}${at}`);
        return isFormula(filled) ? { formula: map.formula(filled.formula, copy) } : filled;
      }),
    );
  };

  let r = 1;
  const repeated: number[] = [];
  for (const block of blocks) {
    for (; r < block.first; r++) copyRow(r, data.fields);
    data.blocks[block.name].forEach((item, k) => {
      for (let i = block.first; i <= block.last; i++) {
        repeated.push(rows.length + 1);
        copyRow(i, { ...data.fields, ...item, 序号: k + 1 }, { block, k });
      }
    });
    r = block.last + 1;
  }
  for (; r <= template.rows.length; r++) copyRow(r, data.fields);
  spec.rows = rows;

  // Formats, merges, validations and heights: a block's repeat with it; the rest follow their rows.
  const remap = <T extends { ref: string }>(items: T[]): T[] =>
    items.flatMap((it) => {
      const p = parseRange(it.ref);
      const block = p ? blocks.find((b) => p[0] + 1 >= b.first && p[2] + 1 <= b.last) : undefined;
      if (block)
        return Array.from({ length: block.count }, (_, k) => ({
          ...it,
          ref: map.range(it.ref, { block, k }),
        }));
      return [{ ...it, ref: map.range(it.ref) }];
    });
  spec.styles = remap(spec.styles);
  spec.validations = remap(spec.validations);
  spec.conditionalFormats = remap(spec.conditionalFormats).map((cf) => ({
    ...cf,
    formula: map.formula(cf.formula),
  }));
  spec.merges = remap(spec.merges.map((ref) => ({ ref }))).map((m) => m.ref);
  const heights: Record<number, number> = {};
  for (const [row, h] of Object.entries(template.rowHeights)) {
    const n = Number(row);
    const block = map.blockOf(n);
    if (block) for (let k = 0; k < block.count; k++) heights[map.row(n, "start", { block, k })] = h;
    else heights[map.row(n)] = h;
  }
  spec.rowHeights = heights;
  spec.table = { ...spec.table, lastRow: rows.length };
  // A block row sized for one line in the template may now hold a long text.
  fitRowHeights(spec, repeated);
  return { spec, findings };
}
