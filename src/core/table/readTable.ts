// A grid → its breakdown table as indicator × unit × measure, found by meaning: which axis holds the units,
// which columns or rows are totals, subtotals, notes or measures, and what each number measures.
import { cellText, type Grid, type GridValue } from "../grid";
import { readSheetValue } from "../check/sheetValue";
import { quoted } from "../text";
import { kindFromLabel, kindOf, splitNameUnit } from "../units";
import { findCandidates, headerBlock, keyAt, type Candidate, type HeaderBlock } from "./header";
import {
  compareMeasures,
  joinMeasure,
  measureKey,
  readMeasurePart,
  type Measure,
  type MeasurePart,
} from "./measure";
import { subtotalMembers } from "./subtotals";
import type { TableHint } from "./hints";
import { indicatorFromTitle, measureUnitAbove, titleAbove, yearOf } from "./title";
import type { BreakdownTable, TableModel, TableProblem, TableRow, TableUnit } from "./types";
import {
  COMPUTED_WORD,
  headerKey,
  INDICATOR_LABEL,
  looksLikeUnitName,
  KIND_LABEL_WORD,
  MEASURE_UNIT_LABEL,
  MEASURE_UNIT_LINE,
  META_WORD,
  NOTE_LINE,
  PART_OF_WORD,
  ROW_MEASURE_LABEL,
  SECTION_HEADING,
  subtotalGroup,
  TOTAL_WORD,
  UNIT_LABEL,
} from "./vocabulary";

export interface ReadTableOptions {
  /** Monthly actuals may leave the total out. */
  totalOptional?: boolean;
  /** Read the table this way instead of finding it (a confirmed or corrected 表格识别). */
  hint?: TableHint;
}

type UnitRole = "unit" | "total" | "subtotal" | "part" | "city";

/** A position on the unit axis: a column (indicator-rows) or a row (unit-rows). */
interface UnitItem {
  line: number;
  header: string;
  group: string;
  role: UnitRole;
  subtotalGroup: string;
  parts: MeasurePart[];
}

/** A position on the indicator axis. */
interface IndicatorItem {
  line: number;
  name: string;
  unit: string;
  declaredKind?: TableRow["kind"];
  parts: MeasurePart[];
  row: number;
  col: number;
}

interface Axes {
  units: UnitItem[];
  indicators: IndicatorItem[];
  notes: string[];
}

const isNumber = (v: GridValue | undefined) => typeof v === "number";

function unitRole(name: string): { role: UnitRole; group: string } {
  if (TOTAL_WORD.test(name)) return { role: "total", group: "" };
  const part = PART_OF_WORD.exec(name);
  if (part) return { role: "part", group: "" };
  const sub = subtotalGroup(name);
  if (sub !== null) return { role: "subtotal", group: sub };
  return { role: "unit", group: "" };
}

/** Splits a header path into its measure words and the rest (unit, indicator or group names). */
function splitPath(path: string[]): { parts: MeasurePart[]; rest: string[] } {
  const parts: MeasurePart[] = [];
  const rest: string[] = [];
  for (const k of path) {
    const m = readMeasurePart(k);
    if (m) parts.push(m);
    else rest.push(k);
  }
  return { parts, rest };
}

const skipColumn = (path: string[]) => path.some((k) => META_WORD.test(k) || COMPUTED_WORD.test(k));

/** The data rows under the header: [row, label] for each row that is data, not a note or a heading. */
function dataRows(grid: Grid, block: HeaderBlock, cand: Candidate, notes: string[]) {
  const out: { r: number; label: string; raw: string; group: string }[] = [];
  let group = "";
  for (let r = block.bottom + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const raw = cellText(cells[cand.col] ?? null).trim();
    const label = headerKey(raw);
    if (label === "" || label === cand.label) continue;
    // Our own computed rows (分解合计, 差额, 校验) and 备注/责任部门 lines are neither units nor indicators.
    if (COMPUTED_WORD.test(label) || META_WORD.test(label)) continue;
    const hasNumber = cells.some((v, c) => c !== cand.col && isNumber(v));
    if (!hasNumber && (NOTE_LINE.test(label) || MEASURE_UNIT_LINE.test(label))) continue;
    if (!hasNumber) {
      const others = cells.filter((v, c) => c !== cand.col && cellText(v ?? null).trim() !== "");
      const acrossTheRow = others.length > 0 && others.every((v) => headerKey(cellText(v ?? null)) === label);
      if ((others.length === 0 && SECTION_HEADING.test(label)) || acrossTheRow) {
        group = label.replace(SECTION_HEADING, "");
        notes.push(`第${r + 1}行“${quoted(raw)}”是分组标题,不是数据行`);
        continue;
      }
    }
    out.push({ r, label, raw, group });
  }
  return out;
}

