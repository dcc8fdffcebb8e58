// The message catalogue (src/core/messages/): every code worded in zh and en with the same slots, the renderer,
// the value words read back as codes, and the wording fixes of issue 15 on the seeds' own tables.
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check/checkWorkbook";
import { CATALOGUE } from "../../src/core/messages/catalogue";
import { message, messageText, zh, type Message } from "../../src/core/messages/message";
import { valueNote } from "../../src/core/messages/valueNotes";
import { VALUE_WORDS } from "../../src/core/messages/values";
import { localTime } from "../../src/core/submissions/statusSheet";
import { yearSpans } from "../../src/core/text";
import { ZH_WORDS } from "../../src/taskpane/i18n";
import { en as EN_WORDS } from "../../src/taskpane/wordsEn";

const WORDS = { zh: ZH_WORDS, en: EN_WORDS };
import { say, statusLabel } from "../../src/taskpane/say";
import { annex3Grid } from "../helpers/breakdownGrid";

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** The sheet words English wording may quote as they are: headers and sheet names the clerk sees in Excel. */
const SHEET_WORDS = new Set(["指标名称", "全市", "合计", "汇总", "基数"]);

describe("the catalogue", () => {
  it.each(Object.entries(CATALOGUE))("%s has zh and en wording with the same slots", (_, w) => {
    expect(w.zh.trim()).not.toBe("");
    expect(w.en.trim()).not.toBe("");
    expect(slots(w.en)).toEqual(slots(w.zh));
    for (const text of [w.zh, w.en]) expect(text.replace(/\{\w+\}/g, "")).not.toMatch(/[{}]/);
  });

  it("words English without Chinese, but for the sheet words it quotes", () => {
    const chinese = Object.values(CATALOGUE).flatMap((w) => w.en.match(/[\u3400-\u9fff]+/g) ?? []);
    expect(chinese.filter((run) => !SHEET_WORDS.has(run))).toEqual([]);
  });
});

describe("messageText", () => {
  const town = (cell: string, name: string) => message("check.cell_town", { cell, town: name });

  it("fills slots with data, nested messages and lists, each in the language asked", () => {
    const m = message("check.cells_missing", { cells: [town("E5", "当湖街道"), town("F5", "经开区")] });
    expect(zh(m)).toBe("E5(当湖街道)、F5(经开区) 为空,应填写数字");
    expect(messageText(m, "en")).toBe("Empty where a number is due: E5 (当湖街道), F5 (经开区)");
    const bad = message("check.total_bad_number", {
      label: "全市",
      cell: "M5",
      text: "NaN",
      problem: message("value.nan"),
    });
    expect(messageText(bad, "en")).toBe(
      "The 全市 target M5 holds “NaN” (NaN, not a number), no valid number",
    );
  });

  it("shows a slot left without a value as {slot}, and a bare code as its label", () => {
    const partial = { code: "check.sum_ok", params: { sum: "3" } } as const;
    expect(zh(partial)).toBe("各单位合计 3,与{label} {target} 一致");
    expect(messageText("town_status.missing", "en")).toBe("Not reported");
  });
});

describe("the pane's say", () => {
  it("words core's messages and labels in the pane's language", () => {
    const m = message("return.row", {
      indicator: "制造业投资",
      detail: message("return.blank", { target: "12.2" }),
    });
    expect(say(m, WORDS.zh)).toBe("制造业投资:未填写(下达目标 12.2)");
    expect(say(m, WORDS.en)).toBe("制造业投资: Not filled in (target 12.2)");
    expect([
      say("town_status.warning", WORDS.en),
      say("light.red", WORDS.en),
      say("method.equal", WORDS.zh),
    ]).toEqual(["Warnings", "Red", "平均分配"]);
    expect([statusLabel("over", "zh"), statusLabel("over", "en")]).toEqual(["超额分解", "Over-allocated"]);
  });
});

describe("value words read back as their codes", () => {
  it.each(Object.keys(VALUE_WORDS).filter((code) => code !== "text"))("%s", (code) => {
    const params = Object.fromEntries(
      slots(CATALOGUE[code as keyof typeof CATALOGUE].zh).map((s) => [s, "万元"]),
    );
    const m = { code, params } as Message;
    expect(valueNote(zh(m))).toEqual(m);
  });

  it("keeps words it does not know, verbatim", () => {
    expect(valueNote("另有原因")).toEqual(message("text", { text: "另有原因" }));
  });
});

describe("wording fixes on seed 001's 附件3", () => {
  const results = checkWorkbook([annex3Grid()])[0].results;
  const row = (name: string) => results.find((r) => r.indicator.startsWith(name))!;

  it("an over-allocation says the sum, the target and the excess", () => {
    expect(row("“浙江制造”标准").message).toBe("各单位合计 12,超过全市目标 5,超额 7");
    expect(messageText(row("“浙江制造”标准").msg, "en")).toBe(
      "The units add up to 12, above the 全市 target 5 by 7",
    );
  });

  it("a shortfall the same way", () => {
    const grid = annex3Grid();
    const line = grid.rows.findIndex((r) => String(r[1]).startsWith("制造业投资"));
    grid.rows[line][2] = 0.3; // 当湖街道 0.8 → 0.3: 117.5 of 118
    const short = checkWorkbook([grid])[0].results.find((r) => r.indicator === "制造业投资")!;
    expect([short.status, short.message]).toEqual(["short", "各单位合计 117.5,低于全市目标 118,缺口 0.5"]);
  });

  it("towns that all have one value read 均为 6, not the range 6–6", () => {
    const same = row("规上工业全员劳动生产率增长");
    expect(same.message).toBe("全市 6 与各单位一致(均为 6)");
    expect(row("规上工业增加值增长").message).toBe("全市 7 介于各单位 5–10 之间");
  });
});

describe("dates and year spans written one way", () => {
  it("writes a time as 2024年1月5日 10:03 in the clerk's zone", () => {
    expect(localTime("2024-01-05T02:03:04.000Z", 480)).toBe("2024年1月5日 10:03");
    expect(localTime("2026-11-24T16:20:00.000Z", 480)).toBe("2026年11月25日 00:20");
  });

  it("spans years with an em dash, and leaves dates and other numbers alone", () => {
    expect(yearSpans("实施方案(2023-2027年)主要目标体系")).toBe("实施方案(2023—2027年)主要目标体系");
    expect(yearSpans("2023–2027、2021~2025年、2020至2022年、2023—2027年")).toBe(
      "2023—2027、2021—2025年、2020—2022年、2023—2027年",
    );
    expect(yearSpans("发布时间:2023-01-29;编号 12023-20271;2027-2023")).toBe(
      "发布时间:2023-01-29;编号 12023-20271;2027-2023",
    );
  });
});
