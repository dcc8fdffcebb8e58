// Pathological text for the readers: cell text, paragraphs, plan texts, sheet names and returned files built to
// make a regular expression backtrack or a loop go quadratic. Shared by tests/hostile/hostileText.test.ts (the
// real entry points, in-process) and bench/hostileText.mjs (the built CLI, with time and peak memory). Every
// input is built here, never stored; a big sheet reuses one string for all its cells, so 2,000 × 50 cells of
// 30,000 characters cost one string's memory.
import { makeZip } from "./zipWriter.mjs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SEED_001 = path.join(ROOT, "seeds", "001_86af085e02e72586.txt");
export const seedText = () => readFileSync(SEED_001, "utf8");

const MB = 1024 * 1024;

/** The seed's eight towns (附件3 of seed 001), for returns and breakdown sheets. */
export const TOWNS = ["当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇"];

/**
 * Cell texts (and paragraphs) each aimed at a pattern: long runs, repeated prefixes, separators without the
 * figure a rule waits for. Lengths are those of the brief; `cell()` cuts one to what a cell may hold.
 */
export const TEXTS = {
  digits: () => "1".repeat(100_000),
  oneDot: () => "1.".repeat(50_000),
  parens: () => "(".repeat(50_000),
  zhen: () => "镇".repeat(100_000),
  spaces: () => `工业${" \t".repeat(MB / 2)}投资`,
  leadingSpaces: () => `${" ".repeat(MB)}工业投资100亿元x`,
  numbering: () => "第一条".repeat(40_000),
  punctuation: () => "、，。；：“”（）《》！？".repeat(10_000),
  qianwan: () => "千万".repeat(50_000),
  wancheng: () => "完成".repeat(50_000),
  dunhao: () => "新仓镇、".repeat(30_000),
  dunhaoDigits: () => "建成1个项目、".repeat(20_000),
  quotes: () => `${"'".repeat(50_000)}x`,
  da: () => `工业投资${"达".repeat(50_000)}100亿元`,
  leading: () => `${"其中".repeat(50_000)}工业投资100亿元`,
  zhan: () => `工业投资100亿元${",占1%".repeat(30_000)}`,
  trailingTail: () => `工业投资100亿元${" ".repeat(100_000)}x`,
  braces: () => `{{单位${" ".repeat(30_000)}x`,
  fullWidth: () => "１２３４５６７８９０．，".repeat(10_000),
  tags: () => "<w:p ".repeat(50_000),
  percent: () => "50%以上".repeat(20_000),
  yearRange: () => `2023${" ".repeat(MB)}年`,
  wordsBefore: () => `${"约".repeat(5_000_000)}1亿元`,
};

/** A text cut to the 32,767 characters a cell holds (the readers refuse a longer one, as Excel does). */
export const cell = (text, max = 32_000) => (text.length > max ? text.slice(0, max) : text);

/** Sheet names with every odd character a name can carry (Excel forbids some; returned files may not care). */
export const ODD_SHEET_NAMES = [
  "'''''''''''''''''''''''''''''''",
  "1-8月'",
  "[]:*?/\\",
  '"<&>"',
  "亮晒1-8月",
  "😀🧨\u200b\u200d\u202e",
  "e\u0301\u0301\u0301\u0301\u0301\u0301",
  "\t\n\r",
  " ".repeat(31),
  "年".repeat(31),
  "2023年".repeat(5),
  "Sheet1".padEnd(31, "\u3000"),
];

/** A breakdown sheet (indicators as rows, the eight towns and 全市) with `text` standing in its cells. */
export function breakdownGrid(name, text, rows = 20) {
  const header = ["序号", "指标名称", ...TOWNS, "全市"];
  const body = [];
  for (let r = 0; r < rows; r++) {
    const values = TOWNS.map((_, k) => (r % 3 === 0 ? text : k + 1));
    body.push([r + 1, r % 2 ? text : `指标${r}(亿元)`, ...values, r % 4 === 0 ? text : 36]);
  }
  return { name, rows: [[`2023年${text}目标任务分解表`], [text], header, ...body] };
}

