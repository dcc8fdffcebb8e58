// Returned files for the message tests (messageEmitters.test.ts): the corpus's returns as towns send them, then
// in-memory templates with each drift or mistake the validation words, files that are no workbook, readers that
// fail, breakdown-shaped returns, a town's self-check and counties' 汇总 sent up to the city.
import { join } from "node:path";
import { collectReturns } from "../../src/cli/collect";
import type { Grid } from "../../src/core/grid";
import type { Breakdown, Cell } from "../../src/core/model";
import { LimitError } from "../../src/core/read/limits";
import { ReadError } from "../../src/core/read/readError";
import { countySubmission } from "../../src/core/submissions/countyRollup";
import type { Finding } from "../../src/core/submissions/finding";
import { selfCheck } from "../../src/core/submissions/selfCheck";
import { collectionSheets, returnedFileOf, submissionOf } from "../../src/core/submissions/submission";
import { checkValue, type RowCells } from "../../src/core/submissions/returnValues";
import { validateReturn } from "../../src/core/submissions/validateReturn";
import { tempDir } from "../helpers/workbooks";
import { SPECS } from "../submissions/corpusCases";
import { filledGrids, seedBreakdown, writeReturn, writeTemplate } from "../submissions/fixtures";
import { encryptedWorkbookBytes, legacyWordBytes } from "../submissions/oleFile";
import { gridOfSpec, type Carried } from "./messageCases";

const RECEIVED = "2024-01-05T02:03:04.000Z";
const NO_CELLS: RowCells = { target: undefined, unit: undefined, kind: undefined, value: null, note: "" };
const said = (where: string, findings: Finding[]): Carried[] =>
  findings.map((f) => ({ where: `${where} ${f.sheet}!${f.cell}`, text: f.message, msg: f.msg }));

/** The breakdown with 当湖街道's cell of one row replaced. */
function withCell(b: Breakdown, name: string, cell: Partial<Cell>): Breakdown {
  return {
    ...b,
    rows: b.rows.map((r) =>
      r.name === name ? { ...r, values: { ...r.values, 当湖街道: { ...r.values.当湖街道, ...cell } } } : r,
    ),
  };
}

/** 当湖街道's template filled in, edited: the 填报 sheet (0-based rows; the header is row 2) and the marker. */
function edited(b: Breakdown, edit: (sheet: Grid, marker: Grid) => void): Grid[] {
  const grids = filledGrids(b, "当湖街道");
  edit(
    grids.find((g) => g.name === "填报")!,
    grids.find((g) => g.name !== "填报")!,
  );
  return grids;
}

