// validateReturn on grids built from the real 平湖 template: identity, structure drift, values, 说明.
import { describe, expect, it } from "vitest";
import type { Grid, GridValue } from "../../src/core/grid";
import { MARKER_SHEET } from "../../src/core/submissions/marker";
import { validateReturn } from "../../src/core/submissions/validateReturn";
import { filledGrids, seedBreakdown, TOWNS } from "./fixtures";

const breakdown = seedBreakdown();
const issued = { breakdown, towns: TOWNS };
/** Sheet rows: 制造业投资 is row 5 (target 41 for 经开区), 规上工业增加值增长 row 4 (10%), 件 row 11. */
const INVEST = 4;

function grids(town = "经开区"): Grid[] {
  return filledGrids(breakdown, town);
}
function sheet(g: Grid[]): GridValue[][] {
  return g.find((x) => x.name === "填报")!.rows;
}
function run(g: Grid[], file = "returned.xlsx") {
  const r = validateReturn(g, issued, file);
  return { ...r, codes: r.findings.map((f) => `${f.severity}:${f.code}@${f.cell}`) };
}

describe("a clean return", () => {
  const r = run(grids());
  it("is recognised by its marker, with no findings and every figure read", () => {
    expect(r.unit).toBe("经开区");
    expect(r.matchedBy).toBe("marker");
    expect(r.findings).toEqual([]);
    expect(r.values.get("制造业投资")).toEqual({ value: 41, note: "" });
    expect(r.values.get("规上工业单位工业增加值能耗下降")).toEqual({ value: null, note: "" });
    expect(r.values.size).toBe(15);
  });
});

describe("identity", () => {
  it("without the marker: by the title, with a warning", () => {
    const r = run(
      grids("新仓镇").filter((g) => g.name !== MARKER_SHEET),
      "x.xlsx",
    );
    expect([r.unit, r.matchedBy]).toEqual(["新仓镇", "content"]);
    expect(r.codes).toEqual(["warning:no_marker@"]);
  });
  it("without marker and title: by the file name", () => {
    const g = grids("林埭镇").filter((x) => x.name !== MARKER_SHEET);
    sheet(g)[0][0] = "目标任务填报";
    const r = run(g, "/tmp/收到/林埭镇-最终版(2).xlsx");
    expect([r.unit, r.matchedBy]).toEqual(["林埭镇", "filename"]);
  });
  it("unknown: an error, no figures", () => {
    const g = grids().filter((x) => x.name !== MARKER_SHEET);
    sheet(g)[0][0] = "目标任务填报";
    const r = run(g, "book1.xlsx");
    expect(r.unit).toBeNull();
    expect(r.codes).toContain("error:unknown_unit@");
    expect(r.values.size).toBe(0);
  });
  it("the marker wins over a title naming another town, with a warning", () => {
    const g = grids();
    sheet(g)[0][0] = "2023年新埭镇目标任务填报";
    const r = run(g);
    expect(r.unit).toBe("经开区");
    expect(r.codes).toEqual(["warning:unit_conflict@A1"]);
  });
  it("a template of another year is an error", () => {
    const g = grids();
    g[1].rows[2][1] = "2022";
    expect(run(g).codes).toEqual(["error:wrong_year@"]);
  });
});