/** A grid whose every cell holds `text`: the header words a reader looks for, then rows × cols of the text. */
export function bigGrid(text, rows = 2000, cols = 50) {
  const header = ["指标名称", "全市", ...Array.from({ length: cols - 2 }, (_, k) => `第${k + 1}镇`)];
  const body = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c === 1 && r % 2 === 0 ? 100 : text)),
  );
  return { name: "2023年", rows: [["2023年目标任务分解表"], header, ...body] };
}

/** A header cell of 30,000 characters in an otherwise plain breakdown. */
export function longHeaderGrid(text = "指标".repeat(15_000)) {
  const g = breakdownGrid("长表头", "1", 10);
  g.rows[2] = [...g.rows[2].slice(0, 2), text, ...g.rows[2].slice(3)];
  g.rows[0] = [text];
  return g;
}

/** Towns as rows, a subtotal after every town: each subtotal's members were found by scanning every line. */
export function subtotalGrid(towns = 20_000) {
  const rows = [["2023年工业投资目标任务分解表"], ["镇(街道)", "工业投资(亿元)"]];
  for (let i = 0; i < towns; i++) {
    rows.push([`第${i}镇`, 1]);
    if (i % 2) rows.push(["街道小计", 2]);
  }
  rows.push(["合计", towns]);
  return { name: "小计", rows };
}

/** Towns as rows with a base, a target and a growth column: the growth check looked every town up in a list. */
export function growthGrid(towns = 30_000) {
  const rows = [["2023年工业投资目标任务分解表"], ["镇(街道)", "2022年完成", "2023年目标", "增长(%)"]];
  for (let i = 0; i < towns; i++) rows.push([`第${i}镇`, 100, 110, 10]);
  rows.push(["合计", 100 * towns, 110 * towns, 10]);
  return { name: "增长", rows };
}

/** An indicator system and a breakdown naming the same many indicators slightly differently (the cross-check). */
export function crossCheckGrids(n = 5_000) {
  const system = [["指标名称", "单位", "2023年", "2025年"]];
  const breakdown = [["2023年目标任务分解表"], ["指标名称", ...TOWNS, "全市"]];
  for (let i = 0; i < n; i++) {
    system.push([`规上工业增加值第${i}项`, "亿元", 10, 12]);
    breakdown.push([`工业增加值${i}项(亿元)`, ...TOWNS.map(() => 1), 8]);
  }
  return [
    { name: "指标体系", rows: system },
    { name: "2023年分解", rows: breakdown },
  ];
}

/** A 进度 workbook: the breakdown over many towns and a 1-8月 sheet of their actuals (the ranking). */
export function progressGrids(towns = 20_000) {
  const names = Array.from({ length: towns }, (_, i) => `第${i}镇`);
  const header = ["指标名称", ...names, "全市"];
  const row = (k) => [`工业投资(亿元)`, ...names.map((_, i) => (i % 7) + k), towns * 4];
  return [
    { name: "2023年分解", rows: [["2023年工业投资目标任务分解表"], header, row(10)] },
    { name: "1-8月", rows: [["2023年1-8月工业投资完成情况"], header, row(1)] },
  ];
}

// ---- plan texts ----------------------------------------------------------------------------------------------

/** A plan of 5 MB (as UTF-8) with no line break: sentences, lists and figures run together. */
export function planNoLineBreaks() {
  const unit = "确保工业投资、制造业投资分别达到970亿元、900亿元以上,新增规上企业50家、力争60家;";
  return `《某市制造业方案》${unit.repeat(Math.ceil((5 * MB) / Buffer.byteLength(unit)))}`;
}

/** A plan of 200,000 short lines: headings, numbered clauses, figures, stray "|" lines. */
export function planManyLines() {
  const lines = ["某市制造业高质量发展方案"];
  const kinds = [
    "一、2023年目标",
    "第一条 确保工业投资100亿元以上。",
    "|",
    "附件1",
    "",
    "(一)新增规上企业50家",
    "  2023年,力争产值突破1000亿元。",
  ];
  for (let i = 0; lines.length < 200_000; i++) lines.push(kinds[i % kinds.length]);
  return lines.join("\n");
}

/**
 * A plan whose body and tables hold the hostile texts: each as a paragraph, a sentence and cells of its 附件1
 * and 附件3 tables (seven copies, which keeps a 1 MB text under the 16 MB a text plan may be).
 */
