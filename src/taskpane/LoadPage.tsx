// 载入指标: pick a bundled sample plan, open a plan document (.docx/.txt) or use the selected range; preview what
// was read, then write the sheets.
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
} from "@fluentui/react-components";
import { planWorkbook } from "../core/layout/planWorkbook";
import { parsePlanDocument, type ParsedPlan } from "../core/parse/planDocument";
import type { TaskpaneActions } from "./actions";
import { FileButton } from "./FileButton";
import { fill, type Words } from "./i18n";
import { say } from "./say";
import { useSheetWrite, writtenNotice } from "./useSheetWrite";
import { readPlanBytes } from "./planFile";
import { PlanPreview } from "./PlanPreview";
import { acceptedRows, startReview, type ReviewItem } from "./proseReview";
import { ProseReview } from "./ProseReview";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  /** Called with each plan read, so other pages (责任分工) can use it. */
  onPlan?: (plan: ParsedPlan) => void;
  actions: TaskpaneActions;
  words: Words;
  task: TaskState;
}

export function LoadPage({ actions, words: w, task, onPlan }: Props) {
  const s = usePaneStyles();
  const [source, setSource] = useState(actions.samplePlans[0]?.id ?? "");
  const [plan, setPlan] = useState<ParsedPlan | null>(null);
  const writer = useSheetWrite(actions, task, w);
  const [view, setView] = useState<"indicators" | "tasks" | "breakdowns" | "prose">("indicators");
  const [review, setReview] = useState<ReviewItem[]>([]);
  /** What the select shows for a plan not from the samples: the file's name, or the selected range. */
  const [origin, setOrigin] = useState("");
  // Only the latest read is shown: a sample still loading must not replace a file opened meanwhile.
  const latest = useRef(0);
  // Only the prose targets accepted on review are written, with their edited values.
  const [townsAsRows, setTownsAsRows] = useState(false);
  const specs = useMemo(
    () =>
      plan
        ? planWorkbook(plan, acceptedRows(plan, review), townsAsRows ? "towns-as-rows" : "indicators-as-rows")
        : [],
    [plan, review, townsAsRows],
  );
  const hasTables = plan !== null && plan.indicators.length + plan.tasks.length + plan.breakdowns.length > 0;

  async function load(read: () => Promise<ParsedPlan>) {
    const id = ++latest.current;
    await task.run(async () => {
      const parsed = await read();
      if (id === latest.current) show(parsed);
    });
  }

  function show(parsed: ParsedPlan) {
    setPlan(parsed);
    setReview(startReview(parsed));
    const tables = parsed.indicators.length + parsed.tasks.length + parsed.breakdowns.length > 0;
    setView(tables || parsed.proseTargets.length === 0 ? "indicators" : "prose");
    onPlan?.(parsed);
  }

  useEffect(() => {
    if (source && source !== "file" && source !== "selection")
      void load(async () => parsePlanDocument(await actions.readSamplePlan(source)));
  }, [source]);

  async function openFile(file: File | undefined) {
    if (!file) return;
    setSource("file");
    setOrigin(file.name);
    await load(async () => readPlanBytes(new Uint8Array(await file.arrayBuffer()), file.name));
  }

  async function useSelection() {
    await load(async () => {
      const [read, { planFromGrids }] = await Promise.all([
        actions.readSelection(),
        import("../core/parse/sheetTables"),
      ]);
      setSource("selection");
      setOrigin(`${read.grid.name}!${read.address}`);
      return planFromGrids([read.grid], read.grid.name);
    });
  }

  // Prose targets read but none accepted: say that 正文目标 is left out, rather than skip it without a word.
  const proseLeftOut =
    plan !== null && plan.proseTargets.length > 0 && !review.some((r) => r.status === "accepted");

  async function startWrite() {
    await writer.write(specs, (result) => {
      if (!proseLeftOut) return;
      const written = writtenNotice(w, result);
      const left = fill(w.proseNotWritten, { n: plan?.proseTargets.length ?? 0 });
      return { ...written, intent: "warning", body: `${written.body}。${left}` };
    });
  }

  const b = plan?.breakdowns[0];
  return (
    <div className={s.page}>
      {writer.dialog}
      <div className={s.row}>
        <Select
          className={s.grow}
          aria-label={w.samplePlan}
          data-testid={TID.sampleSelect}
          value={source}
          onChange={(_, d) => setSource(d.value)}
        >
          {actions.samplePlans.map((p) => (
            <option key={p.id} value={p.id}>
              {w.samplePlan} · {p.title}
            </option>
          ))}
          {source === "file" && <option value="file">{origin}</option>}
          {source === "selection" && (
            <option value="selection">
              {w.fromSelection} · {origin}
            </option>
          )}
        </Select>
        <FileButton
          accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          inputTestId={TID.fileInput}
          buttonTestId={TID.openFile}
          onFiles={([f]) => openFile(f)}
        >
          {w.openFile}
        </FileButton>
        <Button data-testid={TID.useSelection} onClick={() => void useSelection()}>
          {w.useSelection}
        </Button>
      </div>

      {plan && (
        <>
          <Text weight="semibold">{plan.title}</Text>
          <Text data-testid={TID.previewCounts}>
            {plan.indicators.length} {w.indicators} · {plan.tasks.length} {w.tasks} · {plan.breakdowns.length}{" "}
            {w.breakdowns}
            {b ? `(${b.rows.length} × ${b.units.length} ${w.towns})` : ""} · {plan.proseTargets.length}{" "}
            {w.proseTargets}
          </Text>
          {!hasTables && plan.proseTargets.length === 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                {source === "selection" ? w.noTablesInSelection : w.noTargetsFound}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              {plan.issues.length > 0 && (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    <MessageBarTitle>{w.parseIssues}</MessageBarTitle>
                    {plan.issues
                      .map((i) => fill(w.issueLine, { line: i.line, message: say(i.msg, w) }))
                      .join(w.notesSeparator)}
                  </MessageBarBody>
                </MessageBar>
              )}
              <TabList
                size="small"
                selectedValue={view}
                onTabSelect={(_, d) => setView(d.value as typeof view)}
              >
                <Tab value="indicators">
                  {w.indicators} {plan.indicators.length}
                </Tab>
                <Tab value="tasks">
                  {w.tasks} {plan.tasks.length}
                </Tab>
                <Tab value="breakdowns">
                  {w.breakdowns} {b?.rows.length ?? 0}
                </Tab>
                <Tab value="prose" data-testid={TID.proseTab}>
                  {w.proseTargets} {plan.proseTargets.length}
                </Tab>
              </TabList>
              {view === "prose" ? (
                <ProseReview plan={plan} review={review} onChange={setReview} words={w} />
              ) : (
                <PlanPreview plan={plan} view={view} words={w} />
              )}
              <div className={s.actionBar}>
                {plan.breakdowns.length > 0 && (
                  <Checkbox
                    data-testid={TID.townsAsRows}
                    checked={townsAsRows}
                    onChange={(_, d) => setTownsAsRows(d.checked === true)}
                    label={w.townsAsRowsLayout}
                  />
                )}
                <Button
                  appearance="primary"
                  data-testid={TID.writeSheets}
                  disabled={task.busy || specs.length === 0}
                  onClick={() => void startWrite()}
                >
                  {w.write}
                </Button>
                {task.busy && <Spinner size="tiny" label={w.writing} />}
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