/** Indicators as rows: columns are units (× measures), rows indicators (× a measure column). */
function indicatorRowsAxes(grid: Grid, cand: Candidate, block: HeaderBlock, unitAbove: string): Axes {
  const notes: string[] = [];
  const units: UnitItem[] = [];
  let uomCol = -1;
  let kindCol = -1;
  let measureCol = -1;
  block.paths.forEach((path, c) => {
    if (c === cand.col || path.length === 0) return;
    if (path.length === 1 && MEASURE_UNIT_LABEL.test(path[0])) return void (uomCol < 0 && (uomCol = c));
    if (path.some((k) => KIND_LABEL_WORD.test(k))) return void (kindCol < 0 && (kindCol = c));
    if (path.some((k) => ROW_MEASURE_LABEL.test(k))) return void (measureCol < 0 && (measureCol = c));
    if (skipColumn(path) || path.some((k) => INDICATOR_LABEL.test(k))) return;
    const { parts, rest } = splitPath(path);
    if (rest.length === 0) {
      units.push({ line: c, header: path.join(" "), group: "", role: "city", subtotalGroup: "", parts });
      return;
    }
    const header = rest[rest.length - 1];
    const group = rest.length > 1 ? rest[0] : "";
    const role = unitRole(header);
    units.push({ line: c, header, group, role: role.role, subtotalGroup: role.group, parts });
  });
  const indicators: IndicatorItem[] = [];
  let previous = "";
  for (const { r, raw } of dataRows(grid, block, cand, notes)) {
    const cells = grid.rows[r] ?? [];
    const parts: MeasurePart[] = [];
    if (measureCol >= 0) {
      const m = readMeasurePart(cellText(cells[measureCol] ?? null));
      if (m) parts.push(m);
    }
    let name = raw.replace(/\s+/g, "");
    if (name === "" && parts.length > 0) name = previous;
    previous = name;
    const sub = PART_OF_WORD.exec(headerKey(name));
    if (sub && sub[1]) name = sub[1];
    const split = splitNameUnit(name);
    const uom =
      (uomCol >= 0 ? cellText(cells[uomCol] ?? null).trim() : "") ||
      split.unit ||
      parts.find((p) => p.unit)?.unit ||
      unitAbove;
    const declaredKind = kindCol >= 0 ? kindFromLabel(cellText(cells[kindCol] ?? null)) : undefined;
    indicators.push({ line: r, name: split.name, unit: uom, declaredKind, parts, row: r, col: cand.col });
  }
  return { units, indicators, notes };
}

/** Units as rows: rows are units (× a measure column), columns indicators × measures. */
function unitRowsAxes(
  grid: Grid,
  cand: Candidate,
  block: HeaderBlock,
  title: string,
  unitAbove: string,
): Axes {
  const notes: string[] = [];
  const indicators: IndicatorItem[] = [];
  let measureCol = -1;
  const fromTitle = indicatorFromTitle(title || grid.name);
  block.paths.forEach((path, c) => {
    if (c === cand.col || path.length === 0) return;
    if (path.some((k) => ROW_MEASURE_LABEL.test(k))) return void (measureCol < 0 && (measureCol = c));
    if (skipColumn(path) || path.some((k) => UNIT_LABEL.test(k) || MEASURE_UNIT_LABEL.test(k))) return;
    const { parts, rest } = splitPath(path);
    const named = rest.length > 0 ? splitNameUnit(rest[rest.length - 1]) : null;
    const name = named?.name ?? fromTitle.name;
    if (name === "") return;
    const uom = named?.unit || parts.find((p) => p.unit)?.unit || fromTitle.unit || unitAbove;
    indicators.push({ line: c, name, unit: uom, parts, row: block.top, col: c });
  });
  const units: UnitItem[] = [];
  for (const { r, label, group } of dataRows(grid, block, cand, notes)) {
    // A 计量单位 or 类型 row under the header says it for each indicator column.
    if (MEASURE_UNIT_LABEL.test(label) || KIND_LABEL_WORD.test(label)) {
      for (const ind of indicators) {
        const text = cellText(grid.rows[r]?.[ind.line] ?? null).trim();
        if (MEASURE_UNIT_LABEL.test(label)) ind.unit ||= text;
        else ind.declaredKind ??= kindFromLabel(text);
      }
      continue;
    }
    const parts: MeasurePart[] = [];
    if (measureCol >= 0) {
      const m = readMeasurePart(cellText(grid.rows[r]?.[measureCol] ?? null));
      if (m) parts.push(m);
    }
    const role = unitRole(label);
    units.push({ line: r, header: label, group, role: role.role, subtotalGroup: role.group, parts });
  }
  return { units, indicators, notes };
}

