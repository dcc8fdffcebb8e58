// The plan as read, in small tables: what will be written, before it is written. In a narrow pane each table keeps
// its name column and one figure; the other columns fold into a details line under the name.
import type { ParsedPlan } from "../core/parse/planDocument";
import type { Cell } from "../core/model";
import type { Words } from "./i18n";
import { useNarrow } from "./narrow";
import { usePaneStyles } from "./styles";

const cellText = (c: Cell | undefined) => (c ? c.text : "");

/** "2023 1200 · 2024 1400": the folded columns of a narrow row, blanks left out. */
const details = (pairs: [string, string][]) =>
  pairs
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k} ${v}`)
    .join(" · ");

export function PlanPreview({
  plan,
  view,
  words: w,
}: {
  plan: ParsedPlan;
  view: "indicators" | "tasks" | "breakdowns";
  words: Words;
}) {
  const s = usePaneStyles();
  const narrow = useNarrow();
  // The box scrolls: it takes focus, so the keyboard can scroll it too, and says what it holds.
  const label = { indicators: w.indicators, tasks: w.tasks, breakdowns: w.breakdowns }[view];
  const detailsLine = (text: string) =>
    narrow && text ? <span className={s.resultMessage}>{text}</span> : null;
  if (view === "indicators") {
    // Narrow: the plan's last year stays a column (the target year), the others fold.
    const shownYears = narrow ? plan.years.slice(-1) : plan.years;
    return (
      <div className={s.tableBox} tabIndex={0} role="region" aria-label={label}>
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.nameCell}>{w.previewIndicator}</th>
              {!narrow && <th>{w.previewUnit}</th>}
              {shownYears.map((y) => (
                <th key={y}>{y}</th>
              ))}
              {!narrow && <th>{w.previewLead}</th>}
            </tr>
          </thead>
          <tbody>
            {plan.indicators.map((i) => (
              <tr key={i.name}>
                <td className={s.nameCell}>
                  {i.name}
                  {narrow && i.unit ? `(${i.unit})` : ""}
                  {detailsLine(
                    details([
                      ...plan.years.slice(0, -1).map((y): [string, string] => [y, cellText(i.targets[y])]),
                      [w.previewLead, i.lead],
                    ]),
                  )}
                </td>
                {!narrow && <td>{i.unit}</td>}
                {shownYears.map((y) => (
                  <td key={y} className="num">
                    {cellText(i.targets[y])}
                  </td>
                ))}
                {!narrow && <td>{i.lead}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (view === "tasks") {
    return (
      <div className={s.tableBox} tabIndex={0} role="region" aria-label={label}>
        <table className={s.table}>
          <thead>
            <tr>
              {!narrow && <th>{w.previewNo}</th>}
              <th className={s.nameCell}>{w.previewTask}</th>
              <th className={s.nameCell}>{w.previewLead}</th>
              {!narrow && <th>{w.previewPartners}</th>}
            </tr>
          </thead>
          <tbody>
            {plan.tasks.map((t) => (
              <tr key={t.no}>
                {!narrow && <td className="num">{t.no}</td>}
                <td className={s.nameCell} title={t.content}>
                  {t.task}
                  {detailsLine(details([[w.previewPartners, t.partners.join("、")]]))}
                </td>
                <td className={s.nameCell}>{t.lead}</td>
                {!narrow && <td>{t.partners.join("、")}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const b = plan.breakdowns[0];
  if (!b) return null;
  return (
    <div className={s.tableBox} tabIndex={0} role="region" aria-label={label}>
      <table className={s.table}>
        <thead>
          <tr>
            <th className={s.nameCell}>{w.previewIndicator}</th>
            {!narrow &&
              b.units.map((u) => (
                <th key={u} className={s.nameCell}>
                  {u}
                </th>
              ))}
            <th>{b.totalColumn}</th>
          </tr>
        </thead>
        <tbody>
          {b.rows.map((r) => (
            <tr key={r.no}>
              <td className={s.nameCell}>
                {r.name}
                {r.unit ? `(${r.unit})` : ""}
                {detailsLine(details(b.units.map((u): [string, string] => [u, cellText(r.values[u])])))}
              </td>
              {!narrow &&
                b.units.map((u) => (
                  <td key={u} className="num">
                    {cellText(r.values[u])}
                  </td>
                ))}
              <td className="num">{cellText(r.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
