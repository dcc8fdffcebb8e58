// What core has to say, as a code with parameters rather than a finished sentence: the CLI and the official
// sheets print it in Chinese (`zh`), the task pane in its own language (`messageText`). The wording of every code
// is in the catalogue (./catalogue.ts), zh and en side by side, so the two cannot drift apart.
import { CATALOGUE, type MessageCode } from "./catalogue";

export type Lang = "zh" | "en";

export interface Wording {
  readonly zh: string;
  readonly en: string;
}

/** A slot's value: data (names, cells, numbers as written), a nested message, or a list of either. */
export type Param = string | number | Message | readonly (string | Message)[];

export interface Message {
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, Param>>;
}

/** The slot names of a wording: "{sum} … {target}" → "sum" | "target". */
type Slots<S> = S extends `${string}{${infer K}}${infer Rest}` ? K | Slots<Rest> : never;
type SlotsOf<C extends MessageCode> = Slots<(typeof CATALOGUE)[C]["zh"]>;
/** Exactly the slots the code's wording has: a missing one is a type error at the emitter, not a "{gap}" shown. */
export type ParamsOf<C extends MessageCode> = { readonly [K in SlotsOf<C>]: Param };

/** A message of `code`; codes without slots take no params. */
export function message<C extends MessageCode>(
  code: C,
  ...[params]: [SlotsOf<C>] extends [never] ? [params?: ParamsOf<C>] : [params: ParamsOf<C>]
): Message {
  return { code, params: (params ?? {}) as Record<string, Param> };
}

/** How a list reads in each language: 甲镇、乙镇 / A, B. */
const LIST_SEPARATOR: Record<Lang, string> = { zh: "、", en: ", " };
const SLOT = /\{(\w+)\}/g;

/** The message worded in `lang`; a bare code is a message without params (a status word, a label). */
export function messageText(m: Message | MessageCode, lang: Lang): string {
  const { code, params } = typeof m === "string" ? { code: m, params: {} as Message["params"] } : m;
  const wording = (CATALOGUE as Record<string, Wording | undefined>)[code];
  if (!wording) return code; // a code from a newer core than the catalogue read: shown, not lost
  // A slot left without a value stays "{name}" on purpose: tests find it, a reader sees something is off.
  return wording[lang].replace(SLOT, (slot, key: string) =>
    key in params ? paramText(params[key], lang) : slot,
  );
}

function paramText(p: Param, lang: Lang): string {
  if (typeof p === "string") return p;
  if (typeof p === "number") return String(p);
  if (Array.isArray(p))
    return (p as readonly (string | Message)[])
      .map((x) => (typeof x === "string" ? x : messageText(x, lang)))
      .join(LIST_SEPARATOR[lang]);
  return messageText(p as Message, lang);
}

/** The Chinese sentence: what core's `message` and `notes` strings hold, what the CLI prints. */
export const zh = (m: Message | MessageCode): string => messageText(m, "zh");

/** A message and its Chinese sentence, for objects that carry both (`message` for people, `msg` for programs). */
export function said(m: Message): { message: string; msg: Message } {
  return { message: zh(m), msg: m };
}

/** Core's words given verbatim (an exception's text, a reader's reason): Chinese in either language. */
export const verbatim = (text: string): Message => message("text", { text });

export type { MessageCode };

/**
 * An error that carries its message: `message` in Chinese (the CLI prints it), `msg` for the pane's language. A
 * string is Chinese words only, kept as they are (optional as Error's is).
 */
export class MessageError extends Error {
  readonly msg: Message;
  constructor(m: Message | string = "") {
    const msg = typeof m === "string" ? verbatim(m) : m;
    super(zh(msg));
    this.msg = msg;
  }
}