export function planWithTexts(texts = Object.values(TEXTS).map((f) => cell(f(), 16_000))) {
  const lines = ["《某市先进制造业集群培育方案》", "2023年,确保规上工业增加值增长8%。"];
  for (const t of texts) lines.push(t, `2023年,${t}。`);
  lines.push("附件1", "主要目标体系", "序号 | 一级指标 | 指标名称 | 2023年 | 2025年 | 责任单位 |");
  texts.forEach((t, i) => lines.push(`${i + 1} | 发展质效 | ${t} | ${t} | 1 | 市经信局 |`));
  lines.push("", "附件3", "2023年镇(街道)目标任务分解", `序号 | 指标名称 | ${TOWNS.join(" | ")} | 全市 |`);
  texts.forEach((t, i) =>
    lines.push(`${i + 1} | ${t} | ${TOWNS.map((_, k) => (k < 2 ? t : k)).join(" | ")} | ${t} |`),
  );
  return lines.join("\n");
}

/** A table whose header has many merge-prone columns (一级指标, 类别, 重点任务): every short row tried each way. */
export function planWideHeader(columns = 40, rows = 2_000) {
  const header = [
    "序号",
    ...Array.from({ length: columns }, (_, i) => (i % 2 ? "类别" : "一级指标")),
    "指标名称",
    "2023年",
    "2025年",
  ];
  const lines = ["附件1", "主要目标体系", `${header.join(" | ")} |`];
  for (let r = 0; r < rows; r++) lines.push(`${r + 1} | 指标${r} | 1 | 2 |`);
  lines.push(
    "",
    "附件2",
    "职责分工",
    `序号 | ${Array.from({ length: columns }, () => "重点任务").join(" | ")} | 具体内容 | 责任单位 |`,
  );
  for (let r = 0; r < rows; r++) lines.push(`${r + 1} | 完成${"完成".repeat(50)} | 市经信局 |`);
  return lines.join("\n");
}

/** Every plan text case: name → text. */
export const PLAN_TEXTS = {
  noLineBreaks: planNoLineBreaks,
  manyLines: planManyLines,
  withTexts: () => planWithTexts(),
  wideHeader: () => planWideHeader(),
  numbering: () => `方案\n${"第一条".repeat(MB)}\n`,
  leadingSpaces: () => `方案\n${" ".repeat(2 * MB)}2023年x\n`,
  punctuation: () => `方案\n${"确保工业投资100亿元、".repeat(200_000)}`,
  // Towns listed together each get the target (prose/context.ts, extract.ts): 20,000 clauses of two towns, and
  // one 分别 list of 5,000 towns and 5,000 figures.
  townsSharing: () =>
    `方案\n${Array.from({ length: 20_000 }, (_, i) => `东${i}镇、西${i}镇不低于${(i % 9) + 1}%`).join(",")}。\n`,
  townsRespectively: () => {
    const towns = Array.from({ length: 5_000 }, (_, i) => `东${i}镇`).join("、");
    const figures = Array.from({ length: 5_000 }, (_, i) => `${i + 1}亿元`).join("、");
    return `方案\n${towns}规上工业总产值分别达到${figures}。\n`;
  },
  wideTable: () =>
    `附件3\n序号 | 指标名称 | ${"镇 | ".repeat(100_000)}全市 |\n${"1 | 工业投资 | 1 |\n".repeat(1_000)}`,
};

// ---- files ---------------------------------------------------------------------------------------------------

