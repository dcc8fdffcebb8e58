// 进度监测: the month's red/yellow/green status of every town and indicator, from the actuals in the open workbook
// (month sheets or a long table) or in an imported file (read in the browser, never changed), previewed here and
// written as the 亮晒 bulletin (traffic lights, data bars, a chart) into the workbook, or as the month's 通报
// (.docx, or its text copied).
import { useEffect, useMemo, useState } from "react";
import { Button, MessageBar, MessageBarBody, Select, Spinner, Text } from "@fluentui/react-components";
import type { Grid } from "../core/grid";
import { bulletinSheet } from "../core/layout/bulletinSheet";
import { progressFromWorkbook } from "../core/progress/fromWorkbook";
import { readXlsxInBrowser } from "../xlsx/readXlsxBrowser";
import type { TaskpaneActions } from "./actions";
import { BulletinButtons } from "./BulletinButtons";
import { FileButton } from "./FileButton";
import { fill, type Words } from "./i18n";
import { say } from "./say";
import { usePaneStyles } from "./styles";
import { useSheetWrite } from "./useSheetWrite";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  actions: TaskpaneActions;
  words: Words;
  task: TaskState;
  /** Grows each time the page is shown again: the workbook is read again then. */
  visit?: number;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function ProgressPage({ actions, words: w, task, visit }: Props) {
  const s = usePaneStyles();
  const [workbook, setWorkbook] = useState<Grid[] | null>(null);
  const [file, setFile] = useState<{ name: string; grids: Grid[] } | null>(null);
  const [month, setMonth] = useState<number | null>(null);
  const writer = useSheetWrite(actions, task, w);

  async function refresh() {
    const grids = await task.run(() => actions.readAllSheets());
    if (grids) setWorkbook(grids);
  }
  useEffect(() => {
    void refresh();
  }, [actions, visit]);

  // The breakdown, settings and indicator system come from the workbook; the actuals from the file when one is
  // imported (a 进度设置 sheet in the file counts too).
  const grids = useMemo(() => (workbook ? [...(file?.grids ?? []), ...workbook] : null), [workbook, file]);
  const probe = useMemo(() => (grids ? progressFromWorkbook(grids, 12) : null), [grids]);
  const months = probe?.progress.months ?? [];
  const chosen = month ?? months[months.length - 1] ?? null;
  const current = useMemo(
    () => (grids && chosen !== null ? progressFromWorkbook(grids, chosen) : null),
    [grids, chosen],
  );

  if (!workbook) return <Spinner size="small" label={w.busy} />;
  if (!probe)
    return (
      <div className={s.page}>
        <MessageBar intent="warning">
          <MessageBarBody>{w.progressNeedsBreakdown}</MessageBarBody>
        </MessageBar>
        <Button onClick={() => void refresh()}>{w.refresh}</Button>
      </div>
    );

  async function pick(f: File) {
    await task.run(async () => {
      const grids = await readXlsxInBrowser(new Uint8Array(await f.arrayBuffer()), f.name);
      setFile({ name: f.name, grids });
      setMonth(null);
    });
  }

  // The bulletin adds nothing the month's figures come from: the workbook need not be read again.
  async function write() {
    if (!current || chosen === null) return;
    await writer.write([
      bulletinSheet(current.breakdown, current.progress.result, current.progress.settings),
    ]);
  }

  const result = current?.progress.result;
  const counts = { green: 0, yellow: 0, red: 0 };
  for (const r of result?.rows ?? []) counts[r.status]++;
  const flagged = (result?.rows ?? []).filter((r) => r.status !== "green");
  return (
    <div className={s.page}>
      {writer.dialog}
      <Text>{fill(w.progressSource, { title: probe.breakdown.title, n: probe.breakdown.units.length })}</Text>
      <div className={s.row}>
        <Text className={s.grow}>
          {file ? fill(w.progressActualsFile, { file: file.name }) : w.progressActualsWorkbook}
        </Text>
        <FileButton
          size="small"
          accept=".xlsx,.xlsm,.xls,.et"
          inputTestId={TID.progressFile}
          onFiles={([f]) => pick(f)}
        >
          {w.progressPickFile}
        </FileButton>
        {file && (
          <Button size="small" appearance="subtle" onClick={() => setFile(null)}>
            {w.progressUseWorkbook}
          </Button>
        )}
      </div>
      {months.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{w.progressNoActuals}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div className={s.row}>
            <Text>{w.progressMonth}</Text>
            <Select
              aria-label={w.progressMonth}
              data-testid={TID.progressMonth}
              value={String(chosen)}
              onChange={(_, d) => setMonth(Number(d.value))}
            >
              {MONTHS.map((m) => (
                <option key={m} value={m} disabled={!months.includes(m)}>
                  {m}月
                </option>
              ))}
            </Select>
          </div>
          <Text size={200} className={s.muted}>
            {fill(w.progressRule, { n: current?.progress.settings.streakMonths ?? 2 })}
          </Text>
          {result && (
            <Text weight="semibold" data-testid={TID.progressCounts}>
              {fill(w.progressCounts, {
                m: result.month,
                n: result.rows.length,
                g: counts.green,
                y: counts.yellow,
                r: counts.red,
                x: result.missing.length,
              })}
            </Text>
          )}
          <div className={s.tableBox} tabIndex={0} role="region" aria-label={w.pageProgress}>
            <table className={s.table} data-testid={TID.progressRows}>
              <thead>
                <tr>
                  <th />
                  <th>{w.indicators}</th>
                  <th>{w.completion}</th>
                  <th>{w.schedule}</th>
                  <th>{w.rank}</th>
                  <th>{w.streak}</th>
                </tr>
              </thead>
              <tbody>
                {flagged.map((r) => (
                  <tr key={`${r.unit}|${r.indicator}`} data-status={r.status}>
                    <td>{say(`light.${r.status}`, w)}</td>
                    <td>
                      {r.unit} · {r.indicator}
                    </td>
                    <td className="num">{pct(r.completion)}</td>
                    <td className="num">{pct(r.schedule)}</td>
                    <td className="num">
                      {r.rank}/{r.ranked}
                    </td>
                    <td className="num">{r.streak}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result && result.findings.length > 0 && (
            <details>
              <summary>{fill(w.progressFindings, { n: result.findings.length })}</summary>
              <ul>
                {result.findings.map((f, i) => (
                  <li key={i}>
                    {f.sheet}
                    {f.cell ? `!${f.cell}` : ""} {say(f.msg, w)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className={s.actionBar}>
            <Button
              appearance="primary"
              data-testid={TID.progressWrite}
              disabled={task.busy || !result || result.rows.length === 0}
              onClick={() => void write()}
            >
              {w.progressWrite}
            </Button>
            {grids && chosen !== null && (
              <BulletinButtons
                grids={grids}
                month={chosen}
                words={w}
                task={task}
                disabled={task.busy || !result || result.rows.length === 0}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
