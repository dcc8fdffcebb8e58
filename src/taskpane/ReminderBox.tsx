// 催报: who has not reported, whose return has errors, and the notice to send them, ready to copy. The deadline,
// contact, phone and sender are the clerk's and are remembered on this machine for the next reminder.
import { useEffect, useRef, useState } from "react";
import { Button, Field, Input, Text, Textarea } from "@fluentui/react-components";
import { addDays, reminderText } from "../core/submissions/reminder";
import { copyToClipboard } from "./clipboard";
import { type Words } from "./i18n";
import { say } from "./say";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";

interface Props {
  words: Words;
  year: string;
  units: string[];
  missing: string[];
  withErrors: { unit: string; errors: number }[];
}

interface Settings {
  deadline: string;
  contact: string;
  phone: string;
  sender: string;
}

const STORE = "target-breakdown.reminder";
/** Days from today to the deadline offered first. */
const DEFAULT_DAYS = 3;

/** Today on the clerk's clock, "YYYY-MM-DD". */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** What the clerk typed last time; a deadline already past is not offered again. */
function loadSettings(today: string): Settings {
  const fresh = { deadline: addDays(today, DEFAULT_DAYS), contact: "", phone: "", sender: "" };
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? "{}") as Partial<Settings>;
    const deadline =
      typeof saved.deadline === "string" && saved.deadline >= today ? saved.deadline : fresh.deadline;
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    return { deadline, contact: text(saved.contact), phone: text(saved.phone), sender: text(saved.sender) };
  } catch {
    return fresh; // storage refused (private mode, a locked-down web view): nothing remembered, nothing lost
  }
}

/** Rows enough for the notice at the pane's width (about 20 Chinese characters a line), at most 16. */
const textRows = (text: string) =>
  Math.min(
    16,
    text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 20)), 1),
  );

export function ReminderBox({ words: w, year, units, missing, withErrors }: Props) {
  const s = usePaneStyles();
  const today = localToday();
  const [settings, setSettings] = useState<Settings>(() => loadSettings(today));
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    try {
      localStorage.setItem(STORE, JSON.stringify(settings));
    } catch {
      // Not remembered; the reminder itself still works.
    }
  }, [settings]);
  useEffect(() => {
    if (copied !== "yes") return;
    const t = setTimeout(() => setCopied(null), 4000);
    return () => clearTimeout(t);
  }, [copied]);

  const text = reminderText({ year, units, missing, withErrors, ...settings, today });
  const set = (key: keyof Settings) => (_: unknown, d: { value: string }) => {
    setSettings({ ...settings, [key]: d.value });
    setCopied(null);
  };

  return (
    <div className={s.page} data-testid={TID.reminder("box")} role="group" aria-label={w.reminderOpen}>
      {missing.length > 0 && (
        <Text data-testid={TID.reminder("missing")}>
          {say("town_status.missing", w)}({missing.length}):{missing.join("、")}
        </Text>
      )}
      {withErrors.length > 0 && (
        <Text data-testid={TID.reminder("errors")}>
          {say("town_status.error", w)}({withErrors.length}):{withErrors.map((e) => e.unit).join("、")}
        </Text>
      )}
      {!text ? (
        <Text>{w.reminderNone}</Text>
      ) : (
        <>
          <div className={s.row}>
            <Field label={w.reminderDeadline}>
              <Input
                type="date"
                value={settings.deadline}
                min={today}
                data-testid={TID.reminder("deadline")}
                onChange={set("deadline")}
              />
            </Field>
            <Field label={w.reminderContact}>
              <Input
                value={settings.contact}
                data-testid={TID.reminder("contact")}
                onChange={set("contact")}
              />
            </Field>
            <Field label={w.reminderPhone}>
              <Input value={settings.phone} data-testid={TID.reminder("phone")} onChange={set("phone")} />
            </Field>
            <Field label={w.reminderSender}>
              <Input value={settings.sender} data-testid={TID.reminder("sender")} onChange={set("sender")} />
            </Field>
          </div>
          <Textarea
            ref={area}
            aria-label={w.reminderOpen}
            readOnly
            resize="vertical"
            rows={textRows(text)}
            value={text}
            data-testid={TID.reminder("text")}
          />
          <div className={s.row}>
            <Button
              appearance="primary"
              data-testid={TID.reminder("copy")}
              onClick={() =>
                void copyToClipboard(text, area.current).then((ok) => setCopied(ok ? "yes" : "failed"))
              }
            >
              {w.copy}
            </Button>
            <span role="status" aria-live="polite" data-testid={TID.reminder("copied")}>
              {copied === "yes" ? w.copied : copied === "failed" ? w.copyFailed : ""}
            </span>
          </div>
        </>
      )}
    </div>
  );
}
