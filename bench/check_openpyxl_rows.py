#!/usr/bin/env python3
"""The breakdown check of `target-breakdown check` on a towns-as-rows table, written as a plain openpyxl script.

It is the baseline of bench/check.mjs (npm run bench:check) for the transposed province sheet:

    /usr/bin/python3 bench/check_openpyxl_rows.py FILE.xlsx

The table has towns as rows and indicators as columns: a header row (within the first 20 rows) whose corner cell
names the towns (镇(街道), 单位名称, …), one column per indicator headed "名称(计量单位)", a row per town, and a
row whose first cell is 合计/全市/… holding the totals. For every indicator column it sums the town rows and
compares with the total row, with the very same rules as bench/check_openpyxl.py (imported from it): 总量型 must
add up exactly, 质态型 must lie within the towns' range; empty → missing, text that is no number → invalid, "-" →
no target. Without a 类型 column the kind is guessed from the unit and the name, as the CLI does.

It prints {"file", "sheets": [{"sheet", "towns", "rows", "summary"}], "summary"} as JSON (rows = indicators
checked) and exits 1 when an indicator has an error (short/out_of_range/missing/invalid), else 0.
"""
import itertools
import re
import sys

import openpyxl

from check_openpyxl import META_HEADER, NOTE_ROW, TOTAL_HEADER, check_row, header, is_number, kind_of, text
from check_openpyxl import main as run

UNIT_CORNER = re.compile(
    r"^(各?(镇|乡镇|镇街|镇街道|街道|县|县市区|区县|地区|区域|片区|园区|单位|部门)(\([^()]*\))?(名称)?|单位名称"
    r"|镇\(街道\)|镇\(街道、园区\)|县\(市、区\)|乡镇\(街道\))$"
)
NAME_UNIT = re.compile(r"^(.*\S)\s*\(([^()]{1,12})\)$")
UNIT_WORD = re.compile(r"^(%|‰|[\u4e00-\u9fff]{1,6}(/[\u4e00-\u9fff]{1,4})?|[a-zA-Z]{1,6})$")
MEASURE_END = re.compile(r"(元|亩|吨|煤|人|户|家|项|件|个|台|套|次|辆|米|瓦|时|%|‰)$")


def corner(v):
    return header(v).replace("（", "(").replace("）", ")")


def split_name_unit(full):
    """"地区生产总值-001(亿元)" → ("地区生产总值-001", "亿元"), as the CLI splits an indicator header."""
    full = full.replace("（", "(").replace("）", ")").strip()
    m = NAME_UNIT.match(full)
    if not m:
        return full, ""
    unit = m.group(2).strip()
    if not UNIT_WORD.match(unit):
        return full, ""
    if len(unit) > 2 and not MEASURE_END.search(unit) and "/" not in unit:
        return full, ""
    return m.group(1), unit


def find_table(row):
    """The label column and the indicator columns of a header row, or None when it is no towns-as-rows header."""
    headers = [corner(v) for v in row]
    label = next((c for c, h in enumerate(headers) if UNIT_CORNER.match(h)), None)
    if label is None:
        return None
    indicators = []
    for c, h in enumerate(headers):
        if c == label or not h or META_HEADER.match(h) or TOTAL_HEADER.match(h):
            continue
        name, unit = split_name_unit(text(row[c]))
        indicators.append((c, kind_of(None, name, unit)))
    return {"label": label, "indicators": indicators}


def check_sheet(ws):
    rows = ws.iter_rows(values_only=True)
    head = list(itertools.islice(rows, 20))
    for r, row in enumerate(head):
        table = find_table(row)
        if table:
            break
    else:
        return None
    if not table["indicators"]:
        return None

    label = table["label"]
    towns, seen, total = [], set(), None
    for row in itertools.chain(head[r + 1 :], rows):
        name = header(row[label] if label < len(row) else None)
        if name == "":
            continue  # spacer rows
        if NOTE_ROW.match(name) and not any(is_number(v) for c, v in enumerate(row) if c != label):
            continue  # 注:… lines under the table
        if TOTAL_HEADER.match(name):
            if total is None:
                total = row
        elif name not in seen:
            towns.append(row)
            seen.add(name)
    if total is None or not towns:
        return None

    def cell(row, c):
        return row[c] if c < len(row) else None

    summary = {}
    for c, kind in table["indicators"]:
        status = check_row(kind, cell(total, c), [cell(town, c) for town in towns])
        summary[status] = summary.get(status, 0) + 1
    return {"sheet": ws.title, "towns": len(towns), "rows": sum(summary.values()), "summary": summary}


if __name__ == "__main__":
    sys.exit(run(sys.argv, check_sheet, "check_openpyxl_rows.py"))
