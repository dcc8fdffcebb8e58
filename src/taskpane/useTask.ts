// Runs one pane action at a time and keeps what the page's status area shows: progress while it runs, a failure
// turned into a message, and the outcome (what was written, and where). A file the readers cannot take (the
// ReadError family: damaged, a limit passed, a format not read) is the user's to fix and says so; an engine error
// (TypeError, RangeError…) is a bug and is called one, so it gets reported.
import { useCallback, useState } from "react";
import { ReadError } from "../core/read/readError";

export type FailureKind = "unreadable" | "bug" | "refused";

/** The outcome of the last action, shown at the top of its page. */
export interface Notice {
  intent: "success" | "info" | "warning";
  title: string;
  /** What was done and where: sheet names, cell counts, file names. */
  body?: string;
}

export interface TaskState {
  busy: boolean;
  error: string | null;
  /** What kind of failure `error` is: it decides the message's title. */
  errorKind: FailureKind | null;
  notice: Notice | null;
  /** Progress of long work ("正在读取 3/8:新仓镇.xlsx"), shown with a spinner; null when none. */
  progress: string | null;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  notify: (notice: Notice | null) => void;
  setProgress: (text: string | null) => void;
  clearError: () => void;
}

const ENGINE_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

export function failureKind(e: unknown): FailureKind {
  if (e instanceof ReadError) return "unreadable";
  if (ENGINE_ERRORS.some((type) => e instanceof type)) return "bug";
  return "refused";
}

export function useTask(): TaskState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorKind, setErrorKind] = useState<FailureKind | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const run = useCallback(async <T>(action: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    setErrorKind(null);
    // A new action's outcome replaces the last one's; an old success must not stand beside a new failure.
    setNotice(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setErrorKind(failureKind(e));
      return undefined;
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }, []);
  const clearError = useCallback(() => {
    setError(null);
    setErrorKind(null);
  }, []);
  return { busy, error, errorKind, notice, progress, run, notify: setNotice, setProgress, clearError };
}
