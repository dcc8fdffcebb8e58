// Which town sent a returned file: its identity marker first (it survives renaming), else the title of its sheet
// ("2023年经开区目标任务填报"), else its file name. Names are matched longest first, so "新埭镇" wins over "新埭".
import { cellText, type Grid } from "../grid";
import { memoText, toHalfWidth } from "../text";
import { readMarker, type TemplateMarker } from "./marker";

export type MatchedBy = "marker" | "content" | "filename";

/** The longest town name the text contains, or null. */
export function townNamed(text: string, towns: string[]): string | null {
  // A long title text repeated in every cell above the header is looked at once per town list (memoText).
  let named = byTowns.get(towns);
  if (!named) byTowns.set(towns, (named = memoText((t) => longestTown(t, towns))));
  return named(text);
}
const byTowns = new WeakMap<string[], (text: string) => string | null>();

function longestTown(text: string, towns: string[]): string | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  let best: string | null = null;
  for (const town of towns) if (t.includes(town) && (!best || town.length > best.length)) best = town;
  return best;
}

/** The town the title rows (above the header) name, e.g. "2023年经开区目标任务填报" or "填报单位:经开区". */
export function townInTitle(grid: Grid, headerRow: number, towns: string[]): string | null {
  const limit = headerRow >= 0 ? headerRow : Math.min(3, grid.rows.length);
  for (let r = 0; r < limit; r++)
    for (const v of grid.rows[r] ?? []) {
      const town = townNamed(cellText(v), towns);
      if (town) return town;
    }
  return null;
}

export function findMarker(grids: Grid[]): { marker: TemplateMarker; sheet: string } | null {
  for (const g of grids) {
    const marker = readMarker(g);
    if (marker) return { marker, sheet: g.name };
  }
  return null;
}

/** The last path segment, without folders (either slash) or the extension. */
export function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
}
