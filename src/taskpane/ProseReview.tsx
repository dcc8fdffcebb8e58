// 正文目标 on 载入指标: the targets read from the plan's sentences, to accept, edit or reject one by one.
import { isExcelNumber } from "../core/numbers";
import { Button, Input, Text, Tooltip } from "@fluentui/react-components";
import { proseYearText } from "../core/layout/proseSheet";
import type { ParsedPlan } from "../core/parse/planDocument";
import type { Statement } from "../core/parse/prose/types";
import { fill, type Words } from "./i18n";
import type { ReviewItem, ReviewStatus } from "./proseReview";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";

interface Props {
  plan: ParsedPlan;
  review: ReviewItem[];
  onChange: (review: ReviewItem[]) => void;
  words: Words;
}

/** What each kind of number is called in the pane. */
export function statementWord(statement: Statement, w: Words): string {
  const words: Record<Statement, string> = {
    target: w.statementTarget,
    result: w.statementResult,
    forecast: w.statementForecast,
    progress: w.statementProgress,
    policy: w.statementPolicy,
  };
  return words[statement];
}

/** The year as the review shows it: 2027年, 每年(2023—2027), or nothing when the text states none. */
function yearWords(t: Parameters<typeof proseYearText>[0], w: Words): string {
  if (t.perYear) return proseYearText(t).replace(/^每年/, w.lang === "en" ? `${w.perYear} ` : w.perYear);
  return t.year ? fill(w.yearOf, { year: t.year }) : "";
}

export function ProseReview({ plan, review, onChange, words: w }: Props) {
  const s = usePaneStyles();
  const set = (i: number, item: Partial<ReviewItem>) =>
    onChange(review.map((r, k) => (k === i ? { ...r, ...item } : r)));
  const count = (status: ReviewStatus) => review.filter((r) => r.status === status).length;
  const { links, disagreements } = plan.proseLinks;
  const annexNote = (i: number) =>
    disagreements.some((d) => d.target === i)
      ? w.disagrees
      : links.some((l) => l.target === i)
        ? w.agrees
        : "";
  return (
    <div className={s.page} data-testid={TID.proseReview}>
      <Text size={200} className={s.muted}>
        {w.proseHint}
      </Text>
      <div className={s.row}>
        <Text className={s.grow} data-testid={TID.proseCount}>
          {fill(w.proseCount, {
            n: review.length,
            accepted: count("accepted"),
            rejected: count("rejected"),
          })}
        </Text>
        <Button
          size="small"
          data-testid={TID.proseAcceptAll}
          onClick={() => onChange(review.map((r) => ({ ...r, status: "accepted" })))}
        >
          {w.acceptAll}
        </Button>
      </div>
      <div className={s.tableBox}>
        <table className={s.table}>
          <thead>
            <tr>
              <th>{w.indicator}</th>
              <th>{w.value}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {plan.proseTargets.map((t, i) => {
              const item = review[i];
              if (!item) return null;
              return (
                <tr key={i} data-testid={TID.proseRow(i)} data-status={item.status}>
                  <td className={item.status === "rejected" ? s.muted : undefined}>
                    <Tooltip content={t.sentence} relationship="description">
                      <span>
                        {t.scope ? `${t.scope} · ` : ""}
                        {t.indicator}
                      </span>
                    </Tooltip>
                    <span className={s.resultMessage} data-testid={TID.proseDetails(i)}>
                      {[statementWord(t.statement, w), yearWords(t, w), t.tierWord, annexNote(i)]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </td>
                  <td>
                    <Input
                      size="small"
                      type="number"
                      style={{ width: "8.5em" }}
                      aria-label={`${t.indicator} ${w.value}`}
                      data-testid={TID.proseValue(i)}
                      value={item.text}
                      contentAfter={<span style={{ whiteSpace: "nowrap" }}>{t.unit}</span>}
                      onChange={(_, d) => {
                        // Editing a value accepts the target; text that is not a number keeps the last value.
                        const value = Number(d.value);
                        const valid = d.value.trim() !== "" && isExcelNumber(value);
                        set(i, { text: d.value, status: "accepted", ...(valid ? { value } : {}) });
                      }}
                    />
                  </td>
                  <td>
                    <div className={s.actions}>
                      <Button
                        size="small"
                        title={w.accept}
                        appearance={item.status === "accepted" ? "primary" : "secondary"}
                        data-testid={TID.proseAccept(i)}
                        onClick={() => set(i, { status: "accepted" })}
                      >
                        {w.accept}
                      </Button>
                      <Button
                        size="small"
                        title={w.reject}
                        appearance={item.status === "rejected" ? "primary" : "subtle"}
                        data-testid={TID.proseReject(i)}
                        onClick={() => set(i, { status: "rejected" })}
                      >
                        {w.reject}
                      </Button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {plan.proseFacts.length > 0 && (
        <details data-testid={TID.proseFacts}>
          <summary>
            <Text size={200}>{fill(w.proseFactsTitle, { n: plan.proseFacts.length })}</Text>
          </summary>
          <div className={s.tableBox}>
            <table className={s.table}>
              <thead>
                <tr>
                  <th>{w.indicator}</th>
                  <th>{w.figure}</th>
                  <th>{w.statementKind}</th>
                </tr>
              </thead>
              <tbody>
                {plan.proseFacts.map((f, i) => (
                  <tr key={i} data-testid={TID.proseFact(i)} data-statement={f.statement}>
                    <td>
                      <Tooltip content={f.sentence} relationship="description">
                        <span>
                          {f.scope ? `${f.scope} · ` : ""}
                          {f.indicator}
                        </span>
                      </Tooltip>
                    </td>
                    <td style={{ whiteSpace: "nowrap" }}>
                      {f.value}
                      {f.unit}
                    </td>
                    <td>{[statementWord(f.statement, w), yearWords(f, w)].filter(Boolean).join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
