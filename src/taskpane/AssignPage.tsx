// 责任分工: fill the bundled 职责分工表 (per department) or 目标责任书 (per town) from the plan read on 载入指标,
// see the list of sheets to come, and write them into the workbook (never over existing sheets).
import { useEffect, useMemo, useState } from "react";
import { Button, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import { dutyTemplate, letterTemplate } from "../core/assign/defaultTemplates";
import { fillByUnit, type GroupBy } from "../core/assign/fillByUnit";
import type { ParsedPlan } from "../core/parse/planDocument";
import type { TaskpaneActions } from "./actions";
import { fill, type Words } from "./i18n";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  actions: TaskpaneActions;
  words: Words;
  task: TaskState;
  plan: ParsedPlan | null;
  onLoad: () => void;
}

export function AssignPage({ actions, words: w, task, plan, onLoad }: Props) {
  const s = usePaneStyles();
  const [template, setTemplate] = useState<"duty" | "letter">("duty");
  const [note, setNote] = useState<string | null>(null);
  const by: GroupBy = template === "duty" ? "department" : "town";
  const [aliases, setAliases] = useState<Record<string, string> | undefined>(undefined);
  useEffect(() => {
    // The workbook's own 单位别名 sheet, when it has one, decides which names are one department.
    void task.run(async () => setAliases(await actions.readAliases()));
  }, [actions]);
  const result = useMemo(() => {
    if (!plan) return null;
    try {
      return {
        outputs: fillByUnit(template === "duty" ? dutyTemplate() : letterTemplate(), plan, by, aliases),
      };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [plan, template, by, aliases]);

  if (!plan) {
    return (
      <div className={s.page}>
        <MessageBar intent="info">
          <MessageBarBody>{w.assignNeedsPlan}</MessageBarBody>
        </MessageBar>
        <Button onClick={onLoad}>{w.pageLoad}</Button>
      </div>
    );
  }
  const outputs = (result && "outputs" in result ? result.outputs : undefined) ?? [];
  return (
    <div className={s.page}>
      <Text weight="semibold">{plan.title}</Text>
      <Select
        aria-label={w.template}
        data-testid={TID.assignTemplate}
        value={template}
        onChange={(_, d) => setTemplate(d.value as typeof template)}
      >
        <option value="duty">{w.dutyTemplate}</option>
        <option value="letter">{w.letterTemplate}</option>
      </Select>
      {result && "error" in result && (
        <MessageBar intent="error">
          <MessageBarBody>{result.error}</MessageBarBody>
        </MessageBar>
      )}
      <Text data-testid={TID.assignCount}>{fill(w.assignCount, { n: outputs.length })}</Text>
      <div className={s.tableBox}>
        <table className={s.table}>
          <tbody>
            {outputs.map((o) => (
              <tr key={o.unit}>
                <td>{o.unit}</td>
                <td>
                  {by === "department"
                    ? fill(w.assignLedSupported, {
                        led: o.tasksLed.length,
                        sup: o.tasksSupported.length,
                        ind: o.indicators.length,
                      })
                    : fill(w.assignTargets, { n: o.indicators.length })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button
        appearance="primary"
        data-testid={TID.assignWrite}
        disabled={task.busy || outputs.length === 0}
        onClick={() =>
          void task.run(async () => {
            const done = await actions.writeSheets(
              outputs.map((o) => o.spec),
              {},
            );
            setNote(`${w.written}:${done.sheets.map((x) => x.written).join("、")}`);
          })
        }
      >
        {w.assignWrite}
      </Button>
      {note && (
        <MessageBar intent="success" data-testid={TID.message}>
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
