// Whether the pane is narrow (Excel's task pane opens at about 320–350 px): tables then keep their first columns
// and fold the others into each row's details, instead of wrapping names one character per line.
import { createContext, useContext, useLayoutEffect, useRef, useState } from "react";

/** Below this width a table shows only the columns that matter most. */
export const NARROW_PX = 460;

export const NarrowContext = createContext(false);

export const useNarrow = () => useContext(NarrowContext);

/** Watches an element's width; the pane's root gives it to every page through NarrowContext. */
export function useWidthBelow<T extends HTMLElement>(limit = NARROW_PX) {
  const ref = useRef<T>(null);
  const [below, setBelow] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setBelow(el.getBoundingClientRect().width < limit);
    if (typeof ResizeObserver === "undefined") return;
    const watch = new ResizeObserver(([entry]) => setBelow(entry.contentRect.width < limit));
    watch.observe(el);
    return () => watch.disconnect();
  }, [limit]);
  return { ref, below };
}
