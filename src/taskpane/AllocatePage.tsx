// 分解目标: pick breakdown rows on the active sheet, choose how to spread (method, base, held towns, bounds,
// decimals), preview the new town values, apply them to the town cells only, and undo the last apply.
import { useEffect, useMemo, useState } from "react";
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
import { allocate, decimalsFor, METHOD_LABEL, type AllocationMethod } from "../core/allocate/allocate";
import { resolveBases } from "../core/allocate/bases";
import type { BreakdownView, BreakdownViewRow } from "../core/allocate/breakdownView";
import { allocateRate, impliedCityRate } from "../core/allocate/rates";
import type { Grid } from "../core/grid";
import type { CellWrite } from "../excel/writeCells";
import type { TaskpaneActions } from "./actions";
import { fill, type Words } from "./i18n";
import { NoBreakdown } from "./NoBreakdown";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  actions: TaskpaneActions;
  words: Words;
  task: TaskState;
}

interface TownSetting {
  held: boolean;
  min: string;
  max: string;
}

interface RowPlan {
  row: BreakdownViewRow;
  values?: number[];
  total?: number;
  implied?: number;
  notes: string[];
  error?: string;
}

const METHODS: AllocationMethod[] = ["proportional", "equal", "fill", "adjust"];
const num = (s: string): number | undefined =>
  s.trim() === "" || !Number.isFinite(Number(s)) ? undefined : Number(s);
const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? "" : String(Number(x.toFixed(10)));

