// The returned files picked so far, in the order picked: who sent each, how it checked, whether it counts (a
// town's older file does not), and its findings; each can be removed.
import { Badge, Button, Text } from "@fluentui/react-components";
import { isCounted, type BatchResult } from "../core/submissions/batch";
import { submissionStatus } from "../core/submissions/consolidate";
import { type Words } from "./i18n";
import { say } from "./say";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";

interface Props {
  result: BatchResult;
  words: Words;
  busy: boolean;
  onRemove: (index: number) => void;
}

const BADGE = { ok: "success", warning: "warning", error: "danger" } as const;

export function ReturnsList({ result, words: w, busy, onRemove }: Props) {
  const s = usePaneStyles();
  const { submissions, consolidation: c } = result;
  return (
    <>
      <div data-testid={TID.returnsList}>
        {submissions.map((sub, i) => {
          const status = submissionStatus(sub);
          // A file of an identified town that another of its files replaced; an unidentified one keeps its error.
          const superseded = sub.unit !== null && !isCounted(c, sub);
          return (
            <div
              key={i}
              className={s.page}
              style={{ gap: 2, marginBottom: 8, opacity: superseded ? 0.7 : 1 }}
              data-testid={TID.returnItem}
            >
              <div className={s.row}>
                <Text weight="semibold" className={s.grow}>
                  {sub.unit ?? w.unknownUnit} · {sub.file}
                </Text>
                <Badge color={superseded ? "informative" : BADGE[status]}>
                  {superseded ? w.notCounted : say(`town_status.${status}`, w)}
                </Badge>
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={busy}
                  aria-label={`${w.remove} ${sub.file}`}
                  data-testid={TID.returnRemove(i)}
                  onClick={() => onRemove(i)}
                >
                  {w.remove}
                </Button>
              </div>
              {sub.findings.map((f, k) => (
                <Text key={k} size={200} className={s.muted} block>
                  {f.severity === "error" ? w.errors : w.warnings} {f.sheet ? `${f.sheet}!${f.cell} ` : ""}
                  {say(f.msg, w)}
                </Text>
              ))}
            </div>
          );
        })}
      </div>
    </>
  );
}
