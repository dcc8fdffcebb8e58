// Core's messages in the pane's language. Apart from i18n.ts because the wording of every message (both
// languages) is large: only the pages that show core's results load it, so the pane's first download stays small.
import type { RowStatus } from "../core/check/status";
import { messageText, type Lang, type Message, type MessageCode } from "../core/messages/message";
import type { Words } from "./i18n";

/** A core message (or a bare status/label code) in the words' language. */
export function say(m: Message | MessageCode, w: Words): string {
  return messageText(m, w.lang === "en" ? "en" : "zh");
}

export function statusLabel(status: RowStatus, lang: Lang): string {
  return messageText(`status.${status}`, lang);
}