function templateCases(b: Breakdown): Carried[] {
  const towns = b.units;
  const markerRow = (marker: Grid, label: string) => marker.rows.find((r) => r[0] === label)!;
  const cases: [string, Grid[], Partial<Parameters<typeof validateReturn>[1]>?][] = [
    ["title names another town", edited(b, (s) => (s.rows[0][0] = "2023年经开区目标任务填报"))],
    [
      "another plan, another version",
      edited(b, (_, m) => {
        markerRow(m, "指标集")[1] = "其他";
        markerRow(m, "模板版本")[1] = "0";
      }),
    ],
    [
      "columns: one untitled, 本单位填报 renamed",
      edited(b, (s) => {
        s.rows[2][5] = "数值";
        for (let r = 3; r < s.rows.length; r++) s.rows[r][8] = 1;
      }),
    ],
    [
      "rows: one unnamed, one twice",
      edited(b, (s) => s.rows.push([null, null, null, null, null, 5], [...s.rows[3]])),
    ],
    [
      "locked cells and a NaN",
      edited(b, (s) => {
        s.rows[3][2] = "‰";
        s.rows[3][3] = "总量型";
        s.rows[4][5] = NaN;
        s.rows[5][4] = null;
      }),
    ],
    ["empty", [{ name: "Sheet1", rows: [] }]],
    ["no table", [{ name: "Sheet1", rows: [["基数见附件"]] }]],
    ["twice the year's target so far", edited(b, (s) => (s.rows[4][5] = 100)), { actuals: true }],
  ];
  const out = cases.flatMap(([where, grids, extra]) =>
    said(where, validateReturn(grids, { breakdown: b, towns, ...extra }, "当湖街道.xlsx").findings),
  );
  // The marker's town not issued this time.
  const others = towns.filter((t) => t !== "当湖街道");
  out.push(
    ...said(
      "not issued",
      validateReturn(filledGrids(b, "当湖街道"), { breakdown: b, towns: others }, "x.xlsx").findings,
    ),
  );
  // Targets in words, and ceilings (以内): a blank, a figure over the ceiling, one far under it.
  const words = withCell(b, "制造业投资", { value: null, text: "完成嘉兴下达任务", status: "qualitative" });
  const ceilings = withCell(withCell(b, "高价值发明专利拥有量", { op: "<=" }), "高耗低效整治企业数", {
    op: "<=",
  });
  const limits = edited(ceilings, (s) => {
    const at = (name: string) => s.rows.find((r) => r[1] === name)!;
    at("高价值发明专利拥有量")[5] = 500;
    at("高耗低效整治企业数")[5] = 1;
  });
  out.push(
    ...said(
      "words",
      validateReturn(filledGrids(words, "当湖街道"), { breakdown: words, towns }, "a.xlsx").findings,
    ),
  );
  out.push(...said("ceilings", validateReturn(limits, { breakdown: ceilings, towns }, "b.xlsx").findings));
  // A figure checked without its cell known (checkValue's other callers).
  const nan = checkValue(b.rows[1], b.rows[1].values.当湖街道, { ...NO_CELLS, value: "NaN" });
  out.push(...nan.findings.map((f) => ({ where: "no cell", text: f.message, msg: f.msg })));
  return out;
}

/** Not the template: a town's own breakdown table, indicators as rows (file named for another town) or towns as rows. */
function breakdownShapedCases(b: Breakdown): Carried[] {
  const byIndicator: Grid = {
    name: "Sheet1",
    rows: [
      ["指标名称", "当湖街道", "合计"],
      ["制造业投资(亿元)", 0.8, 0.8],
      ["规上工业增加值增长(%)", "abc", 5],
    ],
  };
  const byTown: Grid = {
    name: "Sheet1",
    rows: [
      ["镇(街道)", "制造业投资(亿元)", "规上工业增加值增长(%)"],
      ["当湖街道", 0.8, 5],
    ],
  };
  return [
    ...said(
      "by indicator",
      validateReturn([byIndicator], { breakdown: b, towns: b.units }, "经开区.xlsx").findings,
    ),
    ...said("by town", validateReturn([byTown], { breakdown: b, towns: b.units }, "当湖.xlsx").findings),
  ];
}

/** Bytes that are no workbook, readers that fail, a reader that breaks the validation. */
async function fileCases(b: Breakdown): Promise<Carried[]> {
  const raw: [string, Uint8Array][] = [
    ["空.xlsx", new Uint8Array()],
    ["导出.xlsx", Buffer.from("指标名称,本单位填报\n制造业投资,1.55\n")],
    ["网页.xlsx", Buffer.from("<html><body>填报</body></html>")],
    ["断.xlsx", Buffer.from("PK\u0005\u0006broken")],
    ["怪.xlsx", Buffer.from([1, 0, 2, 0, 3])],
    ["加密.xlsx", encryptedWorkbookBytes()],
    ["文档.xlsx", legacyWordBytes()],
  ];
  const zip = Buffer.from("PK\u0003\u0004");
  const failing: [string, Error][] = [
    ["太大.xlsx", new LimitError("fileBytes", "文件超过 256 MB,已拒绝")],
    ["坏.xlsx", new ReadError("xl/workbook.xml 不是 XML")],
    ["已说.xlsx", new ReadError("文件已损坏")],
    ["缺陷.xlsx", new Error("undefined is not a function")],
  ];
  const files = [
    ...(await Promise.all(raw.map(([name, bytes]) => returnedFileOf(bytes, name, RECEIVED, async () => [])))),
    ...(await Promise.all(
      failing.map(([name, e]) =>
        returnedFileOf(zip, name, RECEIVED, async () => {
          throw e;
        }),
      ),
    )),
    // A reader whose grid breaks the validation (a bug in a reader): said, not thrown.
    {
      path: "怪表.xlsx",
      receivedAt: RECEIVED,
      grids: [
        Object.defineProperty({ name: "填报" }, "rows", {
          get: () => {
            throw new Error("坏表");
          },
        }) as Grid,
      ],
    },
  ];
  return files.flatMap((f) => said(f.path, submissionOf(f, b).findings));
}

