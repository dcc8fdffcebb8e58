// 责任分工: fill the bundled 职责分工表 (per department) or 目标责任书 (per town), or a template sheet the clerk made
// in the workbook, from the plan read on 载入指标; see the list of sheets to come, and write them into the
// workbook (never over existing sheets) or download them as one .xlsx per unit in a .zip, to send out.
import { useEffect, useMemo, useState } from "react";
import { Button, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import { dutyTemplate, letterTemplate } from "../core/assign/defaultTemplates";
import { fillByUnit, type GroupBy } from "../core/assign/fillByUnit";
import type { SheetSpec } from "../core/layout/sheetSpec";
import type { ParsedPlan } from "../core/parse/planDocument";
import type { TaskpaneActions } from "./actions";
import { saveWorkbooksAsZip, sizeText } from "./download";
import { FileButton } from "./FileButton";
import { fill, type Words } from "./i18n";
import { usePaneStyles } from "./styles";
import { useSheetWrite } from "./useSheetWrite";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  actions: TaskpaneActions;
  words: Words;
  task: TaskState;
  plan: ParsedPlan | null;
  onLoad: () => void;
}

/** The bundled templates, a sheet of the open workbook ("sheet:名称") or an .xlsx file from disk ("file:名称"). */
type Source = "duty" | "letter" | `sheet:${string}` | `file:${string}`;

