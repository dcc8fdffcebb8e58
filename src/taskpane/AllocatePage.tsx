// 分解目标: pick breakdown rows (on the active sheet, else the first sheet holding a breakdown; another sheet or
// measure can be chosen), choose how to spread (method, base, held towns, bounds, decimals), preview the new town
// values, apply them to the town cells only, and undo the last apply; both add a batch to 调整记录, with the
// 调整原因 typed. The allocation itself is planned in the core (planAllocation), as the CLI's is.
import { isExcelNumber } from "../core/numbers";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
} from "@fluentui/react-components";
import type { AllocationMethod } from "../core/allocate/allocate";
import type { BreakdownView, BreakdownViewRow, BreakdownWant } from "../core/allocate/breakdownView";
import { CHANGE_LOG_SHEET } from "../core/allocate/changeLog";
import { planAllocation, type AllocationPlan } from "../core/allocate/plan";
import type { Grid } from "../core/grid";
import type { CellWrite } from "../excel/writeCells";
import type { TaskpaneActions } from "./actions";
import { applyAllocation, spreadsRates, undoAllocation, type Applied } from "./allocateRecord";
import { fill, type Words } from "./i18n";
import { say } from "./say";
import { useSheetWrite } from "./useSheetWrite";
import { AllocationPreview, type TownSetting } from "./AllocationPreview";
import { NoBreakdown } from "./NoBreakdown";
import { usePaneStyles } from "./styles";
import { fmt } from "./AllocationPreview";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  actions: TaskpaneActions;
  words: Words;
  task: TaskState;
  /** Grows each time the page is shown again: the workbook is read again then. */
  visit?: number;
}

const NO_SETTING: TownSetting = { held: false, holdAt: "", min: "", max: "" };

type RowPlan = Pick<
  AllocationPlan,
  | "values"
  | "total"
  | "implied"
  | "notes"
  | "noteMsgs"
  | "error"
  | "errorMsg"
  | "writes"
  | "cityValue"
  | "cityWrite"
  | "bases"
> & {
  row: BreakdownViewRow;
};

const METHODS: AllocationMethod[] = ["proportional", "equal", "fill", "adjust"];
const num = (s: string): number | undefined =>
  s.trim() === "" || !isExcelNumber(Number(s)) ? undefined : Number(s);

/** "2023年目标!C4:G4": where the cells written are, for the status line. */
function appliedWhere(sheet: string, cells: CellWrite[]): string {
  const addresses = cells.map((c) => c.address);
  return `${sheet}!${addresses.length > 4 ? `${addresses[0]}…${addresses.at(-1)}` : addresses.join(",")}`;
}

