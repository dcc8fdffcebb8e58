#!/usr/bin/env python3
"""The breakdown check of `target-breakdown check`, written as a plain openpyxl script.

It is the baseline of bench/check.mjs (npm run bench:check):

    /usr/bin/python3 bench/check_openpyxl.py FILE.xlsx

For every sheet it finds the header row (within the first 20 rows: an 指标名称 cell and a 全市/合计/… cell),
takes the columns between the two as towns (leaving out 序号/计量单位/类型/责任部门/…), and judges each data
row the way the CLI does:

  总量型  the towns must add up exactly to 全市 (decimal.Decimal of each value as written) → ok / over / short
  质态型  全市 must lie within [min, max] of the towns                                    → ok / out_of_range
  an empty town or 全市 cell → missing; text that is no number → invalid; "-" → no target (the town is left
  out; a "-" 全市 makes the row none).

It prints {"file", "sheets": [{"sheet", "towns", "rows", "summary"}], "summary"} as JSON, the summary being the
number of rows per status, and exits 1 when a row has an error (short/out_of_range/missing/invalid), else 0 —
the CLI's exit codes.

What it leaves out, because the benchmark workbook does not need it: the CLI's lenient reading of numbers typed
as text ("1,250", "50%以上", full-width digits), merged cells, a total column standing before the towns, the
weighted mean of --weights and the cross-check against an indicator system.
"""
import itertools
import json
import re
import sys
from decimal import Decimal

import openpyxl

TOTAL_HEADER = re.compile(r"^(全市|合计|总计|全县|全区|全省|全镇|市合计|县合计|区合计|全市合计|总量)$")
INDICATOR_HEADER = re.compile(r"^(指标名称|二级指标|指标|指标项|考核指标|主要指标|目标任务|任务指标)$")
UNIT_HEADER = re.compile(r"^(单位|计量单位|指标单位)$")
KIND_HEADER = re.compile(r"^(类型|指标类型|指标性质)$")
META_HEADER = re.compile(
    r"^(序号|编号|单位|计量单位|指标单位|类型|指标类型|指标性质|一级指标|责任部门|责任单位|牵头单位|配合单位|牵头部门"
    r"|备注|说明|分解合计|合计数|差额|校验|校验结果|状态|属性)$"
)
NUMBER_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
NONE_TEXT = re.compile(r"^[-－—–/／\\]+$|^(无|空|不适用)$")
PENDING_TEXT = re.compile(r"^待|另行下达|待定|另行确定")
NOTE_ROW = re.compile(r"^(注|备注|说明|填报|制表|审核)[:：]?")
RATE_WORDS = re.compile(r"(增长|增速|比重|占比|亩均|人均|每万人|率|降幅|下降|强度|贡献度|密度)")
ERRORS = {"short", "out_of_range", "missing", "invalid"}


def text(v):
    return "" if v is None else str(v)


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def header(v):
    return re.sub(r"\s+", "", text(v))


def classify(v):
    """(status, value) of one cell; numbers become the Decimal of the value as written (repr of the float)."""
    if v is None:
        return "missing", None
    if isinstance(v, bool):
        return "invalid", None  # a logical value where a number is due
    if isinstance(v, int):
        return "number", Decimal(v)
    if isinstance(v, float):
        return "number", Decimal(repr(v))
    s = text(v).strip()
    if s == "":
        return "missing", None
    if NUMBER_TEXT.match(s):
        return "number", Decimal(s)
    if NONE_TEXT.match(s):
        return "none", None
    if PENDING_TEXT.search(s):
        return "pending", None
    if not re.search(r"\d", s) and re.search(r"[\u4e00-\u9fff]{2,}", s):
        return "qualitative", None
    return "invalid", None


