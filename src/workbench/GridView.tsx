// The in-browser workbook drawn like a spreadsheet — sheet tabs, column letters, row numbers, values (formulas
// computed), fills and fonts (conditional formats included), merged cells and the selection — and edited as in
// Excel: click or arrow keys select (Shift extends), typing replaces the active cell, F2 or a double-click edits
// it in place, Enter/Tab commit and move, Esc cancels, Delete clears the selection, Ctrl+C/Ctrl+V copy and paste
// tab-separated text. A formula bar above shows the address and the formula. Every edit goes through the fake's
// Office.js API (`run`), the same way the pane writes, so the pane reads what the clerk typed.
import { useEffect, useId, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import type { ClipboardEvent, KeyboardEvent, MouseEvent } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { columnLetter } from "../core/layout/a1";
import { ChartView } from "./ChartView";
import type { FakeExcel } from "./fakeExcel";
import { cellAddress, containsCell, parseRectAddress, rect, rectAddress, type Rect } from "./fakeExcel/a1";
import { cellDisplay, shownText } from "./fakeExcel/display";
import type { FakeSheet, FakeWorkbook } from "./fakeExcel/model";
import {
  anchorOf,
  editText,
  isLocked,
  parseTsv,
  pastedEntry,
  spanOf,
  step,
  toTsv,
  typedEntry,
  type CellPos,
} from "./gridEdit";

/** Large sheets are shown in part; the data is all there for the pane. */
const MAX_ROWS_SHOWN = 300;
const MAX_COLS_SHOWN = 60;
const PT_TO_PX = 4 / 3;
const PAGE_ROWS = 20;
/** Copying more cells than this at once is refused (the clipboard text would run to megabytes). */
const MAX_COPY_CELLS = 200_000;
const GREEN = "#217346";
const PROTECTED =
  "您试图更改的单元格位于受保护的工作表中。若要更改,请先取消工作表保护(Excel:审阅 › 撤消工作表保护)。";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0, background: "#fff" },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: "6px",
    padding: "4px 6px",
    borderBottom: "1px solid #d4d4d4",
    background: "#fff",
    flexShrink: 0,
    fontSize: "12px",
  },
  nameBox: {
    width: "84px",
    flexShrink: 0,
    boxSizing: "border-box",
    border: "1px solid #c8c8c8",
    padding: "2px 4px",
    fontSize: "12px",
    fontFamily: "inherit",
    ":focus-visible": { outline: `2px solid ${GREEN}`, outlineOffset: "-1px" },
  },
  fx: { color: "#555", fontStyle: "italic", padding: "0 4px", flexShrink: 0 },
  formula: {
    flexGrow: 1,
    minWidth: 0,
    boxSizing: "border-box",
    border: "1px solid #c8c8c8",
    padding: "2px 4px",
    fontSize: "12px",
    fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
    ":focus-visible": { outline: `2px solid ${GREEN}`, outlineOffset: "-1px" },
  },
  message: { color: "#a4262c", fontSize: "12px", flexShrink: 1, minWidth: 0 },
  scroller: { flexGrow: 1, overflow: "auto", position: "relative" },
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: "12px",
    fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
    userSelect: "none",
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    background: "#f3f3f3",
    color: "#555",
    fontWeight: 400,
    border: "1px solid #d4d4d4",
    textAlign: "center",
    height: "20px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    background: "#f3f3f3",
    color: "#555",
    fontWeight: 400,
    border: "1px solid #d4d4d4",
    textAlign: "center",
  },
  cell: {
    border: "1px solid #e4e4e4",
    padding: "0 3px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    cursor: "cell",
    // Keeps a cell scrolled into view clear of the sticky column letters and row numbers.
    scrollMarginTop: "22px",
    scrollMarginLeft: "42px",
  },
  // One input over the active cell: transparent until something is typed, so keys (and an IME's composition)
  // land in it; it is the cell editor once typing starts.
  editor: {
    position: "absolute",
    zIndex: 0,
    boxSizing: "border-box",
    margin: 0,
    padding: "0 2px",
    border: `2px solid ${GREEN}`,
    background: "transparent",
    color: "transparent",
    caretColor: "transparent",
    fontSize: "12px",
    fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
    cursor: "cell",
    outline: "none",
    // Clicks go through to the cell below until typing starts (the grid's mouse handling selects it).
    pointerEvents: "none",
    ":focus": { boxShadow: `0 0 0 1px #fff, 0 0 0 3px rgba(33, 115, 70, 0.55)` },
  },
  editing: {
    background: "#fff",
    color: "#000",
    caretColor: "auto",
    cursor: "text",
    pointerEvents: "auto",
    boxShadow: "0 2px 6px rgba(0, 0, 0, 0.25)",
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  tabs: {
    display: "flex",
    gap: "2px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    background: "#f3f3f3",
    overflowX: "auto",
    flexShrink: 0,
  },
  tab: {
    border: "none",
    background: "transparent",
    padding: "6px 12px",
    cursor: "pointer",
    fontSize: "13px",
    whiteSpace: "nowrap",
    fontFamily: "inherit",
  },
  activeTab: { background: "#fff", color: GREEN, fontWeight: 600, borderBottom: `2px solid ${GREEN}` },
  note: { padding: "4px 8px", color: "#777", fontSize: "12px" },
});

