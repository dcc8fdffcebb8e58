import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planWorkbook } from "../../src/core/layout/planWorkbook";
import type { Plan } from "../../src/core/model";
import { parsePlanDocument } from "../../src/core/parse/planDocument";
import { renderWorkbook } from "../../src/xlsx/renderXlsx";
import { readSeed } from "./seeds";

export function tempDir(prefix = "tb-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function seedPlan(): Plan {
  return parsePlanDocument(readSeed("001_86af085e02e72586.txt"));
}

/** Writes the plan's sheets to a new .xlsx file and returns its path. */
export async function writePlanXlsx(plan: Plan, dir = tempDir()): Promise<string> {
  const wb = await renderWorkbook(planWorkbook(plan));
  const path = join(dir, "plan.xlsx");
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}
