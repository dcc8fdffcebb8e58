// Every message core emits on the seeds' data (messageCases.ts, returnMessageCases.ts) is in the catalogue, says in
// its `message` exactly its Chinese wording, and leaves no slot unfilled in either language; and the data reaches
// all of the catalogue's sentences but the few listed.
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE, type MessageCode } from "../../src/core/messages/catalogue";
import { messageText, zh, type Message } from "../../src/core/messages/message";
import { allocationCases, checkCases, planCases, progressCases, type Carried } from "./messageCases";
import { returnCases } from "./returnMessageCases";

/** A message and every message nested in its params. */
function messagesIn(m: Message, out: Message[] = []): Message[] {
  out.push(m);
  for (const p of Object.values(m.params))
    for (const x of Array.isArray(p) ? p : [p]) if (typeof x === "object") messagesIn(x as Message, out);
  return out;
}

/** Labels (status words, problem kinds…) are said by tables, not emitted: only sentences are looked for. */
const LABEL = /^(status|problem|severity|town_status|method|light|matched_by)\./;

/**
 * Sentences no data reaches. alloc.rate_rounded: each town's rate is rounded by at most half a unit of its last
 * decimal, so their weighted mean is too, and the note (for a mean off by more) is a guard that never fires.
 */
const UNREACHED: MessageCode[] = ["alloc.rate_rounded"];

describe("core's messages on the seeds' data", () => {
  let carried: Carried[] = [];
  beforeAll(async () => {
    carried = [
      ...checkCases(),
      ...allocationCases(),
      ...(await progressCases()),
      ...planCases(),
      ...(await returnCases()),
    ];
  }, 120_000);

  it("carries a message wherever it says something, in the catalogue, its Chinese the string beside it", () => {
    expect(carried.length).toBeGreaterThan(400);
    for (const c of carried) {
      expect(c.msg, `${c.where}: ${c.text}`).toBeDefined();
      for (const m of messagesIn(c.msg!)) expect(CATALOGUE, c.where).toHaveProperty([m.code]);
      if (c.text !== null) expect(zh(c.msg!), c.where).toBe(c.text);
    }
  });

  it("fills every slot, in Chinese and in English", () => {
    for (const c of carried)
      for (const lang of ["zh", "en"] as const)
        expect(messageText(c.msg!, lang), `${c.where} (${lang})`).not.toMatch(/\{\w+\}/);
  });

  it("reaches every sentence of the catalogue but those listed", () => {
    const reached = new Set(carried.flatMap((c) => messagesIn(c.msg!)).map((m) => m.code));
    const sentences = (Object.keys(CATALOGUE) as MessageCode[]).filter((code) => !LABEL.test(code));
    expect(sentences.filter((code) => !reached.has(code))).toEqual(UNREACHED);
  });
});