const ALIGN = { Left: "left", Center: "center", Right: "right" } as const;
/** Traffic lights, lowest bucket first (red, amber, green), as Excel draws ThreeTrafficLights1. */
const LIGHTS = ["#C00000", "#FFC000", "#00B050"];
const LIGHT_NAMES = ["red", "yellow", "green"];
const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

interface Editing {
  sheet: FakeSheet;
  row: number;
  col: number;
  text: string;
  /** What the editor showed when editing began: committing it unchanged writes nothing. */
  original: string;
  /** "enter": typing replaced the cell, arrow keys commit and move; "edit" (F2, double-click): they move the caret. */
  mode: "enter" | "edit";
}

/** The active cell and the far corner of the selection, remembered per sheet while they match the selection. */
interface Cursor {
  sheetId: number;
  active: CellPos;
  end: CellPos;
}

const sameRect = (a: Rect, b: Rect) => a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;

/** The selected range's tint over a data bar over the cell's fill (background-color stays the fill). */
const TINT = "linear-gradient(rgba(33, 115, 70, 0.14), rgba(33, 115, 70, 0.14))";
function layers(selected: boolean, bar: { color: string; length: number } | undefined): string | undefined {
  const barImage =
    bar && `linear-gradient(to right, ${bar.color} ${bar.length * 100}%, transparent ${bar.length * 100}%)`;
  if (selected) return barImage ? `${TINT}, ${barImage}` : TINT;
  return barImage;
}

/** A cell of the grid's body from an event target inside it. */
function cellOf(target: EventTarget | null): CellPos | null {
  const td = target instanceof Element ? target.closest("td[data-address]") : null;
  const r = td ? parseRectAddress(td.getAttribute("data-address") ?? "") : null;
  return r ? { row: r.r1, col: r.c1 } : null;
}

/** Roughly how wide the editor must be for `text` (CJK characters count double). */
function textWidthPx(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return units * 7 + 14;
}

