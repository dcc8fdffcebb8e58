// Marks the cells a check found wrong, and takes the marks off again. A mark is a fill and a thick coloured
// frame: the breakdown sheets' own conditional formats colour the same cells, and a conditional fill hides a
// direct one, so a fill alone changed nothing the clerk could see. The fills and frames the cells had before are
// kept in a very hidden sheet, so removing the marks restores them even after the pane was closed. Marking again
// replaces the earlier marks. Each command: at most 3 syncs.
import type { SheetReport } from "../core/check/checkWorkbook";
import { ERROR_FILL, WARNING_FILL } from "../core/layout/look";
import type { ExcelHost } from "./host";

export const MARK_SHEET = "目标分解助手_标记";
/** How Excel reports a cell without fill. */
const NO_FILL = "#FFFFFF";
/** The frames of a mark: darker than the fills, so they show on a cell its sheet colours already. */
const ERROR_FRAME = "#C00000";
const WARNING_FRAME = "#BF8F00";

const FRAME = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** One edge as it was: style, colour, weight. */
type Edge = [string, string, string];

interface Mark {
  sheet: string;
  address: string;
  /** The fill the cell had before it was marked. */
  original: string;
  /** Its four edges before, as JSON (marks stored by an older version have none: the frame is then cleared). */
  edges: string;
}

const key = (m: { sheet: string; address: string }) => `${m.sheet}!${m.address}`;

/** The marks stored by an earlier call, or [] (syncs 1–2). */
async function storedMarks(
  context: Excel.RequestContext,
): Promise<{ marks: Mark[]; store: Excel.Worksheet | null; sheets: string[] }> {
  const book = context.workbook.worksheets;
  book.load("items/name");
  await context.sync();
  const sheets = book.items.map((s) => s.name);
  if (!sheets.includes(MARK_SHEET)) return { marks: [], store: null, sheets };
  const store = book.getItem(MARK_SHEET);
  const used = store.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  const rows = used.isNullObject ? [] : used.values;
  return {
    marks: rows.map(([sheet, address, original, edges]) => ({
      sheet: String(sheet),
      address: String(address),
      original: String(original || NO_FILL),
      edges: String(edges ?? ""),
    })),
    store,
    sheets,
  };
}

function restore(context: Excel.RequestContext, marks: Mark[], sheets: string[]): void {
  for (const m of marks) {
    if (!sheets.includes(m.sheet)) continue; // the sheet was deleted since
    const format = context.workbook.worksheets.getItem(m.sheet).getRange(m.address).format;
    if (m.original.toUpperCase() === NO_FILL) format.fill.clear();
    else format.fill.color = m.original;
    const edges = parseEdges(m.edges);
    FRAME.forEach((name, i) => {
      const edge = format.borders.getItem(name);
      const [style, color, weight] = edges?.[i] ?? ["None", "#000000", "Thin"];
      edge.style = style as Excel.BorderLineStyle;
      if (style !== "None") {
        edge.color = color;
        edge.weight = weight as Excel.BorderWeight;
      }
    });
  }
}

function parseEdges(text: string): Edge[] | null {
  try {
    const edges: unknown = JSON.parse(text);
    return Array.isArray(edges) && edges.length === 4 ? (edges as Edge[]) : null;
  } catch {
    return null;
  }
}

/** Colours each offending cell: errors red, warnings amber. Returns how many cells were marked. */
export async function markFindings(host: ExcelHost, reports: SheetReport[]): Promise<number> {
  const wanted = reports.flatMap((r) =>
    r.results.flatMap((x) =>
      x.severity === "info"
        ? []
        : x.cells.map((address) => ({
            sheet: r.sheet,
            address,
            colour: x.severity === "error" ? ERROR_FILL : WARNING_FILL,
            frame: x.severity === "error" ? ERROR_FRAME : WARNING_FRAME,
          })),
    ),
  );
  return host.run(async (context) => {
    const book = context.workbook.worksheets;
    // Sync 1 (and 2 when marks exist) also loads the current fills of the cells to be marked.
    const formats = wanted.map((m) => {
      const format = book.getItem(m.sheet).getRange(m.address).format;
      format.fill.load("color");
      const edges = FRAME.map((name) => format.borders.getItem(name));
      for (const e of edges) e.load("style,color,weight");
      return { fill: format.fill, edges };
    });
    const old = await storedMarks(context);
    const oldMarks = new Map(old.marks.map((m) => [key(m), m]));
    // A cell marked before shows the old mark now: its original look is the one stored.
    const marks: Mark[] = wanted.map((m, i) => {
      const before = oldMarks.get(key(m));
      const edges: Edge[] = formats[i].edges.map((e) => [e.style, e.color ?? "#000000", e.weight]);
      return {
        sheet: m.sheet,
        address: m.address,
        original: before?.original ?? formats[i].fill.color ?? NO_FILL,
        edges: before?.edges ?? JSON.stringify(edges),
      };
    });
    restore(
      context,
      old.marks.filter((m) => !wanted.some((w) => key(w) === key(m))),
      old.sheets,
    );
    wanted.forEach((m) => {
      const format = book.getItem(m.sheet).getRange(m.address).format;
      format.fill.color = m.colour;
      for (const name of FRAME) {
        const edge = format.borders.getItem(name);
        edge.style = "Continuous" as Excel.BorderLineStyle.continuous;
        edge.color = m.frame;
        edge.weight = "Thick" as Excel.BorderWeight.thick;
      }
    });
    old.store?.delete();
    if (marks.length > 0) {
      const store = book.add(MARK_SHEET);
      store.visibility = "VeryHidden" as Excel.SheetVisibility.veryHidden;
      store.getRangeByIndexes(0, 0, marks.length, 4).values = marks.map((m) => [
        m.sheet,
        m.address,
        m.original,
        m.edges,
      ]);
    }
    await context.sync();
    return marks.length;
  });
}

/** Takes the marks off, restoring each cell's fill. Returns how many cells were restored. */
export async function clearMarks(host: ExcelHost): Promise<number> {
  return host.run(async (context) => {
    const old = await storedMarks(context);
    if (!old.store) return 0;
    restore(context, old.marks, old.sheets);
    old.store.delete();
    await context.sync();
    return old.marks.length;
  });
}
