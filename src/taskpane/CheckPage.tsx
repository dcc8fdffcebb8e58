// 校验: check a sheet's breakdown, list the results by severity, take the user to a row on click, mark cells.
import { useEffect, useState } from "react";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import type { RowResult } from "../core/check/checkBreakdown";
import { measureName } from "../core/table/measure";
import type { TableHint } from "../core/table/hints";
import type { TableProblem } from "../core/table/types";
import { columnLetter } from "../core/layout/a1";
import type { WorkbookCheck } from "../excel/checkSheets";
import type { TaskpaneActions } from "./actions";
import { localTime } from "../core/submissions/statusSheet";
import { checkReportSheet } from "../core/layout/reportSheet";
import { fill, type Lang, type Words } from "./i18n";
import { say, statusLabel } from "./say";
import { usePaneStyles } from "./styles";
import { useSheetWrite } from "./useSheetWrite";
import { TableHintForm } from "./TableHintForm";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  actions: TaskpaneActions;
  words: Words;
  lang: Lang;
  task: TaskState;
}

type Group = "error" | "warning" | "ok" | "other";
const GROUPS: Group[] = ["error", "warning", "other", "ok"];
const groupOf = (r: RowResult): Group =>
  r.severity === "info" ? (r.status === "ok" ? "ok" : "other") : r.severity;

/** A sheet that looks like a breakdown but lacks an axis, in the pane's words. */
function problemWords(p: TableProblem, w: Words): string {
  const rows = p.orientation === "unit-rows";
  const missing = {
    total: rows ? w.missingTotalRow : w.missingTotalCol,
    units: w.missingUnits,
    indicators: w.missingIndicators,
  }[p.missing];
  return fill(w.tableProblem, { sheet: p.sheet, row: p.headerRow + 1, label: p.label, missing });
}

/** Now, in the clerk's own time zone, in core's one date style ("2026年11月25日 10:20"): the report's time stamp. */
function nowText(): string {
  const now = new Date();
  return localTime(now.toISOString(), -now.getTimezoneOffset());
}