export function GridView({ workbook, run }: { workbook: FakeWorkbook; run: FakeExcel["run"] }) {
  const s = useStyles();
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => workbook.onChange(() => redraw()), [workbook]);
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [editing, setEditingState] = useState<Editing | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  // The editing state as of the last event (handlers of one event may read it before React re-renders).
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (e: Editing | null) => {
    editingRef.current = e;
    setEditingState(e);
  };
  const editorRef = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLInputElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const ids = useId();
  const valueId = `${ids}-value`;
  const helpId = `${ids}-help`;
  /** The column a run of Tabs started from: Enter goes back to it on the next row, as in Excel. */
  const tabOrigin = useRef<number | null>(null);

  useEffect(() => {
    setEditing(null);
    setCursor(null);
    setMessage(null);
  }, [workbook]);
  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);

  const sheet = workbook.activeSheet;
  const visibleSheets = workbook.sheets.filter((x) => x.visibility === "Visible");
  const used = sheet?.usedRect(false) ?? null;
  const sel = sheet?.selection ?? rect(0, 0);
  const rows = Math.min(MAX_ROWS_SHOWN, Math.max(30, (used?.r2 ?? 0) + 6, sel.r2 + 2));
  const cols = Math.min(MAX_COLS_SHOWN, Math.max(12, (used?.c2 ?? 0) + 3, sel.c2 + 2));
  // The active cell: the one remembered while it is inside the selection, else the selection's first cell.
  const kept =
    cursor && sheet && cursor.sheetId === sheet.id && containsCell(sel, cursor.active.row, cursor.active.col);
  const active: CellPos = kept ? cursor.active : { row: sel.r1, col: sel.c1 };
  const end: CellPos =
    kept && sheet && sameRect(spanOf(sheet, cursor.active, cursor.end), sel)
      ? cursor.end
      : { row: sel.r1 === active.row ? sel.r2 : sel.r1, col: sel.c1 === active.col ? sel.c2 : sel.c1 };
  const at: CellPos = editing && editing.sheet === sheet ? editing : active;
  const address = cellAddress(at.row, at.col);

  // The table is rebuilt only when the workbook changes (a sync, an edit, a new selection), not while typing.
  const revision = workbook.revision;
  const table = useMemo(() => {
    if (!sheet) return null;
    const body = [];
    for (let r = 0; r < rows; r++) {
      const cells = [];
      for (let c = 0; c < cols; c++) {
        const d = cellDisplay(sheet, r, c);
        if (d.merge === "covered") continue;
        const isSelected = containsCell(sheet.selection, r, c);
        const h = d.horizontalAlignment;
        cells.push(
          <td
            key={c}
            role="gridcell"
            aria-selected={isSelected}
            data-address={cellAddress(r, c)}
            data-selected={isSelected ? "true" : undefined}
            // The cell's own fill (what 标出问题单元格 sets), apart from conditional formats' colours.
            data-fill={sheet.cell(r, c)?.fill}
            title={d.formula}
            className={s.cell}
            rowSpan={d.merge ? d.merge.rowSpan : undefined}
            colSpan={d.merge ? d.merge.colSpan : undefined}
            data-icon={d.icon ? (LIGHT_NAMES[d.icon.index] ?? String(d.icon.index)) : undefined}
            data-bar={d.bar ? d.bar.length.toFixed(3) : undefined}
            style={{
              backgroundColor: d.fill ?? undefined,
              backgroundImage: layers(isSelected, d.bar),
              color: d.font.color,
              fontWeight: d.font.bold ? 700 : undefined,
              fontSize: `${Math.max(9, d.font.size)}px`,
              textAlign:
                h in ALIGN ? ALIGN[h as keyof typeof ALIGN] : typeof d.value === "number" ? "right" : "left",
              whiteSpace: d.wrapText ? "normal" : undefined,
              verticalAlign:
                d.verticalAlignment === "Top"
                  ? "top"
                  : d.verticalAlignment === "Bottom"
                    ? "bottom"
                    : "middle",
            }}
          >
            {d.icon && <span style={{ color: LIGHTS[d.icon.index] ?? "#808080" }}>●</span>}
            {d.icon?.only || d.bar?.only ? null : d.text}
          </td>,
        );
      }
      body.push(
        <tr key={r} style={{ height: `${sheet.rowHeight(r) * PT_TO_PX}px` }}>
          <th role="rowheader" scope="row" className={s.rowHead}>
            {r + 1}
          </th>
          {cells}
        </tr>,
      );
    }
    return (
      <>
        <colgroup>
          <col style={{ width: "40px" }} />
          {Array.from({ length: cols }, (_, c) => (
            <col key={c} style={{ width: `${Math.round(sheet.columnWidth(c) * PT_TO_PX)}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th role="columnheader" scope="col" className={s.head}>
              <span className={s.hidden}>行号</span>
            </th>
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} role="columnheader" scope="col" className={s.head}>
                {columnLetter(c + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </>
    );
    // `revision` stands for everything in the workbook the table shows.
  }, [sheet, revision, rows, cols, s]);

  // The editor sits over the active cell (the top-left cell of a merged area), as wide as its text while editing.
  const editingText = editing?.text;
  useLayoutEffect(() => {
    const input = editorRef.current;
    const scroller = scrollerRef.current;
    if (!input || !scroller) return;
    const td = scroller.querySelector<HTMLElement>(`td[data-address="${address}"]`);
    if (!td) {
      Object.assign(input.style, { left: "0px", top: "0px", width: "1px", height: "1px" });
      return;
    }
    const box = td.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    const left = box.left - frame.left + scroller.scrollLeft - scroller.clientLeft;
    const top = box.top - frame.top + scroller.scrollTop - scroller.clientTop;
    const width = editingText !== undefined ? Math.max(box.width, textWidthPx(editingText)) : box.width;
    Object.assign(input.style, {
      left: `${left}px`,
      top: `${top}px`,
      width: `${width}px`,
      height: `${box.height}px`,
    });
  });
  // A new active cell (moved by keys, a click or the pane's select()) is scrolled into view.
  const place = `${sheet?.id}:${address}`;
  useEffect(() => {
    scrollerRef.current
      ?.querySelector(`td[data-address="${address}"]`)
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [place]);

  if (!sheet) return <div className={s.root} />;

  const focusGrid = () => editorRef.current?.focus({ preventScroll: true });

  const select = (a: CellPos, to: CellPos = a) => {
    const area = spanOf(sheet, a, to);
    setCursor({ sheetId: sheet.id, active: a, end: to });
    workbook.update(() => {
      sheet.selection = area;
      workbook.touch();
    });
  };

  async function write(target: FakeSheet, area: Rect, apply: (range: Excel.Range) => void) {
    try {
      await run(async (context) => {
        apply(context.workbook.worksheets.getItem(target.name).getRange(rectAddress(area)));
        await context.sync();
      });
    } catch (e) {
      setMessage(`未能写入 ${rectAddress(area)}:${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const textFormatAt = (r: number, c: number) => sheet.cell(r, c)?.numberFormat === "@";

  function startEdit(pos: CellPos, text: string, mode: Editing["mode"]) {
    if (isLocked(sheet!, rect(pos.row, pos.col))) {
      setMessage(PROTECTED);
      return;
    }
    setMessage(null);
    setEditing({ sheet: sheet!, ...pos, text, original: editText(sheet!, pos.row, pos.col), mode });
  }

  /** Writes what is being edited; false (and a message) when Excel would refuse it. */
  function commit(): boolean {
    const e = editingRef.current;
    if (!e) return true;
    if (e.text !== e.original) {
      const entry = typedEntry(e.text, e.sheet.cell(e.row, e.col)?.numberFormat === "@");
      if ("problem" in entry) {
        setMessage(entry.problem);
        return false;
      }
      void write(e.sheet, rect(e.row, e.col), (range) => {
        range.formulas = [[entry.input]];
      });
    }
    setEditing(null);
    setMessage(null);
    return true;
  }

  function cancel() {
    setEditing(null);
    setMessage(null);
  }

  /** Moves the active cell one step (Enter after Tabs goes back to the column the Tabs started from). */
  function move(dr: number, dc: number, by: "enter" | "tab" | "arrow") {
    let from = active;
    if (by === "tab") tabOrigin.current ??= active.col;
    else if (by === "enter" && dr > 0 && tabOrigin.current !== null)
      from = { ...active, col: tabOrigin.current };
    if (by !== "tab") tabOrigin.current = null;
    select(step(sheet!, from, dr, dc, MAX_ROWS_SHOWN, MAX_COLS_SHOWN));
  }

  function clearSelection() {
    if (isLocked(sheet!, sel)) return setMessage(PROTECTED);
    setMessage(null);
    void write(sheet!, sel, (range) => range.clear("Contents"));
  }

  function paste(text: string) {
    const block = parseTsv(text);
    if (block.length === 0) return;
    const h = block.length;
    const w = block[0].length;
    // A selection that holds the copied block a whole number of times is filled with it, as in Excel.
    const sh = sel.r2 - sel.r1 + 1;
    const sw = sel.c2 - sel.c1 + 1;
    const tile = sh % h === 0 && sw % w === 0;
    const area = tile ? sel : rect(sel.r1, sel.c1, sel.r1 + h - 1, sel.c1 + w - 1);
    if (isLocked(sheet!, area)) return setMessage(PROTECTED);
    setMessage(null);
    const values = Array.from({ length: area.r2 - area.r1 + 1 }, (_, i) =>
      Array.from({ length: area.c2 - area.c1 + 1 }, (_, j) => {
        const t = block[i % h][j % w];
        return t === null ? null : pastedEntry(t, textFormatAt(area.r1 + i, area.c1 + j));
      }),
    );
    void write(sheet!, area, (range) => {
      range.formulas = values;
    });
    setCursor({
      sheetId: sheet!.id,
      active: { row: area.r1, col: area.c1 },
      end: { row: area.r2, col: area.c2 },
    });
    workbook.update(() => {
      sheet!.selection = area;
      workbook.touch();
    });
  }

  function onEditorKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    // Keys that pick an IME candidate belong to the IME.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const ed = editingRef.current;
    const arrow = ARROWS[e.key];
    if (ed) {
      if (e.key === "Enter") {
        e.preventDefault();
        if (commit()) move(e.shiftKey ? -1 : 1, 0, "enter");
      } else if (e.key === "Tab") {
        e.preventDefault();
        if (commit()) move(0, e.shiftKey ? -1 : 1, "tab");
      } else if (e.key === "Escape") {
        e.preventDefault();
        cancel();
      } else if (e.key === "F2") {
        e.preventDefault();
        setEditing({ ...ed, mode: ed.mode === "enter" ? "edit" : "enter" });
      } else if (arrow && ed.mode === "enter") {
        e.preventDefault();
        if (commit()) move(arrow[0], arrow[1], "arrow");
      }
      return;
    }
    const ctrl = e.ctrlKey || e.metaKey;
    if (arrow) {
      e.preventDefault();
      if (e.shiftKey) {
        const to = step(sheet!, end, arrow[0], arrow[1], MAX_ROWS_SHOWN, MAX_COLS_SHOWN);
        setCursor({ sheetId: sheet!.id, active, end: to });
        workbook.update(() => {
          sheet!.selection = spanOf(sheet!, active, to);
          workbook.touch();
        });
      } else move(arrow[0], arrow[1], "arrow");
      return;
    }
    switch (e.key) {
      case "Enter":
        e.preventDefault();
        move(e.shiftKey ? -1 : 1, 0, "enter");
        return;
      case "Tab":
        // At the first (Shift+Tab) or last column Tab leaves the grid, so the keyboard is never trapped in it.
        if (e.shiftKey ? active.col === 0 : active.col >= MAX_COLS_SHOWN - 1) return;
        e.preventDefault();
        move(0, e.shiftKey ? -1 : 1, "tab");
        return;
      case "F2":
        e.preventDefault();
        startEdit(active, editText(sheet!, active.row, active.col), "edit");
        return;
      case "Delete":
        e.preventDefault();
        clearSelection();
        return;
      case "Backspace":
        // Excel empties the active cell and starts editing it.
        e.preventDefault();
        startEdit(active, "", "enter");
        return;
      case "Escape":
        setMessage(null);
        return;
      case "Home":
        e.preventDefault();
        select(anchorOf(sheet!, { row: ctrl ? 0 : active.row, col: 0 }));
        return;
      case "End":
        if (!ctrl) return;
        e.preventDefault();
        select(anchorOf(sheet!, { row: used?.r2 ?? 0, col: used?.c2 ?? 0 }));
        return;
      case "PageDown":
      case "PageUp": {
        e.preventDefault();
        const row = active.row + (e.key === "PageDown" ? PAGE_ROWS : -PAGE_ROWS);
        select(anchorOf(sheet!, { row: Math.max(0, Math.min(MAX_ROWS_SHOWN - 1, row)), col: active.col }));
        return;
      }
    }
  }

  /** Typing into the idle editor starts editing with what was typed (an IME's composition included). */
  function onEditorChange(text: string) {
    const ed = editingRef.current;
    if (ed) setEditing({ ...ed, text });
    else if (text !== "") startEdit(active, text, "enter");
  }

  function onBarChange(text: string) {
    const ed = editingRef.current;
    if (ed) setEditing({ ...ed, text });
    else startEdit(active, text, "edit");
  }

  function onBarKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      if (!commit()) return;
      if (e.key === "Enter") move(e.shiftKey ? -1 : 1, 0, "enter");
      else move(0, e.shiftKey ? -1 : 1, "tab");
      focusGrid();
    } else if (e.key === "Escape") {
      e.preventDefault();
      cancel();
      focusGrid();
    }
  }

  function onNameKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Escape") {
      setNameDraft(null);
      focusGrid();
    }
    if (e.key !== "Enter") return;
    e.preventDefault();
    const area = parseRectAddress(nameDraft ?? "");
    if (!area) return setMessage(`“${nameDraft}”不是单元格地址(如 E5 或 E5:L5)。`);
    if (area.r2 >= MAX_ROWS_SHOWN || area.c2 >= MAX_COLS_SHOWN)
      return setMessage(`工作台只显示前 ${MAX_ROWS_SHOWN} 行 × ${MAX_COLS_SHOWN} 列。`);
    if (!commit()) return;
    setMessage(null);
    setNameDraft(null);
    select({ row: area.r1, col: area.c1 }, { row: area.r2, col: area.c2 });
    focusGrid();
  }

  function onTableMouseDown(e: MouseEvent<HTMLTableElement>) {
    const pos = cellOf(e.target);
    if (!pos || e.button !== 0) return;
    // Focus stays in (or moves to) the editor over the active cell; a pending edit is committed first.
    e.preventDefault();
    if (!commit()) return;
    const a = anchorOf(sheet!, pos);
    tabOrigin.current = null;
    if (e.shiftKey) {
      setCursor({ sheetId: sheet!.id, active, end: a });
      workbook.update(() => {
        sheet!.selection = spanOf(sheet!, active, a);
        workbook.touch();
      });
    } else select(a);
    dragging.current = true;
    focusGrid();
  }

  function onTableMouseOver(e: MouseEvent<HTMLTableElement>) {
    if (!dragging.current || editingRef.current) return;
    const pos = cellOf(e.target);
    if (!pos) return;
    const a = anchorOf(sheet!, pos);
    if (a.row === end.row && a.col === end.col) return;
    setCursor({ sheetId: sheet!.id, active, end: a });
    workbook.update(() => {
      sheet!.selection = spanOf(sheet!, active, a);
      workbook.touch();
    });
  }

  function onDoubleClick(e: MouseEvent<HTMLDivElement>) {
    const pos = e.target === editorRef.current ? active : cellOf(e.target);
    if (!pos || editingRef.current) return;
    const a = anchorOf(sheet!, pos);
    startEdit(a, editText(sheet!, a.row, a.col), "edit");
    focusGrid();
  }

  function onCopy(e: ClipboardEvent<HTMLInputElement>) {
    if (editingRef.current) return;
    e.preventDefault();
    if ((sel.r2 - sel.r1 + 1) * (sel.c2 - sel.c1 + 1) > MAX_COPY_CELLS)
      return setMessage(`选区太大,无法复制(最多 ${MAX_COPY_CELLS} 个单元格)。`);
    const texts = Array.from({ length: sel.r2 - sel.r1 + 1 }, (_, i) =>
      Array.from({ length: sel.c2 - sel.c1 + 1 }, (_, j) => shownText(sheet!, sel.r1 + i, sel.c1 + j)),
    );
    e.clipboardData.setData("text/plain", toTsv(texts));
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>) {
    if (editingRef.current) return;
    e.preventDefault();
    paste(e.clipboardData.getData("text/plain"));
  }

  const isEditingHere = editing !== null && editing.sheet === sheet;
  const barValue = isEditingHere ? editing.text : editText(sheet, active.row, active.col);

  return (
    <div className={s.root} data-testid="grid">
      <div className={s.bar}>
        <input
          className={s.nameBox}
          aria-label="名称框"
          data-testid="name-box"
          value={nameDraft ?? address}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => {
            setNameDraft(address);
            e.target.select();
          }}
          onBlur={() => setNameDraft(null)}
          onChange={(e) => setNameDraft(e.target.value)}
          onKeyDown={onNameKeyDown}
        />
        <span className={s.fx} aria-hidden="true">
          fx
        </span>
        <input
          ref={barRef}
          className={s.formula}
          aria-label={`编辑栏(${address})`}
          data-testid="formula-bar"
          value={barValue}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onBarChange(e.target.value)}
          onKeyDown={onBarKeyDown}
          onBlur={(e) => {
            if (editingRef.current && e.relatedTarget !== editorRef.current) commit();
          }}
        />
        <div role="alert" className={s.message} data-testid="grid-message">
          {message}
        </div>
      </div>
      <div className={s.scroller} ref={scrollerRef} onDoubleClick={onDoubleClick}>
        <table
          className={s.table}
          role="grid"
          aria-label={`工作表 ${sheet.name}`}
          aria-multiselectable="true"
          onMouseDown={onTableMouseDown}
          onMouseOver={onTableMouseOver}
        >
          {table}
        </table>
        <input
          ref={editorRef}
          className={isEditingHere ? `${s.editor} ${s.editing}` : s.editor}
          data-testid="cell-editor"
          aria-label={isEditingHere ? `编辑单元格 ${address}` : `单元格 ${address}`}
          aria-describedby={`${valueId} ${helpId}`}
          value={isEditingHere ? editing.text : ""}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onEditorChange(e.target.value)}
          onKeyDown={onEditorKeyDown}
          onCopy={onCopy}
          onPaste={onPaste}
          onBlur={(e) => {
            if (editingRef.current && e.relatedTarget !== barRef.current) commit();
          }}
        />
        <span id={valueId} hidden>
          {isEditingHere ? "" : shownText(sheet, active.row, active.col)}
        </span>
        <span id={helpId} hidden>
          方向键移动,Shift 加方向键扩展选区;输入即改写,F2 或双击编辑,Enter 或 Tab 确认,Esc 取消,Delete
          清除;Ctrl+C 复制,Ctrl+V 粘贴;在第一列按 Shift+Tab 离开表格。
        </span>
        {sheet.charts.map((chart) => (
          <ChartView key={chart.id} sheet={sheet} chart={chart} />
        ))}
        {used && (used.r2 >= rows || used.c2 >= cols) && (
          <div className={s.note}>
            仅显示前 {rows} 行 × {cols} 列(共 {used.r2 + 1} 行 × {used.c2 + 1} 列)
          </div>
        )}
      </div>
      <div className={s.tabs} role="tablist">
        {visibleSheets.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            aria-selected={x === sheet}
            data-testid="sheet-tab"
            className={x === sheet ? `${s.tab} ${s.activeTab}` : s.tab}
            onClick={() =>
              workbook.update(() => {
                workbook.activeSheetId = x.id;
                workbook.touch();
              })
            }
          >
            {x.name}
          </button>
        ))}
      </div>
    </div>
  );
}
