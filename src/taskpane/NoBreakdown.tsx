// What a page shows when the active sheet holds no breakdown table: why, and a way to look again.
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Words } from "./i18n";
import { usePaneStyles } from "./styles";

export function NoBreakdown({ words: w, onRefresh }: { words: Words; onRefresh: () => void }) {
  const s = usePaneStyles();
  return (
    <div className={s.page}>
      <MessageBar intent="warning">
        <MessageBarBody>{w.noBreakdown}</MessageBarBody>
      </MessageBar>
      <Button onClick={onRefresh}>{w.refresh}</Button>
    </div>
  );
}
