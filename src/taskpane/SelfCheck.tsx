// 本单位自查 (on 汇总报送 when the open workbook is a town's 填报, not a breakdown): check it before sending;
// each finding is a button that selects its cell.
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Text, mergeClasses } from "@fluentui/react-components";
import type { Finding } from "../core/submissions/finding";
import type { TaskpaneActions } from "./actions";
import { fill, type Words } from "./i18n";
import { say } from "./say";
import { NoBreakdown } from "./NoBreakdown";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  actions: TaskpaneActions;
  words: Words;
  task: TaskState;
  onRefresh: () => void;
}

export function SelfCheck({ actions, words: w, task, onRefresh }: Props) {
  const s = usePaneStyles();
  const [result, setResult] = useState<{ town: string; findings: Finding[] } | null | undefined>(undefined);
  return (
    <div className={s.page}>
      <Text>{w.selfCheckIntro}</Text>
      <Button
        appearance="primary"
        data-testid={TID.selfCheck}
        disabled={task.busy}
        onClick={() => void task.run(async () => setResult(await actions.selfCheck()))}
      >
        {w.selfCheck}
      </Button>
      {result === null && <NoBreakdown words={w} onRefresh={onRefresh} />}
      {result && (
        <div data-testid={TID.selfCheckResult}>
          <MessageBar
            intent={
              result.findings.some((f) => f.severity === "error")
                ? "error"
                : result.findings.length
                  ? "warning"
                  : "success"
            }
          >
            <MessageBarBody>
              {fill(w.selfCheckSummary, { town: result.town, n: result.findings.length })}
            </MessageBarBody>
          </MessageBar>
          {result.findings.map((f, k) => (
            <button
              key={k}
              type="button"
              className={mergeClasses(s.result, f.severity === "error" ? s.error : s.warning)}
              disabled={!f.cell}
              onClick={() => void task.run(() => actions.select(f.sheet, f.cell))}
            >
              {f.cell ? `${f.sheet}!${f.cell} ` : ""}
              {f.severity === "error" ? w.errors : w.warnings}
              <span className={s.resultMessage}>{say(f.msg, w)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
