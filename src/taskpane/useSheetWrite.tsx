// Writing sheets from any page: sheets that exist already are never touched without asking. The clerk chooses,
// per sheet, to replace it or keep both (the new one is written as "名称 (2)"), or cancels the whole write — the
// choice 载入指标 always offered, now for every page (a second 生成工作表 silently added 21 sheets before).
import { useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
} from "@fluentui/react-components";
import type { SheetSpec } from "../core/layout/sheetSpec";
import type { ConflictChoice, SheetConflict, WriteResult } from "../excel/writeSheets";
import type { TaskpaneActions } from "./actions";
import { fill, type Words } from "./i18n";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";
import type { Notice, TaskState } from "./useTask";

interface Pending {
  specs: SheetSpec[];
  conflicts: SheetConflict[];
  choices: Record<string, ConflictChoice>;
  /** Runs once the sheets are written; a notice it returns replaces the plain "已写入" one. */
  done: (result: WriteResult) => Notice | void;
}

/** The status line of a finished write: the sheets written, replaced ones marked, warnings after. */
export function writtenNotice(w: Words, result: WriteResult): Notice {
  const names = result.sheets.map((x) =>
    x.replaced ? fill(w.replacedSheet, { name: x.written }) : x.written,
  );
  const warnings = result.warnings.map((what) => fill(w.unsupported, { what }));
  return {
    intent: warnings.length ? "warning" : "success",
    title: fill(w.writtenCount, { n: result.sheets.length }),
    body: [names.join("、"), ...warnings].join(";"),
  };
}

export function useSheetWrite(actions: TaskpaneActions, task: TaskState, w: Words) {
  const [pending, setPending] = useState<Pending | null>(null);

  async function commit(specs: SheetSpec[], choices: Record<string, ConflictChoice>, done: Pending["done"]) {
    const result = await task.run(() => actions.writeSheets(specs, choices));
    if (!result) return;
    setPending(null);
    task.notify(done(result) ?? writtenNotice(w, result));
  }

  /** Writes the sheets, first asking about any that exist; `done` runs once they are written. */
  async function write(specs: SheetSpec[], done: Pending["done"] = () => {}) {
    setPending(null);
    const conflicts = await task.run(() => actions.findConflicts(specs.map((s) => s.name)));
    if (!conflicts) return;
    if (conflicts.length === 0) return commit(specs, {}, done);
    // Keeping both is the default: nothing is lost if the clerk just presses 写入.
    const choices = Object.fromEntries(conflicts.map((c) => [c.name, "rename" as ConflictChoice]));
    setPending({ specs, conflicts, choices, done });
  }

  const dialog = pending && (
    <ConflictDialog
      pending={pending}
      words={w}
      onChoose={(name, choice) => setPending({ ...pending, choices: { ...pending.choices, [name]: choice } })}
      onConfirm={() => void commit(pending.specs, pending.choices, pending.done)}
      onCancel={() => {
        setPending(null);
        task.notify({ intent: "info", title: w.writeCancelled });
      }}
    />
  );
  return { write, dialog, asking: pending !== null };
}

function ConflictDialog(props: {
  pending: Pending;
  words: Words;
  onChoose: (name: string, choice: ConflictChoice) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { pending, words: w } = props;
  const s = usePaneStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={TID.conflicts}>
      <MessageBarBody>
        <MessageBarTitle>{w.conflictTitle}</MessageBarTitle>
        {w.conflictBody}
        {pending.conflicts.map((c) => (
          <div key={c.name} className={s.row}>
            <Text className={s.grow}>
              {c.name}({c.nonEmpty ? w.nonEmpty : w.empty})
            </Text>
            <Select
              aria-label={c.name}
              data-testid={TID.conflictChoice(c.name)}
              value={pending.choices[c.name]}
              onChange={(_, d) => props.onChoose(c.name, d.value as ConflictChoice)}
            >
              <option value="rename">{w.rename}</option>
              <option value="replace">{w.replace}</option>
            </Select>
          </div>
        ))}
        <div className={s.row}>
          <Button appearance="primary" data-testid={TID.confirmWrite} onClick={props.onConfirm}>
            {w.write}
          </Button>
          <Button data-testid={TID.cancelWrite} onClick={props.onCancel}>
            {w.cancel}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
