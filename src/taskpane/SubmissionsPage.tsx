// 汇总报送: issue the towns' 填报 templates (one .zip, or one town's file), pick the files they send back (each pick
// adds to the batch; each file is read and validated in the browser, nothing leaves the machine) against the
// breakdown on the active sheet; see who reported and what is wrong, remind those who have not (催报), and
// 写入汇总 writes 汇总, 报送情况 and 报送问题 into the workbook.
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { submissionStatus } from "../core/submissions/consolidate";
import {
  addToBatch,
  consolidateBatch,
  fileFingerprint,
  inBatch,
  removeFromBatch,
  supersededAmong,
  type BatchItem,
} from "../core/submissions/batch";
import { breakdownOfTable } from "../core/submissions/breakdownFromGrid";
import { collectionSheets, returnedFileOf, submissionOf } from "../core/submissions/submission";
import type { Breakdown } from "../core/model";
import { readXlsxInBrowser } from "../xlsx/readXlsxBrowser";
import type { TaskpaneActions } from "./actions";
import { FileButton } from "./FileButton";
import { fill, type Words } from "./i18n";
import { say } from "./say";
import { IssueTemplates } from "./IssueTemplates";
import { ReminderBox } from "./ReminderBox";
import { ReturnsList } from "./ReturnsList";
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

/** One picked file, read and validated: sniffed first (encrypted, .xls, CSV…), then read with the browser's reader. */
async function itemOfFile(file: File, bytes: Uint8Array, breakdown: Breakdown): Promise<BatchItem> {
  const receivedAt = new Date(file.lastModified).toISOString();
  const returned = await returnedFileOf(bytes, file.name, receivedAt, (b) => readXlsxInBrowser(b, file.name));
  return { fingerprint: fileFingerprint(file.name, bytes), submission: submissionOf(returned, breakdown) };
}

export function SubmissionsPage({ actions, words: w, task, visit }: Props) {
  const s = usePaneStyles();
  const [issued, setIssued] = useState<{ sheet: string; breakdown: Breakdown } | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [batch, setBatch] = useState<BatchItem[]>([]);
  // The batch before the last 移除 or 清空, and what was done: one step back.
  const [undo, setUndo] = useState<{ batch: BatchItem[]; text: string } | null>(null);
  const [reminding, setReminding] = useState(false);
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

  const result = useMemo(() => (issued ? consolidateBatch(issued.breakdown, batch) : null), [issued, batch]);

  /** Adds the picked files to the batch; a file already in it is skipped (not even read again). */
  const pick = (list: File[]) =>
    task.run(async () => {
      if (!issued) return;
      const picked: BatchItem[] = [];
      const repeated: string[] = [];
      for (const [i, file] of list.entries()) {
        task.setProgress(fill(w.reading, { i: i + 1, n: list.length, file: file.name }));
        const bytes = new Uint8Array(await file.arrayBuffer());
        const fingerprint = fileFingerprint(file.name, bytes);
        if (inBatch(batch, fingerprint)) repeated.push(file.name);
        else picked.push(await itemOfFile(file, bytes, issued.breakdown));
      }
      const next = addToBatch(batch, picked); // also drops a file picked twice in one go
      repeated.push(...next.repeated);
      setBatch(next.batch);
      setUndo(null);
      const superseded = supersededAmong(consolidateBatch(issued.breakdown, next.batch), next.added).map(
        (x) => fill(w.supersededReturn, { unit: x.unit, counted: x.counted, old: x.notCounted.join("、") }),
      );
      const notes = [
        ...superseded,
        ...(repeated.length > 0 ? [fill(w.repeatedReturns, { files: repeated.join("、") })] : []),
      ];
      // The list shows what was added; only what the clerk might not expect is said.
      if (notes.length > 0) task.notify({ intent: "warning", title: notes.join(";") });
    });

  function remove(index: number) {
    setUndo({ batch, text: fill(w.removedReturns, { n: 1 }) });
    setBatch(removeFromBatch(batch, batch[index].fingerprint));
  }
  function clear() {
    setUndo({ batch, text: fill(w.removedReturns, { n: batch.length }) });
    setBatch([]);
  }

  if (loaded && !issued)
    return <SelfCheck actions={actions} words={w} task={task} onRefresh={() => void refresh()} />;
  if (!issued || !result) return <Spinner size="small" label={w.busy} />;

  const c = result.consolidation;
  const withErrors = issued.breakdown.units
    .map((unit) => c.used.get(unit))
    .filter((sub) => sub !== undefined && submissionStatus(sub) === "error")
    .map((sub) => ({ unit: sub!.unit!, errors: sub!.findings.filter((f) => f.severity === "error").length }));
  return (
    <div className={s.page}>
      {writer.dialog}
      <Text>{fill(w.issuedFrom, { sheet: issued.sheet, n: issued.breakdown.units.length })}</Text>
      <div className={s.row}>
        <IssueTemplates breakdown={issued.breakdown} words={w} task={task} />
      </div>
      <div className={s.row}>
        <FileButton
          appearance="primary"
          multiple
          accept=".xlsx,.xlsm,.xls,.et"
          inputTestId={TID.returnsInput}
          buttonTestId={TID.pickReturns}
          disabled={task.busy}
          onFiles={pick}
        >
          {w.pickReturns}
        </FileButton>
        {batch.length > 0 && (
          <Button disabled={task.busy} data-testid={TID.returnsClear} onClick={clear}>
            {w.clearReturns}
          </Button>
        )}
      </div>
      {undo && (
        <MessageBar intent="info">
          <MessageBarBody>{undo.text}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              data-testid={TID.returnsUndo}
              onClick={() => {
                setBatch(undo.batch);
                setUndo(null);
              }}
            >
              {w.undoRemove}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {batch.length > 0 && (
        <>
          <ReturnsList result={result} words={w} busy={task.busy} onRemove={remove} />
          {c.missing.length > 0 && (
            <MessageBar intent="warning" data-testid={TID.returnsMissing}>
              <MessageBarBody>
                {say("town_status.missing", w)}:{c.missing.join("、")}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      <div className={s.actionBar}>
        {batch.length > 0 && (
          <Button
            data-testid={TID.writeSummary}
            disabled={task.busy}
            onClick={() =>
              void writer.write(collectionSheets(issued.breakdown, c, result.submissions, new Date()))
            }
          >
            {w.writeSummary}
          </Button>
        )}
        <Button
          appearance="subtle"
          aria-expanded={reminding}
          data-testid={TID.reminder("open")}
          onClick={() => setReminding(!reminding)}
        >
          {w.reminderOpen}
        </Button>
      </div>
      {reminding && (
        <ReminderBox
          words={w}
          year={issued.breakdown.year}
          units={issued.breakdown.units}
          missing={c.missing}
          withErrors={withErrors}
        />
      )}
    </div>
  );
}
