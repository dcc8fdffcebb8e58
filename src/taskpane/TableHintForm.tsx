// 表格识别: the clerk says how a sheet's table is to be read when the finder could not decide (or decided wrong):
// the header row, the column of the names, which way the units run, and where the total is when its header is
// no total word. Saved in the workbook (hidden sheet 表格识别) and used by every page from then on.
import { useState } from "react";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { lineText, parseLine, type TableHint } from "../core/table/hints";
import type { Orientation } from "../core/table/types";
import { columnLetter } from "../core/layout/a1";
import { fill, type Words } from "./i18n";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";

interface Props {
  sheet: string;
  /** What the finder read, or found and could not finish: the form starts from it. */
  start: TableHint;
  words: Words;
  busy: boolean;
  onApply: (hint: TableHint) => void;
}

/** One small labelled input of the form. */
function HintInput(p: {
  label: string;
  testId: string;
  value: string;
  onChange: (v: string) => void;
  width: number;
  placeholder?: string;
}) {
  return (
    <Field label={p.label}>
      <Input
        data-testid={p.testId}
        size="small"
        value={p.value}
        placeholder={p.placeholder}
        onChange={(_, d) => p.onChange(d.value)}
        style={{ width: p.width }}
      />
    </Field>
  );
}

export function TableHintForm({ sheet, start, words: w, busy, onApply }: Props) {
  const s = usePaneStyles();
  const [row, setRow] = useState(String(start.headerRow + 1));
  const [col, setCol] = useState(columnLetter(start.labelCol + 1));
  const [orientation, setOrientation] = useState<Orientation>(start.orientation);
  const [total, setTotal] = useState(
    start.totalLine === undefined ? "" : lineText(start.orientation, start.totalLine),
  );
  // A row number and a column letter, read as the 表格识别 sheet reads them.
  const headerRow = parseLine("unit-rows", row);
  const labelCol = parseLine("indicator-rows", col);
  const totalLine = total.trim() === "" ? undefined : parseLine(orientation, total);
  const ready = headerRow !== null && labelCol !== null && totalLine !== null;
  return (
    <div className={s.page} data-testid={TID.hintForm(sheet)}>
      <Text size={200}>{fill(w.hintIntro, { sheet })}</Text>
      <div className={s.row}>
        <HintInput label={w.hintHeaderRow} testId={TID.hintRow} value={row} onChange={setRow} width={64} />
        <HintInput label={w.hintLabelCol} testId={TID.hintCol} value={col} onChange={setCol} width={64} />
        <Field label={w.hintOrientation}>
          <Select
            data-testid={TID.hintOrientation}
            size="small"
            value={orientation}
            onChange={(_, d) => setOrientation(d.value as Orientation)}
          >
            <option value="indicator-rows">{w.indicatorsAsRows}</option>
            <option value="unit-rows">{w.unitsAsRows}</option>
          </Select>
        </Field>
        <HintInput
          label={orientation === "indicator-rows" ? w.hintTotalCol : w.hintTotalRow}
          testId={TID.hintTotal}
          value={total}
          onChange={setTotal}
          width={96}
          placeholder={w.hintTotalAuto}
        />
      </div>
      <div className={s.row}>
        <Button
          data-testid={TID.hintApply}
          disabled={busy || !ready}
          onClick={() =>
            ready &&
            onApply({
              headerRow: headerRow!,
              labelCol: labelCol!,
              orientation,
              ...(totalLine !== undefined ? { totalLine } : {}),
            })
          }
        >
          {w.hintApply}
        </Button>
      </div>
    </div>
  );
}