export function CheckPage({ actions, words: w, lang, task }: Props) {
  const s = usePaneStyles();
  const [sheets, setSheets] = useState<{ names: string[]; active: string }>({ names: [], active: "" });
  const [which, setWhich] = useState("__active");
  const [check, setCheck] = useState<WorkbookCheck | null>(null);
  const writer = useSheetWrite(actions, task, w);
  /** The sheet whose 表格识别 form is open. */
  const [hintFor, setHintFor] = useState<string | null>(null);

  useEffect(() => {
    void task.run(async () => setSheets(await actions.listSheets()));
    // Only when the page opens; the list is refreshed by each check.
  }, [actions]);

  async function run(only?: string) {
    const selection = only ? [only] : which === "__active" ? "active" : which === "__all" ? "all" : [which];
    const done = await task.run(() => actions.check(selection));
    if (done) {
      setCheck(done);
      setSheets({ names: done.sheetNames, active: done.activeSheet });
    }
  }

  /** Saves (or, with null, clears) the sheet's 表格识别, then checks that sheet again. */
  async function setHint(sheet: string, hint: TableHint | null) {
    const hints = { ...(check?.hints ?? {}) };
    if (hint) hints[sheet] = hint;
    else delete hints[sheet];
    const saved = await task.run(async () => {
      await actions.saveTableHints(hints);
      return true;
    });
    if (!saved) return;
    setHintFor(null);
    await run(sheet);
  }

  const hintButton = (sheet: string, label: string) => (
    <Button
      size="small"
      appearance="subtle"
      data-testid={TID.hintOpen(sheet)}
      onClick={() => setHintFor(hintFor === sheet ? null : sheet)}
    >
      {label}
    </Button>
  );

  async function after(action: () => Promise<number>, template: string) {
    const n = await task.run(action);
    if (n !== undefined) task.notify({ intent: "success", title: fill(template, { n }) });
  }

  const groupTitle: Record<Group, string> = {
    error: w.errors,
    warning: w.warnings,
    ok: w.passed,
    other: w.other,
  };
  return (
    <div className={s.page}>
      {writer.dialog}
      <div className={s.row}>
        <Select
          className={s.grow}
          aria-label={w.sheetToCheck}
          data-testid={TID.sheetSelect}
          value={which}
          onChange={(_, d) => setWhich(d.value)}
        >
          <option value="__active">
            {w.activeSheet}
            {sheets.active ? `(${sheets.active})` : ""}
          </option>
          <option value="__all">{w.allSheets}</option>
          {sheets.names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <Button
          appearance="primary"
          data-testid={TID.runCheck}
          disabled={task.busy}
          onClick={() => void run()}
        >
          {w.runCheck}
        </Button>
        {task.busy && <Spinner size="tiny" label={w.busy} />}
      </div>

      {check && check.reports.length === 0 && check.problems.length === 0 && (
        <MessageBar intent="warning" data-testid={TID.noBreakdown}>
          <MessageBarBody>{w.noBreakdown}</MessageBarBody>
        </MessageBar>
      )}
      {check?.problems.map((p) => (
        <div key={p.sheet} className={s.page}>
          <MessageBar intent="warning" data-testid={TID.noBreakdown}>
            <MessageBarBody>
              {problemWords(p, w)} {hintButton(p.sheet, w.hintOpen)}
            </MessageBarBody>
          </MessageBar>
          {hintFor === p.sheet && (
            <TableHintForm
              sheet={p.sheet}
              start={check.hints[p.sheet] ?? p}
              words={w}
              busy={task.busy}
              onApply={(h) => void setHint(p.sheet, h)}
            />
          )}
        </div>
      ))}
      {check?.checkedInstead && (
        <MessageBar intent="info" data-testid={TID.checkedInstead}>
          <MessageBarBody>
            {fill(w.checkedOther, { active: check.activeSheet, sheets: check.checkedInstead.join("、") })}
          </MessageBarBody>
        </MessageBar>
      )}
      {check?.warnings.map((warning) => (
        <MessageBar key={warning} intent="info">
          <MessageBarBody>{fill(w.unsupported, { what: warning })}</MessageBarBody>
        </MessageBar>
      ))}

      {check?.reports.map((report) => {
        const count = (g: Group) => report.results.filter((r) => groupOf(r) === g).length;
        const mismatches = (report.crossCheck ?? []).filter((c) => c.status === "mismatch");
        const several = report.measures.length > 1;
        return (
          <section key={report.sheet} className={s.page} aria-label={report.sheet}>
            <div className={s.row} data-testid={TID.checkSummary}>
              <Text weight="semibold" className={s.grow}>
                {report.sheet}
                {report.year ? ` · ${report.year}` : ""}
                {report.orientation === "unit-rows" ? ` · ${w.unitsAsRows}` : ""}
              </Text>
              <Badge color="danger" appearance={count("error") ? "filled" : "ghost"}>
                {w.errors} {count("error")}
              </Badge>
              <Badge color="warning" appearance={count("warning") ? "filled" : "ghost"}>
                {w.warnings} {count("warning")}
              </Badge>
              <Badge color="success" appearance="ghost">
                {w.passed} {count("ok")}
              </Badge>
              <Badge color="informative" appearance="ghost">
                {w.other} {count("other")}
              </Badge>
            </div>
            <div className={s.row}>
              {report.hint && (
                <Text size={200} className={s.grow}>
                  {fill(w.hintUsed, {
                    row: report.hint.headerRow + 1,
                    col: columnLetter(report.hint.labelCol + 1),
                    way: report.hint.orientation === "unit-rows" ? w.unitsAsRows : w.indicatorsAsRows,
                  })}
                </Text>
              )}
              {hintButton(report.sheet, w.hintCorrect)}
              {report.hint && (
                <Button
                  size="small"
                  appearance="subtle"
                  data-testid={TID.hintClear}
                  onClick={() => void setHint(report.sheet, null)}
                >
                  {w.hintClear}
                </Button>
              )}
            </div>
            {hintFor === report.sheet && (
              <TableHintForm
                sheet={report.sheet}
                start={
                  report.hint ?? {
                    headerRow: report.headerRow,
                    labelCol: report.labelCol,
                    orientation: report.orientation,
                  }
                }
                words={w}
                busy={task.busy}
                onApply={(h) => void setHint(report.sheet, h)}
              />
            )}
            {report.subtotals.map((x) => (
              <Text key={x.header} block size={200}>
                {fill(w.subtotalNote, { name: x.header, members: x.members.join("、") })}
              </Text>
            ))}
            {GROUPS.map((g) => {
              const items = report.results.filter((r) => groupOf(r) === g);
              if (items.length === 0) return null;
              return (
                <div key={g} data-testid={TID.resultGroup(g)}>
                  <h3 className={s.groupTitle}>
                    {groupTitle[g]}({items.length})
                  </h3>
                  {items.map((r, i) => (
                    <button
                      key={`${r.row}-${i}`}
                      type="button"
                      data-testid={TID.result(r.row)}
                      title={w.clickToSelect}
                      className={mergeClasses(
                        s.result,
                        g === "error" ? s.error : g === "warning" ? s.warning : s.info,
                      )}
                      onClick={() =>
                        void task.run(() =>
                          actions.select(report.sheet, r.rowCells || r.cells[0] || `A${r.row}`),
                        )
                      }
                    >
                      {fill(w.rowLabel, { row: r.row })} {r.indicator}
                      {several ? ` · ${measureName(r.measure)}` : ""}
                      {r.subtotal ? ` · ${r.subtotal}` : ""} · {statusLabel(r.status, lang)}
                      {r.difference !== null && r.kind === "total" && r.difference !== 0
                        ? ` ${r.difference > 0 ? "+" : ""}${r.difference}`
                        : ""}
                      <span className={s.resultMessage}>{say(r.msg, w)}</span>
                    </button>
                  ))}
                </div>
              );
            })}
            {mismatches.length > 0 && (
              <div>
                <h3 className={s.groupTitle}>{w.crossMismatch}</h3>
                {mismatches.map((c) => (
                  <Text key={c.row} block size={200}>
                    {fill(w.rowLabel, { row: c.row })} {c.indicator}:{say(c.msg, w)}
                  </Text>
                ))}
              </div>
            )}
            <div className={s.row}>
              <Button
                data-testid={TID.markCells}
                disabled={task.busy}
                onClick={() => void after(() => actions.markFindings(check.reports), w.marked)}
              >
                {w.markCells}
              </Button>
              <Button
                data-testid={TID.clearMarks}
                disabled={task.busy}
                onClick={() => void after(() => actions.clearMarks(), w.cleared)}
              >
                {w.clearMarks}
              </Button>
              <Button
                data-testid={TID.writeReport}
                disabled={task.busy}
                onClick={() => void writer.write([checkReportSheet(report, nowText())])}
              >
                {w.writeReport}
              </Button>
            </div>
          </section>
        );
      })}
    </div>
  );
}