const xmlEscape = (s) =>
  String(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // Characters XML 1.0 cannot hold at all (NUL and most controls) are left out.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** A zip of { name, data } entries, deflated. */
export const zip = (entries) => makeZip(entries);

const colName = (c) => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * An .xlsx of `grids` ({ name, rows, hidden? }): strings as shared strings (each distinct string stored once, so a
 * sheet of one long string repeated stays small), numbers as numbers. Strings are cut to what a cell holds.
 */
export function xlsxOf(grids) {
  const shared = new Map();
  const sst = [];
  const sheets = grids.map((g) => {
    const parts = [];
    g.rows.forEach((row, r) => {
      const cells = [];
      (row ?? []).forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        const ref = `${colName(c)}${r + 1}`;
        if (typeof v === "number") cells.push(`<c r="${ref}"><v>${v}</v></c>`);
        else {
          const s = cell(String(v));
          let k = shared.get(s);
          if (k === undefined) {
            k = sst.length;
            shared.set(s, k);
            sst.push(s);
          }
          cells.push(`<c r="${ref}" t="s"><v>${k}</v></c>`);
        }
      });
      parts.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    });
    return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join("")}</sheetData></worksheet>`;
  });
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${R}><sheets>${grids
    .map(
      (g, i) =>
        `<sheet name="${xmlEscape(g.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"${g.hidden ? ' state="hidden"' : ""}/>`,
    )
    .join("")}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${grids
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join(
      "",
    )}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  const sstXml = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${sst.length}" uniqueCount="${sst.length}">${sst
    .map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`)
    .join("")}</sst>`;
  return zip([
    { name: "[Content_Types].xml", data: types },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: "xl/workbook.xml", data: workbook },
    { name: "xl/_rels/workbook.xml.rels", data: rels },
    { name: "xl/sharedStrings.xml", data: sstXml },
    ...sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
  ]);
}

/** A .docx of `paragraphs` and one table of `table` rows (arrays of cell texts), each text as one run. */
export function docxOf(paragraphs, table = []) {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (t) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r></w:p>`;
  const rows = table.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join("")}</w:tr>`).join("");
  const body = `${paragraphs.map(p).join("")}${rows ? `<w:tbl>${rows}</w:tbl>` : ""}`;
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zip([
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: "word/document.xml",
      data: `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    },
  ]);
}

/**
 * A .docx plan holding each text in a paragraph, a sentence and a cell of its 附件3 table. Three copies, not
 * more: a part of repeated text inflating past 4 MB at 500:1 is refused as a zip bomb before it is read.
 */
export function docxPlan(texts = Object.values(TEXTS).map((f) => f())) {
  const paragraphs = [
    "《某市先进制造业集群培育方案》",
    ...texts.flatMap((t) => [t, `2023年,${t}。`]),
    "附件3",
    "2023年镇(街道)目标任务分解",
  ];
  const table = [
    ["序号", "指标名称", ...TOWNS, "全市"],
    ...texts.map((t, i) => [String(i + 1), t, ...TOWNS.map((_, k) => String(k + 1)), "36"]),
  ];
  return docxOf(paragraphs, table);
}

// ---- returned files (collect) --------------------------------------------------------------------------------

const RETURN_HEADER = ["序号", "指标名称", "计量单位", "类型", "下达目标", "本单位填报", "说明"];

/** A returned 填报 sheet of a town with `text` in its title rows, names, units, figures and notes. */
export function returnGrid(town, text, rows = 40) {
  const body = Array.from({ length: rows }, (_, r) => [
    r + 1,
    r % 2 ? text : `制造业投资${r}`,
    text,
    text,
    text,
    text,
    text,
  ]);
  return { name: "填报", rows: [[`2023年${town}目标任务填报`], [text], RETURN_HEADER, ...body] };
}

/** A return listing many rows no issued indicator is called (each compared with every issued name). */
export function junkRowsReturn(town, rows = 100_000) {
  const body = Array.from({ length: rows }, (_, r) => [
    r + 1,
    `制造业投资第${r}项`,
    "亿元",
    "总量型",
    1,
    1,
    "",
  ]);
  return { name: "填报", rows: [[`2023年${town}目标任务填报`], [""], RETURN_HEADER, ...body] };
}

/** Returned grids for each hostile text: the name of the case → the grids of a file. */
export function returnCases() {
  const out = {};
  TOWNS.forEach((town, i) => {
    const [name, make] = Object.entries(TEXTS)[i % Object.keys(TEXTS).length];
    out[`${name}@${town}`] = [returnGrid(town, cell(make()))];
  });
  out.junkRows = [junkRowsReturn("新仓镇")];
  out.longNames = [returnGrid("广陈镇", cell(TEXTS.dunhao()), 2_000)];
  out.oddSheets = ODD_SHEET_NAMES.map((n, i) => ({
    ...returnGrid("林埭镇", cell(TEXTS.quotes()), 5),
    name: `${n}${i}`,
  }));
  return out;
}
