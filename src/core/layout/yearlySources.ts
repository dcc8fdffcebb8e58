// Where yearly targets come from: a parsed plan's indicators, or an indicator system found on a sheet.
import type { SystemIndicator } from "../check/crossCheck";
import type { Indicator } from "../model";
import type { YearlySource } from "./yearlySheet";

export function yearlyFromPlan(indicators: Indicator[]): YearlySource[] {
  return indicators.map((i) => ({
    name: i.name,
    unit: i.unit,
    targets: Object.fromEntries(
      Object.entries(i.targets).map(([y, c]) => [y, c.status === "number" ? c.value : null]),
    ),
  }));
}

export function yearlyFromSystem(system: SystemIndicator[]): YearlySource[] {
  return system.map((i) => ({
    name: i.name,
    unit: i.unit,
    targets: Object.fromEntries(
      Object.entries(i.targets).map(([y, t]) => [y, t.status === "number" ? t.value : null]),
    ),
  }));
}
