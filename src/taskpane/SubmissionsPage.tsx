// 汇总报送: pick the files the towns sent back; each is read and validated in the browser (nothing leaves the
// machine) against the breakdown on the active sheet; the results list shows who reported and what is wrong;
// 写入汇总 writes 汇总, 报送情况 and 报送问题 into the workbook.
import { useEffect, useState } from "react";
import { Badge, Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { consolidate, submissionStatus, type Submission } from "../core/submissions/consolidate";
import { breakdownOfTable } from "../core/submissions/breakdownFromGrid";
import { collectionSheets, returnedFileOf, submissionOf } from "../core/submissions/submission";
import type { Breakdown } from "../core/model";
import { readXlsxInBrowser } from "../xlsx/readXlsxBrowser";
import type { TaskpaneActions } from "./actions";
import { FileButton } from "./FileButton";
import { fill, say, type Words } from "./i18n";
import { SelfCheck } from "./SelfCheck";
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

const BADGE = { ok: "success", warning: "warning", error: "danger" } as const;

/** Reads one picked file into a Submission: sniffed first (encrypted, .xls, CSV…), then read and validated. */
async function submissionOfFile(file: File, breakdown: Breakdown): Promise<Submission> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const receivedAt = new Date(file.lastModified).toISOString();
  return submissionOf(
    await returnedFileOf(bytes, file.name, receivedAt, (b) => readXlsxInBrowser(b, file.name)),
    breakdown,
  );
}

export function SubmissionsPage({ actions, words: w, task, visit }: Props) {
  const s = usePaneStyles();
  const [issued, setIssued] = useState<{ sheet: string; breakdown: Breakdown } | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [submissions, setSubmissions] = useState<Submission[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const writer = useSheetWrite(actions, task, w);

  async function refresh() {
    const read = await task.run(() => actions.readBreakdown());
    setLoaded(true);
    const breakdown = read?.view ? breakdownOfTable(read.view.grid, read.view.table) : null;
    setIssued(read?.view && breakdown ? { sheet: read.view.sheet, breakdown } : null);
  }
  useEffect(() => {
    void refresh();
  }, [actions, visit]);

  /** One 填报 workbook per town, built in the browser with the CLI's layout and renderer, offered as downloads. */
  async function issueTemplates() {
    if (!issued) return;
    await task.run(async () => {
      const [{ renderWorkbook }, { templateWorkbook, templateFileName }, { uniqueFileNames }] =
        await Promise.all([
          import("../xlsx/renderXlsx"),
          import("../core/submissions/templateSheet"),
          import("../core/fileNames"),
        ]);
      const { breakdown } = issued;
      // The CLI's names: safe on Windows too, and distinct without case ("a/b" and "a_b" are two downloads).
      const names = uniqueFileNames(breakdown.units.map((town) => templateFileName(breakdown.year, town)));
      for (const [i, town] of breakdown.units.entries()) {
        setProgress(fill(w.issuing, { i: i + 1, n: breakdown.units.length, file: town }));
        const wb = await renderWorkbook(templateWorkbook(breakdown, town));
        const blob = new Blob([await wb.xlsx.writeBuffer()], {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        });
        const a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = names[i].name;
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
      }
      setProgress(null);
      task.notify({ intent: "success", title: fill(w.issued, { n: breakdown.units.length }) });
    });
  }

  async function pick(list: File[]) {
    if (!issued) return;
    const done: Submission[] = [];
    for (const [i, file] of list.entries()) {
      setProgress(fill(w.reading, { i: i + 1, n: list.length, file: file.name }));
      done.push(await submissionOfFile(file, issued.breakdown));
    }
    setProgress(null);
    setSubmissions(done);
  }

  if (loaded && !issued)
    return <SelfCheck actions={actions} words={w} task={task} onRefresh={() => void refresh()} />;
  if (!issued) return <Spinner size="small" label={w.busy} />;

  const c =
    submissions.length > 0 ? consolidate(issued.breakdown, issued.breakdown.units, submissions) : null;
  return (
    <div className={s.page}>
      {writer.dialog}
      <Text>{fill(w.issuedFrom, { sheet: issued.sheet, n: issued.breakdown.units.length })}</Text>
      <div className={s.row}>
        <Button data-testid={TID.issueTemplates} disabled={task.busy} onClick={() => void issueTemplates()}>
          {w.issueTemplates}
        </Button>
        <FileButton
          appearance="primary"
          multiple
          accept=".xlsx,.xlsm,.xls,.et"
          inputTestId={TID.returnsInput}
          buttonTestId={TID.pickReturns}
          onFiles={pick}
        >
          {w.pickReturns}
        </FileButton>
        {progress && <Spinner size="tiny" label={progress} />}
      </div>
      {c && (
        <>
          <div data-testid={TID.returnsList}>
            {submissions.map((sub) => {
              const status = submissionStatus(sub);
              return (
                <div
                  key={sub.file}
                  className={s.page}
                  style={{ gap: 2, marginBottom: 8 }}
                  data-testid={TID.returnItem}
                >
                  <div className={s.row}>
                    <Text weight="semibold" className={s.grow}>
                      {sub.unit ?? w.unknownUnit} · {sub.file}
                    </Text>
                    <Badge color={BADGE[status]}>{say(`town_status.${status}`, w)}</Badge>
                  </div>
                  {sub.findings.map((f, k) => (
                    <Text key={k} size={200} className={s.muted} block>
                      {f.severity === "error" ? w.errors : w.warnings}{" "}
                      {f.sheet ? `${f.sheet}!${f.cell} ` : ""}
                      {say(f.msg, w)}
                    </Text>
                  ))}
                </div>
              );
            })}
          </div>
          {c.missing.length > 0 && (
            <MessageBar intent="warning" data-testid={TID.returnsMissing}>
              <MessageBarBody>
                {say("town_status.missing", w)}:{c.missing.join("、")}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={s.row}>
            <Button
              data-testid={TID.writeSummary}
              disabled={task.busy}
              onClick={() =>
                void writer.write(collectionSheets(issued.breakdown, c, submissions, new Date()))
              }
            >
              {w.writeSummary}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