/** A county's 汇总 sent to a city that issued other units, more indicators, or whose figures are broken. */
function countyCases(b: Breakdown, summary: Grid[]): Carried[] {
  const city = (units: string[], extra = false): Breakdown => ({
    ...b,
    units,
    rows: [
      ...b.rows.map((r) => ({ ...r, values: Object.fromEntries(units.map((u) => [u, r.total])) })),
      ...(extra ? [{ ...b.rows[1], name: "新增指标" }] : []),
    ],
  });
  const broken = summary.map((g) => ({ ...g, rows: g.rows.map((r) => [...r]) }));
  const sheet = broken.find((g) => g.name === "汇总")!;
  const at = (name: string) => sheet.rows.find((r) => r[1] === name)!;
  at("制造业投资")[4] = "NaN";
  at("高价值发明专利拥有量")[4] = 9e307;
  at("高价值发明专利拥有量")[5] = 9e307;
  const empty: Grid[] = [
    { name: "汇总", rows: [["空"]] },
    { name: "报送情况", rows: [] },
  ];
  return [
    ...said(
      "county unknown",
      countySubmission(summary, city(["南湖区", "海宁市"]), "汇总.xlsx", RECEIVED).findings,
    ),
    ...said(
      "county more",
      countySubmission(summary, city(["平湖市", "海宁市"], true), "平湖市.xlsx", RECEIVED).findings,
    ),
    ...said("county broken", countySubmission(broken, city(["平湖市"]), "平湖市.xlsx", RECEIVED).findings),
    ...said("county empty", countySubmission(empty, city(["平湖市"]), "平湖市.xlsx", RECEIVED).findings),
  ];
}

export async function returnCases(): Promise<Carried[]> {
  const b = seedBreakdown();
  const dir = tempDir("tb-messages-");
  const templates = new Map<string, string>();
  const paths: string[] = [];
  for (const s of SPECS.filter((x) => !x.libreoffice)) {
    if (!templates.has(s.town)) templates.set(s.town, await writeTemplate(b, s.town, tempDir()));
    paths.push(await writeReturn(templates.get(s.town)!, join(dir, s.name), s.edit));
  }
  const collected = await collectReturns(b, [...paths, join(dir, "不存在.xlsx")]);
  const asActuals = await collectReturns(b, paths.slice(0, 4), true);
  const summary = collectionSheets(b, collected.consolidation, collected.submissions, new Date(RECEIVED)).map(
    gridOfSpec,
  );
  const own = edited(b, (s) => (s.rows[4][5] = "0.5亿元"));
  return [
    ...[...collected.submissions, ...asActuals.submissions].flatMap((s) => said(s.file, s.findings)),
    ...templateCases(b),
    ...breakdownShapedCases(b),
    ...(await fileCases(b)),
    ...countyCases(b, summary),
    ...said("self-check", selfCheck(own, "当湖街道.xlsx")!.findings),
  ];
}