export function AllocatePage({ actions, words: w, task, visit }: Props) {
  const s = usePaneStyles();
  const [view, setView] = useState<BreakdownView | null>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [grids, setGrids] = useState<Grid[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [method, setMethod] = useState<AllocationMethod>("proportional");
  const [base, setBase] = useState("current");
  const [totalText, setTotalText] = useState("");
  const [percentText, setPercentText] = useState("5");
  const [decimalsText, setDecimalsText] = useState("");
  const [towns, setTowns] = useState<Record<string, TownSetting>>({});
  const [reason, setReason] = useState("");
  const [undo, setUndo] = useState<Applied | null>(null);
  const writer = useSheetWrite(actions, task, w);
  // The sheet and measure chosen, kept across refreshes; the view read last, to carry the selection over.
  const want = useRef<BreakdownWant>({});
  const shown = useRef<BreakdownView | null>(null);

  async function refresh(next: BreakdownWant = want.current) {
    const read = await task.run(() => actions.readBreakdown(next));
    if (!read) return;
    want.current = next;
    const before = shown.current;
    shown.current = read.view;
    setView(read.view);
    setSheets(read.sheets);
    setGrids(read.grids);
    setLoaded(true);
    // While the sheet stays, so do the towns' settings and the rows selected, by name (a row's place differs
    // between the measures of a towns-as-rows table); another sheet starts afresh.
    const sameSheet = before !== null && read.view?.sheet === before.sheet;
    setSelected((sel) => {
      if (!sameSheet) return [];
      const names = new Set(before.rows.filter((r) => sel.includes(r.id)).map((r) => r.name));
      return read.view?.rows.filter((r) => names.has(r.name)).map((r) => r.id) ?? [];
    });
    if (!sameSheet) setTowns({});
  }
  useEffect(() => {
    void refresh();
    // Read when the page opens; the 刷新 button reads again.
  }, [actions, visit]);

  const rows = view?.rows.filter((r) => selected.includes(r.id)) ?? [];
  const single = rows.length === 1 ? rows[0] : null;
  const setting = (t: string): TownSetting => towns[t] ?? NO_SETTING;
  const setTown = (t: string, patch: Partial<TownSetting>) =>
    setTowns({ ...towns, [t]: { ...setting(t), ...patch } });
  const held = (t: string) => setting(t).held || num(setting(t).holdAt) !== undefined;

  const plans: RowPlan[] = useMemo(() => {
    if (!view) return [];
    return rows.map((row): RowPlan => {
      const rate = spreadsRates(row, method);
      const heldTowns: Record<string, number | true> = {};
      const min: Record<string, number> = {};
      const max: Record<string, number> = {};
      for (const t of view.towns) {
        const st = setting(t);
        const at = num(st.holdAt);
        if (at !== undefined) heldTowns[t] = at;
        else if (st.held) heldTowns[t] = true;
        if (num(st.min) !== undefined) min[t] = num(st.min)!;
        if (num(st.max) !== undefined) max[t] = num(st.max)!;
      }
      try {
        const p = planAllocation(
          { grid: view.grid, table: view.table, row: row.ref, grids },
          {
            method,
            rate,
            // One row: the target typed (else its 全市 cell); several: each row's own. fill: the value typed.
            total: single || method === "fill" ? num(totalText) : undefined,
            percent: num(percentText),
            base: method === "proportional" || row.kind === "rate" ? base : undefined,
            held: heldTowns,
            min,
            max,
            decimals: num(decimalsText),
          },
        );
        return { row, ...p };
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        return { row, notes: [], noteMsgs: [], writes: [], cityValue: null, error };
      }
    });
  }, [view, grids, selected, method, base, totalText, percentText, decimalsText, towns]);

  /** Where the cells are, and the batch of 调整记录 that says so. */
  const whereRecorded = (sheet: string, cells: CellWrite[], batch: number | undefined) =>
    appliedWhere(sheet, cells) + (batch === undefined ? "" : ` · ${fill(w.recorded, { n: batch })}`);

  async function apply() {
    if (!view || plans.some((p) => p.error || !p.values)) return;
    const heldAt = view.towns.filter((t) => num(setting(t).holdAt) !== undefined);
    const request = { view, plans, method, percent: num(percentText), heldAt, reason, now: new Date() };
    const applied = await task.run(() => applyAllocation(actions, request));
    if (!applied) return;
    setUndo(applied);
    // Read again first: a run clears the status, and the outcome must stay in view.
    await refresh();
    task.notify({
      intent: "success",
      title: fill(w.applied, { n: applied.previous.length }),
      body: whereRecorded(view.sheet, applied.previous, applied.recorded?.batch),
    });
  }

  async function writeYearly() {
    const spec = await task.run(() => actions.yearlyTargetsSheet());
    if (spec === null) task.notify({ intent: "warning", title: w.noIndicatorSystem });
    else if (spec) await writer.write([spec]);
  }

  async function undoLast() {
    if (!undo) return;
    const done = await task.run(() => undoAllocation(actions, undo, new Date()));
    if (!done) return;
    setUndo(null);
    await refresh();
    task.notify({
      intent: "success",
      title: w.undone,
      body: whereRecorded(undo.sheet, undo.previous, done.recorded?.batch),
    });
  }

  if (loaded && !view) return <NoBreakdown words={w} onRefresh={() => void refresh()} />;
  if (!view) return <Spinner size="small" label={w.busy} />;

  const otherRows = view.rows.filter((r) => !selected.includes(r.id)).map((r) => r.name);
  // 调整记录 holds no bases: it is the record of this page's own writes.
  const otherSheets = grids.map((g) => g.name).filter((n) => n !== view.sheet && n !== CHANGE_LOG_SHEET);
  const byRow = view.table.orientation === "indicator-rows";
  const rowName = (r: BreakdownViewRow) =>
    byRow ? fill(w.rowLabel, { row: r.where }) : fill(w.colLabel, { col: r.where });
  return (
    <div className={s.page}>
      {writer.dialog}
      <div className={s.row}>
        {sheets.length > 1 ? (
          <Field label={w.breakdownSheet} className={s.grow}>
            <Select
              aria-label={w.breakdownSheet}
              value={view.sheet}
              onChange={(_, d) => void refresh({ sheet: d.value })}
            >
              {sheets.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Text weight="semibold" className={s.grow}>
            {view.sheet}
          </Text>
        )}
        {view.measures.length > 1 && (
          <Field label={w.measure} className={s.grow}>
            <Select
              aria-label={w.measure}
              value={view.measure}
              onChange={(_, d) => void refresh({ sheet: view.sheet, measure: d.value })}
            >
              {view.measures.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button size="small" onClick={() => void refresh()}>
          {w.refresh}
        </Button>
      </div>
      <Field label={w.rowsToAllocate}>
        <div className={s.tableBox} data-testid={TID.allocRows}>
          {view.rows.map((r) => (
            <Checkbox
              key={r.id}
              data-testid={TID.allocRow(r.id)}
              checked={selected.includes(r.id)}
              onChange={(_, d) =>
                setSelected(d.checked ? [...selected, r.id] : selected.filter((x) => x !== r.id))
              }
              label={`${r.where} ${r.name}${r.unit ? `(${r.unit})` : ""} · ${view.totalHeader} ${fmt(r.total)}`}
            />
          ))}
        </div>
      </Field>
      <div className={s.row}>
        <Field label={w.method} className={s.grow}>
          <Select
            data-testid={TID.allocMethod}
            value={method}
            onChange={(_, d) => setMethod(d.value as AllocationMethod)}
          >
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {say(`method.${m}`, w)}
              </option>
            ))}
          </Select>
        </Field>
        {(method === "proportional" || single?.kind === "rate") && (
          <Field label={w.base} className={s.grow}>
            <Select data-testid={TID.allocBase} value={base} onChange={(_, d) => setBase(d.value)}>
              <option value="current">{w.currentValues}</option>
              {otherRows.map((n) => (
                <option key={`r-${n}`} value={n}>
                  {n}
                </option>
              ))}
              {otherSheets.map((n) => (
                <option key={`s-${n}`} value={n}>
                  {w.sheetPrefix} {n}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <div className={s.row}>
        {method === "adjust" ? (
          <Field label={w.percent}>
            <Input type="number" value={percentText} onChange={(_, d) => setPercentText(d.value)} />
          </Field>
        ) : (
          <Field label={method === "fill" ? w.fillValue : w.total} hint={single ? undefined : w.totalPerRow}>
            <Input
              data-testid={TID.allocTotal}
              type="number"
              disabled={!single && method !== "fill"}
              placeholder={single ? fmt(single.total) : ""}
              value={totalText}
              onChange={(_, d) => setTotalText(d.value)}
            />
          </Field>
        )}
        <Field label={w.decimals}>
          <Input
            type="number"
            value={decimalsText}
            placeholder={w.auto}
            onChange={(_, d) => setDecimalsText(d.value)}
            style={{ width: "80px" }}
          />
        </Field>
      </div>

      {rows.length > 0 && plans[0] && (
        <AllocationPreview
          plan={plans[0]}
          towns={view.towns}
          totalHeader={view.totalHeader}
          setting={setting}
          setTown={setTown}
          held={held}
          words={w}
        />
      )}

      {plans.map((p) => (
        <MessageBar
          key={p.row.id}
          intent={p.error ? "error" : p.notes.length ? "warning" : "info"}
          data-testid={TID.allocSummary}
        >
          <MessageBarBody>
            {rowName(p.row)} {p.row.name}:
            {p.error
              ? p.errorMsg
                ? say(p.errorMsg, w)
                : p.error
              : ` ${w.total} ${fmt(p.total)}${p.values ? ` · ${w.sum} ${fmt(p.values.reduce((a, b) => a + b, 0))}` : ""}${p.implied !== undefined ? ` · ${w.impliedRate} ${p.implied.toFixed(2)}` : ""}`}
            {p.noteMsgs.length > 0 && <div>{p.noteMsgs.map((m) => say(m, w)).join(w.notesSeparator)}</div>}
          </MessageBarBody>
        </MessageBar>
      ))}

      <Field label={w.reason} hint={w.reasonHint}>
        <Input
          data-testid={TID.allocReason}
          value={reason}
          maxLength={200}
          onChange={(_, d) => setReason(d.value)}
        />
      </Field>

      <div className={s.actionBar}>
        <Button
          appearance="primary"
          data-testid={TID.allocApply}
          disabled={task.busy || plans.length === 0 || plans.some((p) => p.error)}
          onClick={() => void apply()}
        >
          {w.apply}
        </Button>
        <Button data-testid={TID.allocUndo} disabled={task.busy || !undo} onClick={() => void undoLast()}>
          {w.undo}
        </Button>
        <Button data-testid={TID.yearly} disabled={task.busy} onClick={() => void writeYearly()}>
          {w.yearly}
        </Button>
        {task.busy && <Spinner size="tiny" label={w.busy} />}
      </div>
    </div>
  );
}
