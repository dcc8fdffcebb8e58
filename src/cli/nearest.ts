// The known word a mistyped one most likely meant (`--sheeet` → sheet, `chek` → check), for "是否要用 …?" hints.

/** Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/**
 * The candidate closest to `word`, when it is close enough to be a typo (two edits, one for a short word) or
 * `word` is its abbreviation (`--out` for output); else undefined, so no far-fetched hint is given.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: { name: string; edits: number } | undefined;
  for (const name of candidates) {
    const edits = distance(w, name);
    if (edits === 0) return name;
    const close = edits <= (w.length <= 3 ? 1 : 2) || (w.length >= 2 && name.startsWith(w));
    if (close && (!best || edits < best.edits)) best = { name, edits };
  }
  return best?.name;
}