def kind_of(label, name, unit):
    """总量型 → "total", 质态型 → "rate"; without a 类型 cell, by unit and name as the CLI guesses."""
    label = header(label)
    if re.match(r"^(总量型?|total)$", label, re.I):
        return "total"
    if re.match(r"^(质态型?|比率型?|rate)$", label, re.I):
        return "rate"
    if unit in ("%", "‰") or "/" in unit or RATE_WORDS.search(name):
        return "rate"
    return "total"


def find_table(row):
    """The columns of a header row, or None when it is no breakdown header."""
    headers = [header(v) for v in row]
    indicator = next((c for c, h in enumerate(headers) if INDICATOR_HEADER.match(h)), None)
    if indicator is None:
        indicator = next((c for c, h in enumerate(headers) if "指标" in h and h != "一级指标"), None)
    total = next((c for c, h in enumerate(headers) if TOTAL_HEADER.match(h)), None)
    if indicator is None or total is None:
        return None
    towns, seen = [], set()
    for c in range(min(indicator, total) + 1, max(indicator, total)):
        h = headers[c]
        if h and not META_HEADER.match(h) and h not in seen:
            towns.append(c)
            seen.add(h)
    return {
        "indicator": indicator,
        "total": total,
        "unit": next((c for c, h in enumerate(headers) if UNIT_HEADER.match(h)), None),
        "kind": next((c for c, h in enumerate(headers) if KIND_HEADER.match(h)), None),
        "towns": towns,
    }


def check_row(kind, total_cell, town_cells):
    """The status of one indicator row."""
    total_status, target = classify(total_cell)
    if total_status in ("invalid", "pending", "qualitative", "none"):
        return total_status
    towns = [classify(v) for v in town_cells]
    if any(st == "invalid" for st, _ in towns):
        return "invalid"
    if total_status == "missing" or any(st == "missing" for st, _ in towns):
        return "missing"
    values = [x for st, x in towns if st == "number"]
    if not values:
        return "pending" if all(st == "pending" for st, _ in towns) else "none"
    if kind == "total":
        difference = sum(values, Decimal(0)) - target
        return "ok" if difference == 0 else "over" if difference > 0 else "short"
    return "ok" if min(values) <= target <= max(values) else "out_of_range"


def check_sheet(ws):
    rows = ws.iter_rows(values_only=True)
    head = list(itertools.islice(rows, 20))
    for r, row in enumerate(head):
        table = find_table(row)
        if table:
            break
    else:
        return None
    if not table["towns"]:
        return None

    def cell(row, c):
        return row[c] if c is not None and c < len(row) else None

    summary = {}
    for row in itertools.chain(head[r + 1 :], rows):
        name = text(cell(row, table["indicator"])).strip()
        if name == "":
            continue  # spacer rows
        if NOTE_ROW.match(name) and not any(is_number(v) for c, v in enumerate(row) if c != table["indicator"]):
            continue  # 注:… lines under the table
        unit = text(cell(row, table["unit"])).strip()
        kind = kind_of(cell(row, table["kind"]), name, unit)
        status = check_row(kind, cell(row, table["total"]), [cell(row, c) for c in table["towns"]])
        summary[status] = summary.get(status, 0) + 1
    return {"sheet": ws.title, "towns": len(table["towns"]), "rows": sum(summary.values()), "summary": summary}


def main(argv, check=None, name="check_openpyxl.py"):
    """Checks every sheet with `check` (this layout's check_sheet by default) and prints the summary as JSON."""
    check = check or check_sheet
    if len(argv) != 2:
        print(f"usage: {name} FILE.xlsx", file=sys.stderr)
        return 2
    wb = openpyxl.load_workbook(argv[1], read_only=True, data_only=True)
    sheets = [s for s in (check(ws) for ws in wb.worksheets) if s]
    wb.close()
    summary = {}
    for s in sheets:
        for status, n in s["summary"].items():
            summary[status] = summary.get(status, 0) + n
    print(json.dumps({"file": argv[1], "sheets": sheets, "summary": summary}, ensure_ascii=False))
    if not sheets:
        return 2
    return 1 if ERRORS & summary.keys() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