/**
 * A column of words only (来源, 原文, 范围 in a list of targets; 状态 in a status sheet) is neither a unit nor an
 * indicator: a unit's or an indicator's cells hold numbers, or "-" / "待…下达" / words merged across the row.
 */
function dropWordsOnly(grid: Grid, orientation: Candidate["orientation"], axes: Axes) {
  const at = (unit: number, ind: number) =>
    orientation === "indicator-rows" ? grid.rows[ind]?.[unit] : grid.rows[unit]?.[ind];
  const numeric = (v: GridValue | undefined) => {
    if (typeof v === "number") return true;
    if (typeof v !== "string" || v.trim() === "") return null;
    const read = readSheetValue(v);
    return read.status === "number" || read.status === "none" || read.status === "pending";
  };
  /** true: some number; false: words only; null: empty. `cell(i)` is read lazily: a number ends the look. */
  const evidence = (
    count: number,
    cell: (i: number) => GridValue | undefined,
    same: (i: number) => boolean,
  ) => {
    let words = false;
    for (let i = 0; i < count; i++) {
      const n = numeric(cell(i));
      if (n === true) return true;
      if (n === false && !same(i)) words = true;
    }
    return words ? false : null;
  };
  const lines = axes.indicators.map((i) => i.line);
  const units = axes.units;
  // Words that also stand in a neighbouring unit (a merged "完成上级下达任务") do not count against it.
  axes.units = units.filter((u, k) => {
    // A header that names a unit (新仓镇, 市本级) is one whatever its cells hold: a typo is the check's to report.
    if (u.role !== "unit" || looksLikeUnitName(u.header)) return true;
    const cell = (i: number) => at(u.line, lines[i]);
    const same = (i: number) =>
      [units[k - 1], units[k + 1]].some((o) => o !== undefined && at(o.line, lines[i]) === cell(i));
    return evidence(lines.length, cell, same) !== false;
  });
  const unitLines = axes.units.map((u) => u.line);
  axes.indicators = axes.indicators.filter((ind) => {
    if (ind.unit !== "" || ind.parts.length > 0) return true;
    const cell = (i: number) => at(unitLines[i], ind.line);
    const same = (i: number) => cell(i - 1) === cell(i) || cell(i + 1) === cell(i);
    return evidence(unitLines.length, cell, same) !== false;
  });
}

const signature = (parts: MeasurePart[]) => parts.map((p) => p.text).join("\u0001");

function groupBy<T extends { parts: MeasurePart[] }>(items: T[]): T[][] {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = signature(item.parts);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return [...map.values()];
}

interface SliceDraft {
  measure: Measure;
  indicators: Set<IndicatorItem>;
  units: Set<UnitItem>;
}

function buildSlice(
  draft: SliceDraft,
  base: Omit<
    BreakdownTable,
    "measure" | "towns" | "totalLine" | "totalHeader" | "subtotals" | "parts" | "rows"
  >,
  notes: string[],
): BreakdownTable {
  const units = [...draft.units].sort((a, b) => a.line - b.line);
  const towns: TableUnit[] = [];
  const seen = new Set<string>();
  for (const u of units.filter((x) => x.role === "unit")) {
    if (seen.has(u.header)) {
      notes.push(`单位“${u.header}”出现了两次,只取第一次`);
      continue;
    }
    seen.add(u.header);
    towns.push({ header: u.header, line: u.line, group: u.group });
  }
  const total = units.find((u) => u.role === "total") ?? units.find((u) => u.role === "city");
  const subtotals = units
    .filter((u) => u.role === "subtotal")
    .map((u) => ({ header: u.header, line: u.line, ...subtotalMembers(u, towns, units) }));
  const parts = units
    .filter((u) => u.role === "part")
    .map((u) => ({ header: u.header, line: u.line, group: "" }));
  const { measure } = draft;
  const rows: TableRow[] = [...draft.indicators]
    .sort((a, b) => a.line - b.line)
    .map((i) => ({
      line: i.line,
      name: i.name,
      unit: measure.role === "growth" || measure.role === "share" ? i.unit || "%" : i.unit,
      kind:
        measure.role === "growth" || measure.role === "share"
          ? "rate"
          : (i.declaredKind ?? kindOf(i.name, i.unit)),
      row: i.row,
      col: i.col,
    }));
  return {
    ...base,
    measure,
    towns,
    totalLine: total ? total.line : -1,
    totalHeader: total ? (total.role === "city" ? "全市" : total.header) : "",
    subtotals,
    parts,
    rows,
  };
}