export function AllocatePage({ actions, words: w, task }: Props) {
  const s = usePaneStyles();
  const [view, setView] = useState<BreakdownView | null>(null);
  const [grids, setGrids] = useState<Grid[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [method, setMethod] = useState<AllocationMethod>("proportional");
  const [base, setBase] = useState("current");
  const [totalText, setTotalText] = useState("");
  const [percentText, setPercentText] = useState("5");
  const [decimalsText, setDecimalsText] = useState("");
  const [towns, setTowns] = useState<Record<string, TownSetting>>({});
  const [undo, setUndo] = useState<{ sheet: string; previous: CellWrite[] } | null>(null);
  const [note, setNote] = useState<string | null>(null);

  async function refresh() {
    const read = await task.run(() => actions.readBreakdown());
    if (!read) return;
    setView(read.view);
    setGrids(read.grids);
    setLoaded(true);
    setSelected((sel) => sel.filter((r) => read.view?.rows.some((x) => x.row === r)));
  }
  useEffect(() => {
    void refresh();
    // Read when the page opens; the 刷新 button reads again.
  }, [actions]);

  const rows = view?.rows.filter((r) => selected.includes(r.row)) ?? [];
  const single = rows.length === 1 ? rows[0] : null;
  const setting = (t: string): TownSetting => towns[t] ?? { held: false, min: "", max: "" };
  const setTown = (t: string, patch: Partial<TownSetting>) =>
    setTowns({ ...towns, [t]: { ...setting(t), ...patch } });

  const plans: RowPlan[] = useMemo(() => {
    if (!view) return [];
    return rows.map((row): RowPlan => {
      try {
        const ref = view.table.rows.find((r) => r.row + 1 === row.row)!;
        const resolved =
          method === "proportional" || row.kind === "rate"
            ? resolveBases(base, { grid: view.grid, table: view.table, row: ref, grids })
            : null;
        const held: Record<string, true> = {};
        const min: Record<string, number> = {};
        const max: Record<string, number> = {};
        for (const t of view.towns) {
          const st = setting(t);
          if (st.held) held[t] = true;
          if (num(st.min) !== undefined) min[t] = num(st.min)!;
          if (num(st.max) !== undefined) max[t] = num(st.max)!;
        }
        const total = single && num(totalText) !== undefined ? num(totalText)! : (row.total ?? undefined);
        const decimals = num(decimalsText);
        if (row.kind === "rate" && (method === "proportional" || method === "equal")) {
          // A city rate: spread the increment, derive each town's rate; the weighted mean is the city rate.
          const heldRates: Record<string, number> = {};
          for (const t of Object.keys(held)) {
            const v = row.current[view.towns.indexOf(t)];
            if (v !== null) heldRates[t] = v;
          }
          const r = allocateRate({
            towns: view.towns,
            bases: resolved!.bases,
            cityRate: total ?? NaN,
            percent: row.unit === "%",
            method,
            heldRates,
            decimals: decimals ?? 2,
          });
          return {
            row,
            values: r.rates,
            total,
            implied: r.impliedRate,
            notes: [...resolved!.notes, ...r.notes],
          };
        }
        const r = allocate({
          towns: view.towns,
          method,
          total: method === "fill" ? num(totalText) : total,
          percent: num(percentText),
          bases: resolved?.bases,
          current: row.current,
          held,
          min,
          max,
          decimals: decimals ?? decimalsFor(row.unit, undefined),
          unit: row.unit,
        });
        const implied =
          row.kind === "rate" && resolved ? impliedCityRate(r.values, resolved.bases) : undefined;
        return {
          row,
          values: r.values,
          total: r.total,
          implied,
          notes: [...(resolved?.notes ?? []), ...r.notes],
        };
      } catch (e) {
        return { row, notes: [], error: e instanceof Error ? e.message : String(e) };
      }
    });
  }, [view, grids, selected, method, base, totalText, percentText, decimalsText, towns]);

  async function apply() {
    if (!view || plans.some((p) => p.error || !p.values)) return;
    const writes: CellWrite[] = plans.flatMap((p) =>
      view.towns.flatMap((t, i) =>
        setting(t).held ? [] : [{ address: p.row.cells[i], value: p.values![i] }],
      ),
    );
    const previous = await task.run(() => actions.writeCells(view.sheet, writes));
    if (!previous) return;
    setUndo({ sheet: view.sheet, previous });
    setNote(fill(w.applied, { n: writes.length }));
    await refresh();
  }

  async function undoLast() {
    if (!undo) return;
    const done = await task.run(() => actions.writeCells(undo.sheet, undo.previous));
    if (!done) return;
    setUndo(null);
    setNote(w.undone);
    await refresh();
  }

  if (loaded && !view) return <NoBreakdown words={w} onRefresh={() => void refresh()} />;
  if (!view) return <Spinner size="small" label={w.busy} />;

  const otherRows = view.rows.filter((r) => !selected.includes(r.row)).map((r) => r.name);
  const otherSheets = grids.map((g) => g.name).filter((n) => n !== view.sheet);
  return (
    <div className={s.page}>
      <div className={s.row}>
        <Text weight="semibold" className={s.grow}>
          {view.sheet}
        </Text>
        <Button size="small" onClick={() => void refresh()}>
          {w.refresh}
        </Button>
      </div>
      <Field label={w.rowsToAllocate}>
        <div className={s.tableBox} data-testid={TID.allocRows}>
          {view.rows.map((r) => (
            <Checkbox
              key={r.row}
              data-testid={TID.allocRow(r.row)}
              checked={selected.includes(r.row)}
              onChange={(_, d) =>
                setSelected(d.checked ? [...selected, r.row] : selected.filter((x) => x !== r.row))
              }
              label={`${r.row} ${r.name}${r.unit ? `(${r.unit})` : ""} · ${view.totalHeader} ${fmt(r.total)}`}
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
                {METHOD_LABEL[m]}
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

      {rows.length > 0 && (
        <div className={s.tableBox}>
          <table className={s.table} data-testid={TID.allocPreview}>
            <thead>
              <tr>
                <th>{w.town}</th>
                <th>{w.hold}</th>
                <th>{w.min}</th>
                <th>{w.max}</th>
                <th>{w.current}</th>
                <th>{w.newValue}</th>
                <th>{w.change}</th>
              </tr>
            </thead>
            <tbody>
              {view.towns.map((t, i) => {
                const p = plans[0];
                const cur = p?.row.current[i] ?? null;
                const nv = p?.values?.[i];
                return (
                  <tr key={t}>
                    <td>{t}</td>
                    <td>
                      <Checkbox
                        aria-label={`${w.hold} ${t}`}
                        data-testid={TID.allocHold(t)}
                        checked={setting(t).held}
                        onChange={(_, d) => setTown(t, { held: Boolean(d.checked) })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${w.min} ${t}`}
                        className="bound"
                        size={4}
                        value={setting(t).min}
                        onChange={(e) => setTown(t, { min: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${w.max} ${t}`}
                        className="bound"
                        size={4}
                        value={setting(t).max}
                        onChange={(e) => setTown(t, { max: e.target.value })}
                      />
                    </td>
                    <td className="num">{fmt(cur)}</td>
                    <td className="num" data-testid={TID.allocNew(t)}>
                      {fmt(nv)}
                    </td>
                    <td className="num">{nv !== undefined && cur !== null ? fmt(nv - cur) : ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {plans.map((p) => (
        <MessageBar
          key={p.row.row}
          intent={p.error ? "error" : p.notes.length ? "warning" : "info"}
          data-testid={TID.allocSummary}
        >
          <MessageBarBody>
            {fill(w.rowLabel, { row: p.row.row })} {p.row.name}:
            {p.error
              ? p.error
              : ` ${w.total} ${fmt(p.total)}${p.values ? ` · ${w.sum} ${fmt(p.values.reduce((a, b) => a + b, 0))}` : ""}${p.implied !== undefined ? ` · ${w.impliedRate} ${p.implied.toFixed(2)}` : ""}`}
            {p.notes.length > 0 && <div>{p.notes.join(";")}</div>}
          </MessageBarBody>
        </MessageBar>
      ))}

      <div className={s.row}>
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
        <Button
          data-testid={TID.yearly}
          disabled={task.busy}
          onClick={() =>
            void task.run(async () => {
              const done = await actions.writeYearlyTargets();
              setNote(
                done ? `${w.written}:${done.sheets.map((x) => x.written).join("、")}` : w.noIndicatorSystem,
              );
            })
          }
        >
          {w.yearly}
        </Button>
        {task.busy && <Spinner size="tiny" label={w.busy} />}
      </div>
      {note && (
        <MessageBar intent="success" data-testid={TID.message}>
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
