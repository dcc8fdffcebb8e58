// Runs one pane action at a time: shows progress while it runs and turns a failure into a message. A file the
// readers cannot take (the ReadError family: damaged, a limit passed, a format not read) is the user's to fix
// and says so; an engine error (TypeError, RangeError…) is a bug and is called one, so it gets reported.
import { useCallback, useState } from "react";
import { ReadError } from "../core/read/readError";

export type FailureKind = "unreadable" | "bug" | "refused";

export interface TaskState {
  busy: boolean;
  error: string | null;
  /** What kind of failure `error` is: it decides the message's title. */
  errorKind: FailureKind | null;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
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
  const run = useCallback(async <T>(action: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    setErrorKind(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setErrorKind(failureKind(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = () => {
    setError(null);
    setErrorKind(null);
  };
  return { busy, error, errorKind, run, clearError };
}
