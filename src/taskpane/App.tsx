import { useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  Spinner,
  Text,
  Title2,
  tokens,
} from "@fluentui/react-components";

/**
 * Everything the pane can do, passed in by index.tsx. The UI never calls Excel itself, so it can be rendered
 * and tested in a plain browser, and the Excel adapter can change without touching the components.
 */
export interface TaskpaneActions {
  /** Loads the sample plan indicators into the workbook. */
  onLoadSample?: () => Promise<void>;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  // Title2 renders an <h1>; drop the browser margin so the flex gap alone sets the spacing.
  title: { margin: 0 },
  note: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function App({ onLoadSample }: TaskpaneActions) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      // Show the failure in the pane; otherwise it would only reach a console the user never sees.
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        目标分解助手
      </Title2>
      <Body1>载入方案指标 · 分解目标 · 校验 · 汇总报送 · 责任分工</Body1>
      {onLoadSample && (
        <Button appearance="primary" disabled={busy} onClick={() => run(onLoadSample)}>
          {busy ? <Spinner size="tiny" label="正在载入…" /> : "载入示例方案"}
        </Button>
      )}
      {error && (
        <Text role="alert" className={styles.error}>
          {error}
        </Text>
      )}
      <Caption1 className={styles.note}>完整的任务窗格即将推出。</Caption1>
    </main>
  );
}
