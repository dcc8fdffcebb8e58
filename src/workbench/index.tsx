// The browser workbench (`npm start` without Excel): the task pane beside a grid of an in-browser workbook. The
// pane runs the same Office.js adapter as in Excel, on a strict fake of the Excel API; nothing leaves the page.
// The workbook lives in the tab: after each change it is kept in the tab's session storage (session.ts), so a
// reload brings it back, as Excel keeps a workbook open; should it not fit there, leaving the page asks first.
import { useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, makeStyles, Text, tokens, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { createActions } from "../taskpane/actions";
import { createFakeExcel } from "./fakeExcel";
import { FakeWorkbook } from "./fakeExcel/model";
import { GridView } from "./GridView";
import { restoreSession, saveSession } from "./session";
import { trackChanges } from "./unsaved";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100vh" },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    background: "#217346",
    color: "#fff",
    flexShrink: 0,
  },
  title: { color: "#fff", fontWeight: 600, marginRight: "auto" },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  grid: { flexGrow: 1, minWidth: 0 },
  pane: {
    flexShrink: 0,
    boxSizing: "border-box",
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: "auto",
    overflowX: "hidden",
    background: tokens.colorNeutralBackground1,
  },
});

function paneWidth(): number {
  const w = Number(new URLSearchParams(window.location.search).get("paneWidth"));
  return w >= 280 && w <= 800 ? w : 380;
}

function Workbench() {
  const s = useStyles();
  const [workbook, setWorkbook] = useState(() => new FakeWorkbook(["Sheet1"]));
  const [fileName, setFileName] = useState("目标分解.xlsx");
  const [problem, setProblem] = useState<string | null>(null);
  // Set by any run that changed the workbook (a pane write or a grid edit); a workbook just opened is unchanged.
  const changed = useRef(false);
  // Changes a reload would lose: set by a change, cleared once the tab's session holds it.
  const unsaved = useRef(false);
  const [saved, setSaved] = useState<"restored" | "saved" | "">("");
  const fake = useMemo(() => createFakeExcel(workbook), [workbook]);
  const names = useRef({ workbook, fileName });
  names.current = { workbook, fileName };
  const run = useMemo(
    () =>
      trackChanges(fake, () => {
        changed.current = true;
        unsaved.current = true;
        setSaved("");
        void saveSession(names.current.workbook, names.current.fileName).then((ok) => {
          if (!ok) return;
          unsaved.current = false;
          setSaved("saved");
        });
      }),
    [fake],
  );
  const actions = useMemo(
    () =>
      createActions({
        run: run as Parameters<typeof createActions>[0]["run"],
        supports: fake.supports,
      }),
    [fake, run],
  );
  const input = useRef<HTMLInputElement>(null);

  // The workbook of this tab before a reload, if any.
  useEffect(() => {
    void restoreSession().then((session) => {
      if (!session) return;
      setWorkbook(session.workbook);
      setFileName(session.fileName);
      changed.current = true;
      setSaved("restored");
    });
  }, []);

  useEffect(() => {
    const ask = (e: BeforeUnloadEvent) => {
      if (!unsaved.current) return;
      e.preventDefault();
      e.returnValue = ""; // older Chromium asks only when returnValue is set
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, []);

  async function open(file: File | undefined) {
    if (!file) return;
    // Opening a file replaces the in-memory workbook: changes not downloaded would be lost, as on a reload.
    if (
      changed.current &&
      !window.confirm(`打开 ${file.name} 将替换当前工作簿,未下载的修改会丢失。继续吗?`)
    ) {
      if (input.current) input.current.value = "";
      return;
    }
    setProblem(null);
    try {
      const [{ default: ExcelJS }, { fakeWorkbookFromExcelJs }] = await Promise.all([
        import("exceljs"),
        import("./fakeExcel/xlsxBridge"),
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await file.arrayBuffer());
      const opened = fakeWorkbookFromExcelJs(wb);
      setWorkbook(opened);
      setFileName(file.name);
      changed.current = false;
      // The file opened is what a reload brings back now.
      unsaved.current = !(await saveSession(opened, file.name));
    } catch (e) {
      setProblem(`${file.name}: 无法打开(${e instanceof Error ? e.message : String(e)})`);
    }
    if (input.current) input.current.value = "";
  }

  async function download() {
    const [{ default: ExcelJS }, { excelJsFromFakeWorkbook }] = await Promise.all([
      import("exceljs"),
      import("./fakeExcel/xlsxBridge"),
    ]);
    const buffer = await excelJsFromFakeWorkbook(workbook, ExcelJS).xlsx.writeBuffer();
    const url = URL.createObjectURL(
      new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // Landmarks: the bar (banner), the workbook (a region) and the pane, whose own <main> stays top-level.
  return (
    <div className={s.root}>
      <header className={s.bar}>
        <Text className={s.title}>目标分解助手 · 工作台 — {fileName}</Text>
        {problem && <Text style={{ color: "#ffe0e0" }}>{problem}</Text>}
        {saved && (
          <Text size={200} style={{ color: "#e0f0e6" }} data-testid="workbench-saved" data-state={saved}>
            {saved === "restored" ? "已恢复本标签页的工作簿" : "已保存在本标签页"}
          </Text>
        )}
        <Button size="small" data-testid="open-xlsx" onClick={() => input.current?.click()}>
          打开 .xlsx
        </Button>
        <Button size="small" data-testid="download-xlsx" onClick={() => void download()}>
          下载 .xlsx
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx"
          data-testid="xlsx-input"
          onChange={(e) => void open(e.target.files?.[0])}
        />
      </header>
      <div className={s.main}>
        <section className={s.grid} aria-label="工作簿">
          <GridView workbook={workbook} run={run} />
        </section>
        <div className={s.pane} style={{ width: `${paneWidth()}px` }} data-testid="workbench-pane">
          <App key={workbook.sheets[0]?.id ?? 0} actions={actions} initialPage="load" />
        </div>
      </div>
    </div>
  );
}

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Workbench />
    </FluentProvider>,
  );
}
