// The 附件3 table of seed 001 as a sheet grid, built from the document's own lines (not from our parser), so
// the check can be tested against the document directly.
import type { Grid, GridValue } from "../../src/core/grid";
import { readSeed } from "./seeds";

export function annex3Lines(): string[][] {
  const doc = readSeed("001_86af085e02e72586.txt");
  const part = doc.slice(doc.indexOf("\n附件3"));
  return part
    .split("\n")
    .filter((l) => l.includes("|"))
    .map((l) => l.split("|").map((c) => c.trim()))
    .map((cells) => (cells[cells.length - 1] === "" ? cells.slice(0, -1) : cells));
}

/** Header at row 3 under a title and a 填报单位 line, numbers as numbers, row 15's merged text spread. */
export function annex3Grid(): Grid {
  const [header, ...rows] = annex3Lines();
  const width = header.length;
  const body = rows.map((cells): GridValue[] => {
    // Row 15: one cell stands for the towns and 全市 (a merged cell in the original).
    const full =
      cells.length < width ? [cells[0], cells[1], ...Array(width - 3).fill(cells[2]), cells[3]] : cells;
    return full.map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c));
  });
  return {
    name: "附件3",
    rows: [
      ["2023年平湖市先进制造业集群培育工程镇(街道)目标任务分解"],
      ["填报单位:平湖市经信局"],
      header.map((h) => h.replace(/\s+/g, "")),
      ...body,
    ],
  };
}
