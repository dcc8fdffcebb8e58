// The one place a page tells what happened: progress of long work, the failure, or what was written and where.
// It sits at the top of the page and is scrolled into view when it changes, so a result is never below the fold
// (a success under a 45-row list went unseen at 1280 × 800).
import { useEffect, useRef } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { Words } from "./i18n";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

export function StatusArea({ task, words: w }: { task: TaskState; words: Words }) {
  const box = useRef<HTMLDivElement>(null);
  const { error, errorKind, notice, progress, busy } = task;
  useEffect(() => {
    if (error || notice) box.current?.scrollIntoView?.({ block: "nearest" });
  }, [error, notice]);
  return (
    <div ref={box} role="status" aria-live="polite" data-testid={TID.status}>
      {busy && progress && <Spinner size="tiny" label={progress} data-testid={TID.progress} />}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid={TID.error}>
          <MessageBarBody>
            <MessageBarTitle>
              {errorKind === "bug"
                ? w.internalError
                : errorKind === "unreadable"
                  ? w.unreadableFile
                  : w.error}
            </MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {!error && notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid={TID.message}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.body}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