describe("structure drift", () => {
  it("an unrelated name is an added row plus a missing one", () => {
    const g = grids();
    sheet(g)[11][1] = "高价值发明专利拥有数";
    expect(run(g).codes).toEqual(["warning:row_added@B12", "error:row_missing@"]);
  });
  it("a renamed sheet is read, with a warning", () => {
    const g = grids();
    g[0].name = "经开区";
    expect(run(g).codes).toEqual(["warning:sheet_renamed@"]);
  });
  it("an inserted column is reported by its header; values are read by header", () => {
    const g = grids();
    for (const row of sheet(g)) row.splice(5, 0, null);
    sheet(g)[2][5] = "上年完成";
    sheet(g)[INVEST][5] = 35;
    const r = run(g);
    expect(r.codes).toEqual(["warning:column_added@F3"]);
    expect(r.values.get("制造业投资")?.value).toBe(41);
  });
  it("a reordered row is a warning; its figure is still its own", () => {
    const g = grids();
    const rows = sheet(g);
    [rows[4], rows[5]] = [rows[5], rows[4]];
    const r = run(g);
    expect(r.codes).toEqual(["warning:row_moved@B6"]);
    expect(r.values.get("制造业投资")?.value).toBe(41);
  });
  it("a renamed indicator is matched by similarity, naming old and new", () => {
    const g = grids();
    sheet(g)[10][1] = "高价值发明专利拥有数";
    const r = run(g);
    expect(r.codes).toEqual(["warning:indicator_renamed@B11"]);
    expect(r.findings[0].message).toContain("“高价值发明专利拥有量”改为“高价值发明专利拥有数”");
  });
  it("a deleted row is an error; an added one a warning", () => {
    const g = grids();
    sheet(g).splice(6, 1);
    // Added where the table ends, above the sign-off lines (row 18 now that one row went).
    sheet(g).splice(17, 0, [16, "工业技改投资", "亿元", "总量型", null, 3]);
    const r = run(g);
    expect(r.codes).toEqual(["warning:row_added@B18", "error:row_missing@"]);
  });
  it("an overwritten 下达目标 is an error, even with a 说明", () => {
    const g = grids();
    sheet(g)[INVEST][4] = 35;
    sheet(g)[INVEST][6] = "目标过高";
    const r = run(g);
    expect(r.codes).toEqual(["error:target_changed@E5"]);
  });
  it("merged cells and hidden rows are warnings", () => {
    const g = grids();
    g[0].merges!.push("F6:F7");
    (g[0] as Grid & { hiddenRows: number[] }).hiddenRows = [8];
    expect(run(g).codes).toEqual(["warning:merged_cells@F6:F7", "warning:hidden_row@A9"]);
  });
  it("a missing 本单位填报 column is an error and nothing is read", () => {
    const g = grids();
    for (const row of sheet(g)) row.splice(5, 1);
    const r = run(g);
    expect(r.codes).toEqual(["error:column_missing@"]);
    expect([...r.values.values()].every((v) => v.value === null)).toBe(true);
  });
});

describe("values", () => {
  const withValue = (v: GridValue, note: GridValue = null, row = INVEST) => {
    const g = grids();
    sheet(g)[row][5] = v;
    sheet(g)[row][6] = note;
    return run(g);
  };
  it.each([
    ["４１", "warning:text_number@F5", 41],
    ["41亿元", "warning:text_number@F5", 41],
    ["410000万元", "error:unit_mismatch@F5", null],
    [{ error: "#DIV/0!" }, "error:invalid_value@F5", null],
    [null, "error:blank@F5", null],
    ["-", "error:blank@F5", null],
    ["已完成", "error:invalid_value@F5", null],
    [38.5, "error:below_target@F5", 38.5],
    [100, "warning:far_from_target@F5", 100],
  ] as [GridValue, string, number | null][])("%s → %s", (v, code, value) => {
    const r = withValue(v);
    expect(r.codes).toEqual([code]);
    expect(r.values.get("制造业投资")?.value).toBe(value);
  });
  it("a negative amount is an error (and below target)", () => {
    expect(withValue(-3).codes).toEqual(["error:negative@F5", "error:below_target@F5"]);
  });
  it("a 质态型 figure below target is a warning; a negative growth rate is allowed", () => {
    expect(withValue(9, null, 3).codes).toEqual(["warning:below_target@F4"]);
    expect(withValue(-1, null, 3).codes).toEqual(["warning:below_target@F4"]);
  });
  it("a filled 说明 turns the row's errors into warnings", () => {
    const r = withValue(38.5, "受项目延期影响");
    expect(r.codes).toEqual(["warning:below_target@F5"]);
    expect(r.findings[0].message).toContain("已说明:“受项目延期影响”");
    expect(r.values.get("制造业投资")).toEqual({ value: 38.5, note: "受项目延期影响" });
  });
  it("no number is due where the target is pending or '-'", () => {
    const g = filledGrids(breakdown, "当湖街道");
    expect(run(g).findings).toEqual([]);
  });
});
