// The plan as read, in small tables: what will be written, before it is written.
import type { ParsedPlan } from "../core/parse/planDocument";
import type { Cell } from "../core/model";
import { usePaneStyles } from "./styles";

const cellText = (c: Cell | undefined) => (c ? c.text : "");

export function PlanPreview({
  plan,
  view,
}: {
  plan: ParsedPlan;
  view: "indicators" | "tasks" | "breakdowns";
}) {
  const s = usePaneStyles();
  if (view === "indicators") {
    return (
      <div className={s.tableBox}>
        <table className={s.table}>
          <thead>
            <tr>
              <th>二级指标</th>
              <th>单位</th>
              {plan.years.map((y) => (
                <th key={y}>{y}</th>
              ))}
              <th>牵头单位</th>
            </tr>
          </thead>
          <tbody>
            {plan.indicators.map((i) => (
              <tr key={i.name}>
                <td>{i.name}</td>
                <td>{i.unit}</td>
                {plan.years.map((y) => (
                  <td key={y} className="num">
                    {cellText(i.targets[y])}
                  </td>
                ))}
                <td>{i.lead}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (view === "tasks") {
    return (
      <div className={s.tableBox}>
        <table className={s.table}>
          <thead>
            <tr>
              <th>序号</th>
              <th>重点任务</th>
              <th>牵头单位</th>
              <th>配合单位</th>
            </tr>
          </thead>
          <tbody>
            {plan.tasks.map((t) => (
              <tr key={t.no}>
                <td className="num">{t.no}</td>
                <td title={t.content}>{t.task}</td>
                <td>{t.lead}</td>
                <td>{t.partners.join("、")}</td>
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
    <div className={s.tableBox}>
      <table className={s.table}>
        <thead>
          <tr>
            <th>指标名称</th>
            {b.units.map((u) => (
              <th key={u}>{u}</th>
            ))}
            <th>{b.totalColumn}</th>
          </tr>
        </thead>
        <tbody>
          {b.rows.map((r) => (
            <tr key={r.no}>
              <td>
                {r.name}
                {r.unit ? `(${r.unit})` : ""}
              </td>
              {b.units.map((u) => (
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