/** A user-made template lists tasks per department when it has a {{#任务}} block, else targets per town. */
function guessGroup(spec: SheetSpec): GroupBy {
  return spec.rows.some((row) => row.some((v) => typeof v === "string" && /\{\{\s*#\s*任务\s*\}\}/.test(v)))
    ? "department"
    : "town";
}

/** The .zip of the bundled templates, named for the towns and departments it goes to, in either language. */
const DUTY_ZIP = "职责分工表(各部门)";
const LETTER_ZIP = "目标责任书(各镇街)";

const hasPlaceholder = (spec: SheetSpec) =>
  spec.rows.some((row) => row.some((v) => typeof v === "string" && v.includes("{{")));

export function AssignPage({ actions, words: w, task, plan, onLoad }: Props) {
  const s = usePaneStyles();
  const [source, setSource] = useState<Source>("duty");
  const writer = useSheetWrite(actions, task, w);
  const [sheets, setSheets] = useState<string[]>([]);
  // The template read from the workbook, for a "sheet:" source.
  const [userTemplate, setUserTemplate] = useState<{ spec: SheetSpec; warnings: string[] } | null>(null);
  const [userBy, setUserBy] = useState<GroupBy>("department");
  const by: GroupBy = source === "duty" ? "department" : source === "letter" ? "town" : userBy;
  const [aliases, setAliases] = useState<Record<string, string> | undefined>(undefined);
  useEffect(() => {
    // The workbook's own 单位别名 sheet, when it has one, decides which names are one department; its sheets are
    // offered as templates.
    void task.run(async () => {
      setAliases(await actions.readAliases());
      setSheets((await actions.listSheets()).names);
    });
  }, [actions]);
  const chooseFile = (file: File) =>
    void task.run(async () => {
      const read = await actions.readTemplateFile(await file.arrayBuffer());
      setSource(`file:${file.name}`);
      setUserTemplate(read);
      setUserBy(guessGroup(read.spec));
    });
  const chooseSource = (value: Source) => {
    setSource(value);
    setUserTemplate(null);
    task.notify(null);
    if (!value.startsWith("sheet:")) return;
    void task.run(async () => {
      const read = await actions.readTemplate(value.slice("sheet:".length));
      setUserTemplate(read);
      setUserBy(guessGroup(read.spec));
    });
  };
  const template: SheetSpec | null =
    source === "duty"
      ? dutyTemplate()
      : source === "letter"
        ? letterTemplate()
        : (userTemplate?.spec ?? null);
  const result = useMemo(() => {
    if (!plan || !template) return null;
    if (!hasPlaceholder(template)) return { error: fill(w.noPlaceholders, { sheet: template.name }) };
    try {
      return { outputs: fillByUnit(template, plan, by, aliases) };
    } catch (e) {
      return { error: (e as Error).message };
    }
    // template is rebuilt from source and userTemplate on each render; those decide it.
  }, [plan, source, userTemplate, by, aliases]);

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
  /** One workbook per unit, named as `fill -d` names them (the sheet's name: the unit), in one .zip. */
  const downloadZip = () =>
    task.run(async () => {
      const { safeFileName, uniqueFileNames } = await import("../core/fileNames");
      const names = uniqueFileNames(outputs.map((o) => `${o.spec.name}.xlsx`));
      const label = source === "duty" ? DUTY_ZIP : source === "letter" ? LETTER_ZIP : template!.name;
      const zipName = safeFileName(`${label}.zip`).name;
      const size = await saveWorkbooksAsZip(
        outputs.map((o, i) => ({ name: names[i].name, specs: [o.spec] })),
        zipName,
        (i, file) => task.setProgress(fill(w.issuing, { i: i + 1, n: outputs.length, file })),
      );
      task.notify({
        intent: "success",
        title: fill(w.issued, { n: outputs.length, file: zipName, size: sizeText(size) }),
        body: outputs.map((o) => o.unit).join("、"),
      });
    });
  return (
    <div className={s.page}>
      {writer.dialog}
      <Text weight="semibold">{plan.title}</Text>
      <Select
        aria-label={w.template}
        data-testid={TID.assignTemplate}
        value={source}
        onChange={(_, d) => chooseSource(d.value as Source)}
      >
        <option value="duty">{w.dutyTemplate}</option>
        <option value="letter">{w.letterTemplate}</option>
        {source.startsWith("file:") && <option value={source}>{source.slice("file:".length)}</option>}
        {sheets.length > 0 && (
          <optgroup label={w.templateFromSheet}>
            {sheets.map((name) => (
              <option key={name} value={`sheet:${name}`}>
                {name}
              </option>
            ))}
          </optgroup>
        )}
      </Select>
      <FileButton accept=".xlsx" inputTestId={TID.assignTemplateFile} onFiles={([f]) => chooseFile(f)}>
        {w.templateFromFile}
      </FileButton>
      {(source.startsWith("sheet:") || source.startsWith("file:")) && (
        <Select
          aria-label={w.groupBy}
          data-testid={TID.assignGroupBy}
          value={userBy}
          onChange={(_, d) => setUserBy(d.value as GroupBy)}
        >
          <option value="department">{w.byDepartment}</option>
          <option value="town">{w.byTown}</option>
        </Select>
      )}
      {userTemplate?.warnings.map((text) => (
        <MessageBar key={text} intent="warning">
          <MessageBarBody>{text}</MessageBarBody>
        </MessageBar>
      ))}
      {result && "error" in result && (
        <MessageBar intent="error">
          <MessageBarBody>{result.error}</MessageBarBody>
        </MessageBar>
      )}
      <Text data-testid={TID.assignCount}>{fill(w.assignCount, { n: outputs.length })}</Text>
      <div className={s.tableBox} tabIndex={0} role="region" aria-label={w.pageAssign}>
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
                  {o.findings.length > 0 && ` · ${fill(w.assignBlanks, { n: o.findings.length })}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={s.actionBar}>
        <Button
          appearance="primary"
          data-testid={TID.assignWrite}
          disabled={task.busy || outputs.length === 0}
          onClick={() => void writer.write(outputs.map((o) => o.spec))}
        >
          {w.assignWrite}
        </Button>
        <Button
          data-testid={TID.assignZip}
          disabled={task.busy || outputs.length === 0}
          onClick={() => void downloadZip()}
        >
          {w.assignZip}
        </Button>
      </div>
    </div>
  );
}