/** Every slice of the table a candidate corner opens, or what is missing. */
function readAt(grid: Grid, cand: Candidate, options: ReadTableOptions): TableModel | TableProblem {
  const block = headerBlock(grid, cand);
  const title = titleAbove(grid, block.top);
  const year = yearOf(title, grid.name);
  const unitAbove = measureUnitAbove(grid, block.top);
  const axes =
    cand.orientation === "indicator-rows"
      ? indicatorRowsAxes(grid, cand, block, unitAbove)
      : unitRowsAxes(grid, cand, block, title, unitAbove);
  dropWordsOnly(grid, cand.orientation, axes);
  // 表格识别 said where the total is: that line is the total whatever its header says.
  const totalLine = options.hint?.totalLine;
  if (totalLine !== undefined)
    for (const u of axes.units)
      if (u.line === totalLine) Object.assign(u, { role: "total", subtotalGroup: "" });
  const problem = (missing: TableProblem["missing"]): TableProblem => ({
    sheet: grid.name,
    headerRow: block.top,
    label: cand.label,
    labelCol: cand.col,
    orientation: cand.orientation,
    missing,
  });
  if (!axes.units.some((u) => u.role === "unit")) return problem("units");
  if (axes.indicators.length === 0) return problem("indicators");
  if (!options.totalOptional && !axes.units.some((u) => u.role === "total" || u.role === "city"))
    return problem("total");

  const drafts = new Map<string, SliceDraft>();
  for (const is of groupBy(axes.indicators))
    for (const us of groupBy(axes.units)) {
      const measure = joinMeasure([...us[0].parts, ...is[0].parts], year);
      const key = measureKey(measure);
      const draft = drafts.get(key) ?? { measure, indicators: new Set(), units: new Set() };
      drafts.set(key, draft);
      is.forEach((i) => draft.indicators.add(i));
      us.forEach((u) => draft.units.add(u));
    }
  const notes = [...axes.notes];
  const base = {
    sheet: grid.name,
    orientation: cand.orientation,
    headerRow: block.top,
    headerRows: block.bottom - block.top + 1,
    labelCol: cand.col,
    title,
  };
  const slices = [...drafts.values()]
    .map((d) => buildSlice(d, base, notes))
    .filter((s) => s.towns.length > 0 && s.rows.length > 0 && (options.totalOptional || s.totalLine >= 0))
    .sort((a, b) => compareMeasures(a.measure, b.measure));
  if (slices.length === 0) return problem(options.totalOptional ? "units" : "total");
  for (const s of slices)
    for (const sub of s.subtotals) notes.push(`“${sub.header}”是小计,不计入${s.totalHeader || "合计"}`);
  const { labelCol: _, ...model } = base;
  return { ...model, year, slices, notes: [...new Set(notes)] };
}

const isModel = (x: TableModel | TableProblem): x is TableModel => "slices" in x;

/**
 * The breakdown table of a sheet, or null with the most telling problem when the sheet holds none that can be
 * read (a header without a total, a total without units…). `problem` is null when nothing looked like a table.
 */
export function readTable(
  grid: Grid,
  options: ReadTableOptions = {},
): { table: TableModel; problem: null } | { table: null; problem: TableProblem | null } {
  let problem: TableProblem | null = null;
  const candidates: Iterable<Candidate> = options.hint
    ? [
        {
          row: options.hint.headerRow,
          col: options.hint.labelCol,
          orientation: options.hint.orientation,
          label: keyAt(grid, options.hint.headerRow, options.hint.labelCol),
        },
      ]
    : findCandidates(grid);
  for (const cand of candidates) {
    const read = readAt(grid, cand, options);
    if (isModel(read)) return { table: read, problem: null };
    // What a guessed corner could not read is no problem to report: the sheet may hold no breakdown at all.
    if (!cand.guess) problem ??= read;
  }
  return { table: null, problem };
}

/** The slice jobs work on when none is asked for: the target (确保 before 力争), of the table's year first. */
export function primarySlice(
  model: TableModel,
  want: { year?: string; tier?: string } = {},
): BreakdownTable | null {
  let slices = model.slices.filter((s) => s.measure.role === "target");
  if (slices.length === 0) slices = model.slices;
  if (want.year) slices = slices.filter((s) => s.measure.year === want.year);
  if (want.tier)
    slices = slices.filter((s) => s.measure.tier === want.tier || s.measure.label.includes(want.tier!));
  const ofYear = slices.filter((s) => s.measure.year === model.year);
  return (ofYear.length > 0 ? ofYear : slices)[0] ?? null;
}
