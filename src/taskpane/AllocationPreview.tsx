// The preview of 分解目标: each town's current and new value and its hold and bounds, then the 全市 cell, which
// follows a changed target. In a narrow pane the table keeps 单位 / 当前 / 新值 and folds the rest (lock value,
// bounds, change) into the row's details, so names never wrap one character per line.
import { Button, Checkbox } from "@fluentui/react-components";
import { useState } from "react";
import type { AllocationPlan } from "../core/allocate/plan";
import type { BreakdownViewRow } from "../core/allocate/breakdownView";
import type { Words } from "./i18n";
import { useNarrow } from "./narrow";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";

export interface TownSetting {
  held: boolean;
  /** A value typed to hold the town at; "" holds it at its current value (when `held`). */
  holdAt: string;
  min: string;
  max: string;
}

export const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? "" : String(Number(x.toFixed(10)));

const signed = (x: number) => (x > 0 ? `+${fmt(x)}` : fmt(x));

interface Props {
  plan: Pick<AllocationPlan, "values" | "cityValue" | "cityWrite"> & { row: BreakdownViewRow };
  towns: string[];
  totalHeader: string;
  setting: (town: string) => TownSetting;
  setTown: (town: string, patch: Partial<TownSetting>) => void;
  held: (town: string) => boolean;
  words: Words;
}

export function AllocationPreview({ plan, towns, totalHeader, setting, setTown, held, words: w }: Props) {
  const s = usePaneStyles();
  const narrow = useNarrow();
  const [open, setOpen] = useState<string | null>(null);
  const bound = (t: string, key: "holdAt" | "min" | "max", label: string) => (
    <input
      aria-label={`${label} ${t}`}
      className="bound"
      size={4}
      inputMode="decimal"
      value={setting(t)[key]}
      onChange={(e) => setTown(t, { [key]: e.target.value })}
    />
  );
  const holdBox = (t: string) => (
    <Checkbox
      aria-label={`${w.hold} ${t}`}
      data-testid={TID.allocHold(t)}
      checked={held(t)}
      // Unchecking also clears a value typed to hold the town at.
      onChange={(_, d) => setTown(t, d.checked ? { held: true } : { held: false, holdAt: "" })}
    />
  );
  const cityNew = plan.cityWrite?.value ?? plan.cityValue;
  const cityChange = plan.cityWrite && plan.cityValue !== null ? plan.cityWrite.value - plan.cityValue : null;
  const columns = narrow ? 3 : 8;
  return (
    <div className={s.tableBox}>
      <table className={s.table} data-testid={TID.allocPreview}>
        <thead>
          <tr>
            <th className={s.nameCell}>{w.town}</th>
            {!narrow && <th>{w.hold}</th>}
            {!narrow && <th>{w.holdAt}</th>}
            {!narrow && <th>{w.min}</th>}
            {!narrow && <th>{w.max}</th>}
            <th>{w.current}</th>
            <th>{w.newValue}</th>
            {!narrow && <th>{w.change}</th>}
          </tr>
        </thead>
        <tbody>
          {towns.map((t, i) => {
            const cur = plan.row.current[i] ?? null;
            const nv = plan.values?.[i];
            const change = nv !== undefined && cur !== null ? signed(nv - cur) : "";
            return [
              <tr key={t}>
                <td className={s.nameCell}>
                  {narrow ? (
                    <div className={s.actions}>
                      {holdBox(t)}
                      <Button
                        size="small"
                        appearance="transparent"
                        aria-expanded={open === t}
                        data-testid={TID.allocDetails(t)}
                        onClick={() => setOpen(open === t ? null : t)}
                      >
                        {t}
                      </Button>
                    </div>
                  ) : (
                    t
                  )}
                </td>
                {!narrow && <td>{holdBox(t)}</td>}
                {!narrow && <td>{bound(t, "holdAt", w.holdAt)}</td>}
                {!narrow && <td>{bound(t, "min", w.min)}</td>}
                {!narrow && <td>{bound(t, "max", w.max)}</td>}
                <td className="num">{fmt(cur)}</td>
                <td className="num" data-testid={TID.allocNew(t)}>
                  {fmt(nv)}
                </td>
                {!narrow && <td className="num">{change}</td>}
              </tr>,
              narrow && open === t && (
                <tr key={`${t}-details`}>
                  <td colSpan={columns}>
                    <div className={s.row}>
                      <label>
                        {w.holdAt} {bound(t, "holdAt", w.holdAt)}
                      </label>
                      <label>
                        {w.min} {bound(t, "min", w.min)}
                      </label>
                      <label>
                        {w.max} {bound(t, "max", w.max)}
                      </label>
                      <span>
                        {w.change} {change}
                      </span>
                    </div>
                  </td>
                </tr>
              ),
            ];
          })}
          <tr data-testid={TID.allocCity} data-changed={plan.cityWrite ? "yes" : "no"}>
            <th scope="row" className={s.nameCell}>
              {totalHeader || w.cityTotal}
            </th>
            {!narrow && (
              <td colSpan={4} className={s.muted}>
                {plan.cityWrite ? w.cityFollows : ""}
              </td>
            )}
            <td className="num">{fmt(plan.cityValue)}</td>
            <td className="num" data-testid={TID.allocCityNew}>
              {fmt(cityNew)}
            </td>
            {!narrow && <td className="num">{cityChange === null ? "" : signed(cityChange)}</td>}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
