// `target-breakdown allocate <file.xlsx> --indicator NAME --total N --method proportional|equal|fill|adjust
//  [--base SOURCE] [--hold 经开区,新埭镇=12] [--min 经开区=10,…] [--max …] [--decimals N] [--percent P]
//  [--sheet NAME] [--year Y] [--tier 确保|力争|奋斗|预期] [--rate] (-o out.xlsx | --json)`
//
// The steps, each in its own file: allocateArgs (command line), allocateTarget (table, row, towns, bases),
// allocateAmount / allocateRate (the two modes), allocateOutput (-o) and allocatePrint (JSON and text).
// The order of the checks is part of the interface: the first problem found is the one reported.
import { existsSync } from "node:fs";
import { AllocationError } from "../core/allocate/allocate";
import { allocateAmount } from "./allocateAmount";
import { type AllocateOptions, parseAllocateArgs } from "./allocateArgs";
import { checkTownCellsUnmerged, writeOutput } from "./allocateOutput";
import { checkOutput } from "./output";
import { type Allocation, printAllocation } from "./allocatePrint";
import { allocateRates, checkRateOptions, printImpliedRate } from "./allocateRate";
import { atRow, findTarget, readBases, readSheets, readTownOptions, type Target } from "./allocateTarget";
import { CliError } from "./errors";
import { localTime } from "../core/submissions/statusSheet";

export async function allocateCommand(argv: string[]): Promise<number> {
  const o = parseAllocateArgs(argv);
  if (!existsSync(o.input)) throw new CliError(`${o.input}: 文件不存在`);
  if (o.out !== undefined) checkOutput(o.out, [o.input], o.force);
  const sheets = await readSheets(o.input);
  const target = findTarget(o.input, sheets, o.indicator, o.sheet, o.measure);
  if (o.out !== undefined) checkTownCellsUnmerged(target);
  const towns = readTownOptions(target, o.townLists);
  const bases = readBases(target, sheets, o.base);

  // The core plans the allocation (and says what is infeasible); allocateAmount / allocateRates name the row.
  if (!o.rate) return deliver(o, target, allocateAmount(o, target, towns, bases));
  const rate = checkRateOptions(o, towns, bases);
  const cityRate = o.total;
  if (cityRate === undefined) {
    // The core reports bases it cannot weigh by without saying where; name the file, sheet and row.
    atRow(target, AllocationError, () => printImpliedRate(o, target, towns, rate.bases));
    return 0;
  }
  return deliver(o, target, allocateRates(o, target, towns, rate, cityRate));
}

/** Writes the workbook (with -o), then prints; writing comes first because it can add notes. */
async function deliver(o: AllocateOptions, target: Target, allocation: Allocation): Promise<number> {
  const now = new Date();
  // 操作人 is only what --operator says: the login of a shared office PC ("Administrator") names no one, and
  // would travel in a workbook sent to other units.
  const meta = {
    time: localTime(now.toISOString(), -now.getTimezoneOffset()),
    reason: o.reason,
    operator: o.operator,
  };
  const written = o.out === undefined ? null : await writeOutput(o.out, target, allocation, meta);
  printAllocation(o, target, allocation, [...allocation.notes, ...(written?.notes ?? [])], written?.recorded);
  return 0;
}
