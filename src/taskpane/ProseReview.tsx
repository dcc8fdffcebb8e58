// 正文目标 on 载入指标: the targets read from the plan's sentences, to accept, edit or reject one by one.
import { isExcelNumber } from "../core/numbers";
import { Button, Input, Text, Tooltip } from "@fluentui/react-components";
import type { ParsedPlan } from "../core/parse/planDocument";
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
                    <span className={s.resultMessage}>
                      {[t.year && `${t.year}年`, t.tier, annexNote(i)].filter(Boolean).join(" · ")}
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
    </div>
  );
}
